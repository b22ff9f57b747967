// The incidents page's URL: facet choices, the query, order and page, validated on the way in by the
// shared schema (app/request-schemas.ts) and written back the same way, so a view can be bookmarked.
// The dashboard reads the same URL.
import { invalidInput } from '../core/invalid-input.ts';
import type { IncidentFilter } from '../analyze/incident-filter.ts';
import type { IncidentSort } from '../analyze/incident-order.ts';
import { filterOf, incidentPageQuerySchema, parseParameters } from '../app/request-schemas.ts';

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
  const { data: d, problem } = parseParameters(incidentPageQuerySchema, raw);
  if (problem) throw invalidInput({ issues: problem.issue ? [problem.issue] : [] }, { what: 'query parameter', fallback: problem.where, firstStep: true });
  return { q: d.q?.trim() ?? '', filter: filterOf(d), sort: d.sort, page: d.page ?? 1, ...(d.wide ? { wide: true } : {}) };
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
