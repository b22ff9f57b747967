// The incidents page's URL: facet choices, the query, order and page, validated with zod on the way in
// and written back the same way, so a view can be bookmarked. The dashboard can read the same URL.
import { z } from 'zod';
import { DATASET_CHOICES } from '../core/dataset.ts';
import { DATA_TYPES, INCIDENT_TYPES, SECTORS } from '../core/record.ts';
import { invalidInput } from '../core/invalid-input.ts';
import type { IncidentFilter } from '../analyze/incident-filter.ts';
import { INCIDENT_SORTS, type IncidentSort } from '../analyze/incident-order.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    // Runs even when the pattern failed (zod 4 keeps checking), so an invalid Date must not throw here.
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date');
const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');
const many = <T extends z.ZodType>(item: T) => z.array(item).max(50).optional();
const one = <T extends z.ZodType>(item: T) => z.array(item).max(1, 'give it once').transform((a) => a[0]).optional();

const schema = z.object({
  q: one(z.string().max(200, 'at most 200 characters')),
  type: many(z.enum(INCIDENT_TYPES)),
  sector: many(z.enum(SECTORS)),
  data: many(z.enum(DATA_TYPES)),
  year: many(z.string().regex(/^(\d{4}|none)$/, 'expected YYYY or none')),
  month: many(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')),
  from: one(isoDate),
  to: one(isoDate),
  contractor: one(yesNo),
  ppc: one(yesNo),
  attacker: one(yesNo),
  review: one(z.enum(['reviewed', 'unreviewed'])),
  sort: one(z.enum(INCIDENT_SORTS)),
  /** The Japanese notices' incidents, the imported ones (VERIS), or all: core/dataset.ts. */
  dataset: one(z.enum(DATASET_CHOICES)),
  page: one(z.coerce.number().int().min(1).max(100_000)),
  lang: one(z.enum(['ja', 'en'])),
  /** Fold the spellings only asked for (個人情報・個人データ): core/spelling-variants.ts. */
  wide: one(z.enum(['1'])),
});

export interface IncidentQuery {
  q: string;
  filter: Omit<IncidentFilter, 'ids'>;
  sort: IncidentSort | undefined;
  page: number;
  /** Search the spelling groups marked onRequest too. */
  wide?: boolean;
}

/** From `c.req.queries()`; empty values mean "not set". A bad parameter is bad_input naming it. */
export function parseIncidentQuery(raw: Record<string, string[]>): IncidentQuery {
  const cleaned = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.filter((x) => x !== '')] as const).filter(([, v]) => v.length > 0));
  const result = schema.safeParse(cleaned);
  if (!result.success) throw invalidInput(result.error, { what: 'query parameter', fallback: 'query', firstStep: true });
  const d = result.data;
  const filter: IncidentQuery['filter'] = {
    types: d.type, sectors: d.sector, dataTypes: d.data, years: d.year, months: d.month, from: d.from, to: d.to,
    contractor: d.contractor, ppc: d.ppc, attacker: d.attacker, review: d.review, ...(d.dataset ? { dataset: d.dataset } : {}),
  };
  return { q: d.q?.trim() ?? '', filter, sort: d.sort, page: d.page ?? 1, ...(d.wide ? { wide: true } : {}) };
}

const yn = (b: boolean | undefined) => (b === undefined ? [] : [b ? 'yes' : 'no']);

/** The URL parameters of a view, in a stable order (what links and the pager write). */
export function incidentQueryParams(q: Pick<IncidentQuery, 'q' | 'filter'> & { sort?: IncidentSort | undefined; page?: number; wide?: boolean }): URLSearchParams {
  const p = new URLSearchParams();
  const f = q.filter;
  if (q.q) p.append('q', q.q);
  if (q.q && q.wide) p.append('wide', '1');
  for (const v of f.types ?? []) p.append('type', v);
  for (const v of f.sectors ?? []) p.append('sector', v);
  for (const v of f.dataTypes ?? []) p.append('data', v);
  for (const v of f.years ?? []) p.append('year', v);
  for (const v of f.months ?? []) p.append('month', v);
  if (f.from) p.append('from', f.from);
  if (f.to) p.append('to', f.to);
  for (const v of yn(f.contractor)) p.append('contractor', v);
  for (const v of yn(f.ppc)) p.append('ppc', v);
  for (const v of yn(f.attacker)) p.append('attacker', v);
  if (f.review) p.append('review', f.review);
  if (f.dataset) p.append('dataset', f.dataset);
  if (q.sort) p.append('sort', q.sort);
  if (q.page && q.page > 1) p.append('page', String(q.page));
  return p;
}
