// The grouping queue's progress in words, for serve's log, ingest's progress line and check.
import type { GroupingProgress } from '../app/regroup.ts';

const STAGE = { index: 'indexing notices', link: 'linking blocks', plan: 'planning incidents' } as const;

export function describeGrouping(p: GroupingProgress): string {
  if (p.stage === 'wait') return `${p.waiting.toLocaleString('en-US')} waiting, drained by another process (${p.holder ?? 'unknown'})`;
  return p.waiting === 0
    ? `done (${p.done.toLocaleString('en-US')} steps)`
    : `${STAGE[p.stage]}: ${p.done.toLocaleString('en-US')} done, ${p.waiting.toLocaleString('en-US')} waiting`;
}
