// Organisation use cases over a casebook read from notices: one organisation's two incidents with
// their data types and counts, search by name, romaji and domain (the claims' domain map too), and a
// person's names, merges and splits through app/, each refused clearly when it makes no sense.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import {
  addOrganisationName, findOrganisations, mergeOrganisations, organisationView, organisationsOfIncident, splitOrganisation,
} from '../../src/app/organisations.ts';
import { JikenboError } from '../../src/core/errors.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { BCC_NOTICE, HIKARI_SECOND_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof JikenboError ? `${e.code}: ${e.message}` : String(e)));

describe.each(CASEBOOK_ENGINES)('organisations in a casebook on $name', (engine) => {
  const dir = tempDir('jikenbo-orgs-');
  let casebook: Casebook;
  const page = { offset: 0, limit: 50 };
  const hikari = async () => (await findOrganisations(casebook.store, 'ひかり書房', page)).rows[0]!;

  beforeAll(async () => {
    const notices: [string, string][] = [['bcc.txt', BCC_NOTICE], ['hikari2.txt', HIKARI_SECOND_NOTICE], ['ransom.txt', RANSOM_NOTICE], ['usb.txt', USB_NOTICE]];
    for (const [name, text] of notices) writeFileSync(join(dir, name), text);
    casebook = await engine.open(dir, 'orgs_app');
    await ingestPaths([dir], casebook);
  }, 60_000);
  afterAll(async () => {
    await casebook?.close();
  });

  it('shows an organisation\'s two incidents with their data types and counts', async () => {
    const org = await hikari();
    expect(org).toMatchObject({ name: '株式会社ひかり書房', noticeCount: 2, incidentCount: 2 });
    const view = await organisationView(casebook.store, org.id);
    expect(view.incidents.map((i) => [i.disclosureDate, i.affectedCount])).toEqual([['2025-03-10', 1024], ['2024-07-02', 312]]);
    expect(view.incidents[0]!.dataTypes).toContain('credit_card');
    expect(view.incidents[1]!.dataTypes).toContain('email');
    expect(view.organisation.latinKeys).toEqual(['hikarishobo']);
    expect(await organisationsOfIncident(casebook.store, view.incidents[0]!.id)).toEqual([expect.objectContaining({ id: org.id })]);
    expect(await code(organisationView(casebook.store, 987_654))).toMatch(/^not_found: no organisation 987654/);
  });

  it('finds organisations by name, romaji (as read from kana and kanji words), an added domain and the claims\' domain map', async () => {
    expect((await findOrganisations(casebook.store, undefined, page)).total).toBe(3);
    const minato = (await findOrganisations(casebook.store, 'Minato Seiki Co., Ltd.', page)).rows;
    expect(minato.map((o) => o.name)).toEqual(['株式会社みなと精機']);
    expect((await findOrganisations(casebook.store, 'minato-seiki.co.th', page)).rows.map((o) => o.name)).toEqual(['株式会社みなと精機']);
    await casebook.store.setClaimDomainMapping('aoba-kai.example.com', '医療法人社団あおば会 みなみ野病院', 'sato');
    const viaMap = (await findOrganisations(casebook.store, 'https://aoba-kai.example.com/', page)).rows;
    expect(viaMap.map((o) => o.key)).toEqual([(await findOrganisations(casebook.store, 'みなみ野病院', page)).rows[0]!.key]);
    expect((await organisationView(casebook.store, viaMap[0]!.id)).mappedDomains).toEqual(['aoba-kai.example.com']);
    expect((await findOrganisations(casebook.store, 'どこにもない組織', page)).total).toBe(0);

    const org = await hikari();
    await addOrganisationName(casebook.store, { organisationId: org.id, kind: 'domain', value: 'https://www.hikari-shobo.example.jp/shop', by: 'sato' });
    await addOrganisationName(casebook.store, { organisationId: org.id, kind: 'alias', value: 'Hikari Books', by: 'sato' });
    expect((await findOrganisations(casebook.store, 'hikari-shobo.example.jp', page)).rows.map((o) => o.id)).toEqual([org.id]);
    expect((await findOrganisations(casebook.store, 'Hikari Books', page)).rows.map((o) => o.id)).toEqual([org.id]);
    expect((await organisationView(casebook.store, org.id)).organisation.added.map((a) => a.value)).toEqual(['hikari-shobo.example.jp', 'Hikari Books']);
    expect(await code(addOrganisationName(casebook.store, { organisationId: org.id, kind: 'domain', value: 'not a domain', by: 'sato' })))
      .toBe('bad_input: domain: "not a domain" is not a host name such as example.co.jp');
  });

  it('splits an incident off into an organisation of the same name, and merges them back', async () => {
    const org = await hikari();
    const view = await organisationView(casebook.store, org.id);
    const older = view.incidents[1]!;
    const split = await splitOrganisation(casebook.store, { organisationId: org.id, incidents: [older.number!], by: 'sato', reason: '同名の別会社' });
    const both = (await findOrganisations(casebook.store, 'ひかり書房', page)).rows;
    expect(both.map((o) => [o.id, o.name, o.incidentCount])).toEqual([[org.id, '株式会社ひかり書房', 1], [split.id, '株式会社ひかり書房', 1]]);
    expect((await organisationView(casebook.store, split.id)).incidents.map((i) => i.id)).toEqual([older.id]);
    expect(await code(splitOrganisation(casebook.store, { organisationId: org.id, incidents: [older.number!], by: 'sato' })))
      .toMatch(/^bad_input: incident .* has no notice of organisation/);

    const merged = await mergeOrganisations(casebook.store, { fromId: split.id, intoId: org.id, by: 'suzuki', reason: '  ' });
    expect(merged).toMatchObject({ id: org.id, incidentCount: 2 });
    const changes = (await organisationView(casebook.store, org.id)).organisation.changes;
    expect(changes.map((c) => [c.action, c.by])).toEqual([['domain', 'sato'], ['alias', 'sato'], ['split', 'sato'], ['merge', 'suzuki']]);
    expect(changes[3]!.detail.reason).toBeNull();
    expect(await code(mergeOrganisations(casebook.store, { fromId: org.id, intoId: split.id, by: 'sato' })))
      .toBe(`conflict: organisation ${split.id} was merged into organisation ${org.id}: change that one`);
  });
});
