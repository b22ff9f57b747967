// The incident facts kept in the store (incident_facts) on every engine: a view's page, count and facet
// counts in SQL give what the JavaScript filter, order and facet counts give over every incident's facts
// (analyze/incident-filter.ts, incident-order.ts, facet-counts.ts), with and without search hits; and
// the queue of stale incidents follows every change. Each engine twice: answering from the facts index
// kept in memory (store/facts-index.ts, the default) and from SQL alone (what a store answers while the
// index is being made again).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacets } from '../../src/analyze/facet-counts.ts';
import { filterIncidents, type IncidentFilter } from '../../src/analyze/incident-filter.ts';
import { INCIDENT_SORTS, sortIncidents } from '../../src/analyze/incident-order.ts';
import { factsOf, refreshIncidentFacts, type IncidentFacts } from '../../src/app/incident-facts.ts';
import { noticeToIncident, searchIncidents } from '../../src/app/incident-search.ts';
import { regroupIncidents, withMerged } from '../../src/app/incidents.ts';
import { DATA_TYPES, INCIDENT_TYPES, SECTORS, type IncidentRecord } from '../../src/core/record.ts';
import type { FactsView } from '../../src/store/store.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

/** A small deterministic generator, so that a failure names the same casebook again. */
function random(seed: number): () => number {
  let a = seed;
  return () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const WORDS = ['漏洩', '紛失', '誤送信', 'ランサム'];

function casebookRecords(n: number): { text: string; record: IncidentRecord }[] {
  const rand = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const dated = rand() < 0.85;
    const date = `${2019 + Math.floor(rand() * 5)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const org = `架空${pick(['商事', '病院', '市役所', '大学', '銀行'])}${i % 9}`;
    const words = WORDS.filter(() => rand() < 0.4);
    const text = `【架空】${org}　お知らせ${i}\n${words.join('、')}について${'。'.repeat(1 + (i % 5))}`;
    return {
      text,
      record: makeRecord({
        header: `【架空】${org}`, organization: org, title: `お知らせ${i}`, disclosure_date: dated ? date : null,
        incident_types: [...new Set([pick(INCIDENT_TYPES), ...(rand() < 0.3 ? [pick(INCIDENT_TYPES)] : [])])],
        data_types: [...new Set([pick(DATA_TYPES), ...(rand() < 0.5 ? [pick(DATA_TYPES)] : [])])],
        affected_count: rand() < 0.8 ? Math.floor(rand() * 5000) : null, sector: rand() < 0.9 ? pick(SECTORS) : null,
        reported_to_ppc: rand() < 0.4, contractor_involved: rand() < 0.3, attacker: rand() < 0.2 ? 'LockBit' : null,
        casebook_id: rand() < 0.2 ? `#${2019 + (i % 5)}-${String(100 + i).padStart(3, '0')}` : null,
      }),
    };
  });
}

/** Every incident's facts made in JavaScript from the incidents themselves: the reference. */
async function referenceFacts(store: Store): Promise<IncidentFacts[]> {
  const [incidentCorrections, noticeCorrections] = await Promise.all([store.listAllCorrections('incident'), store.listAllCorrections('notice')]);
  return (await store.listIncidents({ limit: 1000, lean: true })).map((i) => factsOf(withMerged(i, incidentCorrections.get(i.id) ?? []), noticeCorrections));
}

function randomFilters(count: number): Omit<IncidentFilter, 'ids'>[] {
  const rand = random(11);
  const some = <T>(list: readonly T[]) => (rand() < 0.5 ? undefined : list.filter(() => rand() < 0.25));
  const yn = () => (rand() < 0.7 ? undefined : rand() < 0.5);
  const out: Omit<IncidentFilter, 'ids'>[] = [{}];
  for (let i = 0; i < count; i++) {
    out.push({
      types: some(INCIDENT_TYPES), sectors: some(SECTORS), dataTypes: some(DATA_TYPES),
      years: some(['2019', '2020', '2021', '2022', '2023', 'none']), months: rand() < 0.8 ? undefined : ['2021-03', '2022-07', '2020-01'],
      from: rand() < 0.8 ? undefined : '2020-06-01', to: rand() < 0.8 ? undefined : '2022-12-31',
      contractor: yn(), ppc: yn(), attacker: yn(), review: rand() < 0.8 ? undefined : rand() < 0.5 ? 'reviewed' : 'unreviewed',
    });
  }
  return out;
}

const plain = (counts: Record<string, Map<string, number>>) => Object.fromEntries(Object.entries(counts).map(([k, m]) => [k, Object.fromEntries([...m].sort())]));

const MODES = ENGINES.flatMap((engine) => [true, false].map((factsIndex) => ({ engine, factsIndex, name: `${engine.name}, ${factsIndex ? 'index' : 'SQL'}` })));

describe.each(MODES)('incident facts in the store on $name', ({ engine, factsIndex }) => {
  let opened: OpenedStore;
  let store: Store;
  let reference: IncidentFacts[];
  beforeAll(async () => {
    opened = await engine.open({ factsIndex });
    store = opened.store;
    for (const { text, record } of casebookRecords(80)) await store.ingestDocument(makeDocument(text), [makeNotice(text, record)]);
    await regroupIncidents(store);
    // Some people's work: a reviewed notice, a corrected incident.
    const [a, b] = await store.listIncidents({ limit: 2 });
    await store.addCorrection({ target: 'notice', targetId: a!.members[0]!.noticeId, field: 'sector', oldValue: null, newValue: 'finance', by: 'sato' });
    await store.addCorrection({ target: 'incident', targetId: b!.id, field: 'affected_count', oldValue: null, newValue: 77, by: 'sato' });
    await refreshIncidentFacts(store);
    reference = await referenceFacts(store);
  }, 120_000);
  afterAll(async () => opened.dispose());

  it('holds every incident\'s facts as JavaScript makes them', async () => {
    expect(await store.takeFactsWork(10)).toEqual([]);
    const ids = reference.map((r) => r.id);
    expect(await store.incidentFactsByIds(ids)).toEqual(reference);
    expect(await store.countIncidentFacts({ filter: {} })).toBe(reference.length);
  });

  it('filters, orders, pages and counts facets as the JavaScript filter does, without a search', async () => {
    for (const filter of randomFilters(40)) {
      const expected = filterIncidents(reference, filter);
      const view: FactsView = { filter };
      expect(await store.countIncidentFacts(view)).toBe(expected.length);
      expect((await store.scanIncidentFacts(view)).sort((a, b) => a.id - b.id)).toEqual([...expected].sort((a, b) => a.id - b.id));
      expect(plain(await store.countIncidentFacets(view))).toEqual(plain(countFacets(reference, filter)));
      for (const sort of INCIDENT_SORTS) {
        const want = sortIncidents(expected, sort).map((r) => r.id);
        const { rows } = await store.queryIncidentFacts(view, sort, { offset: 0, limit: 1000 });
        expect(rows.map((r) => r.id), `${sort} ${JSON.stringify(filter)}`).toEqual(want);
        const page = await store.queryIncidentFacts(view, sort, { offset: 5, limit: 7 });
        expect(page.rows.map((r) => r.id)).toEqual(want.slice(5, 12));
      }
    }
  });

  it('ranks a search\'s incidents by their best hit and gives each one\'s best notice', async () => {
    for (const word of [...WORDS, '漏洩 紛失', 'お知らせ', '存在しない語']) {
      const hitIds = await store.searchNoticeIds(word);
      const hits = await searchIncidents(store, word, noticeToIncident(reference));
      for (const filter of randomFilters(8)) {
        const expected = filterIncidents(reference, { ...filter, ids: hits.ids });
        const view: FactsView = { filter, hits: hitIds };
        expect(await store.countIncidentFacts(view)).toBe(expected.length);
        expect((await store.scanIncidentFacts(view)).map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
        expect(plain(await store.countIncidentFacets(view))).toEqual(plain(countFacets(reference, { ...filter, ids: hits.ids })));
        for (const sort of ['relevance', 'disclosed_desc', 'affected_desc'] as const) {
          const { rows, bestNotice } = await store.queryIncidentFacts(view, sort, { offset: 0, limit: 1000 });
          expect(rows.map((r) => r.id), `${word} ${sort}`).toEqual(sortIncidents(expected, sort, hits.rank).map((r) => r.id));
          for (const r of rows) expect(bestNotice.get(r.id)).toBe(hits.bestNotice.get(r.id));
        }
      }
    }
  });

  it('counts what another process changed, once its facts are made (never an index older than the change)', async () => {
    const other = await opened.openAnother();
    try {
      const view: FactsView = { filter: { sectors: ['media'] } };
      const before = await store.countIncidentFacts(view);
      await store.countIncidentFacets(view);
      const target = reference.find((r) => r.sector !== 'media')!;
      await other.addCorrection({ target: 'incident', targetId: target.id, field: 'sector', oldValue: null, newValue: 'media', by: 'sato' });
      await refreshIncidentFacts(store);
      expect(await store.countIncidentFacts(view)).toBe(before + 1);
      expect((await store.countIncidentFacets(view)).sectors.get('media')).toBe(before + 1);
      expect((await store.queryIncidentFacts(view, 'disclosed_desc', { offset: 0, limit: 1000 })).rows.map((r) => r.id)).toContain(target.id);
    } finally {
      await other.close();
    }
  });

  it('queues the incidents a change touches, and keeps an item changed again after it was taken', async () => {
    const [first] = reference;
    const notice = first!.noticeIds[0]!;
    await store.addCorrection({ target: 'notice', targetId: notice, field: 'affected_count', oldValue: null, newValue: 4321, by: 'sato' });
    const taken = await store.takeFactsWork(10);
    expect(taken.map((w) => w.incidentId)).toEqual([first!.id]);
    // Changed again before the facts taken are saved: the item stays for the next drain.
    await store.addCorrection({ target: 'incident', targetId: first!.id, field: 'sector', oldValue: null, newValue: 'education', by: 'sato' });
    await store.saveIncidentFacts([], [], taken, new Map());
    expect((await store.takeFactsWork(10)).map((w) => w.incidentId)).toEqual([first!.id]);
    await refreshIncidentFacts(store);
    expect(await store.takeFactsWork(10)).toEqual([]);
    const [now] = await store.incidentFactsByIds([first!.id]);
    // Two values corrected are not every value reviewed.
    expect(now).toMatchObject({ affectedCount: 4321, sector: 'education', reviewState: 'unreviewed' });
    expect(now!.review!.corrected).toBeGreaterThanOrEqual(1);
  });
});
