// The incident use cases shared by the CLI and the server: regroup, list with merged records, and a
// person's link and unlink decisions (each followed by a regroup so it shows at once).

import type { Correction } from '../core/corrections.ts';
import { mergeIncident, overlayCorrections, type MergedRecord } from '../analyze/merge-incident.ts';
import type { GroupingSummary, ManualDecision, StoredIncident } from '../store/store.ts';
import type { Store } from '../store/ports.ts';
import { drainGrouping, type RegroupOptions } from './regroup.ts';

/** Incidents, notices in an incident with another, and incidents whose number another incident also has. */
export type RegroupReport = GroupingSummary;

export interface MergedIncident extends StoredIncident {
  /** Merged from the notices' effective records, with people's corrections of the incident over it. */
  merged: MergedRecord;
  /** Corrections of the incident itself, reverted ones included. */
  corrections: Correction[];
}

/**
 * Regroups what changed since the last regrouping (app/regroup.ts), then counts the casebook's
 * incidents for a person's report. The count reads every incident: request paths drain alone
 * (`drainGrouping`), and only a command that prints the count calls this.
 */
export async function regroupIncidents(store: Store, options: RegroupOptions = {}): Promise<RegroupReport> {
  await drainGrouping(store, options);
  return store.groupingSummary();
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
  await drainGrouping(store);
  return decision;
}

export async function unlinkNoticeAsPerson(store: Store, noticeId: number, by: string): Promise<ManualDecision> {
  const decision = await store.unlinkNotice(noticeId, by);
  await drainGrouping(store);
  return decision;
}
