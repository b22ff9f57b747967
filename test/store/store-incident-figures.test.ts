// A dashboard's figures counted by the store, in SQL (store/incident-figures-sql.ts) or from its facts
// index in memory (store/facts-index.ts), on every engine give what the JavaScript statistics give over
// the same incidents (analyze/stats/dashboard-figures.ts, and the duty check over their notices,
// app/duty-check.ts), for many filters and datasets, with and without a search, and again after
// people's corrections change what an incident counts under.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutyCounts } from '../../src/analyze/duty-mark.ts';
import { conditionsOf } from '../../src/analyze/reporting-duty.ts';
import { filterIncidents, type IncidentFilter } from '../../src/analyze/incident-filter.ts';
import { dashboardFiguresOf, type DashboardFigures } from '../../src/analyze/stats/dashboard-figures.ts';
import { checkDuty } from '../../src/app/duty-check.ts';
import { refreshIncidentFacts, type IncidentFacts } from '../../src/app/incident-facts.ts';
import { noticeToIncident, searchIncidents } from '../../src/app/incident-search.ts';
import { regroupIncidents } from '../../src/app/incidents.ts';
import { DATA_TYPES, INCIDENT_TYPES, SECTORS, type IncidentRecord } from '../../src/core/record.ts';
import { readsIndexes } from '../../src/store/incident-figures-sql.ts';
import type { Store } from '../../src/store/ports.ts';
import { CARDS, HOSPITAL, SNS, SPAM } from '../helpers/duty-notices.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

function random(seed: number): () => number {
  let a = seed;
  return () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const WORDS = ['漏洩', '紛失', '誤送信', 'ランサム'];
// Texts that make the duty check reportable, reported, or doubtful (no personal data, an account only).
const DUTY_TEXTS = ['', '', HOSPITAL, CARDS, SNS, SPAM, '個人情報保護委員会へ報告いたしました。'];

function casebookRecords(n: number): { text: string; record: IncidentRecord }[] {
  const rand = random(23);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const date = () => `${2021 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  return Array.from({ length: n }, (_, i) => {
    const org = `架空${pick(['商事', '病院', '市役所', '大学', '銀行'])}${i % 11}`;
    const words = WORDS.filter(() => rand() < 0.4);
    const text = `【架空】${org}　お知らせ${i}\n${words.join('、')}について。\n${pick(DUTY_TEXTS)}`;
    return {
      text,
      record: makeRecord({
        header: `【架空】${org}`, organization: org, title: `お知らせ${i}`,
        // Dates in any order, so that some delays are negative (inconsistent) and some missing.
        disclosure_date: rand() < 0.85 ? date() : null, discovered_date: rand() < 0.7 ? date() : null, occurred_date: rand() < 0.5 ? date() : null,
        incident_types: rand() < 0.1 ? [] : [...new Set([pick(INCIDENT_TYPES), ...(rand() < 0.3 ? [pick(INCIDENT_TYPES)] : [])])],
        data_types: rand() < 0.15 ? [] : [...new Set([pick(DATA_TYPES), ...(rand() < 0.5 ? [pick(DATA_TYPES)] : [])])],
        // Few distinct counts, so that ties decide the largest incidents and the median.
        affected_count: rand() < 0.75 ? pick([0, 5, 120, 1200, 1200, 3400, 99_999]) : null, sector: rand() < 0.9 ? pick(SECTORS) : null,
        reported_to_ppc: rand() < 0.3, contractor_involved: rand() < 0.3, attacker: rand() < 0.2 ? 'LockBit' : null,
      }),
    };
  });
}

function randomFilters(count: number, seed: number): Omit<IncidentFilter, 'ids'>[] {
  const rand = random(seed);
  const some = <T>(list: readonly T[]) => (rand() < 0.5 ? undefined : list.filter(() => rand() < 0.25));
  const yn = () => (rand() < 0.7 ? undefined : rand() < 0.5);
  const out: Omit<IncidentFilter, 'ids'>[] = [{}];
  for (let i = 0; i < count; i++) {
    out.push({
      types: some(INCIDENT_TYPES), sectors: some(SECTORS), dataTypes: some(DATA_TYPES),
      years: some(['2021', '2022', '2023', 'none']), from: rand() < 0.8 ? undefined : '2021-06-01', to: rand() < 0.8 ? undefined : '2022-12-31',
      contractor: yn(), ppc: yn(), attacker: yn(), dataset: ([undefined, 'jp', 'imported', 'all'] as const)[Math.floor(rand() * 4)],
    });
  }
  return out;
}

/** What the JavaScript statistics and the duty check over the notices give for these incidents. */
async function expected(store: Store, rows: readonly IncidentFacts[]): Promise<DashboardFigures> {
  return dashboardFiguresOf(rows, dutyCounts(await checkDuty(store, rows)));
}

// The facts index in memory (store/facts-index.ts) and the SQL statement must give the same figures.
const MODES = ENGINES.flatMap((engine) => [true, false].map((factsIndex) => ({ engine, factsIndex, name: `${engine.name}, ${factsIndex ? 'index' : 'SQL'}` })));

describe.each(MODES)('a dashboard\'s figures in the store on $name', ({ engine, factsIndex }) => {
  let opened: OpenedStore;
  let store: Store;
  let all: IncidentFacts[];
  const facts = async () => (await store.scanIncidentFacts({ filter: {} })).sort((a, b) => a.id - b.id);
  beforeAll(async () => {
    opened = await engine.open({ factsIndex });
    store = opened.store;
    for (const { text, record } of casebookRecords(90)) await store.ingestDocument(makeDocument(text), [makeNotice(text, record)]);
    await regroupIncidents(store);
    await refreshIncidentFacts(store);
    all = await facts();
  }, 120_000);
  afterAll(async () => opened.dispose());

  it('counts what every figure rests on (the test is not vacuous)', async () => {
    const figures = await store.incidentFigures({ filter: {} });
    expect(figures.incidents).toBe(all.length);
    expect(figures.duty.reportable).toBeGreaterThan(0);
    expect(figures.duty.unmentioned).toBeGreaterThan(0);
    expect(figures.duty.reportable).toBeGreaterThan(figures.duty.unmentioned);
    expect(figures.duty.doubtful).toBeGreaterThan(0);
    expect(figures.discoveredToDisclosed.inconsistent).toBeGreaterThan(0);
    expect(figures.discoveredToDisclosed.incidents).toBeGreaterThan(0);
    expect(figures.largest).toHaveLength(15);
    expect(figures.sectors.unknown).toBeGreaterThan(0);
    expect(figures.dataTypes.unknown).toBeGreaterThan(0);
    expect(figures.monthTypes.some((m) => m.type === null)).toBe(true);
  });

  it('gives the JavaScript figures for every filter', async () => {
    for (const filter of randomFilters(40, 5)) {
      const rows = filterIncidents(all, filter);
      expect(await store.incidentFigures({ filter }), JSON.stringify(filter)).toEqual(await expected(store, rows));
    }
  });

  it('reads the whole casebook and each PPC answer from indexes, with the same figures, medians of odd and even counts', async () => {
    const scopes = [{}, { ppc: true }, { ppc: false }];
    const parities = new Set<number>();
    for (const filter of scopes) {
      expect(readsIndexes(filter)).toBe(true);
      const rows = filterIncidents(all, filter);
      parities.add(rows.filter((r) => r.affectedCount !== null).length % 2);
      expect(await store.incidentFigures({ filter }), JSON.stringify(filter)).toEqual(await expected(store, rows));
    }
    expect(parities).toEqual(new Set([0, 1]));
    // Other filters select their rows once and sort those.
    expect(readsIndexes({ ppc: true, contractor: true })).toBe(false);
    expect(readsIndexes({ sectors: ['finance'] })).toBe(false);
  });

  it('gives the JavaScript figures over a search\'s incidents', async () => {
    for (const word of [...WORDS, '漏洩 紛失', 'お知らせ', '存在しない語']) {
      const hits = await searchIncidents(store, word, noticeToIncident(all));
      const noticeIds = await store.searchNoticeIds(word);
      for (const filter of randomFilters(6, 9)) {
        const rows = filterIncidents(all, { ...filter, ids: hits.ids });
        expect(await store.incidentFigures({ filter, hits: noticeIds }), `${word} ${JSON.stringify(filter)}`).toEqual(await expected(store, rows));
      }
    }
  });

  it('follows corrections: a value changed moves the incident\'s figures and its duty', async () => {
    // An incident that meets no condition becomes reportable once a person says medical data leaked.
    const plain = all.find((r) => conditionsOf(r).length === 0)!;
    expect(plain).toBeDefined();
    const before = await store.incidentFigures({ filter: {} });
    await store.addCorrection({ target: 'incident', targetId: plain.id, field: 'data_types', oldValue: plain.dataTypes, newValue: ['medical'], by: 'sato', reason: '病名とある' });
    await store.addCorrection({ target: 'incident', targetId: plain.id, field: 'discovered_date', oldValue: plain.discoveredDate, newValue: '2020-01-01', by: 'sato', reason: '第2報' });
    await refreshIncidentFacts(store);
    const now = await facts();
    const after = await store.incidentFigures({ filter: {} });
    expect(after).toEqual(await expected(store, now));
    expect(after.duty.reportable + after.duty.doubtful).toBe(before.duty.reportable + before.duty.doubtful + 1);
    const medical = (f: DashboardFigures) => f.dataTypes.rows.find((r) => r.key === 'medical')?.count ?? 0;
    expect(medical(after)).toBe(medical(before) + 1);
  });
});
