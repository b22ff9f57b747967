// Counts for each facet's values over incident facts, as a faceted search shows them: a facet's counts
// apply every other facet of the filter but not its own, so each count is what choosing that value
// (alongside the ones already chosen) would add.
import { FACETS, passesFacet, passesScope, type Facet, type FilterableIncident, type IncidentFilter } from './incident-filter.ts';

export type FacetCounts = Record<Facet, Map<string, number>>;

/** The facet values a row has, as URL values: booleans as 'yes'/'no', undated year as 'none'. */
export function facetValues(row: FilterableIncident, facet: Facet): string[] {
  switch (facet) {
    case 'types': return [...row.incidentTypes];
    case 'sectors': return row.sector ? [row.sector] : [];
    case 'dataTypes': return [...row.dataTypes];
    case 'years': return [row.disclosureDate ? row.disclosureDate.slice(0, 4) : 'none'];
    case 'months': return row.disclosureDate ? [row.disclosureDate.slice(0, 7)] : [];
    case 'contractor': return [row.contractorInvolved ? 'yes' : 'no'];
    case 'ppc': return [row.reportedToPpc ? 'yes' : 'no'];
    case 'attacker': return [row.attacker !== null ? 'yes' : 'no'];
    case 'review': return [row.reviewState];
  }
}

/** One pass over the rows: each row is tested once per facet, then counted under the facets it is not excluded from. */
function bump(map: Map<string, number>, v: string): void {
  map.set(v, (map.get(v) ?? 0) + 1);
}

/** Counts a row's values of one facet (facetValues without building arrays: this runs 10,000 × 9 times a page). */
function countRow(counts: FacetCounts, row: FilterableIncident, f: Facet): void {
  const map = counts[f];
  switch (f) {
    case 'types': for (const v of row.incidentTypes) bump(map, v); return;
    case 'dataTypes': for (const v of row.dataTypes) bump(map, v); return;
    case 'sectors': if (row.sector) bump(map, row.sector); return;
    case 'years': bump(map, row.disclosureDate ? row.disclosureDate.slice(0, 4) : 'none'); return;
    case 'months': if (row.disclosureDate) bump(map, row.disclosureDate.slice(0, 7)); return;
    default: for (const v of facetValues(row, f)) bump(map, v);
  }
}

/** One pass over the rows: each row is tested once per facet, then counted under the facets it is not excluded from. */
export function countFacets(rows: readonly FilterableIncident[], filter: IncidentFilter): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  for (const row of rows) {
    if (!passesScope(row, filter)) continue;
    // A row failing two facets counts for none; failing one, it counts only for that one.
    let failed: Facet | null = null;
    let failures = 0;
    for (const f of FACETS) {
      if (!passesFacet(row, filter, f)) {
        failed = f;
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failed !== null) countRow(counts, row, failed);
    else for (const f of FACETS) countRow(counts, row, f);
  }
  return counts;
}

/** How many rows pass the whole filter, read off its facet counts: every row has exactly one review state. */
export function totalFromCounts(counts: FacetCounts, filter: Pick<IncidentFilter, 'review'>): number {
  if (filter.review !== undefined) return counts.review.get(filter.review) ?? 0;
  let total = 0;
  for (const n of counts.review.values()) total += n;
  return total;
}
