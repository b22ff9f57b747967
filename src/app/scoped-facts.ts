// The incidents a view counts over: the incident facts narrowed by a search query and the shared
// incident filter; what the stats command, /api/stats, the dashboard and the report start from.
import { filterIncidents, type IncidentFilter } from '../analyze/incident-filter.ts';
import type { Store } from '../store/store.ts';
import { loadIncidentFacts, type IncidentFacts } from './incident-facts.ts';
import { noticeToIncident, searchIncidents } from './incident-search.ts';

export interface FactsScope {
  /** Full-text query; '' for none. */
  q: string;
  filter: Omit<IncidentFilter, 'ids'>;
}

export async function scopedFacts(store: Store, scope: FactsScope): Promise<IncidentFacts[]> {
  const facts = await loadIncidentFacts(store);
  const ids = scope.q ? (await searchIncidents(store, scope.q, noticeToIncident(facts))).ids : undefined;
  return filterIncidents(facts, { ...scope.filter, ids });
}
