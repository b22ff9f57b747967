// The labelled grouping set (eval/grouping): extracts every notice, groups them as the store does
// (planIncidents: linkNotices, then groupNotices), and scores the pairs of notices put in one
// incident against the labels. Each wrong pair comes with the links that joined it or what was missing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { planIncidents } from '../src/analyze/plan-incidents.ts';
import { JikenboError } from '../src/core/errors.ts';
import { extractDocument } from '../src/extract/extract.ts';
import type { LinkableNotice, NoticeLink } from '../src/store/store.ts';

export const GROUPING_DIR = 'eval/grouping';
export const TARGET_PRECISION = 0.99;
export const TARGET_RECALL = 0.95;

const labelsSchema = z.object({
  incidents: z.array(z.object({
    id: z.string().min(1),
    files: z.array(z.string().regex(/^[^/\\]+\.txt$/)).min(1),
    note: z.string().optional(),
  })).min(1),
});

export interface WrongPair {
  files: [string, string];
  /** For a pair joined wrongly: each link on the path between them; for a pair kept apart wrongly: empty. */
  path: NoticeLink[];
  /** Labels of both files (the same for a missed pair). */
  labels: [string, string];
}

export interface GroupingScore {
  notices: number;
  labelledIncidents: number;
  plannedIncidents: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  falseMerges: WrongPair[];
  missedPairs: WrongPair[];
  /** Automatic links by rule, over the whole set. */
  linksByRule: Record<string, number>;
}

/** Reads the set; each file must hold one notice and be labelled exactly once. */
export function loadGroupingSet(dir = GROUPING_DIR): { files: string[]; notices: LinkableNotice[]; labelOf: Map<string, string> } {
  const labels = labelsSchema.parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  const labelOf = new Map<string, string>();
  for (const incident of labels.incidents) {
    for (const file of incident.files) {
      if (labelOf.has(file)) throw new JikenboError('bad_input', `labels.json: ${file} is in two incidents`, { subject: file });
      labelOf.set(file, incident.id);
    }
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const unlabelled = files.filter((f) => !labelOf.has(f));
  const missing = [...labelOf.keys()].filter((f) => !files.includes(f));
  if (unlabelled.length || missing.length) {
    throw new JikenboError('bad_input', `labels.json: unlabelled ${unlabelled.join(', ') || '-'}; missing files ${missing.join(', ') || '-'}`);
  }
  const notices = files.map((file, i): LinkableNotice => {
    const extractions = extractDocument(readFileSync(join(dir, file), 'utf8'));
    if (extractions.length !== 1) throw new JikenboError('bad_input', `${file}: ${extractions.length} posts, not one`, { subject: file });
    const { post, record } = extractions[0]!;
    return { id: i + 1, text: post.text, record, ingestedAt: '2026-01-01T00:00:00.000Z' };
  });
  return { files, notices, labelOf };
}

export function scoreGroupingSet(dir = GROUPING_DIR): GroupingScore {
  const { files, notices, labelOf } = loadGroupingSet(dir);
  const fileOf = (id: number) => files[id - 1]!;
  const plan = planIncidents({ basis: 'grouping-set', notices, decisions: [], incidents: [], counters: new Map() });
  const incidentOf = new Map<number, number>();
  const linksByRule: Record<string, number> = {};
  const seenLinks = new Set<NoticeLink>();
  plan.incidents.forEach((incident, i) => {
    for (const m of incident.members) {
      incidentOf.set(m.noticeId, i);
      for (const l of m.links) {
        if (seenLinks.has(l)) continue;
        seenLinks.add(l);
        linksByRule[l.rule] = (linksByRule[l.rule] ?? 0) + 1;
      }
    }
  });
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  const falseMerges: WrongPair[] = [];
  const missedPairs: WrongPair[] = [];
  for (let a = 1; a <= notices.length; a++) {
    for (let b = a + 1; b <= notices.length; b++) {
      const labels: [string, string] = [labelOf.get(fileOf(a))!, labelOf.get(fileOf(b))!];
      const same = labels[0] === labels[1];
      const together = incidentOf.get(a) === incidentOf.get(b);
      if (same) truePairs++;
      if (together) predictedPairs++;
      if (same && together) correctPairs++;
      if (together && !same) falseMerges.push({ files: [fileOf(a), fileOf(b)], labels, path: linkPath(a, b, [...seenLinks]) });
      if (same && !together) missedPairs.push({ files: [fileOf(a), fileOf(b)], labels, path: [] });
    }
  }
  return {
    notices: notices.length, labelledIncidents: new Set(labelOf.values()).size, plannedIncidents: plan.incidents.length,
    truePairs, predictedPairs, correctPairs,
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    falseMerges, missedPairs, linksByRule,
  };
}

/** The links on a shortest path from a to b (breadth first over the automatic links). */
function linkPath(a: number, b: number, links: NoticeLink[]): NoticeLink[] {
  const via = new Map<number, { from: number; link: NoticeLink }>();
  const queue = [a];
  const seen = new Set([a]);
  while (queue.length) {
    const at = queue.shift()!;
    if (at === b) break;
    for (const link of links) {
      const [x, y] = link.notices;
      const next = x === at ? y : y === at ? x : null;
      if (next === null || seen.has(next)) continue;
      seen.add(next);
      via.set(next, { from: at, link });
      queue.push(next);
    }
  }
  const path: NoticeLink[] = [];
  for (let at = b; at !== a && via.has(at); at = via.get(at)!.from) path.unshift(via.get(at)!.link);
  return path;
}

/** The score as lines of Markdown, each wrong pair with its rule and evidence. */
export function describeGroupingScore(s: GroupingScore, fileOf: (id: number) => string): string[] {
  const fmt = (x: number) => x.toFixed(3);
  const lines = [
    `| grouping set | ${s.notices} notices, ${s.labelledIncidents} labelled incidents, ${s.plannedIncidents} planned |`,
    '|---|---|',
    `| pairwise precision (target ≥ ${TARGET_PRECISION}) | ${fmt(s.precision)} (${s.correctPairs} of ${s.predictedPairs} pairs put together) |`,
    `| pairwise recall (target ≥ ${TARGET_RECALL}) | ${fmt(s.recall)} (${s.correctPairs} of ${s.truePairs} labelled pairs) |`,
    `| links by rule | ${Object.entries(s.linksByRule).sort().map(([r, n]) => `${r} ${n}`).join(', ') || 'none'} |`,
  ];
  for (const p of s.falseMerges) {
    const why = p.path.map((l) => `${l.rule} ${fileOf(l.notices[0])}–${fileOf(l.notices[1])}: ${l.evidence}`).join('; ');
    lines.push('', `- false merge ${p.files.join(' + ')} (${p.labels.join(' ≠ ')}): ${why}`);
  }
  for (const p of s.missedPairs) lines.push('', `- missed pair ${p.files.join(' + ')} (${p.labels[0]}): no link`);
  return lines;
}
