// Checks filters and paging at the store too: the edges validate, but a store must not trust its callers.

import { JikenboError } from '../core/errors.ts';
import { INCIDENT_TYPES, SECTORS } from '../core/record.ts';
import type { ListOptions, SearchFilters } from './store.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function bad(field: string, message: string): JikenboError {
  return new JikenboError('bad_input', message, { subject: field });
}

export function checkFilters(filters: SearchFilters = {}): SearchFilters {
  const { type, sector, from, to } = filters;
  if (type !== undefined && !(INCIDENT_TYPES as readonly string[]).includes(type)) {
    throw bad('type', `unknown incident type "${type}"`);
  }
  if (sector !== undefined && !(SECTORS as readonly string[]).includes(sector)) {
    throw bad('sector', `unknown sector "${sector}"`);
  }
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !isCalendarDate(value)) throw bad(field, `${field} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (from !== undefined && to !== undefined && from > to) throw bad('from', `from (${from}) is after to (${to})`);
  return { type, sector, from, to };
}

export interface Paging {
  limit: number;
  offset: number;
}

export function checkPaging(options: ListOptions = {}): Paging {
  const { limit = DEFAULT_LIMIT, offset = 0 } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw bad('limit', `limit must be a whole number from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw bad('offset', `offset must be a whole number from 0, got ${offset}`);
  return { limit, offset };
}
