// Full-text search over incidents: the notices a query matches, mapped to the incidents they belong to,
// ranked by each incident's best hit. Feeds IncidentFilter.ids (src/analyze/incident-filter.ts).
import type { SearchStore } from '../store/ports.ts';

export interface IncidentHits {
  /** The incidents with a matching notice. */
  ids: Set<number>;
  /** Incident id → position of its best hit (0 is best), for sorting by relevance. */
  rank: Map<number, number>;
  /** Incident id → its best matching notice, whose snippet the page shows. */
  bestNotice: Map<number, number>;
}

/** `incidentOf` maps a notice id to its incident id (from the incident facts' noticeIds). */
export async function searchIncidents(store: SearchStore, query: string, incidentOf: ReadonlyMap<number, number>): Promise<IncidentHits> {
  const noticeIds = await store.searchNoticeIds(query);
  const hits: IncidentHits = { ids: new Set(), rank: new Map(), bestNotice: new Map() };
  noticeIds.forEach((noticeId, position) => {
    const incident = incidentOf.get(noticeId);
    if (incident === undefined || hits.ids.has(incident)) return;
    hits.ids.add(incident);
    hits.rank.set(incident, position);
    hits.bestNotice.set(incident, noticeId);
  });
  return hits;
}

/** Notice id → incident id over a list of incident rows. */
export function noticeToIncident(rows: readonly { id: number; noticeIds: readonly number[] }[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const row of rows) for (const n of row.noticeIds) map.set(n, row.id);
  return map;
}
