// Marking incidents publishable (or withdrawing them) for the published casebook, and what publishing
// would do with each: the use cases the CLI (`jikenbo publish mark|unmark`) and the incident page share.
import { JikenboError } from '../core/errors.ts';
import { publicationState, type PublicationMark, type PublicationState } from '../core/publication.ts';
import { publicIncidentId } from '../core/public-id.ts';
import type { IncidentStore, PublicationStore } from '../store/ports.ts';
import { resolveIncidentRef } from './incident-number.ts';
import { checkReason } from './review.ts';

export interface MarkInput {
  /** Incidents as people name them (2024-504, J2024-0078, '#' allowed) or their ids. */
  refs: readonly string[];
  publishable: boolean;
  by: string;
  reason?: string | null;
}

export interface IncidentPublication {
  state: PublicationState;
  /** The mark in force, if any. */
  mark: PublicationMark | null;
  /** Every mark, oldest first. */
  history: PublicationMark[];
}

/**
 * Marks each incident publishable (or not) as it is now, its notices with it. Every reference is
 * resolved before anything is stored, so a mistyped one leaves every incident as it was.
 */
export async function markPublication(store: IncidentStore & PublicationStore, input: MarkInput): Promise<PublicationMark[]> {
  if (input.refs.length === 0) throw new JikenboError('bad_input', 'give at least one incident, such as 2024-504', { subject: 'incident' });
  const reason = checkReason(input.reason, false);
  const incidents = [];
  for (const ref of input.refs) {
    const id = await resolveIncidentRef(store, ref);
    const incident = await store.getIncident(id);
    if (!incident) throw new JikenboError('not_found', `no incident ${ref.slice(0, 40)}`, { subject: 'incident', key: 'error.no_incident', params: { id: ref.slice(0, 40) } });
    incidents.push(incident);
  }
  const marks: PublicationMark[] = [];
  for (const incident of new Map(incidents.map((i) => [i.id, i])).values()) {
    marks.push(await store.markPublication({
      incidentId: incident.id, publishable: input.publishable, noticeIds: incident.members.map((m) => m.noticeId), by: input.by, reason,
    }));
  }
  return marks;
}

/** Whether publishing takes the incident, the mark in force and every earlier one. */
export async function publicationOf(store: PublicationStore, incidentId: number, noticeIds: readonly number[]): Promise<IncidentPublication> {
  const history = await store.listPublicationMarks(incidentId);
  const mark = history.at(-1) ?? null;
  return { state: publicationState(mark ?? undefined, noticeIds), mark, history };
}

export interface MarkedIncident {
  /** The incident's public identifier; null for one a merge retired (its notices are another's now). */
  publicId: string | null;
  state: PublicationState;
  mark: PublicationMark;
}

/** Every incident a person marked, with what publishing does with it, in the order they were last marked. */
export async function listMarkedIncidents(store: IncidentStore & PublicationStore): Promise<MarkedIncident[]> {
  const out: MarkedIncident[] = [];
  for (const mark of [...(await store.currentPublicationMarks()).values()].sort((a, b) => a.id - b.id)) {
    const incident = await store.getIncident(mark.incidentId);
    out.push({
      publicId: incident ? publicIncidentId(incident) : null,
      state: incident ? publicationState(mark, incident.members.map((m) => m.noticeId)) : mark.publishable ? 'changed' : 'withdrawn',
      mark,
    });
  }
  return out;
}
