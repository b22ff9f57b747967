// The incidents a view holds, asked of the store: the pages' filter and, when there is a query, the
// notices the search matched (their incidents ranked by their best hit). Facts are made current first.
import type { IncidentFilter } from '../analyze/incident-filter.ts';
import type { IncidentSort } from '../analyze/incident-order.ts';
import type { FactsView } from '../store/store.ts';
import type { Store } from '../store/ports.ts';
import { refreshIncidentFacts, type IncidentFacts } from './incident-facts.ts';
import { recentMatches } from './recent-matches.ts';
import { expandSpellings, variantGroups, type VariantGroup } from '../core/spelling-variants.ts';

/** The view of a query and a filter; the facts of every queued incident made again first. */
export async function incidentView(
  store: Store, q: string, filter: Omit<IncidentFilter, 'ids'>, spellings: readonly VariantGroup[] = variantGroups(),
): Promise<FactsView> {
  await refreshIncidentFacts(store);
  // Each word with its other spellings (漏洩 finds 漏えい too): core/spelling-variants.ts.
  const query = expandSpellings(q.trim(), spellings).query;
  return { filter, ...(query ? { hits: await recentMatches(store, query) } : {}) };
}

/** The order a view is shown in when none is asked: by relevance when searching, else newest first. */
export function defaultSort(view: FactsView, sort: IncidentSort | undefined): IncidentSort {
  return sort ?? (view.hits ? 'relevance' : 'disclosed_desc');
}

/** Every incident of the view, in order (exports, statistics: what needs them all). */
export async function allOfView(store: Store, view: FactsView, sort: IncidentSort): Promise<IncidentFacts[]> {
  const total = await store.countIncidentFacts(view);
  if (total === 0) return [];
  return (await store.queryIncidentFacts(view, sort, { offset: 0, limit: total })).rows;
}
