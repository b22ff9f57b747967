// When the facts index (src/store/facts-index.ts) answers: only at the change token it was built at, never
// from facts still queued, and rebuilt at most once per ten times its build time under a stream of
// changes (the store answers from SQL meanwhile). What it answers is compared with SQL and JavaScript
// in store-incident-facts.test.ts.
import { describe, expect, it } from 'vitest';
import { FactsIndex, FactsIndexHolder, type FactsIndexSource } from '../../src/store/facts-index.ts';
import { countFacets } from '../../src/analyze/facet-counts.ts';
import { filterIncidents } from '../../src/analyze/incident-filter.ts';
import { INCIDENT_SORTS, sortIncidents } from '../../src/analyze/incident-order.ts';
import type { IncidentFacts } from '../../src/core/flat-incident.ts';
import { JP_NOTICES } from '../../src/core/dataset.ts';
import { DATA_TYPES, INCIDENT_TYPES, SECTORS } from '../../src/core/record.ts';
import { FACT_COLUMNS, factRowValues, numberKey, type FactsFilter } from '../../src/store/incident-facts-sql.ts';

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

// A larger casebook made here, its columns as the store writes them (factRowValues), so that a narrowed
// view's counts and pages (read from the rows of its narrowest facets' values: the postings) and the
// other paths (every row, a walk of the order, the positions of few rows sorted) are each compared with
// the JavaScript filter, order and facet counts of analyze/.
describe('narrowed views over many incidents', () => {
  function random(seed: number): () => number {
    let a = seed;
    return () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  }
  const rand = random(5);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const facts: IncidentFacts[] = Array.from({ length: 3000 }, (_, i) => ({
    id: 10 + i * 3,
    number: rand() < 0.7 ? `${2019 + Math.floor(rand() * 5)}-${String(1 + Math.floor(rand() * 400)).padStart(3, '0')}` : null,
    disclosureDate: rand() < 0.9 ? `${2019 + Math.floor(rand() * 5)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : null,
    sector: rand() < 0.9 ? pick(SECTORS) : null,
    incidentTypes: [...new Set([pick(INCIDENT_TYPES), ...(rand() < 0.3 ? [pick(INCIDENT_TYPES)] : [])])],
    dataTypes: rand() < 0.1 ? [] : [...new Set([pick(DATA_TYPES), ...(rand() < 0.5 ? [pick(DATA_TYPES)] : [])])],
    affectedCount: rand() < 0.8 ? Math.floor(rand() * 5000) : null,
    contractorInvolved: rand() < 0.3, reportedToPpc: rand() < 0.6, attacker: rand() < 0.2 ? 'LockBit' : null,
    reviewState: rand() < 0.1 ? 'reviewed' : 'unreviewed', dataset: rand() < 0.05 ? 'veris:vcdb' : JP_NOTICES,
  }) as unknown as IncidentFacts);
  const col = (name: (typeof FACT_COLUMNS)[number]) => {
    const at = FACT_COLUMNS.indexOf(name);
    return facts.map((f) => factRowValues(f, 0)[at]!);
  };
  const source: FactsIndexSource = {
    token: 't', queued: false, ids: facts.map((f) => f.id), disclosureDates: col('disclosure_date') as (string | null)[], sectors: col('sector') as (string | null)[],
    typesMasks: col('types_mask') as number[], dataMasks: col('data_mask') as number[],
    flags: facts.map((f) => (f.contractorInvolved ? 1 : 0) + (f.reportedToPpc ? 2 : 0) + (f.attacker !== null ? 4 : 0) + (f.reviewState === 'reviewed' ? 8 : 0) + (f.dataset !== JP_NOTICES ? 16 : 0)),
    disclosedDays: col('disclosed_days') as (number | null)[], duties: facts.map(() => 0), affectedCounts: col('affected_count') as (number | null)[],
    numberKeys: facts.map((f) => { const k = numberKey(f.number); return k ? k[0] * 1e8 + k[1] * 1e7 + k[2] : null; }),
    memberNotices: facts.map((f) => f.id), memberIncidents: facts.map((f) => f.id),
  };
  const index = new FactsIndex(source);
  const plain = (counts: Record<string, Map<string, number>>) => Object.fromEntries(Object.entries(counts).map(([k, m]) => [k, Object.fromEntries([...m].sort())]));
  const filters: FactsFilter[] = [
    {}, { ppc: true }, { ppc: false }, { review: 'reviewed' }, { sectors: [SECTORS[0]!] }, { types: [INCIDENT_TYPES[1]!] },
    { years: ['2021'] }, { years: ['none'] }, { months: ['2020-03'] }, { dataTypes: [DATA_TYPES[2]!, DATA_TYPES[3]!] },
    { years: ['2022'], sectors: [SECTORS[1]!] }, { years: ['2020'], sectors: [SECTORS[2]!], types: [INCIDENT_TYPES[0]!] },
    { ppc: true, contractor: false, attacker: true }, { types: [INCIDENT_TYPES[2]!], dataset: 'jp' }, { ppc: false, from: '2020-06-01', to: '2021-12-31' },
    { sectors: [SECTORS[3]!, SECTORS[4]!], dataset: 'imported' }, { years: ['2019'], months: ['2019-02', '2020-02'] },
  ];
  const rand2 = random(9);
  const some = <T>(list: readonly T[]) => (rand2() < 0.6 ? undefined : list.filter(() => rand2() < 0.2));
  for (let i = 0; i < 40; i++) {
    filters.push({ types: some(INCIDENT_TYPES), sectors: some(SECTORS), dataTypes: some(DATA_TYPES), years: some(['2019', '2020', '2021', '2022', '2023', 'none']),
      ppc: rand2() < 0.7 ? undefined : rand2() < 0.5, contractor: rand2() < 0.8 ? undefined : rand2() < 0.5 });
  }

  it('counts each facet as countFacets does', () => {
    for (const filter of filters) expect(plain(index.counts({ filter })), JSON.stringify(filter)).toEqual(plain(countFacets(facts, filter)));
  });

  it("counts a search's incidents as countFacets does over them, whether the search holds few rows or most (counted as all less the rest)", () => {
    const rand3 = random(13);
    for (const share of [0.02, 0.3, 0.55, 0.9, 1]) {
      // Notice ids are the incidents' ids here (memberNotices): a hit list in any order, with repeats and a stranger.
      const hits = facts.filter(() => rand3() < share).map((f) => f.id).sort(() => rand3() - 0.5);
      const held = new Set(hits);
      const over = facts.filter((f) => held.has(f.id));
      for (const filter of [{}, { ppc: true }, { from: '2021-01-01' }, { years: ['2022'], sectors: [SECTORS[1]!] }] as FactsFilter[]) {
        expect(plain(index.counts({ filter, hits: [...hits, hits[0] ?? 1, 999_999] })), `${share} ${JSON.stringify(filter)}`).toEqual(plain(countFacets(over, filter)));
      }
    }
  });

  it('answers each of more searches than it keeps rows for, asked in any order, as it answers one alone', () => {
    const rand4 = random(21);
    // Nine searches of varied size: rows are kept for the last four, so the others are mapped again each time.
    const searches = [0.01, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.3, 0.7].map((share) => facts.filter(() => rand4() < share).map((f) => f.id).sort(() => rand4() - 0.5));
    const filters: FactsFilter[] = [{}, { ppc: true }, { years: ['2021'], from: '2020-01-01' }];
    const fresh = () => new FactsIndex(source);
    const alone = (hits: number[], filter: FactsFilter) => {
      const one = fresh();
      return { counts: plain(one.counts({ filter, hits })), count: one.count({ filter, hits }), page: one.page({ filter, hits }, 'relevance', { offset: 3, limit: 20 }), byDate: one.page({ filter, hits }, 'disclosed_desc', { offset: 0, limit: 20 }) };
    };
    const expected = searches.map((hits) => filters.map((filter) => alone(hits, filter)));
    for (let k = 0; k < 120; k++) {
      const i = Math.floor(rand4() * searches.length);
      const j = Math.floor(rand4() * filters.length);
      const view = { filter: filters[j]!, hits: searches[i]! };
      const want = expected[i]![j]!;
      switch (k % 4) {
        case 0: expect(plain(index.counts(view)), `${i} ${j}`).toEqual(want.counts); break;
        case 1: expect(index.count(view)).toBe(want.count); break;
        case 2: expect(index.page(view, 'relevance', { offset: 3, limit: 20 })).toEqual(want.page); break;
        case 3: expect(index.page(view, 'disclosed_desc', { offset: 0, limit: 20 })).toEqual(want.byDate); break;
      }
    }
  });

  it('pages each order as filterIncidents and sortIncidents do, at the start, further on and past the end', () => {
    for (const filter of filters) {
      const expected = filterIncidents(facts, filter);
      for (const sort of INCIDENT_SORTS.filter((s) => s !== 'relevance')) {
        const want = sortIncidents(expected, sort).map((f) => f.id);
        for (const window of [{ offset: 0, limit: 50 }, { offset: 37, limit: 20 }, { offset: want.length - 3, limit: 10 }, { offset: want.length + 5, limit: 10 }]) {
          if (window.offset < 0) continue;
          expect(index.page({ filter }, sort, window).ids, `${sort} ${JSON.stringify(filter)} ${JSON.stringify(window)}`).toEqual(want.slice(window.offset, window.offset + window.limit));
        }
        expect(index.count({ filter })).toBe(expected.length);
      }
    }
  });
});
