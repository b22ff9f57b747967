// The incidents a view counts over: the incident facts narrowed by a search query and the shared
// incident filter, selected by the store; what the stats command, /api/stats, the dashboard and the report start from.
import type { IncidentFilter } from '../analyze/incident-filter.ts';
import type { Store } from '../store/store.ts';
import type { IncidentFacts } from './incident-facts.ts';
import { allOfView, incidentView } from './incident-view.ts';

export interface FactsScope {
  /** Full-text query; '' for none. */
  q: string;
  filter: Omit<IncidentFilter, 'ids'>;
}

export async function scopedFacts(store: Store, scope: FactsScope): Promise<IncidentFacts[]> {
  return allOfView(store, await incidentView(store, scope.q, scope.filter), 'disclosed_desc');
}
