// One flat row per incident, its merged and corrected values: what facets, statistics, charts and
// exports count over. Built once per change of the casebook and cached under the store's change token.
import type { FlatIncident } from '../core/flat-incident.ts';
import type { ReplacedIncident } from '../formats/incident-row.ts';
import type { Store } from '../store/store.ts';
import { withMerged, type MergedIncident } from './incidents.ts';

export type { ReviewState } from '../core/flat-incident.ts';

export interface IncidentFacts extends FlatIncident {
  numberKept: boolean;
  numberClash: boolean;
  /** The number jikenbo gave, also when a header number shows. */
  ownNumber?: string | null;
  /** Incidents merged into this one, by the export keys they were exported under. */
  replaces?: ReplacedIncident[];
}

const PAGE = 1000;
const cache = new WeakMap<Store, { token: string; facts: IncidentFacts[] }>();

export function factsOf(incident: MergedIncident, reviewedNotices: ReadonlySet<number>, replaces: ReplacedIncident[] = []): IncidentFacts {
  const m = incident.merged;
  const reviewed = incident.corrections.some((c) => c.revertedAt === null) ||
    incident.members.some((member) => reviewedNotices.has(member.noticeId));
  return {
    id: incident.id, number: incident.number, numberKept: incident.numberKept, numberClash: incident.numberClash,
    exportKey: incident.exportKey, ownNumber: incident.ownNumber, ...(replaces.length ? { replaces } : {}),
    title: m.title.value, organization: m.organization.value, organizations: m.organizations, sector: m.sector.value,
    disclosureDate: m.disclosure_date.value, occurredDate: m.occurred_date.value, discoveredDate: m.discovered_date.value,
    incidentTypes: m.incident_types.value, dataTypes: m.data_types.value, affectedCount: m.affected_count.value,
    reportedToPpc: m.reported_to_ppc.value, reportedToPolice: m.reported_to_police.value,
    contractorInvolved: m.contractor_involved.value, attacker: m.attacker.value, discovery: m.discovery.value,
    noticeIds: incident.members.map((x) => x.noticeId),
    reviewState: reviewed ? 'reviewed' : 'unreviewed',
  };
}

/** Every incident's facts, newest first disclosure first; rebuilt only when the casebook changed. */
export async function loadIncidentFacts(store: Store): Promise<IncidentFacts[]> {
  const token = await store.changeToken();
  const hit = cache.get(store);
  if (hit && hit.token === token) return hit.facts;

  const [incidentCorrections, noticeCorrections, aliases] = await Promise.all([
    store.listAllCorrections('incident'), store.listAllCorrections('notice'), store.listIncidentAliases(),
  ]);
  const replaced = new Map<number, ReplacedIncident[]>();
  for (const a of aliases) {
    if (a.kind !== 'export_key' || a.incidentId === null) continue;
    (replaced.get(a.incidentId) ?? replaced.set(a.incidentId, []).get(a.incidentId)!).push({ exportKey: a.alias, at: a.recordedAt });
  }
  const reviewedNotices = new Set([...noticeCorrections].filter(([, list]) => list.some((c) => c.revertedAt === null)).map(([id]) => id));
  // Page by page, so that only one page of records and merges is alive at a time: the facts are a
  // tenth of their size, and the heap's peak is what the process keeps resident afterwards.
  const facts: IncidentFacts[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listIncidents({ limit: PAGE, offset, lean: true });
    for (const incident of page) facts.push(factsOf(withMerged(incident, incidentCorrections.get(incident.id) ?? []), reviewedNotices, replaced.get(incident.id)));
    if (page.length < PAGE) break;
  }
  cache.set(store, { token, facts });
  return facts;
}
