// The organisation table on every engine: each notice in its key's organisation, names as written,
// domains from notice URLs, search by name, romaji, alias or domain, paging, and a person's names,
// merges and splits kept with who, when and the audit log.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrganisations, refreshOrganisations } from '../../src/app/organisations.ts';
import { JikenboError } from '../../src/core/errors.ts';
import type { IncidentRecord } from '../../src/core/record.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

let seq = 0;
async function put(store: Store, organization: string | null, extra: Partial<IncidentRecord> = {}, source = 'fixture.txt'): Promise<number> {
  const text = `【架空】${organization ?? '名無し'}のお知らせ ${++seq}`;
  const record = makeRecord({ header: text, organization, kind: 'incident', ...extra });
  return (await store.ingestDocument(makeDocument(text, source), [makeNotice(text, record)])).noticeIds[0]!;
}

// Through the use case: the terms are matched in memory against the store's search texts, the page read by id.
async function search(store: Store, q: string, window = { offset: 0, limit: 50 }) {
  return findOrganisations(store, q, window);
}

const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof JikenboError ? e.code : String(e)));

describe.each(ENGINES)('organisations on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  it('puts each notice in its key\'s organisation, with its names as written, sector, dates and domains', async () => {
    const a = await put(store, '株式会社フジクラ', { disclosure_date: '2024-03-01', sector: 'manufacturing' }, 'https://www.fujikura.example.co.jp/news/1.html');
    const b = await put(store, 'フジクラ(株)', { disclosure_date: '2024-09-10', sector: 'manufacturing' });
    await put(store, 'さくら市役所', { disclosure_date: '2023-01-05', sector: 'government' });
    await put(store, null);

    const all = await search(store, '');
    expect(all.total).toBe(2);
    expect(all.rows.map((o) => o.name)).toEqual([expect.stringContaining('フジクラ'), 'さくら市役所']);
    const fujikura = all.rows[0]!;
    expect(fujikura).toMatchObject({ key: 'フジクラ', noticeCount: 2, incidentCount: 2, sector: 'manufacturing', latestDate: '2024-09-10', mergedInto: null, createdBy: null });

    const detail = (await store.getOrganisation(fujikura.id))!;
    expect(detail.names.map((n) => n.name).sort()).toEqual(['フジクラ(株)', '株式会社フジクラ']);
    expect(detail.latinKeys).toEqual(['fujikura']);
    expect(detail.noticeDomains).toEqual(['fujikura.example.co.jp']);
    expect(detail.incidents.map((i) => i.noticeIds)).toEqual([[b], [a]]);
    expect(await store.organisationsOfIncident((await store.incidentOfNotice(a))!)).toEqual([expect.objectContaining({ id: fujikura.id })]);

    // Found by the name as written, by its key, by romaji and by domain; not by what it does not hold.
    for (const q of ['株式会社フジクラ', 'フジクラ', 'Fujikura Ltd.', 'fujikura.example.co.jp']) {
      expect((await search(store, q)).rows.map((o) => o.id), q).toEqual([fujikura.id]);
    }
    expect((await search(store, '100%')).total).toBe(0);
    // Pages: the second of one row each.
    const second = await search(store, '', { offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 2, rows: [expect.objectContaining({ name: 'さくら市役所' })] });
  });

  it('follows a correction of a notice\'s organisation', async () => {
    const n = await put(store, 'あおば総合病院');
    await put(store, 'みなと精機株式会社');
    await refreshOrganisations(store);
    await store.addCorrection({ target: 'notice', targetId: n, field: 'organization', oldValue: 'あおば総合病院', newValue: 'みなと精機株式会社', by: 'sato', reason: '見出しの組織名の読み違い' });
    const found = await search(store, '');
    expect(found.rows).toEqual([expect.objectContaining({ key: 'みなと精機', noticeCount: 2 })]);
  });

  it('keeps a person\'s names and domains, once each, with who, when and the audit log', async () => {
    await put(store, 'ひかり書房株式会社');
    const [org] = (await search(store, '')).rows;
    const alias = await store.addOrganisationName({ organisationId: org!.id, kind: 'alias', value: 'Hikari Shobo', fold: 'hikarishobo', by: 'sato' });
    expect(alias).toMatchObject({ kind: 'alias', value: 'Hikari Shobo', by: 'sato' });
    await store.addOrganisationName({ organisationId: org!.id, kind: 'alias', value: 'HIKARI SHOBO', fold: 'hikarishobo', by: 'suzuki' });
    await store.addOrganisationName({ organisationId: org!.id, kind: 'domain', value: 'hikari.example.jp', fold: 'hikari.example.jp', by: 'sato' });
    const detail = (await store.getOrganisation(org!.id))!;
    expect(detail.added.map((n) => [n.kind, n.value, n.by])).toEqual([['alias', 'Hikari Shobo', 'sato'], ['domain', 'hikari.example.jp', 'sato']]);
    expect(detail.changes.map((c) => [c.action, c.by])).toEqual([['alias', 'sato'], ['domain', 'sato']]);
    expect((await search(store, 'hikari.example.jp')).rows.map((o) => o.id)).toEqual([org!.id]);
    expect((await search(store, 'hikarishobo')).rows.map((o) => o.id)).toEqual([org!.id]);
    const audit = await store.listAudit({ action: 'organisation.name' });
    expect(audit.map((e) => [e.actor, e.subject])).toEqual([['sato', `organisation:${org!.id}`], ['sato', `organisation:${org!.id}`]]);
    expect(await code(store.addOrganisationName({ organisationId: 999_999, kind: 'alias', value: 'x', fold: 'x', by: 'sato' }))).toBe('not_found');
    expect(await code(store.addOrganisationName({ organisationId: org!.id, kind: 'alias', value: 'x', fold: 'x', by: '  ' }))).toBe('bad_input');
  });

  it('merges two organisations into one that answers for both, new notices of the merged one included', async () => {
    await put(store, 'みどり電機株式会社', { disclosure_date: '2024-01-01' });
    await put(store, 'ミドリ電器', { disclosure_date: '2023-01-01' });
    const [midori, other] = (await search(store, '')).rows;
    await store.addOrganisationName({ organisationId: other!.id, kind: 'former', value: '旧ミドリ電器', fold: '旧ミドリ電器', by: 'sato' });
    const merged = await store.mergeOrganisations({ fromId: other!.id, intoId: midori!.id, by: 'suzuki', reason: '同じ会社の旧表記' });
    expect(merged).toMatchObject({ id: midori!.id, noticeCount: 2, incidentCount: 2 });
    expect((await store.getOrganisation(other!.id))!.mergedInto).toBe(midori!.id);
    const list = await search(store, '');
    expect(list.rows.map((o) => o.id)).toEqual([midori!.id]);
    // The merged organisation's names and a later notice of its key now belong to the survivor.
    expect((await search(store, '旧ミドリ電器')).rows.map((o) => o.id)).toEqual([midori!.id]);
    await put(store, 'ミドリ電器株式会社', { disclosure_date: '2025-02-02' });
    expect((await search(store, '')).rows).toEqual([expect.objectContaining({ id: midori!.id, noticeCount: 3, latestDate: '2025-02-02' })]);
    const detail = (await store.getOrganisation(midori!.id))!;
    expect(detail.changes.map((c) => [c.action, c.detail.from, c.by])).toEqual([['merge', other!.id, 'suzuki']]);
    expect((await store.listAudit({ action: 'organisation.merge' }))[0]).toMatchObject({ actor: 'suzuki', subject: `organisation:${other!.id}` });

    expect(await code(store.mergeOrganisations({ fromId: other!.id, intoId: midori!.id, by: 'sato' }))).toBe('conflict');
    expect(await code(store.mergeOrganisations({ fromId: midori!.id, intoId: midori!.id, by: 'sato' }))).toBe('bad_input');
    expect(await code(store.mergeOrganisations({ fromId: 999_999, intoId: midori!.id, by: 'sato' }))).toBe('not_found');
  });

  it('splits an organisation into two of one name, and keeps the person\'s split through later changes', async () => {
    const one = await put(store, '近畿テスト大学病院', { disclosure_date: '2022-05-01', sector: 'healthcare' });
    const two = await put(store, '近畿テスト大学病院', { disclosure_date: '2024-05-01', sector: 'healthcare' });
    const [org] = (await search(store, '')).rows;
    const split = await store.splitOrganisation({ organisationId: org!.id, noticeIds: [one], by: 'sato', reason: '別法人' });
    expect(split).toMatchObject({ key: org!.key, name: '近畿テスト大学病院', noticeCount: 1, createdBy: 'sato' });
    const both = await search(store, '近畿テスト大学病院');
    expect(both.rows.map((o) => [o.id, o.noticeCount])).toEqual([[org!.id, 1], [split.id, 1]]);
    // A correction queues the notice again: a person's placement stays.
    await store.addCorrection({ target: 'notice', targetId: one, field: 'sector', oldValue: 'healthcare', newValue: 'education', by: 'sato', reason: '大学の法人' });
    await refreshOrganisations(store);
    expect((await store.getOrganisation(split.id))!.incidents.map((i) => i.noticeIds)).toEqual([[one]]);
    expect((await store.getOrganisation(split.id))!.sector).toBe('education');
    expect((await store.getOrganisation(org!.id))!.incidents.map((i) => i.noticeIds)).toEqual([[two]]);
    expect((await store.getOrganisation(org!.id))!.changes.map((c) => c.action)).toEqual(['split']);
    expect((await store.listAudit({ action: 'organisation.split' }))).toHaveLength(1);

    expect(await code(store.splitOrganisation({ organisationId: org!.id, noticeIds: [two], by: 'sato' }))).toBe('conflict');
    expect(await code(store.splitOrganisation({ organisationId: org!.id, noticeIds: [one], by: 'sato' }))).toBe('bad_input');
    expect(await code(store.splitOrganisation({ organisationId: org!.id, noticeIds: [], by: 'sato' }))).toBe('bad_input');
    // Merging the two back puts both notices in one again.
    await store.mergeOrganisations({ fromId: split.id, intoId: org!.id, by: 'sato' });
    expect((await search(store, '')).rows).toEqual([expect.objectContaining({ id: org!.id, noticeCount: 2 })]);
  });
});
