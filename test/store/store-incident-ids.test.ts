// Export ids and numbers that never change, on every engine: exported once, then a header-number clash,
// a merge and a re-extraction, exported again. The surviving incident keeps every id; the absorbed one's
// ids and number are recorded as replaced by it, and each export says so.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseOwnNumber } from '../../src/analyze/casebook-number.ts';
import { linkNoticesAsPerson, regroupIncidents } from '../../src/app/incidents.ts';
import { loadIncidentFacts, type IncidentFacts } from '../../src/app/incident-facts.ts';
import { reextractNotices } from '../../src/app/reextract.ts';
import { buildStixBundle } from '../../src/app/stix.ts';
import { entryId, incidentsToAtom } from '../../src/formats/atom.ts';
import { stixIncidentId, verisIncidentId } from '../../src/formats/stable-id.ts';
import { toVeris } from '../../src/formats/veris-mapping.ts';
import type { Store } from '../../src/store/ports.ts';
import { notice } from '../analyze/linkable.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { putNotice as put } from './fixtures.ts';

const A = notice(0, '【事件簿#2024-050】ひかり商事　委託先でのランサムウェア被害について\n業務の委託先がランサムウェアに感染しました。', {
  organization: 'ひかり商事', disclosure_date: '2024-02-01', casebook_id: '2024-050', incident_types: ['ransomware'],
});
// Another organisation, the same header number: a clash, flagged, never a reason to change A's ids.
const B = notice(0, '【事件簿#2024-050】あおば総合病院　メール誤送信のお詫び\n患者様宛てのメールを誤って別の方へ送信しました。', {
  organization: 'あおば総合病院', disclosure_date: '2024-06-30', casebook_id: '2024-050', incident_types: ['misdelivery'],
});
// A notice a person will put into A's incident after it was numbered and exported on its own.
const C = notice(0, '不正アクセスに関するお知らせ\nひかり物流\n当社サーバーへの不正アクセスを確認しました。', {
  organization: 'ひかり物流', disclosure_date: '2024-02-03', incident_types: ['unauthorized_access'],
});


const FEED = {
  selfUrl: 'https://casebook.invalid/feed.atom', alternateUrl: 'https://casebook.invalid/',
  incidentUrl: (r: { id: number }) => `https://casebook.invalid/incidents/${r.id}`, fallbackUpdated: '2024-01-01T00:00:00Z',
};

/** Every id each format exports an incident under, read from the exports themselves. */
async function exportsOf(store: Store) {
  const facts = await loadIncidentFacts(store);
  const bundle = await buildStixBundle(store, facts);
  const atom = incidentsToAtom(facts, FEED);
  const stixIncidents = bundle.objects.filter((o) => o.type === 'incident' && !o.revoked).map((o) => o.id);
  const ids = (f: IncidentFacts) => {
    const stix = stixIncidentId(f.exportKey);
    expect(stixIncidents).toContain(stix);
    expect(atom).toContain(`<id>${entryId(f.exportKey)}</id>`);
    return { veris: String(toVeris(f).incident_id), stix, atom: entryId(f.exportKey), exportKey: f.exportKey };
  };
  return { facts, bundle, atom, ids, of: (noticeId: number) => facts.find((f) => f.noticeIds.includes(noticeId))! };
}

describe.each(ENGINES)('export ids and numbers on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterEach(async () => opened.dispose());

  it('keeps every id of an incident around a clash, a merge and a re-extraction; the absorbed one resolves to it', async () => {
    const a = await put(store, A);
    const c = await put(store, C);
    await regroupIncidents(store);
    const first = await exportsOf(store);
    const [incidentA, incidentC] = [first.of(a), first.of(c)];
    expect(incidentA).toMatchObject({ number: '2024-050', numberKept: true, numberClash: false });
    expect(incidentC.number).toMatch(/^J2024-\d{4}$/);
    const [idsA, idsC] = [first.ids(incidentA), first.ids(incidentC)];
    expect(idsA.exportKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idsA.veris).not.toBe(idsC.veris);

    // The clash: both incidents flagged, and A's ids stay (they used to take the local id on a clash).
    const b = await put(store, B);
    await regroupIncidents(store);
    const clashed = await exportsOf(store);
    expect(clashed.of(a)).toMatchObject({ id: incidentA.id, number: '2024-050', numberClash: true });
    expect(clashed.of(b)).toMatchObject({ number: '2024-050', numberClash: true });
    expect(clashed.ids(clashed.of(a))).toEqual(idsA);
    expect(clashed.ids(clashed.of(c))).toEqual(idsC);
    expect(await store.findIncidentsByNumber('#2024-050')).toEqual([incidentA.id, clashed.of(b).id].sort((x, y) => x - y));

    // The merge: C's incident goes into A's, which keeps its row, its number and every id.
    await linkNoticesAsPerson(store, a, c, 'hanako');
    const merged = await exportsOf(store);
    expect(merged.of(c).id).toBe(incidentA.id);
    expect(await store.getIncident(incidentC.id)).toBeNull();
    // Its row id too: the API and the page answer for it with A.
    expect(await store.incidentReplacing(incidentC.id)).toBe(incidentA.id);
    expect(await store.incidentReplacing(incidentA.id)).toBeNull();
    expect(await store.incidentReplacing(0)).toBeNull();
    expect(merged.ids(merged.of(a))).toEqual(idsA);
    expect(merged.of(a).replaces).toEqual([{ exportKey: idsC.exportKey, at: expect.any(String) }]);
    expect(await store.listIncidentAliases()).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'export_key', alias: idsC.exportKey, incidentId: incidentA.id, reason: 'merged' }),
      expect.objectContaining({ kind: 'number', alias: incidentC.number, incidentId: incidentA.id, reason: 'merged' }),
    ]));
    // Its number still finds the incident it went into, and is never given again.
    expect(await store.findIncidentsByNumber(incidentC.number!)).toEqual([incidentA.id]);
    const d = await put(store, { ...C, text: C.text.replace('ひかり物流', 'みどり電機'), record: { ...C.record, organization: 'みどり電機' } });
    await regroupIncidents(store);
    const next = (await exportsOf(store)).of(d).number!;
    expect(parseOwnNumber(next)!.seq).toBeGreaterThan(parseOwnNumber(incidentC.number)!.seq);

    // Each format says where C's old ids went.
    const stixOld = merged.bundle.objects.find((o) => o.id === idsC.stix);
    expect(stixOld).toMatchObject({ type: 'incident', revoked: true });
    expect(merged.bundle.objects).toContainEqual(expect.objectContaining({
      type: 'relationship', relationship_type: 'duplicate-of', source_ref: idsC.stix, target_ref: idsA.stix,
    }));
    expect((toVeris(merged.of(a)).plus as { jikenbo: { replaces: string[] } }).jikenbo.replaces).toEqual([verisIncidentId(idsC.exportKey)]);
    expect(idsC.veris).toBe(verisIncidentId(idsC.exportKey));
    expect(XMLValidator.validate(merged.atom)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'at:deleted-entry' }).parse(merged.atom).feed;
    expect(feed['@_xmlns:at']).toBe('http://purl.org/atompub/tombstones/1.0');
    expect(feed['at:deleted-entry']).toEqual([expect.objectContaining({
      '@_ref': idsC.atom, '@_when': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      link: expect.objectContaining({ '@_href': `https://casebook.invalid/incidents/${incidentA.id}` }),
    })]);

    // Re-extraction (here: the same records read again) changes no id.
    await reextractNotices(store, { force: true });
    await regroupIncidents(store);
    const reread = await exportsOf(store);
    expect(reread.ids(reread.of(a))).toEqual(idsA);
    expect(reread.of(a).id).toBe(incidentA.id);
  });

  it('finds an incident by either form of number, with or without #, and nothing by a malformed one', async () => {
    const c = await put(store, C);
    await regroupIncidents(store);
    const own = (await store.getIncident((await store.incidentOfNotice(c))!))!;
    expect(own.ownNumber).toBe(own.number);
    expect(await store.findIncidentsByNumber(`#${own.number}`)).toEqual([own.id]);
    expect(await store.findIncidentsByNumber(` ${own.number} `)).toEqual([own.id]);
    expect(await store.findIncidentsByNumber(own.number!.slice(1))).toEqual([]);
    expect(await store.findIncidentsByNumber('J2024-1')).toEqual([]);
    expect(await store.findIncidentsByNumber("2024-001' OR 1=1 --")).toEqual([]);
  });
});
