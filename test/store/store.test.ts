// The Store port's behaviour, run against every engine in ENGINES.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { NOTICES, makeDocument, makeNotice, makeRecord } from './fixtures.ts';

const KEYS = ['leak', 'lost', 'hospital', 'contractor'] as const;
type Key = (typeof KEYS)[number];

/** Stores each fixture notice as its own document; returns notice ids by fixture key. */
async function ingestAll(store: Store): Promise<Record<Key, number>> {
  const ids = {} as Record<Key, number>;
  for (const key of KEYS) {
    const { text, record } = NOTICES[key];
    const result = await store.ingestDocument(makeDocument(text, `${key}.txt`), [makeNotice(text, record)]);
    ids[key] = result.noticeIds[0]!;
  }
  return ids;
}

async function expectBadInput(promise: Promise<unknown>, subject?: string): Promise<void> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(JikenboError);
  expect((err as JikenboError).code).toBe('bad_input');
  if (subject !== undefined) expect((err as JikenboError).subject).toBe(subject);
}

describe.each(ENGINES)('Store on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  describe('ingestDocument', () => {
    it('stores a document and its notices, and getNotice returns the record exactly', async () => {
      const { text, record } = NOTICES.leak;
      const doc = makeDocument(`前置き\n${text}`, 'notices/leak.txt');
      const result = await store.ingestDocument(doc, [makeNotice(text, record, 0, 4)]);
      expect(result.created).toBe(true);
      expect(result.noticeIds).toHaveLength(1);

      const notice = await store.getNotice(result.noticeIds[0]!);
      expect(notice).not.toBeNull();
      expect(notice!.record).toEqual(record);
      expect(JSON.stringify(notice!.record)).toBe(JSON.stringify(record));
      expect(notice!.text).toBe(text);
      expect(notice!.ordinal).toBe(0);
      expect(notice!.extractorVersion).toBe('test-1');
      expect(notice).toMatchObject({
        documentId: result.documentId, header: '【架空】みどり電機株式会社', organization: 'みどり電機株式会社',
        title: '不正アクセスによる個人情報漏洩のお知らせ', disclosureDate: '2024-03-15',
        incidentTypes: ['unauthorized_access', 'malware'], affectedCount: 1200, sector: 'manufacturing',
        casebookId: '#2024-101',
      });
      expect(notice!.document).toMatchObject({
        id: result.documentId, sha256: doc.sha256, source: 'notices/leak.txt', mediaType: 'text/plain',
        encoding: 'UTF-8', byteLength: doc.byteLength,
      });
      expect(notice!.document.ingestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(await store.getDocument(result.documentId)).toEqual(notice!.document);
      expect(await store.hasDocument(doc.sha256)).toBe(true);
    });

    it('keeps several notices of one document in ordinal order', async () => {
      const a = NOTICES.lost;
      const b = NOTICES.hospital;
      const doc = makeDocument(`${a.text}\n${b.text}`);
      const result = await store.ingestDocument(doc, [
        makeNotice(a.text, a.record, 0, 0),
        makeNotice(b.text, b.record, 1, a.text.length + 1),
      ]);
      expect(result.noticeIds).toHaveLength(2);
      const [first, second] = await Promise.all(result.noticeIds.map((id) => store.getNotice(id)));
      expect(first!.organization).toBe('さくら市役所');
      expect(second!.organization).toBe('あおば総合病院');
      expect(second!.ordinal).toBe(1);
    });

    it('adds nothing when the same SHA-256 is ingested again', async () => {
      const { text, record } = NOTICES.lost;
      const doc = makeDocument(text);
      const first = await store.ingestDocument(doc, [makeNotice(text, record)]);
      const again = await store.ingestDocument(
        { ...doc, source: 'elsewhere.txt' },
        [makeNotice(text, makeRecord({ header: '別の読み' })), makeNotice(text, record, 1)],
      );
      expect(again).toEqual({ documentId: first.documentId, created: false, noticeIds: first.noticeIds });
      expect(await store.countNotices()).toBe(1);
      expect((await store.getDocument(first.documentId))!.source).toBe('fixture.txt');
      expect((await store.getNotice(first.noticeIds[0]!))!.header).toBe('【架空】さくら市役所');
    });

    it('stores nothing of a document whose second notice breaks a constraint, and accepts it once fixed', async () => {
      const a = NOTICES.leak;
      const b = NOTICES.lost;
      const doc = makeDocument(`${a.text}\n${b.text}`);
      const broken = makeRecord({ ...b.record, disclosure_date: '2023/11/02' });
      await expectBadInput(store.ingestDocument(doc, [makeNotice(a.text, a.record, 0), makeNotice(b.text, broken, 1)]));
      expect(await store.hasDocument(doc.sha256)).toBe(false);
      expect(await store.countNotices()).toBe(0);
      expect(await store.search('漏洩')).toEqual([]);

      // Two notices with one ordinal break the (document, ordinal) key on the second insert.
      await expectBadInput(store.ingestDocument(doc, [makeNotice(a.text, a.record, 0), makeNotice(b.text, b.record, 0)]));
      expect(await store.countNotices()).toBe(0);

      const fixed = await store.ingestDocument(doc, [makeNotice(a.text, a.record, 0), makeNotice(b.text, b.record, 1)]);
      expect(fixed.created).toBe(true);
      expect(await store.countNotices()).toBe(2);
      expect((await store.search('漏洩')).map((h) => h.id)).toEqual([fixed.noticeIds[0]]);
    });

    it('rejects a malformed SHA-256 before touching the database', async () => {
      const { text, record } = NOTICES.lost;
      await expectBadInput(store.ingestDocument({ ...makeDocument(text), sha256: 'abc' }, [makeNotice(text, record)]));
      expect(await store.countNotices()).toBe(0);
    });
  });

  describe('lookups', () => {
    it('returns null for ids and hashes it does not hold', async () => {
      expect(await store.getNotice(999)).toBeNull();
      expect(await store.getDocument(999)).toBeNull();
      expect(await store.hasDocument('0'.repeat(64))).toBe(false);
    });
  });

  describe('listNotices and countNotices', () => {
    it('lists newest disclosure first with undated notices last', async () => {
      const ids = await ingestAll(store);
      const list = await store.listNotices();
      expect(list.map((n) => n.id)).toEqual([ids.hospital, ids.leak, ids.lost, ids.contractor]);
      expect(list.map((n) => n.disclosureDate)).toEqual(['2024-06-30', '2024-03-15', '2023-11-02', null]);
      expect(list[1]!.incidentTypes).toEqual(['unauthorized_access', 'malware']);
    });

    it('pages with limit and offset', async () => {
      const ids = await ingestAll(store);
      expect((await store.listNotices({ limit: 2 })).map((n) => n.id)).toEqual([ids.hospital, ids.leak]);
      expect((await store.listNotices({ limit: 2, offset: 2 })).map((n) => n.id)).toEqual([ids.lost, ids.contractor]);
      expect(await store.listNotices({ offset: 10 })).toEqual([]);
    });

    it('filters by type, sector and disclosure range, and counts the same way', async () => {
      const ids = await ingestAll(store);
      expect((await store.listNotices({ type: 'malware' })).map((n) => n.id)).toEqual([ids.leak]);
      expect((await store.listNotices({ sector: 'government' })).map((n) => n.id)).toEqual([ids.lost]);
      expect((await store.listNotices({ from: '2024-01-01' })).map((n) => n.id)).toEqual([ids.hospital, ids.leak]);
      expect((await store.listNotices({ to: '2024-03-15' })).map((n) => n.id)).toEqual([ids.leak, ids.lost]);
      expect((await store.listNotices({ from: '2024-03-15', to: '2024-03-15' })).map((n) => n.id)).toEqual([ids.leak]);
      expect(await store.listNotices({ type: 'loss', sector: 'healthcare' })).toEqual([]);
      expect(await store.countNotices()).toBe(4);
      expect(await store.countNotices({ from: '2024-01-01' })).toBe(2);
      expect(await store.countNotices({ type: 'ransomware' })).toBe(1);
    });

    it('rejects malformed filters and paging', async () => {
      await expectBadInput(store.listNotices({ from: '2024/01/01' }), 'from');
      await expectBadInput(store.listNotices({ to: '2024-02-30' }), 'to');
      await expectBadInput(store.listNotices({ from: '2024-05-01', to: '2024-04-01' }), 'from');
      await expectBadInput(store.countNotices({ type: 'bogus' as never }), 'type');
      await expectBadInput(store.listNotices({ sector: "x' OR 1=1" as never }), 'sector');
      await expectBadInput(store.listNotices({ limit: 0 }), 'limit');
      await expectBadInput(store.listNotices({ offset: -1 }), 'offset');
      await expectBadInput(store.search('漏洩', { limit: 1.5 }), 'limit');
    });
  });

  describe('search', () => {
    it.each([
      ['漏洩', 'leak'], ['紛失', 'lost'], ['病院', 'hospital'], ['委託', 'contractor'],
    ] as const)('finds the two-character word %s in the %s notice only', async (query, key) => {
      const ids = await ingestAll(store);
      const hits = await store.search(query);
      expect(hits.map((h) => h.id)).toEqual([ids[key]]);
      expect(hits[0]!.snippet).toContain(`\u0001${query}\u0002`);
    });

    it('matches a phrase only when its characters are adjacent and in order', async () => {
      const ids = await ingestAll(store);
      expect((await store.search('情報漏洩')).map((h) => h.id)).toEqual([ids.leak]);
      // 個人 and 漏洩 both occur in the leak notice, but not as one run.
      expect(await store.search('個人漏洩')).toEqual([]);
      expect(await store.search('洩漏')).toEqual([]);
      // Each bigram of 客情報漏 occurs (顧客情報, 個人情報漏洩), but never one after another.
      expect(await store.search('客情報漏')).toEqual([]);
      expect((await store.search('顧客情報')).map((h) => h.id)).toEqual([ids.leak]);
      // 委 and 託 are in other notices only as part of 委託.
      expect(await store.search('託委')).toEqual([]);
    });

    it('combines words with AND', async () => {
      const ids = await ingestAll(store);
      expect((await store.search('みどり 漏洩')).map((h) => h.id)).toEqual([ids.leak]);
      expect((await store.search('みどり　紛失')).map((h) => h.id)).toEqual([]);
    });

    it('matches regardless of full-width, half-width and case', async () => {
      const ids = await ingestAll(store);
      expect((await store.search('ＵＳＢ')).map((h) => h.id)).toEqual([ids.lost]);
      expect((await store.search('usbメモリ')).map((h) => h.id)).toEqual([ids.lost]);
      expect((await store.search('ﾒﾓﾘ')).map((h) => h.id)).toEqual([ids.lost]);
      const hit = (await store.search('usb'))[0]!;
      expect(hit.snippet).toContain('\u0001USB\u0002');
    });

    it('finds a word that ends in a lone CJK character, and a one-character query', async () => {
      const { text, record } = NOTICES.leak;
      const doc = makeDocument('X社は委託先です。');
      const r = await store.ingestDocument(doc, [makeNotice('X社は委託先です。', makeRecord({ header: 'X社' }))]);
      await store.ingestDocument(makeDocument(text), [makeNotice(text, record)]);
      expect((await store.search('X社')).map((h) => h.id)).toEqual(r.noticeIds);
      expect((await store.search('x社')).map((h) => h.id)).toEqual(r.noticeIds);
      expect((await store.search('託')).map((h) => h.id)).toEqual(r.noticeIds);
      expect(await store.search('鬱')).toEqual([]);
    });

    it('filters hits like listNotices does', async () => {
      const ids = await ingestAll(store);
      // について occurs in the lost and contractor notices.
      expect((await store.search('について')).map((h) => h.id).sort()).toEqual([ids.lost, ids.contractor].sort());
      expect((await store.search('について', { sector: 'services' })).map((h) => h.id)).toEqual([ids.contractor]);
      expect((await store.search('について', { type: 'loss' })).map((h) => h.id)).toEqual([ids.lost]);
      expect((await store.search('について', { from: '2023-01-01' })).map((h) => h.id)).toEqual([ids.lost]);
      expect(await store.search('について', { to: '2023-01-01' })).toEqual([]);
      expect((await store.search('について', { limit: 1 }))).toHaveLength(1);
    });

    it('ranks the notice that says the word more often first', async () => {
      const once = 'ある会社で不正アクセスがありました。詳細は調査中です。';
      const twice = '不正アクセスの件。再び不正アクセスを確認しました。';
      const a = await store.ingestDocument(makeDocument(once), [makeNotice(once, makeRecord())]);
      const b = await store.ingestDocument(makeDocument(twice), [makeNotice(twice, makeRecord())]);
      const hits = await store.search('不正アクセス');
      expect(hits.map((h) => h.id)).toEqual([b.noticeIds[0], a.noticeIds[0]]);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    });

    it('returns the summary fields and a marked snippet with each hit', async () => {
      const ids = await ingestAll(store);
      const [hit] = await store.search('誤送信');
      expect(hit).toMatchObject({
        id: ids.hospital, organization: 'あおば総合病院', disclosureDate: '2024-06-30',
        incidentTypes: ['misdelivery'], sector: 'healthcare',
      });
      expect(hit!.snippet).toContain('メール\u0001誤送信\u0002のお詫び');
      expect(hit!.snippet).not.toContain('\n');
    });

    it('treats hostile queries as text, never as SQL or FTS syntax', async () => {
      await ingestAll(store);
      const before = await store.listNotices();
      for (const query of ['"', "' OR 1=1 --", 'NEAR(', '*', ')', '漏洩 OR 紛失', 'NOT 漏洩', '"漏洩', '漏洩*', '^漏洩', 'body:漏洩', '{body}', '; DROP TABLE notices; --', 'a"b', '\u0000']) {
        const hits = await store.search(query);
        expect(Array.isArray(hits), query).toBe(true);
      }
      // Operators are words like any other: OR is not a keyword, so 漏洩 OR 紛失 needs all three.
      expect(await store.search('漏洩 OR 紛失')).toEqual([]);
      expect((await store.search('"漏洩')).length).toBe(1);
      expect(await store.listNotices()).toEqual(before);
    });

    it('rejects an empty query as bad input', async () => {
      await expectBadInput(store.search(''), 'query');
      await expectBadInput(store.search('  \u3000 '), 'query');
    });
  });
});
