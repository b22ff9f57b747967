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
export function countFacets(rows: readonly FilterableIncident[], filter: IncidentFilter): FacetCounts {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
  for (const row of rows) {
    if (!passesScope(row, filter)) continue;
    const failed = FACETS.filter((f) => !passesFacet(row, filter, f));
    // A row failing two facets counts for neither; failing one, it counts only for that one.
    if (failed.length > 1) continue;
    for (const f of failed.length === 1 ? failed : FACETS) {
      const map = counts[f];
      for (const v of facetValues(row, f)) map.set(v, (map.get(v) ?? 0) + 1);
    }
  }
  return counts;
}
