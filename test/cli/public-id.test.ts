// One identifier per incident, the number people cite (issue 19, item 4): `show`, `review`, the page
// and the API take 2024-504 (and jikenbo's own J numbers); internal ids keep working but are shown
// nowhere; notices are shown as N12, never as #12 that reads like an incident.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { USB_NOTICE, BCC_NOTICE } from '../helpers/notices.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { signIn } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const CASEBOOK_POST = `【セキュリティ事件簿#2024-504】こはく茶舗 オンラインショップへの不正アクセスによるカード情報漏えいのお詫び 2024年5月20日

このたび、当社が運営するオンラインショップが第三者による不正アクセスを受け、お客様のクレジットカード情報1,204件が漏えいした可能性があることが判明いたしました。
`;

describe.each(CASEBOOK_ENGINES)('incidents by the number people cite on $name', (engine) => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  let casebook: Casebook;
  let internalId = 0;

  beforeAll(async () => {
    ({ db, dispose } = await engine.locate(dir, 'public_id'));
    // Two notices first, so that internal ids and notice ids are not the numbers of the post.
    const notices = join(dir, 'notices');
    mkdirSync(notices);
    writeFileSync(join(notices, 'a-usb.txt'), USB_NOTICE);
    writeFileSync(join(notices, 'b-bcc.txt'), BCC_NOTICE);
    writeFileSync(join(notices, 'c-casebook.txt'), CASEBOOK_POST);
    const ingest = await jikenbo(['ingest', notices, '--db', db]);
    expect(ingest.code, ingest.stderr).toBe(0);
    casebook = await openCasebook(db);
    internalId = (await casebook.store.findIncidentsByNumber('2024-504'))[0]!;
    expect(internalId).toBeGreaterThan(0);
  }, 60_000);
  afterAll(async () => {
    await casebook?.close();
    await dispose();
  });

  it('`show 2024-504` and `incidents` print the number, with notices as N12 and no internal id', async () => {
    const show = await jikenbo(['show', '2024-504', '--db', db]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^#2024-504\t2024-05-20\t/);
    const list = await jikenbo(['incidents', '--db', db]);
    expect(list.stdout).toMatch(/^#2024-504\t/m);
    expect(list.stdout).toMatch(/^\tnotice N\d+ /m);
    expect(list.stdout).not.toMatch(/\(incident \d+\)|notice #\d/);
    const notices = await jikenbo(['list', '--db', db]);
    expect(notices.stdout).toMatch(/^N\d+\t2024-05-20\t/m);
    expect(notices.stdout).not.toMatch(/^#\d/m);
    const noticeId = Number(/^N(\d+)\t2024-05-20/m.exec(notices.stdout)![1]);
    for (const ref of [`N${noticeId}`, String(noticeId)]) {
      expect((await jikenbo(['show', ref, '--db', db])).stdout).toMatch(new RegExp(`^N${noticeId} from `));
    }
  });

  it('`review 2024-504 FIELD VALUE` corrects the incident\'s merged value; its history is listed by the number', async () => {
    const r = await jikenbo(['review', '2024-504', 'affected_count', '1,300件', '--by', 'sato', '--reason', '第2報による', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^incident #2024-504: correction #\d+ affected_count: 1204 → 1300 {2}by sato/);
    const shown = JSON.parse((await jikenbo(['show', '2024-504', '--json', '--db', db])).stdout) as { merged: { affected_count: { value: number; rule: string } } };
    expect(shown.merged.affected_count).toMatchObject({ value: 1300, rule: 'person' });
    const history = await jikenbo(['review', '2024-504', '--history', '--db', db]);
    expect(history.stdout).toMatch(/affected_count: 1204 → 1300/);
    // The internal id still works, with --incident.
    expect((await jikenbo(['review', String(internalId), '--incident', '--history', '--db', db])).stdout).toMatch(/1204 → 1300/);
    const bad = await jikenbo(['review', '2024-999', 'affected_count', '5', '--db', db]);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('no incident numbered #2024-999') });
  });

  it('the page lives at /incidents/2024-504, lists link there, the internal id still shows it, and the API takes the number', async () => {
    const app = createApp(casebook, { publicRead: true });
    const page = await app.request('/incidents/2024-504');
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('#2024-504');
    expect((await app.request(`/incidents/${internalId}`)).status).toBe(200);
    expect(await (await app.request('/')).text()).toContain('href="/incidents/2024-504"');
    const api = await app.request('/api/v1/incidents/2024-504');
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ id: internalId, number: '2024-504' });

    // A correction sent from the page goes to that incident and comes back to its address.
    const sato = await signIn(app, casebook.store, 'sato', 'editor');
    expect(await (await sato.get('/incidents/2024-504')).text()).toContain('action="/incidents/2024-504/review"');
    const notice = (await casebook.store.getIncident(internalId))!.members[0]!.noticeId;
    const res = await sato.post('/incidents/2024-504/review', { action: 'correct', target: 'incident', field: 'sector', value: '小売', notice: `N${notice}`, reason: '公表文による' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/incidents/2024-504#review');
    expect((await casebook.store.listCorrections('incident', internalId)).map((c) => c.newValue)).toContain('retail');
  });
});
