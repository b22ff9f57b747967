// The incident use cases shared by the CLI and the server: regroup, list with merged records, and a
// person's link and unlink decisions (each followed by a regroup so it shows at once).

import { JikenboError } from '../core/errors.ts';
import type { Correction } from '../core/corrections.ts';
import { mergeIncident, overlayCorrections, type MergedRecord } from '../analyze/merge-incident.ts';
import { planIncidents } from '../analyze/plan-incidents.ts';
import type { ManualDecision, Store, StoredIncident } from '../store/store.ts';

export interface RegroupReport {
  incidents: number;
  /** Notices in an incident with at least one other notice. */
  linkedNotices: number;
  /** Incidents whose number another incident also has. */
  clashes: number;
}

export interface MergedIncident extends StoredIncident {
  /** Merged from the notices' effective records, with people's corrections of the incident over it. */
  merged: MergedRecord;
  /** Corrections of the incident itself, reverted ones included. */
  corrections: Correction[];
}

const ATTEMPTS = 3;

/** Reads the casebook, plans the grouping and writes it; plans again if another writer got in between. */
export async function regroupIncidents(store: Store): Promise<RegroupReport> {
  for (let attempt = 1; ; attempt++) {
    const plan = planIncidents(await store.loadIncidentSnapshot());
    try {
      await store.replaceAutoGroups(plan);
      return {
        incidents: plan.incidents.length,
        linkedNotices: plan.incidents.reduce((n, p) => n + (p.members.length > 1 ? p.members.length : 0), 0),
        clashes: plan.incidents.filter((p) => p.clashNotes !== null).length,
      };
    } catch (err) {
      if (!(err instanceof JikenboError && err.code === 'conflict') || attempt >= ATTEMPTS) throw err;
    }
  }
}

export function withMerged(incident: StoredIncident, corrections: Correction[] = []): MergedIncident {
  const merged = mergeIncident(incident.members.map((m) => ({ noticeId: m.noticeId, record: m.record, links: m.links })));
  return { ...incident, merged: overlayCorrections(merged, corrections), corrections };
}

export async function getMergedIncident(store: Store, id: number): Promise<MergedIncident | null> {
  const incident = await store.getIncident(id);
  return incident ? withMerged(incident, await store.listCorrections('incident', id)) : null;
}

// Merged on read rather than stored: a page is at most a few hundred incidents, and a stored merge
// would go stale whenever a person corrects one notice's record.
export async function listMergedIncidents(store: Store, page: { limit?: number; offset?: number } = {}): Promise<MergedIncident[]> {
  const incidents = await store.listIncidents(page);
  return Promise.all(incidents.map(async (i) => withMerged(i, await store.listCorrections('incident', i.id))));
}

export async function linkNoticesAsPerson(store: Store, a: number, b: number, by: string): Promise<ManualDecision> {
  const decision = await store.linkNotices(a, b, by);
  await regroupIncidents(store);
  return decision;
}

export async function unlinkNoticeAsPerson(store: Store, noticeId: number, by: string): Promise<ManualDecision> {
  const decision = await store.unlinkNotice(noticeId, by);
  await regroupIncidents(store);
  return decision;
}
