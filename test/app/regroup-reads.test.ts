// What a regrouping on a request path reads: a person's correction, a link and an upload regroup what
// they changed and never count the casebook or its queue (each count reads every row, and grows with
// the casebook). Only a command that prints the count asks for it, and a progress bar for the queue.
// On both engines. Every organisation and text here is invented.
import { describe, expect, it } from 'vitest';
import { linkNoticesAsPerson, regroupIncidents } from '../../src/app/incidents.ts';
import { drainGrouping } from '../../src/app/regroup.ts';
import { correctValue } from '../../src/app/review.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES } from '../store/engines.ts';
import { makeDocument, makeNotice, makeRecord } from '../store/fixtures.ts';

/** Counts the calls of each store method, by wrapping the store. */
function counting(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(key), (calls.get(String(key)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: wrapped, calls };
}

async function put(store: Store, k: number): Promise<number> {
  const text = `個人情報の漏えいについて\n2025年3月${k + 1}日\n株式会社みなと物流${k}\n配送伝票${k}件の誤送付が判明しました。`;
  const record = makeRecord({ organization: `株式会社みなと物流${k}`, disclosure_date: `2025-03-${String(k + 1).padStart(2, '0')}`, incident_types: ['misdelivery'] });
  return (await store.ingestDocument(makeDocument(text), [makeNotice(text, record)])).noticeIds[0]!;
}

for (const engine of ENGINES) {
  describe(`what a request's regrouping reads on ${engine.name}`, () => {
    it('regroups a correction and a link without counting the casebook or the queue', async () => {
      const { store, dispose } = await engine.open();
      try {
        const ids: number[] = [];
        for (let k = 0; k < 6; k++) ids.push(await put(store, k));
        await regroupIncidents(store);

        const watched = counting(store);
        await correctValue(watched.store, { target: 'notice', id: ids[0]!, field: 'organization', value: '株式会社みなと物流1', by: 'tester', reason: '公表文の社名による' });
        await linkNoticesAsPerson(watched.store, ids[2]!, ids[3]!, 'tester');
        // The regroupings ran: the link joined 2 and 3 (the corrected notice stays alone: another day).
        expect(watched.calls.get('takeGroupingItems')).toBeGreaterThan(0);
        expect(watched.calls.get('groupingSummary')).toBeUndefined();
        expect(watched.calls.get('groupingWork')).toBeUndefined();
        const holding = (await store.listIncidents({ limit: 50 })).find((i) => i.members.some((m) => m.noticeId === ids[2]));
        expect(holding?.members.map((m) => m.noticeId).sort((a, b) => a - b)).toEqual([ids[2], ids[3]]);
        expect(await store.groupingWork()).toEqual({ 1: 0, 2: 0, 3: 0 });

        // A progress bar counts the queue (once, then every 20 steps), and a report counts the casebook once.
        await put(store, 7);
        const reported = counting(store);
        const steps: number[] = [];
        const summary = await regroupIncidents(reported.store, { onProgress: (p) => steps.push(p.waiting) });
        expect(steps.length).toBeGreaterThan(0);
        expect(reported.calls.get('groupingWork')).toBe(1);
        expect(reported.calls.get('groupingSummary')).toBe(1);
        expect(summary.incidents).toBe(6);

        // Nothing queued: a drain takes nothing and counts nothing.
        const idle = counting(store);
        await drainGrouping(idle.store);
        expect(idle.calls.get('takeGroupingItems')).toBe(1);
        expect(idle.calls.get('groupingWork')).toBeUndefined();
      } finally {
        await dispose();
      }
    }, 120_000);
  });
}
