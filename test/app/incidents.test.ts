// Incidents on a real SQLite casebook: regrouping after ingest, a person's decisions surviving it,
// numbers that never change, and plans refused when the casebook moved on.

import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planIncidents } from '../../src/analyze/plan-incidents.ts';
import { linkNoticesAsPerson, regroupIncidents, unlinkNoticeAsPerson } from '../../src/app/incidents.ts';
import { JikenboError } from '../../src/core/errors.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { LinkableNotice } from '../../src/store/store.ts';
import type { Store } from '../../src/store/ports.ts';
import { FIRST_NOTICE, SECOND_REPORT, notice } from '../analyze/linkable.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { makeDocument, makeNotice } from '../store/fixtures.ts';

const OTHER = notice(0, 'メール誤送信のお詫び\nあおば総合病院\n患者様宛てのメールを誤って別の方へ送信しました。', {
  organization: 'あおば総合病院', disclosure_date: '2024-06-30', incident_types: ['misdelivery'],
});
const TRAVEL = notice(0, '【搭乗記】架空航空101便\n快適な旅でした。', { kind: 'other' });

const root = tempDir();
let n = 0;
let store: Store;
beforeEach(async () => {
  store = await openSqliteStore(join(root, `case-${++n}.db`));
});
afterEach(async () => store.close());

async function put(l: LinkableNotice): Promise<number> {
  const result = await store.ingestDocument(makeDocument(l.text), [makeNotice(l.text, l.record)]);
  return result.noticeIds[0]!;
}

async function incidentOf(id: number) {
  return (await store.getIncident((await store.incidentOfNotice(id))!))!;
}

describe('incidents in the SQLite casebook', () => {
  it('puts each new notice of kind incident in an incident of its own at once, and the rest in none', async () => {
    const a = await put(FIRST_NOTICE);
    const travel = await put(TRAVEL);
    // No regroup yet, as after a crash between ingest and regrouping: still in an incident.
    expect((await incidentOf(a)).members.map((m) => m.noticeId)).toEqual([a]);
    expect(await store.incidentOfNotice(travel)).toBeNull();
    expect(await store.countIncidents()).toBe(1);
  });

  it('groups a follow-up with its first notice and keeps the number through later regroups', async () => {
    const a = await put(FIRST_NOTICE);
    await regroupIncidents(store);
    const before = await incidentOf(a);
    expect(before).toMatchObject({ number: 'J2024-0001', numberKept: false, numberClash: false });

    const b = await put(SECOND_REPORT);
    const report = await regroupIncidents(store);
    expect(report).toEqual({ incidents: 1, linkedNotices: 2, clashes: 0 });
    const after = await incidentOf(b);
    expect(after).toMatchObject({ id: before.id, number: 'J2024-0001', exportKey: before.exportKey, firstDisclosure: '2024-09-12' });
    expect(after.members.map((m) => [m.noticeId, m.origin])).toEqual([[a, 'auto'], [b, 'auto']]);
    expect(after.members[1]!.links).toEqual([{ rule: 'follow_up', notices: [a, b], evidence: expect.stringContaining('第2報') }]);
  });

  it('keeps a person\'s link through every later regroup and ingest', async () => {
    const a = await put(FIRST_NOTICE);
    const c = await put(OTHER);
    await regroupIncidents(store);
    expect(await store.incidentOfNotice(a)).not.toBe(await store.incidentOfNotice(c));

    const decision = await linkNoticesAsPerson(store, a, c, 'hanako');
    expect(decision).toMatchObject({ action: 'link', noticeId: a, otherNoticeId: c, by: 'hanako' });
    await put(SECOND_REPORT);
    await regroupIncidents(store);
    await regroupIncidents(store);
    const incident = await incidentOf(c);
    expect(incident.members.map((m) => m.noticeId)).toContain(a);
    expect(incident.members.find((m) => m.noticeId === c)).toMatchObject({
      origin: 'manual', links: [{ rule: 'manual_link', by: 'hanako', notices: [a, c] }],
    });
    expect(await store.countIncidents()).toBe(1);
  });

  it('keeps a person\'s unlink of an automatically grouped follow-up through later regroups', async () => {
    const a = await put(FIRST_NOTICE);
    const b = await put(SECOND_REPORT);
    await regroupIncidents(store);
    const together = await incidentOf(a);
    expect(together.members).toHaveLength(2);

    await unlinkNoticeAsPerson(store, b, 'taro');
    await regroupIncidents(store);
    await put(OTHER);
    await regroupIncidents(store);
    expect((await incidentOf(a)).members.map((m) => m.noticeId)).toEqual([a]);
    const apart = await incidentOf(b);
    expect(apart.members).toEqual([expect.objectContaining({ noticeId: b, origin: 'manual', links: [] })]);
    // The first notice keeps the incident and its number; the separated one gets the next free number.
    expect((await incidentOf(a))).toMatchObject({ id: together.id, number: together.number });
    expect(apart.number).not.toBe(together.number);
  });

  it('refuses a decision about an unknown notice, a self-link and a nameless decider', async () => {
    const a = await put(FIRST_NOTICE);
    for (const [promise, code] of [
      [store.linkNotices(a, 999, 'x'), 'not_found'], [store.unlinkNotice(999, 'x'), 'not_found'],
      [store.linkNotices(a, a, 'x'), 'bad_input'], [store.unlinkNotice(a, '  '), 'bad_input'],
    ] as const) {
      const err = await promise.then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(JikenboError);
      expect((err as JikenboError).code).toBe(code);
    }
  });

  it('refuses a plan made before a person\'s decision, and changes nothing', async () => {
    await put(FIRST_NOTICE);
    const other = await put(OTHER);
    const stale = planIncidents(await store.loadIncidentSnapshot());
    await store.unlinkNotice(other, 'sato');
    const err = await store.replaceAutoGroups(stale).then(() => null, (e: unknown) => e);
    expect((err as JikenboError).code).toBe('conflict');
    expect((await store.listIncidents()).every((i) => i.number === null)).toBe(true);
    await regroupIncidents(store);
    expect((await store.listIncidents()).map((i) => i.number)).toEqual(['J2024-0002', 'J2024-0001']);
  });
});
