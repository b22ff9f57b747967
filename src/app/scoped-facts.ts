// The incidents a view counts over: the incident facts narrowed by a search query and the shared
// incident filter, selected by the store; what the stats command, /api/stats, the dashboard and the report start from.
import type { IncidentFilter } from '../analyze/incident-filter.ts';
import type { DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import type { Store } from '../store/ports.ts';
import type { IncidentFacts } from './incident-facts.ts';
import { incidentView } from './incident-view.ts';

export interface FactsScope {
  /** Full-text query; '' for none. */
  q: string;
  filter: Omit<IncidentFilter, 'ids'>;
}

/**
 * The incidents of the scope, in no particular order (statistics do not depend on it). Statistics, the
 * dashboard, the duty list, the review queue and the report count the Japanese notices' incidents
 * unless the scope asks for another dataset (`dataset: 'imported'` or `'all'`): core/dataset.ts.
 */
export async function scopedFacts(store: Store, scope: FactsScope): Promise<IncidentFacts[]> {
  return store.scanIncidentFacts(await incidentView(store, scope.q, statisticsFilter(scope.filter)));
}

/** The filter a statistic counts over: the Japanese notices' incidents when it names no dataset. */
export function statisticsFilter(filter: Omit<IncidentFilter, 'ids'>): Omit<IncidentFilter, 'ids'> {
  return { ...filter, dataset: filter.dataset ?? 'jp' };
}

/** The dashboard's figures over the scope, counted by the store (the Japanese notices' unless it names a dataset). */
export async function scopedFigures(store: Store, scope: FactsScope): Promise<DashboardFigures> {
  return store.incidentFigures(await incidentView(store, scope.q, statisticsFilter(scope.filter)));
}
