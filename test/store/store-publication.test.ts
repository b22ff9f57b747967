// Publication marks (core/publication.ts) on every engine: kept with who and when, the latest in force,
// an audit line each, and a mark that no longer covers an incident whose notices changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkNoticesAsPerson, regroupIncidents } from '../../src/app/incidents.ts';
import { markPublication, publicationOf } from '../../src/app/publication.ts';
import { JikenboError } from '../../src/core/errors.ts';
import { publicIncidentId } from '../../src/core/public-id.ts';
import type { Store } from '../../src/store/ports.ts';
import { FIRST_NOTICE, notice } from '../analyze/linkable.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { putNotice as put } from './fixtures.ts';

const OTHER = notice(0, 'メール誤送信のお詫び\nあおば総合病院\n患者様宛てのメールを誤って別の方へ送信しました。', {
  organization: 'あおば総合病院', disclosure_date: '2024-06-30', incident_types: ['misdelivery'],
});

async function incidentOf(store: Store, noticeId: number) {
  return (await store.getIncident((await store.incidentOfNotice(noticeId))!))!;
}

describe.each(ENGINES)('publication marks on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    let tick = Date.parse('2025-01-01T00:00:00Z');
    opened = await engine.open({ now: () => new Date(tick += 1000) });
    store = opened.store;
  });
  afterEach(async () => opened.dispose());

  it('keeps every mark with who, when and why; the latest is in force; each writes an audit line', async () => {
    const a = await put(store, FIRST_NOTICE);
    const b = await put(store, OTHER);
    await regroupIncidents(store);
    const first = await incidentOf(store, a);
    const second = await incidentOf(store, b);
    expect(await store.currentPublicationMarks()).toEqual(new Map());

    const [marked] = await markPublication(store, { refs: [publicIncidentId(first)], publishable: true, by: ' sato ', reason: '確認済み' });
    expect(marked).toMatchObject({ incidentId: first.id, publishable: true, noticeIds: [a], by: 'sato', reason: '確認済み' });
    expect(marked!.at).toMatch(/^2025-01-01T00:00:\d\d\.000Z$/);
    await markPublication(store, { refs: [`#${publicIncidentId(first)}`, publicIncidentId(second)], publishable: false, by: 'suzuki' });

    const history = await store.listPublicationMarks(first.id);
    expect(history.map((m) => [m.publishable, m.by])).toEqual([[true, 'sato'], [false, 'suzuki']]);
    const current = await store.currentPublicationMarks();
    expect([...current.keys()].sort((x, y) => x - y)).toEqual([first.id, second.id].sort((x, y) => x - y));
    expect(current.get(first.id)).toMatchObject({ publishable: false, by: 'suzuki', reason: null });
    expect((await publicationOf(store, first.id, [a])).state).toBe('withdrawn');

    await markPublication(store, { refs: [String(first.id)], publishable: true, by: 'sato' });
    expect((await publicationOf(store, first.id, [a])).state).toBe('published');
    expect((await publicationOf(store, second.id, [b])).history).toHaveLength(1);

    const audit = await store.listAudit({ action: 'publication.mark' });
    expect(audit.map((e) => [e.actor, e.subject])).toEqual([['sato', `incident:${first.id}`], ['sato', `incident:${first.id}`]]);
    expect(audit.find((e) => (e.before as { publishable?: boolean } | null)?.publishable === false)?.after).toMatchObject({ publishable: true, notices: [a] });
    expect(await store.listAudit({ action: 'publication.unmark' })).toHaveLength(2);
  });

  it('resolves every reference before storing anything, and refuses unknown incidents and blank names', async () => {
    const a = await put(store, FIRST_NOTICE);
    await regroupIncidents(store);
    const first = await incidentOf(store, a);
    const err = await markPublication(store, { refs: [publicIncidentId(first), 'J2099-0999'], publishable: true, by: 'sato' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JikenboError);
    expect((err as JikenboError).code).toBe('not_found');
    expect(await store.listPublicationMarks(first.id)).toEqual([]);
    await expect(store.markPublication({ incidentId: 987654, publishable: true, noticeIds: [], by: 'sato' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.markPublication({ incidentId: first.id, publishable: true, noticeIds: [a], by: '  ' })).rejects.toMatchObject({ code: 'bad_input' });
    await expect(markPublication(store, { refs: [], publishable: true, by: 'sato' })).rejects.toMatchObject({ code: 'bad_input' });
    expect(await store.listPublicationMarks(first.id)).toEqual([]);
  });

  it('holds back an incident whose notices changed after it was marked', async () => {
    const a = await put(store, FIRST_NOTICE);
    const b = await put(store, OTHER);
    await regroupIncidents(store);
    const first = await incidentOf(store, a);
    await markPublication(store, { refs: [String(first.id)], publishable: true, by: 'sato' });
    await linkNoticesAsPerson(store, a, b, 'sato');
    const now = await incidentOf(store, a);
    const members = now.members.map((m) => m.noticeId).sort((x, y) => x - y);
    expect(members).toEqual([a, b].sort((x, y) => x - y));
    const state = (await publicationOf(store, now.id, members)).state;
    // The incident that kept the mark holds other notices now (changed); one that took it in has no mark of its own.
    expect(state).toBe(now.id === first.id ? 'changed' : 'unmarked');
  });
});
