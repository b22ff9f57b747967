// Regrouping as a plan: link, apply a person's decisions, map groups onto existing incidents so ids
// and numbers stay put, number the new ones in jikenbo's own form, flag header numbers shared by two
// incidents, and say which incident absorbed each one a merge retires. Imported notices (core/dataset.ts)
// are linked by no rule, only by a person, and an incident of imported notices alone gets no number.

import type { ExistingIncident, IncidentPlan, IncidentSnapshot, LinkableNotice, NoticeLink, PlannedIncident } from './grouping-types.ts';
import { isImportedDataset } from '../core/dataset.ts';
import { NumberAllocator, keptNumber } from './casebook-number.ts';
import { groupNotices, type NoticeGroup } from './group-notices.ts';
import { linkNotices, noticeOrder } from './link-notices.ts';

interface Draft {
  group: NoticeGroup;
  claimed: ExistingIncident[];
  /** Notices in incident order: by disclosure date, undated last, then ingest order. */
  ordered: LinkableNotice[];
  firstDisclosure: string | null;
}

/**
 * The plan for the snapshot's notices and incidents: the whole casebook, or (with `links` found
 * beforehand) a part closed under links, incidents and numbers, as app/regroup.ts gives it.
 */
export function planIncidents(snapshot: IncidentSnapshot, links: readonly NoticeLink[] = linkNotices(snapshot.notices.filter((n) => !isImportedDataset(n.dataset)))): IncidentPlan {
  const notices = new Map(snapshot.notices.map((n) => [n.id, n]));
  const incidentNotices = snapshot.notices.filter((n) => n.record.kind === 'incident').map((n) => n.id);
  const groups = groupNotices(incidentNotices, links, snapshot.decisions)
    .filter((g) => g.noticeIds.every((id) => notices.has(id)));

  const drafts: Draft[] = groups.map((group) => {
    const ordered = group.noticeIds.map((id) => notices.get(id)!)
      .sort((a, b) => noticeOrder(sortable(a), sortable(b)));
    const dates = ordered.flatMap((n) => (n.record.disclosure_date ? [n.record.disclosure_date] : [])).sort();
    return { group, claimed: [], ordered, firstDisclosure: dates[0] ?? null };
  });
  claimExisting(drafts, snapshot.incidents);

  const allocator = new NumberAllocator(snapshot.counters, snapshot.incidents.map((i) => i.ownNumber));
  const planned: PlannedIncident[] = [];
  const unnumbered: Array<{ draft: Draft; keeper: ExistingIncident | null }> = [];
  const retire: number[] = [];
  const absorbed: IncidentPlan['absorbed'] = [];
  const keptIds = new Set<number>();

  for (const draft of drafts) {
    const kept = draft.ordered.map((n) => keptNumber(n.record.casebook_id)).find((k) => k !== null) ?? null;
    const keeper = chooseKeeper(draft.claimed, kept);
    if (keeper) keptIds.add(keeper.id);
    // Every other incident this group claimed is merged into the keeper.
    for (const other of draft.claimed) if (keeper && other !== keeper) absorbed.push({ id: other.id, into: keeper.id });
    const base = {
      id: keeper?.id ?? null, members: draft.group.members, clashNotes: null, firstDisclosure: draft.firstDisclosure,
      ownNumber: keeper?.ownNumber ?? null, numberNew: false,
    };
    // One imported incident (a VERIS file) is shown by its own id: no casebook number, none given. One
    // numbered before (a casebook of before migration 14) keeps its own number, so links to it still resolve.
    if (draft.ordered.every((n) => isImportedDataset(n.dataset))) planned.push({ ...base, number: null, numberKept: false });
    else if (kept !== null) planned.push({ ...base, number: kept, numberKept: true });
    else if (keeper?.ownNumber) planned.push({ ...base, number: keeper.ownNumber, numberKept: false });
    else unnumbered.push({ draft, keeper });
  }
  for (const incident of snapshot.incidents) if (!keptIds.has(incident.id)) retire.push(incident.id);

  // New numbers in order of disclosure within the year; a notice ingested late takes the next free number.
  unnumbered.sort((a, b) => {
    const [ya, yb] = [yearOf(a.draft), yearOf(b.draft)];
    return ya - yb || (a.draft.firstDisclosure ?? '9999').localeCompare(b.draft.firstDisclosure ?? '9999')
      || a.draft.group.noticeIds[0]! - b.draft.group.noticeIds[0]!;
  });
  for (const { draft, keeper } of unnumbered) {
    const own = allocator.next(yearOf(draft));
    planned.push({
      id: keeper?.id ?? null, members: draft.group.members, clashNotes: null, firstDisclosure: draft.firstDisclosure,
      number: own, numberKept: false, ownNumber: own, numberNew: true,
    });
  }
  flagClashes(planned, notices);
  return { basis: snapshot.basis, incidents: planned, retire, absorbed, counters: allocator.counters() };
}

function sortable(n: LinkableNotice): { sortDate: string; id: number } {
  return { sortDate: n.record.disclosure_date ?? '9999', id: n.id };
}

/** The year of first disclosure; an incident with no disclosure date takes the year it was first ingested. */
function yearOf(draft: Draft): number {
  if (draft.firstDisclosure) return Number(draft.firstDisclosure.slice(0, 4));
  const ingested = draft.ordered.map((n) => n.ingestedAt).sort()[0]!;
  return Number(ingested.slice(0, 4));
}

/** Each existing incident goes to the group holding most of its notices (ties: its lowest notice). */
function claimExisting(drafts: Draft[], incidents: readonly ExistingIncident[]): void {
  const draftOf = new Map<number, Draft>();
  for (const d of drafts) for (const id of d.group.noticeIds) draftOf.set(id, d);
  for (const incident of incidents) {
    const counts = new Map<Draft, number>();
    for (const id of [...incident.noticeIds].sort((a, b) => a - b)) {
      const d = draftOf.get(id);
      if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    let winner: Draft | null = null;
    for (const [d, n] of counts) if (winner === null || n > counts.get(winner)!) winner = d;
    winner?.claimed.push(incident);
  }
}

/**
 * After a merge: the incident holding the kept number, else the one with the oldest number jikenbo gave,
 * else the oldest row. It keeps its row, its export key and its own number.
 */
function chooseKeeper(claimed: ExistingIncident[], kept: string | null): ExistingIncident | null {
  const withKept = claimed.find((i) => i.numberKept && i.number === kept);
  if (withKept) return withKept;
  const assigned = claimed.filter((i) => i.ownNumber !== null)
    .sort((a, b) => (a.numberAssignedAt ?? '').localeCompare(b.numberAssignedAt ?? '') || a.id - b.id);
  if (assigned[0]) return assigned[0];
  return [...claimed].sort((a, b) => a.id - b.id)[0] ?? null;
}

/** Two incidents with one header number (the casebook gave it twice): both keep it, a person decides. Own numbers never repeat. */
function flagClashes(planned: PlannedIncident[], notices: Map<number, LinkableNotice>): void {
  const byNumber = new Map<string, PlannedIncident[]>();
  for (const p of planned) if (p.number !== null) (byNumber.get(p.number) ?? byNumber.set(p.number, []).get(p.number)!).push(p);
  for (const [number, sharing] of byNumber) {
    if (sharing.length < 2) continue;
    for (const p of sharing) {
      const others = sharing.filter((o) => o !== p).map((o) => {
        const first = o.members[0]!.noticeId;
        return `notice ${first} (${notices.get(first)?.record.organization ?? 'organisation unknown'})`;
      });
      p.clashNotes = `#${number} is also the number of ${others.join(', ')}`;
    }
  }
}
