// The Store port's grouping, numbering, corrections and change token, run against every engine in
// ENGINES, and one casebook built on every engine giving the same answers.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planIncidents } from '../../src/analyze/plan-incidents.ts';
import { linkNoticesAsPerson, regroupIncidents, unlinkNoticeAsPerson } from '../../src/app/incidents.ts';
import { correctValue, revertCorrection } from '../../src/app/review.ts';
import { JikenboError } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/ports.ts';
import { FIRST_NOTICE, SECOND_REPORT, notice } from '../analyze/linkable.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { NOTICES, makeDocument, makeNotice, makeRecord, putNotice as put } from './fixtures.ts';

const OTHER = notice(0, 'メール誤送信のお詫び\nあおば総合病院\n患者様宛てのメールを誤って別の方へ送信しました。', {
  organization: 'あおば総合病院', disclosure_date: '2024-06-30', incident_types: ['misdelivery'],
});
const TRAVEL = notice(0, '【搭乗記】架空航空101便\n快適な旅でした。', { kind: 'other' });
const KEPT_NUMBER = notice(0, '【架空】ひかり商事　委託先でのランサムウェア被害について\n業務の委託先がランサムウェアに感染しました。', {
  organization: 'ひかり商事', disclosure_date: '2024-02-01', casebook_id: '#2024-050', incident_types: ['ransomware'],
});


async function incidentOf(store: Store, id: number) {
  return (await store.getIncident((await store.incidentOfNotice(id))!))!;
}

async function errorOf(promise: Promise<unknown>): Promise<JikenboError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(JikenboError);
  return err as JikenboError;
}

describe.each(ENGINES)('incidents and corrections on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterEach(async () => opened.dispose());

  it('puts each new notice of kind incident in an incident of its own at once, and the rest in none', async () => {
    const a = await put(store, FIRST_NOTICE);
    const travel = await put(store, TRAVEL);
    expect((await incidentOf(store, a)).members.map((m) => m.noticeId)).toEqual([a]);
    expect(await store.incidentOfNotice(travel)).toBeNull();
    expect(await store.countIncidents()).toBe(1);
    expect(await store.getIncident(424242)).toBeNull();
    expect(await store.incidentOfNotice(424242)).toBeNull();
  });

  it('groups a follow-up, numbers incidents by year, keeps a casebook number and never changes a number', async () => {
    const a = await put(store, FIRST_NOTICE);
    const kept = await put(store, KEPT_NUMBER);
    await regroupIncidents(store);
    const first = await incidentOf(store, a);
    // jikenbo's own numbers have a form of their own, so a header number takes no room from them.
    expect(first).toMatchObject({ number: 'J2024-0001', ownNumber: 'J2024-0001', numberKept: false, numberClash: false, firstDisclosure: '2024-09-12' });
    expect(await incidentOf(store, kept)).toMatchObject({ number: '2024-050', numberKept: true, ownNumber: null });

    const b = await put(store, SECOND_REPORT);
    expect(await regroupIncidents(store)).toEqual({ incidents: 2, linkedNotices: 2, clashes: 0 });
    const after = await incidentOf(store, b);
    expect(after).toMatchObject({ id: first.id, number: 'J2024-0001', exportKey: first.exportKey });
    expect(after.members.map((m) => [m.noticeId, m.origin])).toEqual([[a, 'auto'], [b, 'auto']]);
    expect(after.members[1]!.links).toEqual([{ rule: 'follow_up', notices: [a, b], evidence: expect.stringContaining('第2報') }]);

    const c = await put(store, OTHER);
    await regroupIncidents(store);
    expect((await incidentOf(store, c)).number).toBe('J2024-0002');
    // Many notices' incidents in one read, as incidentOfNotice gives them one by one; an unknown id left out.
    const travel = await put(store, TRAVEL);
    const many = await store.incidentsOfNoticeIds([c, a, 424242, b, travel, kept]);
    expect(many).toEqual(new Map(await Promise.all([c, a, b, kept].map(async (n) => [n, await store.incidentOfNotice(n)] as const))));
    expect(many.get(a)).toBe(many.get(b));
    expect(many.get(a)).not.toBe(many.get(c));
    expect(await store.incidentsOfNoticeIds([])).toEqual(new Map());
    // Newest first disclosure first, ids breaking ties.
    expect((await store.listIncidents()).map((i) => i.number)).toEqual(['J2024-0001', 'J2024-0002', '2024-050']);
    expect((await store.listIncidents({ limit: 1, offset: 1 })).map((i) => i.number)).toEqual(['J2024-0002']);
    expect((await store.loadIncidentSnapshot()).counters).toEqual(new Map([[2024, 2]]));
  });

  it('keeps a person\'s link and unlink through later regroups and ingests', async () => {
    const a = await put(store, FIRST_NOTICE);
    const c = await put(store, OTHER);
    await regroupIncidents(store);
    const decision = await linkNoticesAsPerson(store, a, c, ' hanako ');
    expect(decision).toMatchObject({ action: 'link', noticeId: a, otherNoticeId: c, by: 'hanako' });
    const b = await put(store, SECOND_REPORT);
    await regroupIncidents(store);
    expect((await incidentOf(store, c)).members.map((m) => m.noticeId)).toEqual([a, c, b]);
    expect((await incidentOf(store, c)).members.find((m) => m.noticeId === c)).toMatchObject({
      origin: 'manual', links: [{ rule: 'manual_link', by: 'hanako', notices: [a, c] }],
    });

    await unlinkNoticeAsPerson(store, c, 'taro');
    await regroupIncidents(store);
    expect((await incidentOf(store, c)).members.map((m) => m.noticeId)).toEqual([c]);
    expect((await store.listDecisions([c])).map((d) => [d.action, d.by])).toEqual([['link', 'hanako'], ['unlink', 'taro']]);
    expect(await store.listDecisions([b])).toEqual([]);
    expect((await store.loadIncidentSnapshot()).decisions).toHaveLength(2);
  });

  it('refuses decisions about unknown notices, self-links, nameless deciders and stale plans', async () => {
    const a = await put(store, FIRST_NOTICE);
    expect((await errorOf(store.linkNotices(a, 999, 'x'))).code).toBe('not_found');
    expect((await errorOf(store.unlinkNotice(999, 'x'))).code).toBe('not_found');
    expect((await errorOf(store.linkNotices(a, a, 'x'))).code).toBe('bad_input');
    expect((await errorOf(store.unlinkNotice(a, '  '))).code).toBe('bad_input');

    // A notice stored since the snapshot does not make a plan stale (another server's ingest regroups
    // after its batch): the plan is written, the new notice stays in its own incident until then.
    const early = planIncidents(await store.loadIncidentSnapshot());
    const other = await put(store, OTHER);
    const stale = planIncidents(await store.loadIncidentSnapshot());
    await store.replaceAutoGroups(early);
    expect((await incidentOf(store, a)).number).toBe('J2024-0001');
    expect(await incidentOf(store, other)).toMatchObject({ number: null, members: [{ noticeId: other }] });
    // Another regrouping since the snapshot does: refused, nothing changed.
    expect((await errorOf(store.replaceAutoGroups(stale))).code).toBe('conflict');
    expect((await incidentOf(store, other)).number).toBeNull();
    await regroupIncidents(store);
    expect((await incidentOf(store, other)).number).toBe('J2024-0002');
    expect((await incidentOf(store, a)).number).toBe('J2024-0001');
  });

  it('keeps corrections beside the machine record, in lists and filters, through new readings and reverts', async () => {
    const { text, record } = NOTICES.lost;
    const id = (await store.ingestDocument(makeDocument(text), [makeNotice(text, record)])).noticeIds[0]!;
    const token = await store.changeToken();
    const count = await correctValue(store, { target: 'notice', id, field: 'affected_count', value: '1,280', by: 'sato', reason: '公表文の記載による' });
    expect(count).toMatchObject({ field: 'affected_count', oldValue: 350, newValue: 1280, by: 'sato', revertedAt: null });
    expect(await store.changeToken()).not.toBe(token);
    await correctValue(store, { target: 'notice', id, field: 'incident_types', value: 'theft,loss', by: 'sato', reason: '公表文の記載による' });

    const corrected = (await store.getNotice(id))!;
    expect(corrected.record).toMatchObject({ affected_count: 1280, incident_types: ['theft', 'loss'] });
    expect(corrected.machineRecord).toEqual(record);
    expect(corrected.corrections.map((c) => c.field)).toEqual(['affected_count', 'incident_types']);
    expect((await store.listNotices({ type: 'theft' })).map((n) => [n.id, n.affectedCount, n.incidentTypes])).toEqual([[id, 1280, ['theft', 'loss']]]);

    const reread = makeRecord({ ...record, affected_count: 400, title: '新しい読み' });
    const live = await store.saveMachineRecord(id, reread, 'test-2');
    expect(live.map((c) => c.field)).toEqual(['affected_count', 'incident_types']);
    expect((await store.getNotice(id))!).toMatchObject({ extractorVersion: 'test-2', title: '新しい読み', affectedCount: 1280 });
    expect(await store.listNoticesForReextraction({ afterId: 0, limit: 10 })).toEqual([{ id, text, extractorVersion: 'test-2' }]);

    await revertCorrection(store, count.id, 'suzuki');
    expect((await store.getNotice(id))!.record.affected_count).toBe(400);
    expect((await errorOf(store.revertCorrection(count.id, 'suzuki'))).code).toBe('conflict');
    expect((await errorOf(store.revertCorrection(999, 'suzuki'))).code).toBe('not_found');
    expect((await store.listAllCorrections('notice')).get(id)!.map((c) => c.revertedBy)).toEqual(['suzuki', null]);

    const incident = (await store.incidentOfNotice(id))!;
    await store.addCorrection({ target: 'incident', targetId: incident, field: 'attacker', oldValue: null, newValue: 'LockBit', by: 'tanaka' });
    expect((await store.listCorrections('incident', incident)).map((c) => c.newValue)).toEqual(['LockBit']);
    expect((await errorOf(store.addCorrection({ target: 'incident', targetId: 999, field: 'attacker', oldValue: null, newValue: 'x', by: 't' }))).code)
      .toBe('not_found');
    expect((await errorOf(store.saveMachineRecord(999, reread, 'x'))).code).toBe('not_found');
  });

  it('gives search hit ids best first and snippets for a page', async () => {
    const ids: number[] = [];
    for (const { text, record } of Object.values(NOTICES)) ids.push(await put(store, { id: 0, text, record, ingestedAt: '' }));
    const once = 'ある会社で不正アクセスがありました。';
    const twice = '不正アクセスの件。再び不正アクセスを確認しました。';
    const a = await put(store, { id: 0, text: once, record: makeRecord(), ingestedAt: '' });
    const b = await put(store, { id: 0, text: twice, record: makeRecord(), ingestedAt: '' });
    expect(await store.searchNoticeIds('不正アクセス')).toEqual([b, a, ids[0]]);
    expect(await store.searchNoticeIds('不正アクセス', { limit: 1 })).toEqual([b]);
    expect(await store.searchNoticeIds('"; DROP TABLE notices')).toEqual([]);
    const snippets = await store.noticeSnippets([a, 999], 'アクセス');
    expect([...snippets.keys()]).toEqual([a]);
    expect(snippets.get(a)).toContain('\u0001アクセス\u0002');
  });
});

describe('one casebook on every engine', () => {
  const opened: OpenedStore[] = [];
  beforeAll(async () => {
    // The same clock on every engine, so that even the recorded times agree.
    const now = () => new Date(Date.UTC(2024, 11, 1));
    for (const engine of ENGINES) {
      const o = await engine.open({ now });
      opened.push(o);
      for (const l of [FIRST_NOTICE, KEPT_NUMBER, OTHER, TRAVEL, SECOND_REPORT]) await put(o.store, l);
      for (const { text, record } of Object.values(NOTICES)) await put(o.store, { id: 0, text, record, ingestedAt: '' });
      await regroupIncidents(o.store);
      const [, second] = await o.store.listNotices({ limit: 2 });
      await correctValue(o.store, { target: 'notice', id: second!.id, field: 'sector', value: 'finance', by: 'sato', reason: '公表文の記載による' });
    }
  });
  afterAll(async () => {
    for (const o of opened) await o.dispose();
  });

  it.each(['漏洩', '不正アクセス', 'ランサムウェア 委託', 'x社', '託', 'usb', '第2報'])('finds the same notices in the same order for %s', async (query) => {
    const answers = await Promise.all(opened.map(async (o) => (await o.store.search(query)).map((h) => [h.id, h.snippet])));
    expect(answers[0]!.length + query.length).toBeGreaterThan(0);
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
  });

  it('lists the same notices, incidents and corrections', async () => {
    const views = await Promise.all(opened.map(async ({ store }) => ({
      notices: await store.listNotices({ limit: 100 }),
      finance: await store.listNotices({ sector: 'finance' }),
      // Export keys are random UUIDs, made by each engine once: equal in form, not in value.
      incidents: (await store.listIncidents({ limit: 100 })).map(({ exportKey, ...rest }) => ({ ...rest, exportKey: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(exportKey) })),
      snapshot: await store.loadIncidentSnapshot(),
      corrections: [...(await store.listAllCorrections('notice'))],
      counts: [await store.countNotices(), await store.countIncidents()],
    })));
    expect(views[0]!.finance).toHaveLength(1);
    expect(views[0]!.incidents.some((i) => i.members.length > 1)).toBe(true);
    for (const view of views.slice(1)) expect(view).toEqual(views[0]);
  });
});
