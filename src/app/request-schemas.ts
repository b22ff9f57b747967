// The request parameters every edge reads — command-line options, page URLs, the JSON API — validated
// with zod here and nowhere else: one date, one incident filter (and the notices' list filter made of
// the same parts). The CLI, the pages and the API turn a problem into their own error (an option name,
// a localised field message, a problem document); what is accepted is the same everywhere.
import { z } from 'zod';
import type { IncidentFilter } from '../analyze/incident-filter.ts';
import { INCIDENT_SORTS } from '../analyze/incident-order.ts';
import { DATASET_CHOICES } from '../core/dataset.ts';
import { JikenboError } from '../core/errors.ts';
import { invalidInput } from '../core/invalid-input.ts';
import { DATA_TYPES, INCIDENT_TYPES, SECTORS } from '../core/record.ts';

/**
 * A date parameter (from, to) as every route and command takes it: YYYY-MM-DD naming a day the calendar
 * has (2023-02-30 and 2023-02-29 are refused, 2024-02-29 taken). zod's ISO date, so the OpenAPI document
 * says `format: date` with the same pattern the server checks.
 */
export const calendarDate = z.iso.date({ error: 'not a calendar date (expected YYYY-MM-DD)' });

const yesNo = z.enum(['yes', 'no']);
const many = <T extends z.ZodType>(item: T) => z.array(item).max(50);

/** The incident filter's parameters, each list a set of alternatives (a URL may repeat a parameter). */
export const selectionShape = {
  q: z.string().max(200).optional().describe('full-text query (bigram search over the notices)'),
  type: many(z.enum(INCIDENT_TYPES)).optional().describe('incident types (any of)'),
  sector: many(z.enum(SECTORS)).optional().describe('sectors (any of)'),
  data: many(z.enum(DATA_TYPES)).optional().describe('data types (any of)'),
  year: many(z.string().regex(/^(\d{4}|none)$/, 'expected YYYY or none')).optional().describe('disclosure years; none for undated'),
  month: many(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')).optional().describe('disclosure months'),
  from: calendarDate.optional().describe('disclosed on or after, YYYY-MM-DD'),
  to: calendarDate.optional().describe('disclosed on or before, YYYY-MM-DD'),
  contractor: yesNo.optional().describe('a contractor was involved'),
  ppc: yesNo.optional().describe('reported to the 個人情報保護委員会'),
  attacker: yesNo.optional().describe('an attacker is named'),
  review: z.enum(['reviewed', 'unreviewed']).optional(),
  dataset: z.enum(DATASET_CHOICES).optional().describe('jp: incidents of the Japanese notices jikenbo reads; imported: incidents imported from VERIS; all (the default here)'),
  sort: z.enum(INCIDENT_SORTS).optional().describe('order; newest disclosure first by default'),
};
/** The filter alone, unknown parameters refused: exports, feeds, the API, `--q/--type/...` options. */
export const selectionSchema = z.object(selectionShape).strict();
export type SelectionInput = z.infer<typeof selectionSchema>;

/** The incidents page's URL (and the dashboard's): the filter, its page, language and wide search; other parameters are let through. */
export const incidentPageQuerySchema = z.object({
  ...selectionShape,
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  lang: z.enum(['ja', 'en']).optional(),
  /** Fold the spellings only asked for (個人情報・個人データ): core/spelling-variants.ts. */
  wide: z.enum(['1']).optional(),
});

/** The organisations list (`/organisations`, `/api/v1/organisations`, `jikenbo orgs`): a name, alias or domain, a page. */
export const organisationListSchema = z.object({
  q: z.string().max(200).optional().describe('a name, alias, romaji or domain the organisation has (any part of it)'),
  page: z.coerce.number().int().min(1).max(100_000).optional().describe('page number, 1 first'),
});

/** A person's name or domain for an organisation. */
export const organisationNameSchema = z.object({
  kind: z.enum(['alias', 'former', 'domain']).describe('alias: another name (romaji, English); former: a former name; domain: a host name'),
  value: z.string().trim().min(1).max(200),
}).strict();

const reason = z.string().trim().max(500).optional().describe('why, kept with the change');

/** Merging one organisation into another. */
export const organisationMergeSchema = z.object({
  into: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('the organisation that answers for both from now on'),
  reason,
}).strict();

/** Splitting off incidents or notices of an organisation into a new organisation of the same name. */
export const organisationSplitSchema = z.object({
  incidents: z.array(z.string().trim().regex(/^#?(J?\d{4}-\d{3,}|[1-9]\d{0,15})$/, 'expected an incident number such as 2024-078 or J2024-0078')).max(500).default([])
    .describe('incidents whose notices of this organisation move'),
  notices: z.array(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(500).default([]).describe('notices that move'),
  reason,
}).strict().refine((v) => v.incidents.length + v.notices.length > 0, { message: 'name at least one incident or notice to move', path: ['incidents'] });

/** The notices list's filter (`jikenbo list`/`search`, /notices): one type, one sector, a date range. */
export const noticeFilterSchema = z.object({
  type: z.enum(INCIDENT_TYPES).optional(),
  sector: z.enum(SECTORS).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

/** Parameters that may repeat (and may hold several values, comma-separated); the rest are given once. */
export const LIST_PARAMS = ['type', 'sector', 'data', 'year', 'month'] as const;

/** A rejected parameter: its name and zod's issue (a repeated single parameter is a too_big issue). */
export interface ParameterProblem {
  where: string;
  issue: z.core.$ZodIssue | undefined;
}

/**
 * Validates raw parameters (URL query or command-line options: name → values) against a schema of
 * this file. Empty values mean "not set"; `ignore` names parameters the caller reads itself (paging).
 */
export function parseParameters<S extends z.ZodType>(
  schema: S, raw: Record<string, readonly string[]>, ignore: readonly string[] = [],
): { data: z.infer<S>; problem?: undefined } | { data?: undefined; problem: ParameterProblem } {
  const input: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(raw)) {
    if (ignore.includes(key)) continue;
    const given = values.filter((v) => v !== '');
    if (given.length === 0) continue;
    if ((LIST_PARAMS as readonly string[]).includes(key)) input[key] = given.flatMap((v) => v.split(',')).filter(Boolean);
    else if (given.length > 1) {
      const issue = { code: 'too_big', origin: 'array', maximum: 1, inclusive: true, path: [key], input: given, message: 'give it once' } as z.core.$ZodIssue;
      return { problem: { where: key, issue } };
    } else input[key] = given[0];
  }
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data };
  const issue = result.error.issues[0];
  const where = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue?.path[0] !== undefined ? String(issue.path[0]) : 'filter';
  return { problem: { where, issue } };
}

/** The filter's parameters, checked: bad_input naming the parameter (`from` after `to` too). */
export function parseSelection(raw: Record<string, readonly string[]>, ignore: readonly string[] = []): SelectionInput {
  const { data: s, problem } = parseParameters(selectionSchema, raw, ignore);
  if (problem) throw invalidInput({ issues: problem.issue ? [problem.issue] : [] }, { fallback: problem.where, firstStep: true });
  if (s.from && s.to && s.from > s.to) throw new JikenboError('bad_input', `from (${s.from}) is after to (${s.to})`, { subject: 'from' });
  return s;
}

/** The store's incident filter of validated parameters. */
export function filterOf(s: Omit<SelectionInput, 'q' | 'sort'>): IncidentFilter {
  const yn = (v: 'yes' | 'no' | undefined) => (v === undefined ? undefined : v === 'yes');
  return {
    types: s.type, sectors: s.sector, dataTypes: s.data, years: s.year, months: s.month, from: s.from, to: s.to,
    contractor: yn(s.contractor), ppc: yn(s.ppc), attacker: yn(s.attacker), review: s.review,
    ...(s.dataset ? { dataset: s.dataset } : {}),
  };
}
