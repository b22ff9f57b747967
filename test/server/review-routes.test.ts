// The review forms over HTTP: sign-in, CSRF token and origin checks, correction recorded under the
// signed-in account and revert, link and unlink, language.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { clientOf, ORIGIN, signIn, type Client } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES)('review forms on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let sato: Client;
  let suzuki: Client;
  let usb = 0;
  let bcc = 0;

  const incidentOf = async (notice: number) => (await casebook.store.incidentOfNotice(notice))!;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'bcc.txt'), BCC_NOTICE);
    writeFileSync(join(dir, 'ransom.txt'), RANSOM_NOTICE);
    casebook = await engine.open(dir, 'review');
    await ingestPaths([dir], casebook);
    app = createApp(casebook);
    usb = (await casebook.store.search('遺失届'))[0]!.id;
    bcc = (await casebook.store.search('ひかり書房'))[0]!.id;
    sato = await signIn(app, casebook.store, '佐藤', 'editor');
    suzuki = await signIn(app, casebook.store, 'suzuki', 'admin');
  });
  afterAll(async () => casebook.close());

  it('refuses a form from another site, with no origin, without the CSRF token, or with another session\'s token', async () => {
    const id = await incidentOf(usb);
    const form = { action: 'correct', target: 'incident', field: 'affected_count', value: '1', notice: String(usb), reason: '公表文の記載による' };
    expect((await sato.post(`/incidents/${id}/review`, form, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await sato.post(`/incidents/${id}/review`, form, { Origin: '' })).status).toBe(403);
    const noToken = await app.request(`${ORIGIN}/incidents/${id}/review`, {
      method: 'POST', body: new URLSearchParams(form),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, Cookie: sato.cookie },
    });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('ページを読み込み直して');
    // A token is bound to its session: suzuki's token does not pass with sato's cookie.
    expect((await clientOf(app, sato.cookie, suzuki.csrf).post(`/incidents/${id}/review`, form)).status).toBe(403);
    expect((await casebook.store.listCorrections('incident', id)).length).toBe(0);
  });

  it('stores a correction under the signed-in account, redirects, and can revert it', async () => {
    const id = await incidentOf(usb);
    const res = await sato.post(`/incidents/${id}/review`, { action: 'correct', target: 'incident', field: 'affected_count', value: '2,500', notice: String(usb), reason: '公表文の記載による' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/incidents/${(await casebook.store.getIncident(id))!.number}#review`);

    const page = await (await sato.get(`/incidents/${id}`)).text();
    expect(page).toMatch(/<tr data-field="affected_count"[^>]*>[\s\S]*?2,500人/);
    expect(page).toContain('<td class="by">佐藤</td>');
    expect(page).toContain('佐藤 として記録されます');
    // The form's own name field is gone: a name typed into a form is never trusted.
    expect(page).not.toContain('name="name"');

    const [correction] = await casebook.store.listCorrections('incident', id);
    expect(correction).toMatchObject({ newValue: 2500, by: '佐藤' });
    const revert = await suzuki.post(`/corrections/${correction!.id}/revert`, { notice: String(usb), name: 'mallory' });
    expect(revert.status).toBe(303);
    const after = await (await sato.get(`/incidents/${id}`)).text();
    expect(after).toMatch(/<tr data-field="affected_count"[^>]*>[\s\S]*?128人/);
    expect(after).toContain('suzuki が');
    expect(after).not.toContain('mallory');
  });

  it('corrects a notice chosen as the target, and rejects a bad value with 400 naming the field', async () => {
    const id = await incidentOf(bcc);
    const ok = await sato.post(`/incidents/${id}/review`, { action: 'correct', target: `notice:${bcc}`, field: 'sector', value: 'media', notice: String(bcc), reason: '公表文の記載による' });
    expect(ok.status).toBe(303);
    expect((await casebook.store.getNotice(bcc))!.record.sector).toBe('media');
    const unexplained = await sato.post(`/incidents/${id}/review`, { action: 'correct', target: 'incident', field: 'affected_count', value: '77', notice: String(bcc) });
    expect(unexplained.status).toBe(400);
    expect(await unexplained.text()).toContain('訂正には理由が必要です');
    const page = await (await sato.get(`/incidents/${await incidentOf(bcc)}`)).text();
    expect(page).toContain('<textarea id="c-reason" name="reason" maxlength="500" rows="2" required');
    expect(page).toContain('理由: 公表文の記載による');
    // The audit log an admin reads keeps the reason beside the value.
    const audit = await (await suzuki.get('/admin/audit')).text();
    expect(audit).toMatch(/correction\.add[\s\S]*?&quot;reason&quot;:&quot;公表文の記載による&quot;/);
    const bad = await sato.post(`/incidents/${id}/review`, { action: 'correct', target: 'incident', field: 'affected_count', value: 'lots', notice: String(bcc), reason: '公表文の記載による' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('影響人数');
    // Typed as the notice writes them: an era date, a count in 万, a sector by its label.
    for (const [field, value, stored] of [['disclosure_date', '令和6年1月22日', '2024-01-22'], ['affected_count', '4万8,215名', 48215], ['sector', '医療・福祉', 'healthcare']] as const) {
      const res = await sato.post(`/incidents/${id}/review`, { action: 'correct', target: `notice:${bcc}`, field, value, notice: String(bcc), reason: '公表文の記載による' });
      expect(res.status, `${field} ${value}`).toBe(303);
      expect((await casebook.store.getNotice(bcc))!.record[field]).toBe(stored);
    }
    const yearless = await sato.post(`/incidents/${id}/review`, { action: 'correct', target: `notice:${bcc}`, field: 'disclosure_date', value: '1月22日', notice: String(bcc), reason: '公表文の記載による' });
    expect(yearless.status).toBe(400);
    expect(await yearless.text()).toContain('公表日（disclosure_date）: 「1月22日」には年がありません');
  });

  it('links two notices into one incident and unlinks them again, showing who decided', async () => {
    expect(await incidentOf(usb)).not.toBe(await incidentOf(bcc));
    const before = [await incidentOf(usb), await incidentOf(bcc)];
    const linked = await sato.post(`/incidents/${await incidentOf(usb)}/link`, { notice: String(usb), other: String(bcc) });
    expect(linked.status).toBe(303);
    expect(await incidentOf(usb)).toBe(await incidentOf(bcc));
    // The page of the incident the link merged away moves for good to the one it went into.
    const survivor = await incidentOf(usb);
    expect(before).toContain(survivor);
    const absorbed = before.find((id) => id !== survivor)!;
    const moved = await sato.get(`/incidents/${absorbed}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/incidents/${(await casebook.store.getIncident(survivor))!.number}`);
    const page = await (await sato.get(`/incidents/${await incidentOf(usb)}`)).text();
    expect(page).toContain(`佐藤 が`);
    expect(page).toContain(`id="notice-${bcc}"`);
    const unlinked = await sato.post(`/notices/${bcc}/unlink`, { notice: String(bcc) });
    expect(unlinked.status).toBe(303);
    expect(await incidentOf(usb)).not.toBe(await incidentOf(bcc));
  });

  it('speaks English with ?lang=en (remembered) or Accept-Language, Japanese otherwise', async () => {
    const ja = await (await sato.get('/')).text();
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('事案一覧');
    const en = await sato.get('/?lang=en');
    expect(await en.text()).toContain('<html lang="en">');
    const lang = en.headers.get('set-cookie')!.split(';')[0]!;
    expect(await (await sato.get('/', { Cookie: `${sato.cookie}; ${lang}` })).text()).toContain('>Incidents</h1>');
    expect(await (await sato.get('/', { 'Accept-Language': 'en-US,en;q=0.9,ja;q=0.5' })).text()).toContain('>Incidents</h1>');
    expect(await (await sato.get('/', { 'Accept-Language': 'fr, ja;q=0.8, en;q=0.5' })).text()).toContain('>事案一覧</h1>');
  });
});
