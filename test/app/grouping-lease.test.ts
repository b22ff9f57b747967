// One process of a database drains the grouping queue (the grouping lease): a second process that
// regroups meanwhile does no step of its own and returns once the first has drained what both queued;
// a holder that died is taken over once its lease expires. On both engines, two stores on one database.
import { describe, expect, it } from 'vitest';
import { GROUPING_LEASE, drainGrouping, type GroupingProgress } from '../../src/app/regroup.ts';
import { describeGrouping } from '../../src/cli/grouping-progress.ts';
import { ENGINES } from '../store/engines.ts';
import { makeDocument, makeNotice, makeRecord } from '../store/fixtures.ts';
import type { Store } from '../../src/store/ports.ts';

async function putNotices(store: Store, from: number, count: number): Promise<void> {
  for (let k = from; k < from + count; k++) {
    const text = `個人情報の漏えいについて（${k}）\n株式会社かりそめ${k}\n当社の顧客情報が漏えいした可能性があります。番号${k}。`;
    await store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord({ organization: `株式会社かりそめ${k}`, disclosure_date: '2025-04-01', incident_types: ['unauthorized_access'] }))]);
  }
}

const empty = { 1: 0, 2: 0, 3: 0 };

for (const engine of ENGINES) {
  describe(`the grouping lease on ${engine.name}`, () => {
    it('lets one process drain while another waits for it, doing no step itself', async () => {
      const opened = await engine.open();
      const other = await opened.openAnother();
      try {
        await putNotices(opened.store, 0, 120);
        let open!: () => void;
        const gate = new Promise<void>((resolve) => (open = resolve));
        const firstSteps: GroupingProgress[] = [];
        // The first holds the lease and stops after its first step until the gate opens.
        const first = drainGrouping(opened.store, { onProgress: (p) => firstSteps.push(p), pause: () => gate });
        while (firstSteps.length === 0) await new Promise((r) => setTimeout(r, 10));
        await putNotices(other, 120, 3);
        const secondSteps: GroupingProgress[] = [];
        const second = drainGrouping(other, { onProgress: (p) => secondSteps.push(p), lease: { pollMs: 20 } });
        await new Promise((r) => setTimeout(r, 300));
        // The second says whom it waits for, and what waits.
        expect(secondSteps.length).toBeGreaterThan(0);
        expect(secondSteps.every((p) => p.stage === 'wait' && p.waiting > 0 && p.holder !== undefined)).toBe(true);
        expect(describeGrouping(secondSteps[0]!)).toMatch(/waiting, drained by another process \(.+:\d+:[0-9a-f]{8}\)/);
        open();
        await Promise.all([first, second]);
        const [a, b] = [await opened.store.groupingSummary(), await other.groupingSummary()];
        // The first drained the second's notices too; the second did no step and saw the same casebook.
        expect(secondSteps.filter((p) => p.stage !== 'wait')).toEqual([]);
        expect(a.incidents).toBe(123);
        expect(b).toEqual(a);
        expect(await other.groupingWork()).toEqual(empty);
        // Let go once drained: the next regrouping of either takes the lease at once.
        const lease = await other.takeLease(GROUPING_LEASE, 'someone else', 5000);
        expect(lease.held).toBe(true);
      } finally {
        await other.close();
        await opened.dispose();
      }
    }, 60_000);

    it('takes over from a holder that died once its lease expires', async () => {
      const opened = await engine.open();
      try {
        await putNotices(opened.store, 0, 5);
        // A process took the lease and died without letting it go.
        expect((await opened.store.takeLease(GROUPING_LEASE, 'dead-host:1:cafebabe', 1000)).held).toBe(true);
        const steps: GroupingProgress[] = [];
        const started = Date.now();
        await drainGrouping(opened.store, { onProgress: (p) => steps.push(p), lease: { pollMs: 50 } });
        const summary = await opened.store.groupingSummary();
        expect(Date.now() - started).toBeGreaterThanOrEqual(900);
        expect(steps.filter((p) => p.stage === 'wait').map((p) => p.holder)).toContain('dead-host:1:cafebabe');
        expect(steps.filter((p) => p.stage !== 'wait').length).toBeGreaterThan(0);
        expect(summary.incidents).toBe(5);
        expect(await opened.store.groupingWork()).toEqual(empty);
      } finally {
        await opened.dispose();
      }
    }, 60_000);
  });
}
