// The review forms over HTTP: CSRF check, correction with author and revert, link and unlink, language.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const ORIGIN = 'http://localhost';

describe('review forms', () => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let usb = 0;
  let bcc = 0;

  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = { Origin: ORIGIN }) =>
    app.request(ORIGIN + path, { method: 'POST', body: new URLSearchParams(form), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
  const incidentOf = async (notice: number) => (await casebook.store.incidentOfNotice(notice))!;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'bcc.txt'), BCC_NOTICE);
    writeFileSync(join(dir, 'ransom.txt'), RANSOM_NOTICE);
    casebook = await openCasebook(join(dir, 'review.db'));
    await ingestPaths([dir], casebook);
    app = createApp(casebook);
    usb = (await casebook.store.search('遺失届'))[0]!.id;
    bcc = (await casebook.store.search('ひかり書房'))[0]!.id;
  });
  afterAll(async () => casebook.close());

  it('refuses a form posted from another site, or with no origin at all', async () => {
    const id = await incidentOf(usb);
    const form = { action: 'correct', target: 'incident', field: 'affected_count', value: '1', name: 'mallory', notice: String(usb) };
    expect((await post(`/incidents/${id}/review`, form, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(`/incidents/${id}/review`, form, {})).status).toBe(403);
    expect((await casebook.store.listCorrections('incident', id)).length).toBe(0);
  });

  it('stores a correction with its author, redirects, remembers the name, and can revert it', async () => {
    const id = await incidentOf(usb);
    const res = await post(`/incidents/${id}/review`, { action: 'correct', target: 'incident', field: 'affected_count', value: '2,500', name: '佐藤', notice: String(usb) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/incidents/${id}#review`);
    expect(res.headers.get('set-cookie')).toContain('jikenbo_name=');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;

    const page = await (await app.request(`/incidents/${id}`, { headers: { Cookie: cookie } })).text();
    expect(page).toMatch(/<tr data-field="affected_count"[^>]*>[\s\S]*?2,500人/);
    expect(page).toContain('<td class="by">佐藤</td>');
    expect(page).toContain('value="佐藤"');

    const [correction] = await casebook.store.listCorrections('incident', id);
    expect(correction).toMatchObject({ newValue: 2500, by: '佐藤' });
    const revert = await post(`/corrections/${correction!.id}/revert`, { name: '鈴木', notice: String(usb) });
    expect(revert.status).toBe(303);
    const after = await (await app.request(`/incidents/${id}`)).text();
    expect(after).toMatch(/<tr data-field="affected_count"[^>]*>[\s\S]*?128人/);
    expect(after).toContain('鈴木 が');
  });

  it('corrects a notice chosen as the target, and rejects a bad value with 400 naming the field', async () => {
    const id = await incidentOf(bcc);
    const ok = await post(`/incidents/${id}/review`, { action: 'correct', target: `notice:${bcc}`, field: 'sector', value: 'media', name: 'tanaka', notice: String(bcc) });
    expect(ok.status).toBe(303);
    expect((await casebook.store.getNotice(bcc))!.record.sector).toBe('media');
    const bad = await post(`/incidents/${id}/review`, { action: 'correct', target: 'incident', field: 'affected_count', value: 'lots', name: 'tanaka', notice: String(bcc) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('affected_count');
    const noName = await post(`/incidents/${id}/review`, { action: 'confirm', target: 'incident', field: 'sector', value: 'media', name: ' ', notice: String(bcc) });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain('name');
  });

  it('links two notices into one incident and unlinks them again, showing who decided', async () => {
    expect(await incidentOf(usb)).not.toBe(await incidentOf(bcc));
    const linked = await post(`/incidents/${await incidentOf(usb)}/link`, { notice: String(usb), other: String(bcc), name: 'kato' });
    expect(linked.status).toBe(303);
    expect(await incidentOf(usb)).toBe(await incidentOf(bcc));
    const page = await (await app.request(`/incidents/${await incidentOf(usb)}`)).text();
    expect(page).toContain(`kato が`);
    expect(page).toContain(`id="notice-${bcc}"`);
    const unlinked = await post(`/notices/${bcc}/unlink`, { notice: String(bcc), name: 'kato' });
    expect(unlinked.status).toBe(303);
    expect(await incidentOf(usb)).not.toBe(await incidentOf(bcc));
  });

  it('speaks English with ?lang=en (remembered) or Accept-Language, Japanese otherwise', async () => {
    const ja = await (await app.request('/')).text();
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('事案一覧');
    const en = await app.request('/?lang=en');
    expect(await en.text()).toContain('<html lang="en">');
    const cookie = en.headers.get('set-cookie')!.split(';')[0]!;
    expect(await (await app.request('/', { headers: { Cookie: cookie } })).text()).toContain('>Incidents</h1>');
    expect(await (await app.request('/', { headers: { 'Accept-Language': 'en-US,en;q=0.9,ja;q=0.5' } })).text()).toContain('>Incidents</h1>');
    expect(await (await app.request('/', { headers: { 'Accept-Language': 'fr, ja;q=0.8, en;q=0.5' } })).text()).toContain('>事案一覧</h1>');
  });
});
