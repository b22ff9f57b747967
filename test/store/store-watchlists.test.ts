// The Store port's watchlists on every engine in ENGINES: lists and entries, the cursors that make
// matching incremental, hits recorded once, a delivery per hit of a list with a webhook, attempts.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/ports.ts';
import type { WatchlistInput } from '../../src/store/watchlist-types.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { NOTICES, makeDocument, makeNotice } from './fixtures.ts';

const AT = '2024-12-01T00:00:00.000Z';
const plain: WatchlistInput = { name: 'portfolio', private: true, webhookUrl: null, webhookSecret: null, allowPrivate: false };
const hooked: WatchlistInput = { name: 'suppliers', private: false, webhookUrl: 'https://hooks.example.jp/in', webhookSecret: 'a-secret-of-16-chars', allowPrivate: false };

describe.each(ENGINES)('watchlists on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open({ now: () => new Date(AT) });
    store = opened.store;
  });
  afterEach(async () => opened.dispose());

  const ingest = async (key: keyof typeof NOTICES, source?: string) => {
    const { text, record } = NOTICES[key];
    return (await store.ingestDocument(makeDocument(text, source), [makeNotice(text, record)])).noticeIds[0]!;
  };

  it('adds, finds, changes and removes lists and entries, each audited', async () => {
    await ingest('leak');
    const list = await store.addWatchlist(plain, 'sato');
    // Matching starts after what is stored now.
    expect(list).toMatchObject({ name: 'portfolio', private: true, entries: 0, hits: 0, createdBy: 'sato', createdAt: AT, claimCursor: 0 });
    expect(list.noticeCursor).toBeGreaterThan(0);
    await expect(store.addWatchlist(plain, 'sato')).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.addWatchlistEntries(list.id, [
      { name: '株式会社ひかり書房', aliases: ['ひかり書房', ' ', 'ひかり書房'], domains: ['hikari-shobo.co.jp'] },
      { name: 'Minato Seiki', aliases: [], domains: [] },
    ], 'sato')).toEqual({ added: 2, updated: 0 });
    expect(await store.addWatchlistEntries(list.id, [{ name: 'Minato Seiki', aliases: ['みなと精機'], domains: [] }], 'sato')).toEqual({ added: 0, updated: 1 });
    const entries = await store.listWatchlistEntries(list.id);
    expect(entries.map((e) => [e.name, e.aliases, e.domains])).toEqual([
      ['Minato Seiki', ['みなと精機'], []],
      ['株式会社ひかり書房', ['ひかり書房'], ['hikari-shobo.co.jp']],
    ]);
    expect(await store.findWatchlistByName('portfolio')).toMatchObject({ id: list.id, entries: 2 });
    expect(await store.getWatchlist(999)).toBeNull();
    const changed = await store.changeWatchlist(list.id, { private: false, webhookUrl: 'https://h.example.jp/', webhookSecret: 'another-secret-16ch' }, 'sato');
    expect(changed).toMatchObject({ private: false, webhookUrl: 'https://h.example.jp/' });
    await expect(store.addWatchlistEntries(999, [{ name: 'x', aliases: [], domains: [] }], 'sato')).rejects.toMatchObject({ code: 'not_found' });
    expect((await store.removeWatchlistEntry(list.id, 'Minato Seiki', 'sato')).name).toBe('Minato Seiki');
    await expect(store.removeWatchlistEntry(list.id, 'Minato Seiki', 'sato')).rejects.toMatchObject({ code: 'not_found' });
    await store.addWatchlist(hooked, 'sato');
    expect((await store.listWatchlists()).map((w) => w.name)).toEqual(['portfolio', 'suppliers']);
    await store.removeWatchlist(list.id, 'sato');
    expect((await store.listWatchlists()).map((w) => w.name)).toEqual(['suppliers']);
    await expect(store.removeWatchlist(list.id, 'sato')).rejects.toMatchObject({ code: 'not_found' });
    const actions = (await store.listAudit({ actor: 'sato' })).map((a) => a.action).reverse();
    expect(actions).toEqual(['watchlist.add', 'watchlist.entries', 'watchlist.entries', 'watchlist.change', 'watchlist.remove_entry', 'watchlist.add', 'watchlist.remove']);
  });

  it('reads new notices with their URLs and claims after a cursor', async () => {
    const first = await ingest('leak', 'https://www.midori-denki.co.jp/news/1.html');
    const second = await ingest('lost');
    const doc = (await store.getNotice(second))!.document;
    await store.recordFetch({
      requestedUrl: 'https://sakura.example.jp/a', finalUrl: 'https://www.city.sakura.example.jp/b', status: 200, headers: {},
      redirects: [], sha256: doc.sha256, byteLength: 1, fetchedAt: AT, documentId: doc.id,
    });
    const notices = await store.watchableNotices(0, 10);
    expect(notices.map((n) => [n.id, n.organization, n.urls])).toEqual([
      [first, 'みどり電機株式会社', ['https://www.midori-denki.co.jp/news/1.html']],
      [second, 'さくら市役所', ['fixture.txt', 'https://sakura.example.jp/a', 'https://www.city.sakura.example.jp/b']],
    ]);
    expect(notices[0]!.text).toContain('不正アクセス');
    expect((await store.watchableNotices(first, 10)).map((n) => n.id)).toEqual([second]);
    expect(await store.watchableNotices(second, 10)).toEqual([]);
    await store.addClaims([{ group: 'lockbit3', victim: 'midori-denki.co.jp', domain: 'midori-denki.co.jp', country: 'JP', discovered: '2024-03-01T00:00:00Z', discoveredDate: '2024-03-01', source: 'test' }]);
    const claims = await store.claimsAfter(0, 10);
    expect(claims.map((c) => c.victim)).toEqual(['midori-denki.co.jp']);
    expect(await store.claimsAfter(claims[0]!.id, 10)).toEqual([]);
  });

  it('records hits once, moves the cursors only from where they were, and queues deliveries of a webhook list', async () => {
    const a = await store.addWatchlist(plain, 'sato');
    const b = await store.addWatchlist(hooked, 'sato');
    await store.addWatchlistEntries(a.id, [{ name: 'みどり電機', aliases: [], domains: [] }], 'sato');
    await store.addWatchlistEntries(b.id, [{ name: 'みどり電機', aliases: [], domains: [] }], 'sato');
    const [entryA] = await store.listWatchlistEntries(a.id);
    const [entryB] = await store.listWatchlistEntries(b.id);
    const notice = await ingest('leak');
    await store.addClaims([{ group: 'akira', victim: 'Midori Denki', domain: null, country: 'JP', discovered: '2024-03-01T00:00:00Z', discoveredDate: '2024-03-01', source: 'test' }]);
    const claimId = (await store.claimsAfter(0, 1))[0]!.id;
    const cursors = { notice: { from: 0, to: notice }, claim: { from: 0, to: claimId } };
    const hitA = { entryId: entryA!.id, subject: 'notice' as const, subjectId: notice, how: 'name', evidence: '"みどり電機" = "みどり電機株式会社"' };
    expect(await store.saveWatchlistHits(a.id, cursors, [hitA, { ...hitA, subject: 'claim', subjectId: claimId, how: 'romaji' }])).toEqual({ added: 2, moved: true });
    // A second process with the same cursors finds them moved: nothing written twice.
    expect(await store.saveWatchlistHits(a.id, cursors, [hitA])).toEqual({ added: 0, moved: false });
    // A hit of an entry of another list is not taken.
    expect(await store.saveWatchlistHits(a.id, { notice: { from: notice, to: notice }, claim: { from: claimId, to: claimId } }, [{ ...hitA, entryId: entryB!.id }]))
      .toEqual({ added: 0, moved: true });
    const hits = await store.listWatchlistHits(a.id);
    expect(hits.map((h) => [h.subject, h.entryName, h.title, h.organization, h.date, h.delivery])).toEqual([
      ['claim', 'みどり電機', 'akira', 'Midori Denki', '2024-03-01', null],
      ['notice', 'みどり電機', '不正アクセスによる個人情報漏洩のお知らせ', 'みどり電機株式会社', '2024-03-15', null],
    ]);
    expect(hits[1]!.incidentId).toBe(await store.incidentOfNotice(notice));
    expect((await store.getWatchlist(a.id))).toMatchObject({ hits: 2, noticeCursor: notice, claimCursor: claimId });

    const bFrom = { notice: { from: b.noticeCursor, to: notice }, claim: { from: b.claimCursor, to: claimId } };
    expect(await store.saveWatchlistHits(b.id, bFrom, [{ ...hitA, entryId: entryB!.id }])).toMatchObject({ added: 1 });
    expect(await store.dueWebhookDeliveries('2024-11-30T00:00:00.000Z', 10)).toEqual([]);
    const [due] = await store.dueWebhookDeliveries(AT, 10);
    expect(due).toMatchObject({
      delivery: { state: 'pending', attempts: 0, nextAttemptAt: AT },
      hit: { subject: 'notice', subjectId: notice, entryName: 'みどり電機' },
      watchlist: { id: b.id, name: 'suppliers', webhookUrl: 'https://hooks.example.jp/in', webhookSecret: 'a-secret-of-16-chars', allowPrivate: false },
    });
    await store.recordWebhookAttempt(due!.delivery.id, { at: AT, status: 503, error: 'HTTP 503', delivered: false, nextAttemptAt: '2024-12-01T00:01:00.000Z' });
    expect(await store.dueWebhookDeliveries(AT, 10)).toEqual([]);
    const [again] = await store.dueWebhookDeliveries('2024-12-01T00:01:00.000Z', 10);
    expect(again!.delivery).toMatchObject({ attempts: 1, lastStatus: 503, lastError: 'HTTP 503', state: 'pending' });
    await store.recordWebhookAttempt(due!.delivery.id, { at: '2024-12-01T00:01:00.000Z', status: 200, error: null, delivered: true, nextAttemptAt: null });
    expect(await store.dueWebhookDeliveries('2099-01-01T00:00:00.000Z', 10)).toEqual([]);
    expect((await store.listWatchlistHits(b.id))[0]!.delivery).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 200, deliveredAt: '2024-12-01T00:01:00.000Z' });
    // Removing the list removes its hits and deliveries with it.
    await store.removeWatchlist(b.id, 'sato');
    expect(await store.listWatchlistHits(b.id)).toEqual([]);
  });

  it('gives up a delivery when no next attempt is set', async () => {
    const b = await store.addWatchlist(hooked, 'sato');
    await store.addWatchlistEntries(b.id, [{ name: 'みどり電機', aliases: [], domains: [] }], 'sato');
    const [entry] = await store.listWatchlistEntries(b.id);
    const notice = await ingest('leak');
    await store.saveWatchlistHits(b.id, { notice: { from: b.noticeCursor, to: notice }, claim: { from: 0, to: 0 } },
      [{ entryId: entry!.id, subject: 'notice', subjectId: notice, how: 'name', evidence: 'x' }]);
    const [due] = await store.dueWebhookDeliveries(AT, 10);
    await store.recordWebhookAttempt(due!.delivery.id, { at: AT, status: null, error: 'connection refused', delivered: false, nextAttemptAt: null });
    expect((await store.listWatchlistHits(b.id))[0]!.delivery).toMatchObject({ state: 'failed', attempts: 1, lastStatus: null, lastError: 'connection refused', nextAttemptAt: null });
    expect(await store.dueWebhookDeliveries('2099-01-01T00:00:00.000Z', 10)).toEqual([]);
  });
});
