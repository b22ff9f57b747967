// One flat row per incident, its merged and corrected values: what facets, statistics, charts and
// exports count over. Kept in the store (incident_facts): triggers queue an incident whenever what its
// facts come from changes, and every read first makes the queued ones again, a few hundred at a time.
// No process keeps a copy of the whole casebook's facts (store/facts-index.ts keeps integer codes of
// the facet columns only).
import { fieldReviews, reviewCounts } from '../analyze/review-queue.ts';
import type { Correction } from '../core/corrections.ts';
import { JP_NOTICES } from '../core/dataset.ts';
import type { IncidentFacts, ReplacedIncident } from '../core/flat-incident.ts';
import type { Store } from '../store/ports.ts';
import { dutyMarks } from './duty-check.ts';
import { withMerged, type MergedIncident } from './incidents.ts';

export type { IncidentFacts, ReviewState } from '../core/flat-incident.ts';

/** Incidents made again per step: one step's records and merges are alive at a time. */
const STEP = 500;

/**
 * The incident's flat facts. It counts as reviewed once a person confirmed or corrected every value it
 * states (on the incident or on the notices each value comes from); one confirmed field is not enough.
 */
export function factsOf(incident: MergedIncident, noticeCorrections: ReadonlyMap<number, readonly Correction[]>, replaces: ReplacedIncident[] = []): IncidentFacts {
  const m = incident.merged;
  const review = reviewCounts(fieldReviews({
    merged: m, members: incident.members, incidentCorrections: incident.corrections, noticeCorrections, hasClaims: false, dutyFlag: false,
  }));
  const reviewed = review.of > 0 && review.confirmed + review.corrected === review.of;
  return {
    id: incident.id, number: incident.number, numberKept: incident.numberKept, numberClash: incident.numberClash,
    exportKey: incident.exportKey, ownNumber: incident.ownNumber, ...(replaces.length ? { replaces } : {}),
    title: m.title.value, organization: m.organization.value, organizations: m.organizations, sector: m.sector.value,
    disclosureDate: m.disclosure_date.value, occurredDate: m.occurred_date.value, discoveredDate: m.discovered_date.value,
    incidentTypes: m.incident_types.value, dataTypes: m.data_types.value, affectedCount: m.affected_count.value,
    reportedToPpc: m.reported_to_ppc.value, reportedToPolice: m.reported_to_police.value,
    contractorInvolved: m.contractor_involved.value, attacker: m.attacker.value, discovery: m.discovery.value,
    noticeIds: incident.members.map((x) => x.noticeId),
    reviewState: reviewed ? 'reviewed' : 'unreviewed', review,
    dataset: incident.dataset ?? JP_NOTICES, externalId: incident.externalId ?? null,
  };
}

async function drain(store: Store): Promise<void> {
  let work = await store.takeFactsWork(STEP);
  if (work.length === 0) return;
  // People make few corrections and few merges: read once for the whole drain.
  const [incidentCorrections, noticeCorrections, aliases] = await Promise.all([
    store.listAllCorrections('incident'), store.listAllCorrections('notice'), store.listIncidentAliases(),
  ]);
  const replaced = new Map<number, ReplacedIncident[]>();
  for (const a of aliases) {
    if (a.kind !== 'export_key' || a.incidentId === null) continue;
    (replaced.get(a.incidentId) ?? replaced.set(a.incidentId, []).get(a.incidentId)!).push({ exportKey: a.alias, at: a.recordedAt });
  }
  while (work.length > 0) {
    const ids = work.map((w) => w.incidentId);
    const incidents = await store.listIncidentsByIds(ids);
    const found = new Set(incidents.map((i) => i.id));
    const facts = incidents.map((incident) => factsOf(withMerged(incident, incidentCorrections.get(incident.id) ?? []), noticeCorrections, replaced.get(incident.id)));
    // The duty reads the notices of the incidents a condition could cover: kept as a mark, so views count it in SQL.
    await store.saveIncidentFacts(facts, ids.filter((id) => !found.has(id)), work, await dutyMarks(store, facts));
    // A step at a time: the event loop answers other requests between steps.
    await new Promise<void>((resolve) => setImmediate(resolve));
    work = await store.takeFactsWork(STEP);
  }
}

const draining = new WeakMap<Store, Promise<void>>();

/**
 * Makes the facts of every queued incident again, so that what a read finds is current. Concurrent
 * callers of one store share one drain; when nothing is queued this is one small query.
 */
export async function refreshIncidentFacts(store: Store): Promise<void> {
  const running = draining.get(store);
  if (running) return running;
  const run = drain(store).finally(() => draining.delete(store));
  draining.set(store, run);
  return run;
}

/** Every incident's facts, newest first disclosure first, read from the store (for exports and the CLI: not kept). */
export async function loadIncidentFacts(store: Store): Promise<IncidentFacts[]> {
  await refreshIncidentFacts(store);
  const total = await store.countIncidentFacts({ filter: {} });
  return (await store.queryIncidentFacts({ filter: {} }, 'disclosed_desc', { offset: 0, limit: Math.max(1, total) })).rows;
}

/**
 * The current facts of incident `id`; an incident a merge retired answers as the one it went into
 * (the facts' id says which). null when neither has any.
 */
export async function currentFactsOfIncident(store: Store, id: number): Promise<IncidentFacts | null> {
  await refreshIncidentFacts(store);
  const [facts] = await store.incidentFactsByIds([id]);
  if (facts) return facts;
  const survivor = await store.incidentReplacing(id);
  return survivor === null ? null : (await store.incidentFactsByIds([survivor]))[0] ?? null;
}
