// The Store port's fetches, watched sources and leak-site claims, run against every engine in ENGINES.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { regroupIncidents } from '../../src/app/incidents.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { NOTICES, makeDocument, makeNotice } from './fixtures.ts';

describe.each(ENGINES)('sources and claims on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open({ now: () => new Date('2024-12-01T00:00:00.000Z') });
    store = opened.store;
  });
  afterEach(async () => opened.dispose());

  it('keeps fetches beside their document', async () => {
    const { text, record } = NOTICES.leak;
    const doc = await store.ingestDocument(makeDocument(text), [makeNotice(text, record)]);
    const id = await store.recordFetch({
      requestedUrl: 'https://example.jp/a', finalUrl: 'https://example.jp/b', status: 200, headers: { 'content-type': 'text/html' },
      redirects: ['https://example.jp/b'], sha256: makeDocument(text).sha256, byteLength: 10, fetchedAt: '2024-12-01T00:00:00.000Z',
      documentId: doc.documentId,
    });
    expect(await store.listFetches(doc.documentId)).toEqual([expect.objectContaining({ id, status: 200, redirects: ['https://example.jp/b'] })]);
    expect(await store.listFetches(999)).toEqual([]);
  });

  it('schedules watched sources, counts failures and remembers seen links once', async () => {
    const source = await store.addWatchSource({ url: 'https://example.jp/feed', everySeconds: 3600, allowPrivate: false });
    expect(source).toMatchObject({ failures: 0, nextCheckAt: '1970-01-01T00:00:00.000Z', allowPrivate: false });
    expect((await store.addWatchSource({ url: 'https://example.jp/feed', everySeconds: 7200, allowPrivate: true })).id).toBe(source.id);
    expect((await store.dueWatchSources('2024-12-01T00:00:00.000Z')).map((s) => s.everySeconds)).toEqual([7200]);
    const failed = await store.recordWatchCheck(source.id, { ok: false, at: '2024-12-01T00:00:00.000Z', nextCheckAt: '2024-12-01T01:00:00.000Z', error: 'timeout' });
    expect(failed).toMatchObject({ failures: 1, lastError: 'timeout' });
    const ok = await store.recordWatchCheck(source.id, {
      ok: true, at: '2024-12-01T02:00:00.000Z', nextCheckAt: '2024-12-01T04:00:00.000Z', etag: '"x"', lastModified: null,
    });
    expect(ok).toMatchObject({ failures: 0, lastError: null, etag: '"x"' });
    expect(await store.dueWatchSources('2024-12-01T03:00:00.000Z')).toEqual([]);
    await store.markWatchLinksSeen(source.id, [{ url: 'https://example.jp/1', title: 'a', outcome: 'baseline' }]);
    await store.markWatchLinksSeen(source.id, [{ url: 'https://example.jp/1', title: 'b', outcome: 'failed' }]);
    expect(await store.seenWatchLinks(source.id, ['https://example.jp/1', 'https://example.jp/2'])).toEqual(new Set(['https://example.jp/1']));
    await expect(store.recordWatchCheck(999, { ok: false, at: 'x', nextCheckAt: 'y', error: 'z' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pauses, resumes and removes a watched source, each in the audit log (issue 19, item 8)', async () => {
    const a = await store.addWatchSource({ url: 'https://example.jp/a', everySeconds: 3600, allowPrivate: false });
    const b = await store.addWatchSource({ url: 'https://example.jp/b', everySeconds: 3600, allowPrivate: false });
    const due = async () => (await store.dueWatchSources('2024-12-02T00:00:00.000Z')).map((s) => s.url);
    expect(await due()).toEqual(['https://example.jp/a', 'https://example.jp/b']);
    expect(await store.pauseWatchSource(a.id, true, 'kanri')).toMatchObject({ pausedAt: '2024-12-01T00:00:00.000Z' });
    expect(await due()).toEqual(['https://example.jp/b']);
    // Pausing twice changes nothing and writes no second line.
    await store.pauseWatchSource(a.id, true, 'kanri');
    expect((await store.listWatchSources()).find((s) => s.id === a.id)?.pausedAt).toBe('2024-12-01T00:00:00.000Z');
    expect(await store.pauseWatchSource(a.id, false, 'kanri')).toMatchObject({ pausedAt: null });
    expect(await due()).toEqual(['https://example.jp/a', 'https://example.jp/b']);
    await store.markWatchLinksSeen(b.id, [{ url: 'https://example.jp/1', title: 'a', outcome: 'baseline' }]);
    expect(await store.removeWatchSource(b.id, 'kanri')).toMatchObject({ url: 'https://example.jp/b' });
    expect((await store.listWatchSources()).map((s) => s.url)).toEqual(['https://example.jp/a']);
    expect(await store.seenWatchLinks(b.id, ['https://example.jp/1'])).toEqual(new Set());
    // Watched again later, it starts afresh.
    const again = await store.addWatchSource({ url: 'https://example.jp/b', everySeconds: 3600, allowPrivate: false });
    expect(await store.seenWatchLinks(again.id, ['https://example.jp/1'])).toEqual(new Set());
    await expect(store.removeWatchSource(999, 'kanri')).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.pauseWatchSource(999, true, 'kanri')).rejects.toMatchObject({ code: 'not_found' });
    const log = await store.listAudit({ actor: 'kanri' });
    expect(log.map((e) => e.action).reverse()).toEqual(['watch.pause', 'watch.resume', 'watch.remove']);
    expect(log[0]).toMatchObject({ subject: `watch:${b.id}`, before: { url: 'https://example.jp/b' }, after: null });
  });

  it('keeps a claims source\'s kind and layout, each check\'s outcome and what it added; a URL is one kind (issue 21)', async () => {
    const page = await store.addWatchSource({ url: 'https://example.jp/feed', everySeconds: 3600, allowPrivate: false });
    expect(page).toMatchObject({ kind: 'page', claimFormat: null, lastStatus: null, lastAdded: null, totalAdded: 0 });
    const tracker = await store.addWatchSource({ url: 'https://tracker.example/v2/recentvictims', everySeconds: 3600, allowPrivate: false, kind: 'claims', claimFormat: 'ransomware-live' }, 'kanri');
    expect(tracker).toMatchObject({ kind: 'claims', claimFormat: 'ransomware-live', totalAdded: 0 });
    // Added again: the schedule and layout change, the kind and what it added stay.
    const again = await store.addWatchSource({ url: tracker.url, everySeconds: 7200, allowPrivate: false, kind: 'claims', claimFormat: 'auto' }, 'kanri');
    expect(again).toMatchObject({ id: tracker.id, everySeconds: 7200, claimFormat: 'auto' });
    await expect(store.addWatchSource({ url: tracker.url, everySeconds: 3600, allowPrivate: false })).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.addWatchSource({ url: page.url, everySeconds: 3600, allowPrivate: false, kind: 'claims' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.listWatchSources()).map((s) => [s.url, s.kind])).toEqual([[page.url, 'page'], [tracker.url, 'claims']]);

    const at = (h: number) => `2024-12-01T0${h}:00:00.000Z`;
    expect(await store.recordWatchCheck(tracker.id, { ok: true, at: at(1), nextCheckAt: at(3), etag: '"a"', lastModified: 'Sun, 01 Dec 2024 00:00:00 GMT', status: 'changed', added: 4 }))
      .toMatchObject({ lastStatus: 'changed', lastAdded: 4, totalAdded: 4, etag: '"a"', lastModified: 'Sun, 01 Dec 2024 00:00:00 GMT' });
    expect(await store.recordWatchCheck(tracker.id, { ok: true, at: at(3), nextCheckAt: at(5), etag: '"a"', lastModified: null, status: 'not_modified', added: 0 }))
      .toMatchObject({ lastStatus: 'not_modified', lastAdded: 0, totalAdded: 4 });
    expect(await store.recordWatchCheck(tracker.id, { ok: false, at: at(5), nextCheckAt: at(6), error: 'not JSON' }))
      .toMatchObject({ lastStatus: 'failed', lastAdded: 0, totalAdded: 4, failures: 1, etag: '"a"', lastError: 'not JSON' });
    expect(await store.recordWatchCheck(tracker.id, { ok: true, at: at(6), nextCheckAt: at(8), etag: '"b"', lastModified: null, status: 'changed', added: 2 }))
      .toMatchObject({ lastStatus: 'changed', lastAdded: 2, totalAdded: 6, failures: 0, lastError: null });
    // A page's check without the new fields counts as changed, adding nothing.
    expect(await store.recordWatchCheck(page.id, { ok: true, at: at(1), nextCheckAt: at(2), etag: null, lastModified: null }))
      .toMatchObject({ lastStatus: 'changed', lastAdded: 0, totalAdded: 0 });
    const log = await store.listAudit({ actor: 'kanri' });
    expect(log.map((e) => [e.action, e.after])).toEqual([
      ['watch.add', expect.objectContaining({ kind: 'claims', claimFormat: 'auto', everySeconds: 7200 })],
      ['watch.add', expect.objectContaining({ kind: 'claims', claimFormat: 'ransomware-live' })],
    ]);
  });

  it('imports claims once, maps domains and links a confirmed claim to an incident', async () => {
    const claim = {
      group: 'lockbit3', victim: 'example-electronics.co.th', domain: 'example-electronics.co.th', country: 'TH',
      discovered: '2023-01-10 12:00:00', discoveredDate: '2023-01-10', source: 'posts.json',
    };
    expect(await store.addClaims([claim, { ...claim, victim: 'other.jp', domain: null }])).toEqual({ added: 2, existing: 0 });
    expect(await store.addClaims([{ ...claim, group: ' LockBit3 ' }])).toEqual({ added: 0, existing: 1 });
    const [first] = await store.listClaims({ from: '2023-01-01', to: '2023-01-31' });
    expect(first).toMatchObject({ group: 'lockbit3', victim: 'example-electronics.co.th' });
    expect(await store.listClaims({ from: '2024-01-01' })).toEqual([]);
    expect(await store.getClaim(first!.id)).toEqual(first);

    await store.setClaimDomainMapping('example-electronics.co.th', '株式会社エグザンプル', 'sato');
    await store.setClaimDomainMapping('example-electronics.co.th', '株式会社エグザンプル電子', 'suzuki');
    expect(await store.listClaimDomainMappings()).toEqual([
      { domain: 'example-electronics.co.th', parent: '株式会社エグザンプル電子', by: 'suzuki', at: '2024-12-01T00:00:00.000Z' },
    ]);

    const { text, record } = NOTICES.contractor;
    const notice = (await store.ingestDocument(makeDocument(text), [makeNotice(text, record)])).noticeIds[0]!;
    await regroupIncidents(store);
    const incident = (await store.incidentOfNotice(notice))!;
    const link = await store.confirmClaimLink({ claimId: first!.id, incidentId: incident, score: 0.8, reason: 'domain map', by: 'sato' });
    expect(link).toMatchObject({ claimId: first!.id, incidentId: incident, noticeId: notice, score: 0.8, by: 'sato' });
    expect((await store.confirmClaimLink({ claimId: first!.id, incidentId: incident, score: 0.1, reason: 'again', by: 'x' })).id).toBe(link.id);
    expect(await store.listClaimLinks({ incidentId: incident })).toEqual([link]);
    expect(await store.listClaimLinks({ claimId: first!.id })).toEqual([link]);
    await expect(store.confirmClaimLink({ claimId: 999, incidentId: incident, score: null, reason: 'r', by: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.confirmClaimLink({ claimId: first!.id, incidentId: 999, score: null, reason: 'r', by: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps a claim to one incident; un-confirming keeps the confirmation, undone, and frees the claim', async () => {
    const claim = {
      group: 'play', victim: 'Example Seiki', domain: 'example-seiki.example', country: null, description: 'A maker of gauges in Japan.',
      discovered: '2023-01-10 12:00:00', discoveredDate: '2023-01-10', source: 'live.json',
    };
    await store.addClaims([claim]);
    const [stored] = await store.listClaims();
    expect(stored).toMatchObject({ description: 'A maker of gauges in Japan.' });
    // The same claim from another feed: counted as existing, it fills in only what the stored one lacks.
    await store.addClaims([{ ...claim, victim: 'Other Seiki', domain: null, description: null }]);
    expect(await store.addClaims([{ ...claim, victim: 'Other Seiki', description: 'From the second feed.' }, { ...claim, description: 'Another text.' }]))
      .toEqual({ added: 0, existing: 2 });
    expect((await store.listClaims()).map((c) => [c.victim, c.domain, c.description])).toEqual([
      ['Example Seiki', 'example-seiki.example', 'A maker of gauges in Japan.'], ['Other Seiki', 'example-seiki.example', 'From the second feed.'],
    ]);
    const a = (await store.ingestDocument(makeDocument(NOTICES.leak.text), [makeNotice(NOTICES.leak.text, NOTICES.leak.record)])).noticeIds[0]!;
    const b = (await store.ingestDocument(makeDocument(NOTICES.contractor.text), [makeNotice(NOTICES.contractor.text, NOTICES.contractor.record)])).noticeIds[0]!;
    await regroupIncidents(store);
    const [first, second] = [(await store.incidentOfNotice(a))!, (await store.incidentOfNotice(b))!];
    expect(first).not.toBe(second);
    const link = await store.confirmClaimLink({ claimId: stored!.id, incidentId: first, score: 0.9, reason: 'name', by: 'sato' });
    expect(link.undone).toBeNull();
    await expect(store.confirmClaimLink({ claimId: stored!.id, incidentId: second, score: null, reason: 'r', by: 'suzuki' }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/confirmed for incident \d+ already/) });
    await expect(store.unconfirmClaimLink({ claimId: 999, by: 'sato', reason: 'r' })).rejects.toMatchObject({ code: 'not_found' });

    const undone = await store.unconfirmClaimLink({ claimId: stored!.id, by: 'sato', reason: 'another firm of that name' });
    expect(undone).toMatchObject({ id: link.id, incidentId: first, undone: { by: 'sato', at: '2024-12-01T00:00:00.000Z', reason: 'another firm of that name' } });
    expect(await store.listClaimLinks({ claimId: stored!.id })).toEqual([]);
    expect(await store.listClaimLinks({ incidentId: first })).toEqual([]);
    expect(await store.listClaimLinks({ claimId: stored!.id, includeUndone: true })).toEqual([undone]);
    await expect(store.unconfirmClaimLink({ claimId: stored!.id, by: 'sato', reason: 'again' })).rejects.toMatchObject({ code: 'not_found' });

    // Freed, the claim may be confirmed again: for the other incident, or for the first one once more.
    const moved = await store.confirmClaimLink({ claimId: stored!.id, incidentId: second, score: null, reason: 'r', by: 'suzuki' });
    expect(await store.listClaimLinks()).toEqual([moved]);
    await store.unconfirmClaimLink({ claimId: stored!.id, by: 'suzuki', reason: 'wrong again' });
    const back = await store.confirmClaimLink({ claimId: stored!.id, incidentId: first, score: 0.9, reason: 'name', by: 'sato' });
    expect(back.id).not.toBe(link.id);
    expect((await store.listClaimLinks({ includeUndone: true })).map((l) => [l.incidentId, l.undone?.by ?? null])).toEqual([[first, 'sato'], [second, 'suzuki'], [first, null]]);
    const log = await store.listAudit({ action: 'claim.unconfirm' });
    expect(log.map((e) => [e.actor, e.subject])).toEqual([['suzuki', `claim:${stored!.id}`], ['sato', `claim:${stored!.id}`]]);
    expect(log[1]).toMatchObject({ before: { incident: first, link: link.id }, after: { reason: 'another firm of that name' } });
  });

  it('lets only one of two confirmations of one claim made at once stand', async () => {
    await store.addClaims([{ group: 'play', victim: 'Race Co', domain: null, country: null, discovered: '2023-01-10 00:00:00', discoveredDate: '2023-01-10', source: 't' }]);
    const [stored] = await store.listClaims();
    const a = (await store.ingestDocument(makeDocument(NOTICES.leak.text), [makeNotice(NOTICES.leak.text, NOTICES.leak.record)])).noticeIds[0]!;
    const b = (await store.ingestDocument(makeDocument(NOTICES.contractor.text), [makeNotice(NOTICES.contractor.text, NOTICES.contractor.record)])).noticeIds[0]!;
    await regroupIncidents(store);
    const other = await opened.openAnother();
    try {
      const results = await Promise.allSettled([
        store.confirmClaimLink({ claimId: stored!.id, incidentId: (await store.incidentOfNotice(a))!, score: null, reason: 'r', by: 'sato' }),
        other.confirmClaimLink({ claimId: stored!.id, incidentId: (await store.incidentOfNotice(b))!, score: null, reason: 'r', by: 'suzuki' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await store.listClaimLinks()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
