// Issue 20 on the pages and the API, on both engines: a real VCDB incident (IIMJobs, India, 2020,
// 1.4 million people: a reporting-duty condition) beside two Japanese notices is left out of the
// statistics, the duty list and the dashboard unless `dataset=imported|all` asks for it, is listed with
// its VERIS incident_id (no casebook number), and a dataset the API does not know is refused.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { importVeris, loadVerisValidator, resolveVerisSchemaPath } from '../../src/app/veris.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { CARDS, HOSPITAL } from '../helpers/duty-notices.ts';
import { signIn, type Client } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const INDIA = resolve('../shared/vendor-data/vcdb/validated/c417a0fa-8ad4-42f1-9ed0-009850ec65ff.json');
/** Which VCDB files validate is another item of issue 20; here every file passes. */
/** The real validator: every file these tests import is one VCDB file that import accepts as it is. */
const realValidator = () => loadVerisValidator(resolveVerisSchemaPath(undefined));

interface Duty { incidents: number; reportable: number; doubtful: { organization: string }[]; unmentioned: { organization: string }[] }

describe.skipIf(!existsSync(INDIA)).each(CASEBOOK_ENGINES)('imported incidents on the pages on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let reader: Client;
  let INDIA_ID: string;

  beforeAll(async () => {
    INDIA_ID = (JSON.parse(readFileSync(INDIA, 'utf8')) as { incident_id: string }).incident_id;
    writeFileSync(join(dir, 'hospital.txt'), HOSPITAL);
    writeFileSync(join(dir, 'cards.txt'), CARDS);
    casebook = await engine.open(dir, 'foreign-pages');
    await ingestPaths([join(dir, 'hospital.txt'), join(dir, 'cards.txt')], casebook);
    expect(await importVeris([INDIA], { ...casebook, validator: await realValidator() })).toMatchObject({ imported: 1 });
    reader = await signIn(createApp(casebook), casebook.store, 'yamada', 'viewer');
  }, 60_000);
  afterAll(async () => casebook?.close());

  it('counts only the Japanese notices\' incidents in the statistics and the duty list by default', async () => {
    const stats = await (await reader.get('/api/stats')).json() as { incidents: number };
    expect(stats.incidents).toBe(2);
    expect((await (await reader.get('/api/v1/stats')).json() as { incidents: number }).incidents).toBe(2);
    expect((await (await reader.get('/api/v1/stats?dataset=all')).json() as { incidents: number }).incidents).toBe(3);
    const year2020 = await (await reader.get('/api/stats?year=2020')).json() as { incidents: number };
    expect(year2020.incidents).toBe(0);
    const duty = await (await reader.get('/api/stats/duty')).json() as Duty;
    expect(duty.incidents).toBe(2);
    expect([...duty.doubtful, ...duty.unmentioned].map((a) => a.organization)).not.toContain('IIMJobs');
  });

  it('counts the imported incident when the view asks for it', async () => {
    expect((await (await reader.get('/api/stats?dataset=imported')).json() as { incidents: number }).incidents).toBe(1);
    expect((await (await reader.get('/api/stats?dataset=all&year=2020')).json() as { incidents: number }).incidents).toBe(1);
    const duty = await (await reader.get('/api/stats/duty?dataset=all')).json() as Duty;
    expect(duty.incidents).toBe(3);
    expect(duty.doubtful.map((a) => a.organization)).toContain('IIMJobs');
    const bad = await reader.get('/api/stats?dataset=vcdb');
    expect(bad.status).toBe(400);
  });

  it('draws the dashboard over the Japanese notices unless asked, and keeps the choice in its links', async () => {
    const page = await (await reader.get('/dashboard')).text();
    const all = await (await reader.get('/dashboard?dataset=all')).text();
    expect(page).toContain('集計の対象: すべての事案（日本の公表文） — 2 件');
    expect(page).toContain('<a href="/dashboard?dataset=all">VERIS からの取り込みも数える</a>');
    expect(all).toContain('集計の対象: データセット: すべて（VERIS からの取り込みを含む） — 3 件');
    expect(all).not.toContain('VERIS からの取り込みも数える');
  });

  it('lists the imported incident by its VERIS incident_id, with no casebook number, in the API and on the incidents page', async () => {
    const list = await (await reader.get('/api/v1/incidents?dataset=imported')).json() as { items: { number: string | null; dataset?: string; external_id?: string; organization: string }[]; total: number };
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ number: null, dataset: 'veris:vcdb', external_id: INDIA_ID, organization: 'IIMJobs' });
    const jp = await (await reader.get('/api/v1/incidents?dataset=jp')).json() as { items: { number: string | null; dataset?: string }[]; total: number };
    expect(jp.total).toBe(2);
    expect(jp.items.every((i) => i.number !== null && i.dataset === undefined)).toBe(true);
    expect((await reader.get('/api/v1/incidents?dataset=foreign')).status).toBe(400);
    const page = await (await reader.get('/?dataset=imported')).text();
    expect(page).toContain(`<span class="num">VERIS ${INDIA_ID}</span>`);
    expect(page).toContain('<option value="imported" selected>VERIS からの取り込みのみ</option>');
  });
});
