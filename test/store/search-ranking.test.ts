// How search orders its matches at any size (src/store/search-ranking.ts), on every engine: words in at
// most searchRankLimit notices rank, commoner words only narrow, and all-common queries come newest first.
// The stores are opened with a tiny limit so that a handful of notices crosses it.

import { afterEach, describe, expect, it } from 'vitest';
import type { Sector } from '../../src/core/record.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

/** Stores each text as a document of its own, in order; returns the notice ids in the same order. */
async function ingest(store: Store, texts: readonly string[], sectors: readonly (Sector | null)[] = []): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, text] of texts.entries()) {
    const record = makeRecord({ sector: sectors[i] ?? null, disclosure_date: `2024-01-${String(i + 1).padStart(2, '0')}` });
    ids.push((await store.ingestDocument(makeDocument(text, `n${i}.txt`), [makeNotice(text, record)])).noticeIds[0]!);
  }
  return ids;
}

// Stored in this order, so newest first is the reverse of best first.
const THRICE = '不正アクセス、不正アクセス、不正アクセス。';
const TWICE = '不正アクセスの件。再び不正アクセスを確認しました。';
const ONCE = 'ある会社で不正アクセスがありました。詳細は現在も調査を続けております。';

describe.each(ENGINES)('search ranking on $name', (engine) => {
  let opened: OpenedStore | null = null;
  const open = async (searchRankLimit: number) => (opened = await engine.open({ searchRankLimit })).store;
  afterEach(async () => {
    await opened?.dispose();
    opened = null;
  });

  it('ranks by relevance while the word is in at most the limit of notices', async () => {
    const store = await open(3);
    const [thrice, twice, once] = await ingest(store, [THRICE, TWICE, ONCE]);
    const hits = await store.search('不正アクセス');
    expect(hits.map((h) => h.id)).toEqual([thrice, twice, once]);
    expect(await store.searchNoticeIds('不正アクセス')).toEqual([thrice, twice, once]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
  });

  it('lists the matches newest first, each scoring 0, once every word is in more notices than the limit', async () => {
    const store = await open(2);
    const [thrice, twice, once] = await ingest(store, [THRICE, TWICE, ONCE]);
    const hits = await store.search('不正アクセス');
    expect(hits.map((h) => h.id)).toEqual([once, twice, thrice]);
    expect(hits.map((h) => h.score)).toEqual([0, 0, 0]);
    expect((await store.search('不正アクセス', { limit: 1, offset: 1 })).map((h) => h.id)).toEqual([twice]);
    expect(await store.searchNoticeIds('不正アクセス')).toEqual([once, twice, thrice]);
    // Small windows are read a row at a time, large ones all at once (sqlite/fts-search.ts): the same order.
    expect(await store.searchNoticeIds('不正アクセス', { limit: 2 })).toEqual([once, twice]);
    expect((await store.search('不正アクセス', { limit: 1000, offset: 1 })).map((h) => h.id)).toEqual([twice, thrice]);
    expect((await store.search('不正アクセス', { limit: 1000, offset: 3 }))).toEqual([]);
  });

  it('ranks by the rare word and lets the common word only narrow the matches', async () => {
    const store = await open(3);
    const [, leakOnce, leakThrice, , leakOnly] = await ingest(store, [
      '個人情報の取扱いについて。',
      '個人情報が漏洩しました。お詫び申し上げます。',
      '個人情報が漏洩、漏洩、漏洩。',
      '個人情報保護方針を改めました。',
      '機器から漏洩の可能性。',
    ]);
    // 個人情報 is in four notices (common), 漏洩 in three: the notice without 個人情報 is left out.
    for (const query of ['個人情報 漏洩', '漏洩 個人情報']) {
      const hits = await store.search(query);
      expect(hits.map((h) => h.id), query).toEqual([leakThrice, leakOnce]);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      expect(hits[1]!.score).toBeGreaterThan(0);
      expect(await store.searchNoticeIds(query)).toEqual([leakThrice, leakOnce]);
    }
    expect((await store.search('漏洩')).map((h) => h.id)).toContain(leakOnly);
  });

  it('finds nothing when one word is in no notice, however common the others', async () => {
    const store = await open(1);
    await ingest(store, [THRICE, TWICE, ONCE]);
    expect(await store.search('不正アクセス 量子暗号')).toEqual([]);
    expect(await store.searchNoticeIds('不正アクセス 量子暗号')).toEqual([]);
  });

  it.each([
    ['ranked', 10],
    ['newest first', 1],
  ] as const)('filters and pages the matches when %s', async (_, limit) => {
    const store = await open(limit);
    const texts = ['お知らせ。', 'お知らせ、お知らせ。', '重要なお知らせ。', 'お知らせ、お知らせ、お知らせ。'];
    const ids = await ingest(store, texts, ['healthcare', 'manufacturing', 'healthcare', 'healthcare']);
    const all = (await store.search('お知らせ')).map((h) => h.id);
    expect([...all].sort((a, b) => a - b)).toEqual(ids);
    const healthcare = (await store.search('お知らせ', { sector: 'healthcare' })).map((h) => h.id);
    // The filter keeps the order of the unfiltered matches and drops the others.
    expect(healthcare).toEqual(all.filter((id) => id !== ids[1]));
    expect((await store.search('お知らせ', { sector: 'healthcare', limit: 1, offset: 1 })).map((h) => h.id)).toEqual([healthcare[1]]);
    expect((await store.search('お知らせ', { sector: 'healthcare', from: '2024-01-03' })).map((h) => h.id))
      .toEqual(healthcare.filter((id) => id === ids[2] || id === ids[3]));
    expect(await store.search('お知らせ', { sector: 'government' })).toEqual([]);
    expect(await store.searchNoticeIds('お知らせ')).toEqual(all);
  });
});
