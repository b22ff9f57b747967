// The precomputed facts of each incident (table incident_facts, filled by app/incident-facts.ts) as SQL
// both engines run: the filter of the pages (analyze/incident-filter.ts) as WHERE clauses, the orders of
// analyze/incident-order.ts as ORDER BY, and facet counts as one statement. Engine differences are only
// how a value is bound (`param`) and where the search hits come from (the caller's `hits` table).
import type { DutyMark } from '../analyze/duty-mark.ts';
import type { FacetCounts } from '../analyze/facet-counts.ts';
import { disclosureDelayOf } from '../analyze/stats/delays.ts';
import { FACETS, type Facet, type IncidentFilter } from '../analyze/incident-filter.ts';
import type { IncidentSort } from '../analyze/incident-order.ts';
import type { IncidentFacts } from '../core/flat-incident.ts';
import { JP_NOTICES } from '../core/dataset.ts';
import { DATA_TYPES, INCIDENT_TYPES, type DataType, type IncidentType } from '../core/record.ts';

/** Binds a value and returns its placeholder ('?' on SQLite, '$n' on PostgreSQL). */
export type Bind = (value: string | number) => string;

/** The filter without search hits: what the store's facts queries take (the query comes apart). */
export type FactsFilter = Omit<IncidentFilter, 'ids'>;

/** A set of values as bits: incident types and data types each fit one integer column. */
export function maskOf<T extends string>(all: readonly T[], values: readonly T[]): number {
  let mask = 0;
  for (const v of values) {
    const bit = all.indexOf(v);
    if (bit >= 0) mask |= 2 ** bit;
  }
  return mask;
}

export function valuesOfMask<T extends string>(all: readonly T[], mask: number): T[] {
  return all.filter((_, bit) => Math.floor(mask / 2 ** bit) % 2 === 1);
}

/** '2024-042' → [2024, 0, 42], 'J2024-0042' → [2024, 1, 42] (the order of incident-order.ts). */
export function numberKey(n: string | null): [number, number, number] | null {
  const m = n ? /^(J?)(\d{4})-(\d+)$/.exec(n) : null;
  return m ? [Number(m[2]), m[1] ? 1 : 0, Number(m[3])] : null;
}

/**
 * The columns of one incident_facts row, in this order. The facts themselves (JSON) live in a table of
 * their own, incident_facts_json: filtering and counting scan these narrow rows only, and the JSON is
 * read for the rows a page shows.
 */
export const FACT_COLUMNS = [
  'incident_id', 'disclosure_date', 'year', 'month', 'affected_count', 'number_year', 'number_own', 'number_seq', 'sector',
  'types_mask', 'data_mask', 'contractor', 'ppc', 'attacker', 'reviewed', 'disclosed_days', 'duty', 'dataset',
] as const;

/** The row of one incident's facts; its duty mark comes from its notices (app/incident-facts.ts reads them). */
export function factRowValues(f: IncidentFacts, duty: DutyMark): (string | number | null)[] {
  const key = numberKey(f.number);
  return [
    f.id, f.disclosureDate, f.disclosureDate ? f.disclosureDate.slice(0, 4) : 'none', f.disclosureDate ? f.disclosureDate.slice(0, 7) : null,
    f.affectedCount, key?.[0] ?? null, key?.[1] ?? null, key?.[2] ?? null, f.sector,
    maskOf(INCIDENT_TYPES, f.incidentTypes), maskOf(DATA_TYPES, f.dataTypes),
    f.contractorInvolved ? 1 : 0, f.reportedToPpc ? 1 : 0, f.attacker !== null ? 1 : 0, f.reviewState === 'reviewed' ? 1 : 0,
    disclosureDelayOf(f), duty, f.dataset ?? JP_NOTICES,
  ];
}

/** An incident's duty mark among those the drain read; every incident saved has one. */
export function dutyOf(duty: ReadonlyMap<number, DutyMark>, incidentId: number): DutyMark {
  const mark = duty.get(incidentId);
  if (mark === undefined) throw new Error(`no duty mark for incident ${incidentId}`);
  return mark;
}

const inList = (values: readonly (string | number)[], bind: Bind) => values.map(bind).join(', ');

/** One facet of the filter as a clause over `f` (an incident_facts row), or null when the filter leaves it open. */
function facetClause(filter: FactsFilter, facet: Facet, bind: Bind): string | null {
  const given = <T>(v: readonly T[] | undefined): v is readonly T[] => v !== undefined && v.length > 0;
  switch (facet) {
    case 'types': return given(filter.types) ? `(f.types_mask & ${bind(maskOf(INCIDENT_TYPES, filter.types))}) <> 0` : null;
    case 'sectors': return given(filter.sectors) ? `f.sector IN (${inList(filter.sectors, bind)})` : null;
    case 'dataTypes': return given(filter.dataTypes) ? `(f.data_mask & ${bind(maskOf(DATA_TYPES, filter.dataTypes))}) <> 0` : null;
    case 'years': return given(filter.years) ? `f.year IN (${inList(filter.years, bind)})` : null;
    case 'months': return given(filter.months) ? `f.month IN (${inList(filter.months, bind)})` : null;
    case 'contractor': return filter.contractor === undefined ? null : `f.contractor = ${filter.contractor ? 1 : 0}`;
    case 'ppc': return filter.ppc === undefined ? null : `f.ppc = ${filter.ppc ? 1 : 0}`;
    case 'attacker': return filter.attacker === undefined ? null : `f.attacker = ${filter.attacker ? 1 : 0}`;
    case 'review': return filter.review === undefined ? null : `f.reviewed = ${filter.review === 'reviewed' ? 1 : 0}`;
  }
}

/** The date range every facet shares (passesScope without the ids: the hits are joined, not filtered). */
function scopeClauses(filter: FactsFilter, bind: Bind): string[] {
  const out: string[] = [];
  if (filter.from) out.push(`f.disclosure_date >= ${bind(filter.from)}`);
  if (filter.to) out.push(`f.disclosure_date <= ${bind(filter.to)}`);
  if (filter.dataset === 'jp') out.push(`f.dataset = ${bind(JP_NOTICES)}`);
  if (filter.dataset === 'imported') out.push(`f.dataset <> ${bind(JP_NOTICES)}`);
  return out;
}

/** The whole filter as clauses over `f`; `except` leaves one facet open (what its counts need). */
export function factsWhere(filter: FactsFilter, bind: Bind, except?: Facet): string[] {
  const out = scopeClauses(filter, bind);
  for (const facet of FACETS) {
    if (facet === except) continue;
    const clause = facetClause(filter, facet, bind);
    if (clause) out.push(clause);
  }
  return out;
}

export const where = (clauses: readonly string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');

/** ORDER BY over `f`, with `f.pos` (the best hit's position) for relevance when searching. Ties: the higher id first. */
export function factsOrder(sort: IncidentSort, searching: boolean): string {
  switch (sort) {
    case 'disclosed_desc': return 'f.disclosure_date DESC NULLS LAST, f.incident_id DESC';
    case 'disclosed_asc': return 'f.disclosure_date ASC NULLS LAST, f.incident_id DESC';
    case 'affected_desc': return 'f.affected_count DESC NULLS LAST, f.incident_id DESC';
    case 'number_desc': return 'f.number_year DESC NULLS LAST, f.number_own DESC, f.number_seq DESC, f.incident_id DESC';
    case 'number_asc': return 'f.number_year ASC NULLS LAST, f.number_own ASC, f.number_seq ASC, f.incident_id DESC';
    case 'relevance': return searching ? 'f.pos ASC, f.incident_id DESC' : factsOrder('disclosed_desc', false);
  }
}

/** Which column each facet counts; grouped by the bare column (so an index on it serves) and read as text. */
const FACET_COLUMN: Record<Facet, string> = {
  types: 'f.types_mask', sectors: 'f.sector', dataTypes: 'f.data_mask', years: 'f.year', months: 'f.month',
  contractor: 'f.contractor', ppc: 'f.ppc', attacker: 'f.attacker', review: 'f.reviewed',
};

/**
 * Every facet's counts in one statement: per facet, the rows passing every other facet grouped by its
 * value (type and data masks grouped whole, split into values by countsFromRows). `from` names the rows
 * as `f` (the table, or the search's matched rows joined to it).
 */
export function facetCountsSql(from: string, filter: FactsFilter, bind: Bind): string {
  return FACETS.map((facet) => {
    const column = FACET_COLUMN[facet];
    return `SELECT '${facet}' AS facet, CAST(${column} AS TEXT) AS value, count(*) AS n FROM ${from} ${where(factsWhere(filter, bind, facet))} GROUP BY ${column}`;
  }).join('\nUNION ALL\n');
}

const YES_NO = (v: string) => (v === '1' ? 'yes' : 'no');

/** The grouped rows of facetCountsSql as the facet counts the pages show. */
export function countsFromRows(rows: readonly { facet: string; value: string | null; n: number | string }[]): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  const bump = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const row of rows) {
    const facet = row.facet as Facet;
    const n = Number(row.n);
    if (row.value === null) continue; // no sector, no month: counted under no value, as in facet-counts.ts
    switch (facet) {
      case 'types': for (const t of valuesOfMask<IncidentType>(INCIDENT_TYPES, Number(row.value))) bump(counts.types, t, n); break;
      case 'dataTypes': for (const d of valuesOfMask<DataType>(DATA_TYPES, Number(row.value))) bump(counts.dataTypes, d, n); break;
      case 'contractor': case 'ppc': case 'attacker': bump(counts[facet], YES_NO(row.value), n); break;
      case 'review': bump(counts.review, row.value === '1' ? 'reviewed' : 'unreviewed', n); break;
      default: bump(counts[facet], row.value, n);
    }
  }
  return counts;
}
