// Choosing incidents for an export, a feed or the API: the filter parameters (request-schemas.ts)
// applied by the store over its incident facts.
import type { Store } from '../store/ports.ts';
import type { IncidentFacts } from './incident-facts.ts';
import { allOfView, defaultSort, incidentView } from './incident-view.ts';
import { filterOf, type SelectionInput } from './request-schemas.ts';

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
