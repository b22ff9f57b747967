// Choosing incidents for an export, a feed or the API: the pages' filter parameters (type, sector, data,
// year, month, from, to, contractor, ppc, attacker, review, q, sort), validated with zod, applied by the
// store over its incident facts.
import { z } from 'zod';
import type { IncidentFilter } from '../analyze/incident-filter.ts';
import { INCIDENT_SORTS } from '../analyze/incident-order.ts';
import { DATASET_CHOICES } from '../core/dataset.ts';
import { JikenboError } from '../core/errors.ts';
import { invalidInput } from '../core/invalid-input.ts';
import { calendarDate } from './calendar-date.ts';
import { DATA_TYPES, INCIDENT_TYPES, SECTORS } from '../core/record.ts';
import type { Store } from '../store/store.ts';
import type { IncidentFacts } from './incident-facts.ts';
import { allOfView, defaultSort, incidentView } from './incident-view.ts';

const isoDate = calendarDate;
const yesNo = z.enum(['yes', 'no']);
const many = <T extends z.ZodType>(item: T) => z.array(item).max(50);

/** The filter parameters, each a list (a URL may repeat a parameter; values within one are alternatives). */
export const selectionShape = {
  q: z.string().max(200).optional().describe('full-text query (bigram search over the notices)'),
  type: many(z.enum(INCIDENT_TYPES)).optional().describe('incident types (any of)'),
  sector: many(z.enum(SECTORS)).optional().describe('sectors (any of)'),
  data: many(z.enum(DATA_TYPES)).optional().describe('data types (any of)'),
  year: many(z.string().regex(/^(\d{4}|none)$/, 'expected YYYY or none')).optional().describe('disclosure years; none for undated'),
  month: many(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')).optional().describe('disclosure months'),
  from: isoDate.optional().describe('disclosed on or after, YYYY-MM-DD'),
  to: isoDate.optional().describe('disclosed on or before, YYYY-MM-DD'),
  contractor: yesNo.optional().describe('a contractor was involved'),
  ppc: yesNo.optional().describe('reported to the 個人情報保護委員会'),
  attacker: yesNo.optional().describe('an attacker is named'),
  review: z.enum(['reviewed', 'unreviewed']).optional(),
  dataset: z.enum(DATASET_CHOICES).optional().describe('jp: incidents of the Japanese notices jikenbo reads; imported: incidents imported from VERIS; all (the default here)'),
  sort: z.enum(INCIDENT_SORTS).optional().describe('order; newest disclosure first by default'),
};
export const selectionSchema = z.object(selectionShape).strict();
export type SelectionInput = z.infer<typeof selectionSchema>;

/** Parameters that may repeat; the rest are given once. */
export const LIST_PARAMS = ['type', 'sector', 'data', 'year', 'month'] as const;

/**
 * From raw parameters (URL query or command-line options: name → values). Empty values mean "not set";
 * `ignore` names parameters the caller reads itself (paging). A bad parameter is bad_input naming it.
 */
export function parseSelection(raw: Record<string, readonly string[]>, ignore: readonly string[] = []): SelectionInput {
  const input: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(raw)) {
    if (ignore.includes(key)) continue;
    const given = values.filter((v) => v !== '');
    if (given.length === 0) continue;
    if ((LIST_PARAMS as readonly string[]).includes(key)) input[key] = given.flatMap((v) => v.split(',')).filter(Boolean);
    else if (given.length > 1) throw new JikenboError('bad_input', `${key}: give it once`, { subject: key });
    else input[key] = given[0];
  }
  const result = selectionSchema.safeParse(input);
  if (!result.success) throw invalidInput(result.error, { fallback: 'filter', firstStep: true });
  const s = result.data;
  if (s.from && s.to && s.from > s.to) throw new JikenboError('bad_input', `from (${s.from}) is after to (${s.to})`, { subject: 'from' });
  return s;
}

export function filterOf(s: SelectionInput): IncidentFilter {
  const yn = (v: 'yes' | 'no' | undefined) => (v === undefined ? undefined : v === 'yes');
  return {
    types: s.type, sectors: s.sector, dataTypes: s.data, years: s.year, months: s.month, from: s.from, to: s.to,
    contractor: yn(s.contractor), ppc: yn(s.ppc), attacker: yn(s.attacker), review: s.review,
    ...(s.dataset ? { dataset: s.dataset } : {}),
  };
}

/** The incidents a selection picks, in its order (by relevance when searching and no order is given). */
export async function selectIncidents(store: Store, s: SelectionInput): Promise<IncidentFacts[]> {
  const view = await incidentView(store, s.q ?? '', filterOf(s));
  return allOfView(store, view, defaultSort(view, s.sort));
}

/** One page of a selection, and how many incidents it holds in all. */
export async function selectIncidentPage(store: Store, s: SelectionInput, window: { offset: number; limit: number }): Promise<{ rows: IncidentFacts[]; total: number }> {
  const view = await incidentView(store, s.q ?? '', filterOf(s));
  const total = await store.countIncidentFacts(view);
  const { rows } = window.offset < total ? await store.queryIncidentFacts(view, defaultSort(view, s.sort), window) : { rows: [] };
  return { rows, total };
}
