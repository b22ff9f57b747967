import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { USB_NOTICE } from '../helpers/notices.ts';

const HOSTILE = `<script>alert("x")</script>不正アクセスに関するお知らせ
2024年3月1日
株式会社<img src=x onerror=alert(1)>テスト商事

当社サーバーが不正アクセスを受け、顧客情報1,000件が漏えいした可能性があります。"><script>alert(2)</script>
`;

describe.each(CASEBOOK_ENGINES)('web app on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let usbId = 0;
  let hostileId = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'hostile.txt'), HOSTILE);
    casebook = await engine.open(dir, 'web');
    await ingestPaths([join(dir, 'usb.txt'), join(dir, 'hostile.txt')], casebook);
    app = createApp(casebook, { publicRead: true });
    usbId = (await casebook.store.search('遺失届'))[0]!.id;
    hostileId = (await casebook.store.search('テスト商事'))[0]!.id;
  });
  afterAll(async () => casebook.close());

  it('lists the incidents with a search box, under a CSP without unsafe-inline', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<input id="q" name="q" type="search"');
    // Each incident is linked at its number, the one people cite; the page lives there (with '#' too),
    // and its internal id still shows it.
    const incident = (await casebook.store.getIncident((await casebook.store.incidentOfNotice(usbId))!))!;
    expect(body).toContain(`href="/incidents/${incident.number}"`);
    for (const ref of [incident.number!, `%23${incident.number!}`, String(incident.id)]) {
      const res = await app.request(`/incidents/${ref}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`#${incident.number}`);
    }
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('searches and marks the match in the snippet', async () => {
    const body = await (await app.request('/?q=' + encodeURIComponent('紛失'))).text();
    expect(body).toContain('<mark>紛失</mark>');
    expect(body).not.toContain('テスト商事');
  });

  it('shows a record beside its text with evidence highlighted and linked', async () => {
    const res = await app.request(`/notices/${usbId}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const notice = await casebook.store.getNotice(usbId);
    const withEvidence = Object.entries(notice!.record.evidence).filter(([, spans]) => spans && spans.length > 0);
    expect(withEvidence.length).toBeGreaterThan(0);
    for (const [key] of withEvidence) {
      expect(body).toContain(`href="#n${usbId}-ev-${key}-0"`);
      expect(body).toContain(`id="n${usbId}-ev-${key}-0"`);
    }
    expect(body).toMatch(/<mark class="ev" data-fields="[^"]+"/);
  });

  it('never lets notice text reach the page unescaped', async () => {
    const hostileIncident = await casebook.store.incidentOfNotice(hostileId);
    for (const path of ['/', '/notices', `/notices/${hostileId}`, `/incidents/${hostileIncident}`, '/?q=' + encodeURIComponent('<script>alert(3)</script>'), '/?q=' + encodeURIComponent('テスト商事')]) {
      const body = await (await app.request(path)).text();
      // The one script tag allowed is the app's own file (the incident page's text-selection helper).
      expect(body.replace('<script src="/static/review.js" defer></script>', '')).not.toMatch(/<script/i);
      expect(body).not.toMatch(/<img/i);
    }
    for (const path of [`/notices/${hostileId}`, `/incidents/${hostileIncident}`]) {
      expect(await (await app.request(path)).text()).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });

  it('serves the archived original byte for byte, as a download', async () => {
    const notice = await casebook.store.getNotice(usbId);
    const res = await app.request(`/documents/${notice!.document.id}/original`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(dir, 'usb.txt')))).toBe(true);
  });

  it('answers bad and unknown ids with 400 and 404, and bad filters with 400', async () => {
    expect((await app.request('/notices/abc')).status).toBe(400);
    expect((await app.request('/notices/999999')).status).toBe(404);
    expect((await app.request('/incidents/abc')).status).toBe(400);
    expect((await app.request('/incidents/999999')).status).toBe(404);
    expect((await app.request('/incidents/J1999-0001')).status).toBe(404);
    expect((await app.request('/?sort=sideways')).status).toBe(400);
    expect((await app.request('/?page=0')).status).toBe(400);
    expect((await app.request('/?ppc=maybe')).status).toBe(400);
    expect((await app.request('/?from=yesterday')).status).toBe(400);
    expect((await app.request('/?type=nonsense')).status).toBe(400);
    const api = await app.request('/api/notices/999999');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(await api.json()).toEqual({
      type: 'about:blank', title: 'Not found', status: 404, detail: 'no such record', instance: `urn:jikenbo:request:${api.headers.get('x-request-id')}`,
    });
  });

  it('offers the records as JSON', async () => {
    const res = await app.request('/api/notices?q=' + encodeURIComponent('病院'));
    const json = (await res.json()) as { hits: { id: number }[] };
    expect(json.hits.map((h) => h.id)).toEqual([usbId]);
  });
});
