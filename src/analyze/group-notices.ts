// Incidents as connected notices: automatic links, then a person's decisions on top, which always win.

import type { LinkOrigin, ManualDecision, NoticeLink, PlannedMember } from './grouping-types.ts';

export interface NoticeGroup {
  /** Ascending notice ids. */
  noticeIds: number[];
  members: PlannedMember[];
}

class UnionFind {
  private readonly parent = new Map<number, number>();
  add(x: number): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }
  find(x: number): number {
    let root = x;
    while (this.parent.get(root)! !== root) root = this.parent.get(root)!;
    for (let y = x; y !== root; ) {
      const next = this.parent.get(y)!;
      this.parent.set(y, root);
      y = next;
    }
    return root;
  }
  ids(): number[] {
    return [...this.parent.keys()];
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
}

/**
 * Groups `incidentNoticeIds` (and any notice a person linked) by the links that survive decisions:
 * an unlinked notice drops every automatic link; a manual link holds unless the same notice was
 * unlinked after it (decisions apply in the order they were made).
 */
export function groupNotices(
  incidentNoticeIds: Iterable<number>,
  autoLinks: readonly NoticeLink[],
  decisions: readonly ManualDecision[],
): NoticeGroup[] {
  const lastUnlink = new Map<number, number>();
  for (const d of decisions) if (d.action === 'unlink') lastUnlink.set(d.noticeId, Math.max(d.id, lastUnlink.get(d.noticeId) ?? 0));

  const kept: NoticeLink[] = autoLinks.filter((l) => !lastUnlink.has(l.notices[0]) && !lastUnlink.has(l.notices[1]));
  const decided = new Set(lastUnlink.keys());
  for (const d of decisions) {
    if (d.action !== 'link' || d.otherNoticeId === null) continue;
    const stale = [d.noticeId, d.otherNoticeId].some((n) => (lastUnlink.get(n) ?? 0) > d.id);
    if (stale) continue;
    kept.push({ rule: 'manual_link', evidence: `linked by ${d.by}`, notices: [d.noticeId, d.otherNoticeId], by: d.by, at: d.at });
    decided.add(d.noticeId).add(d.otherNoticeId);
  }

  const sets = new UnionFind();
  for (const id of incidentNoticeIds) sets.add(id);
  for (const { notices: [a, b] } of kept) {
    sets.add(a);
    sets.add(b);
    sets.union(a, b);
  }
  const linksOf = new Map<number, NoticeLink[]>();
  for (const link of kept) for (const n of link.notices) (linksOf.get(n) ?? linksOf.set(n, []).get(n)!).push(link);

  const groups = new Map<number, number[]>();
  for (const id of sets.ids().sort((a, b) => a - b)) {
    const root = sets.find(id);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(id);
  }
  return [...groups.values()].map((noticeIds) => ({
    noticeIds,
    members: noticeIds.map((noticeId) => ({
      noticeId,
      origin: (decided.has(noticeId) ? 'manual' : 'auto') satisfies LinkOrigin,
      links: linksOf.get(noticeId) ?? [],
    })),
  }));
}
