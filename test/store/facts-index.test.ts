// When the facts index (src/store/facts-index.ts) answers: only at the change token it was built at, never
// from facts still queued, and rebuilt at most once per ten times its build time under a stream of
// changes (the store answers from SQL meanwhile). What it answers is compared with SQL and JavaScript
// in store-incident-facts.test.ts.
import { describe, expect, it } from 'vitest';
import { FactsIndexHolder, type FactsIndexSource } from '../../src/store/facts-index.ts';

function source(token: string, queued = false): FactsIndexSource {
  return {
    token, queued, ids: queued ? [] : [1, 2], disclosureDates: queued ? [] : ['2024-01-02', null], sectors: queued ? [] : ['it', null],
    typesMasks: queued ? [] : [1, 2], dataMasks: queued ? [] : [1, 1], flags: queued ? [] : [0, 31],
    disclosedDays: queued ? [] : [3, null], duties: queued ? [] : [2, 0], affectedCounts: queued ? [] : [5, null],
    numberKeys: queued ? [] : [null, '202400000042'], memberNotices: queued ? [] : [10, 11], memberIncidents: queued ? [] : [1, 2],
  };
}

function harness() {
  const state = { token: 'a', queued: false, clock: 0, loads: 0, buildMs: 0 };
  const holder = new FactsIndexHolder(
    async () => {
      state.loads++;
      state.clock += state.buildMs;
      return source(state.token, state.queued);
    },
    async () => state.token,
    () => state.clock,
  );
  return { state, holder };
}

describe('facts index holder', () => {
  it('builds once per change token and answers the same index while the token stays', async () => {
    const { state, holder } = harness();
    const first = await holder.current();
    expect(first?.token).toBe('a');
    expect(await holder.current()).toBe(first);
    expect(state.loads).toBe(1);
    expect(first!.count({ filter: {} })).toBe(2);
    expect(first!.count({ filter: { ppc: true } })).toBe(1);
  });

  it('answers nothing while facts are queued, and builds once they are made', async () => {
    const { state, holder } = harness();
    state.queued = true;
    expect(await holder.current()).toBeNull();
    state.queued = false;
    state.clock += 5000;
    expect((await holder.current())?.token).toBe('a');
  });

  it('never answers an index built at another token than the one asked for', async () => {
    const { state, holder } = harness();
    await holder.current();
    state.clock += 5000;
    state.token = 'b';
    expect((await holder.current())?.token).toBe('b');
    // The token moves again: the old index is not answered, whatever the throttle decides.
    state.token = 'c';
    expect(await holder.current()).toBeNull();
  });

  it('rebuilds at most once per ten build times (at least a second) while the token keeps moving', async () => {
    const { state, holder } = harness();
    state.buildMs = 300;
    await holder.current();
    expect(state.loads).toBe(1);
    state.token = 'b';
    state.clock += 2000; // 2 s after a 300 ms build: too soon (3 s)
    expect(await holder.current()).toBeNull();
    expect(state.loads).toBe(1);
    state.clock += 1100;
    expect((await holder.current())?.token).toBe('b');
    expect(state.loads).toBe(2);
  });

  it('gives a hit to the incident holding the notice, and none for a notice of no incident', async () => {
    const { holder } = harness();
    const index = (await holder.current())!;
    expect(index.page({ filter: {}, hits: [99, 11, 10, 11] }, 'relevance', { offset: 0, limit: 10 })).toEqual({ ids: [2, 1], bestNotice: new Map([[2, 11], [1, 10]]) });
    expect(index.page({ filter: {} }, 'number_desc', { offset: 0, limit: 10 }).ids).toEqual([2, 1]);
    expect(index.page({ filter: {} }, 'affected_desc', { offset: 1, limit: 10 }).ids).toEqual([2]);
  });
});

describe('which views the index answers', () => {
  it('answers a view narrowed to a dataset from its flag (16: not the Japanese notices)', async () => {
    const index = (await harness().holder.current())!;
    expect(index.count({ filter: {} })).toBe(2);
    expect(index.count({ filter: { dataset: 'all' } })).toBe(2);
    expect(index.count({ filter: { dataset: 'jp' } })).toBe(1);
    expect(index.count({ filter: { dataset: 'imported' } })).toBe(1);
    expect(index.page({ filter: { dataset: 'imported' } }, 'disclosed_desc', { offset: 0, limit: 10 }).ids).toEqual([2]);
    expect(index.figureRows({ filter: { dataset: 'jp' } }).find((r) => r.part === 'totals')).toMatchObject({ n: 1, a: '1', b: '5', d: 0, e: 1 });
  });
});
