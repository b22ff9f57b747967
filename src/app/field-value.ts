// Reads a person's typed value for one record field (CLI argument or form input) into its proper type.
import { z } from 'zod';
import { JikenboError } from '../core/errors.ts';
import { invalidInput } from '../core/invalid-input.ts';
import { DATA_TYPES, DISCOVERY_CHANNELS, INCIDENT_TYPES, KINDS, RECORD_KEYS, SECTORS, type RecordKey } from '../core/record.ts';
import type { FieldValue } from '../core/corrections.ts';
import { findDates } from '../core/japanese-date.ts';
import { parseJapaneseNumber } from '../core/japanese-number.ts';
import { MESSAGES, type MessageKey } from '../i18n/messages.ts';
import { calendarDate } from './request-schemas.ts';

const NULL_WORDS = new Set(['', 'null', 'none', '-', 'なし', '不明']);
/**
 * A day as people write it: 2024-01-22, 2024/1/22, 2024年1月22日, 令和6年1月22日 (full-width digits too,
 * a weekday after it allowed); the whole value must be that one date, with its year.
 */
const isoDate = z.string().transform((s, ctx) => {
  const text = s.normalize('NFKC').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const found = iso ? null : findDates(text).filter((d) => d.start === 0 && /^\s*(?:\([日月火水木金土]\)|（[日月火水木金土]）)?\s*$/.test(text.slice(d.end)));
  const date = iso ? (isCalendarDate(text) ? text : null) : found?.[0]?.iso ?? null;
  if (date === null) {
    const first = found?.[0];
    const message = iso || (first && first.year !== null) ? 'not a calendar date'
      : first ? 'the date needs its year' : 'expected a date such as 2024-01-22 or 令和6年1月22日';
    ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    return z.NEVER;
  }
  return date;
});

/** YYYY-MM-DD naming a day the calendar has: the one date check every request uses (request-schemas.ts). */
const isCalendarDate = (iso: string): boolean => calendarDate.safeParse(iso).success;

/** A count as people write it: 48215, 48,215, 4万8,215, 約4万8千名, 1,200件 (a counter word after it allowed). */
const count = z.string().transform((s, ctx) => {
  const bare = s.normalize('NFKC').trim().replace(/(?:名|人|件|人分|件分|名分|社|世帯|口座|アカウント)$/, '');
  const n = parseJapaneseNumber(bare);
  if (n === null || !Number.isSafeInteger(n) || n < 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected a whole number such as 48215 or 4万8,215名' });
    return z.NEVER;
  }
  return n;
});

/** A code, or its label in either language as the pages show it (業種「医療・福祉」 is healthcare). */
function byCodeOrLabel<T extends readonly [string, ...string[]]>(values: T, prefix: string): (s: string) => string {
  const byLabel = new Map<string, string>();
  for (const code of values) {
    for (const catalogue of Object.values(MESSAGES)) {
      const label = catalogue[`${prefix}.${code}` as MessageKey] as string | undefined;
      if (label) byLabel.set(label.normalize('NFKC').toLowerCase(), code);
    }
  }
  return (s) => byLabel.get(s.normalize('NFKC').trim().toLowerCase()) ?? s.trim();
}
const oneOf = <T extends readonly [string, ...string[]]>(values: T, prefix: string) =>
  z.string().transform(byCodeOrLabel(values, prefix)).pipe(z.enum(values));
const text = z.string().trim().min(1).max(500);
const list = <T extends readonly [string, ...string[]]>(values: T, prefix: string) => {
  const code = byCodeOrLabel(values, prefix);
  const known = new Set<string>(values);
  // Parted by commas (、 too); a part that is no code or label is parted again by spaces ("name email").
  const parts = (s: string) => s.split(/[,、，;；/\n]+/).flatMap((part) => {
    const one = code(part);
    return known.has(one) ? [one] : part.split(/\s+/).map(code);
  }).filter(Boolean);
  return z.string().transform((s) => [...new Set(parts(s))]).pipe(z.array(z.enum(values)));
};
const flag = z.string().transform((s) => s.trim().toLowerCase()).pipe(
  z.enum(['true', 'false', 'yes', 'no', '1', '0', 'はい', 'いいえ']).transform((s) => ['true', 'yes', '1', 'はい'].includes(s)),
);

const SCHEMAS: Record<RecordKey, { schema: z.ZodType; nullable: boolean }> = {
  header: { schema: text, nullable: false },
  casebook_id: { schema: z.string().regex(/^\d{4}(-\d{3,})?$/, 'expected YYYY-NNN or YYYY'), nullable: true },
  kind: { schema: oneOf(KINDS, 'kind'), nullable: false },
  organization: { schema: text, nullable: true },
  title: { schema: text, nullable: true },
  disclosure_date: { schema: isoDate, nullable: true },
  incident_types: { schema: list(INCIDENT_TYPES, 'incident_type'), nullable: false },
  affected_count: { schema: count, nullable: true },
  data_types: { schema: list(DATA_TYPES, 'data_type'), nullable: false },
  sector: { schema: oneOf(SECTORS, 'sector'), nullable: true },
  reported_to_ppc: { schema: flag, nullable: false },
  reported_to_police: { schema: flag, nullable: false },
  contractor_involved: { schema: flag, nullable: false },
  attacker: { schema: text, nullable: true },
  discovery: { schema: oneOf(DISCOVERY_CHANNELS, 'discovery'), nullable: true },
  occurred_date: { schema: isoDate, nullable: true },
  discovered_date: { schema: isoDate, nullable: true },
};

/**
 * What is wrong with a typed value, as a code a page words in its own language (review.problem.*):
 * a date not read as a date, one without its year, a day the calendar lacks, a count, a choice that is
 * none of the field's codes or labels, a yes/no, text too long or empty, a casebook number.
 */
export type ValueProblem = 'unknown_field' | 'date' | 'date_year' | 'calendar' | 'count' | 'choice' | 'flag' | 'text' | 'casebook_id';

const KIND_OF: Record<RecordKey, ValueProblem> = {
  header: 'text', casebook_id: 'casebook_id', kind: 'choice', organization: 'text', title: 'text', disclosure_date: 'date',
  incident_types: 'choice', affected_count: 'count', data_types: 'choice', sector: 'choice', reported_to_ppc: 'flag',
  reported_to_police: 'flag', contractor_involved: 'flag', attacker: 'text', discovery: 'choice', occurred_date: 'date', discovered_date: 'date',
};

export interface ValueRefusal {
  problem: ValueProblem;
  /** The reason in English, for the command line and logs. */
  message: string;
}

/** Why `raw` is not a value of `field`, or null when it is one. */
export function fieldValueProblem(field: string, raw: string): ValueRefusal | null {
  try {
    parseFieldValue(field, raw);
    return null;
  } catch (err) {
    if (!(err instanceof JikenboError)) throw err;
    if (!isRecordKey(field)) return { problem: 'unknown_field', message: err.message };
    const problem = /needs its year/.test(err.message) ? 'date_year' : /calendar date/.test(err.message) ? 'calendar' : KIND_OF[field];
    return { problem, message: err.message };
  }
}

export function isRecordKey(s: string): s is RecordKey {
  return (RECORD_KEYS as readonly string[]).includes(s);
}

/** `affected_count "12,000"` → 12000; `data_types "name,email"` → ['name','email']; `sector null` → null. */
export function parseFieldValue(field: string, raw: string): { field: RecordKey; value: FieldValue } {
  if (!isRecordKey(field)) {
    throw new JikenboError('bad_input', `unknown field "${field}"; fields are: ${RECORD_KEYS.join(', ')}`, { subject: field });
  }
  const { schema, nullable } = SCHEMAS[field];
  const trimmed = raw.trim();
  if (NULL_WORDS.has(trimmed.toLowerCase())) {
    if (nullable) return { field, value: null };
    if (field === 'incident_types' || field === 'data_types') return { field, value: [] };
  }
  const result = schema.safeParse(trimmed);
  // The value is checked alone: the field is the one named, whatever the issue's path.
  if (!result.success) throw invalidInput(result.error, { name: () => field, value: raw });
  return { field, value: result.data as FieldValue };
}
