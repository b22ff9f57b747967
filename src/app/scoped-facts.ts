// The incidents a view counts over: the incident facts narrowed by a search query and the shared
// incident filter, selected by the store; what the stats command, /api/stats, the dashboard and the report start from.
import type { IncidentFilter } from '../analyze/incident-filter.ts';
import type { DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import type { Store } from '../store/store.ts';
import type { IncidentFacts } from './incident-facts.ts';
import { incidentView } from './incident-view.ts';

export interface FactsScope {
  /** Full-text query; '' for none. */
  q: string;
  filter: Omit<IncidentFilter, 'ids'>;
}

/** The incidents of the scope, in no particular order (statistics do not depend on it). */
export async function scopedFacts(store: Store, scope: FactsScope): Promise<IncidentFacts[]> {
  return store.scanIncidentFacts(await incidentView(store, scope.q, scope.filter));
}

/** The dashboard's figures over the scope, counted by the store. */
export async function scopedFigures(store: Store, scope: FactsScope): Promise<DashboardFigures> {
  return store.incidentFigures(await incidentView(store, scope.q, scope.filter));
}
