// The readers' response cache: one rendering per change of the casebook, per viewer and language;
// concurrent requests share one rendering; a change, another viewer or another language never gets
// a stale or someone else's page.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { correctValue } from '../../src/app/review.ts';
import { createApp } from '../../src/server/app.ts';
import { html } from 'hono/html';
import { givenBody, responseCache } from '../../src/server/response-cache.ts';
import { plainHtml } from '../../src/server/app.ts';
import { serveApp } from '../helpers/serve-app.ts';
import type { Store } from '../../src/store/ports.ts';
import { USB_NOTICE } from '../helpers/notices.ts';
import { ORIGIN, signIn } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('response cache', () => {
  it('renders once for many concurrent readers, and again after the token changes', async () => {
    let token = 't1';
    let renders = 0;
    const store = { changeToken: async () => token } as unknown as Store;
    const app = new Hono();
    app.use('*', responseCache(store));
    app.get('/slow', async (c) => {
      renders++;
      await new Promise((r) => setTimeout(r, 50));
      return c.text(`render ${renders} at ${token}`);
    });
    app.get('/teapot', (c) => { renders++; return c.text('no', 418); });
    const bodies = await Promise.all(Array.from({ length: 20 }, async () => (await app.request('/slow')).text()));
    expect(renders).toBe(1);
    expect(new Set(bodies)).toEqual(new Set(['render 1 at t1']));
    expect(await (await app.request('/slow')).text()).toBe('render 1 at t1');
    token = 't2';
    expect(await (await app.request('/slow')).text()).toBe('render 2 at t2');
    expect(await (await app.request('/slow?x=1')).text()).toBe('render 3 at t2');
    const head = await app.request('/slow', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(renders).toBe(3);
    // Not-200 answers are never kept.
    await app.request('/teapot');
    await app.request('/teapot');
    expect(renders).toBe(5);
  });

  describe('in the app', () => {
    const dir = tempDir();
    let casebook: Casebook;
    let app: ReturnType<typeof createApp>;
    let notice = 0;

    beforeAll(async () => {
      writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
      casebook = await openCasebook(join(dir, 'cache.db'));
      await ingestPaths([dir], casebook);
      notice = (await casebook.store.listNotices())[0]!.id;
      app = createApp(casebook, { publicRead: true });
    }, 30_000);
    afterAll(async () => casebook.close());

    it('shows a correction at the next request, keeps viewers and languages apart, and answers 304 to a known ETag', async () => {
      const incident = (await casebook.store.incidentOfNotice(notice))!;
      const before = await (await app.request(`${ORIGIN}/incidents/${incident}`)).text();
      expect(before).toMatch(/128人/);
      expect(before).not.toContain("9,876");
      await correctValue(casebook.store, { target: 'incident', id: incident, field: 'affected_count', value: '9,876', by: 'sato', reason: '公表文の記載による' });
      expect(await (await app.request(`${ORIGIN}/incidents/${incident}`)).text()).toContain('9,876');

      const editor = await signIn(app, casebook.store, 'sato', 'editor');
      const mine = await (await editor.get(`/incidents/${incident}`)).text();
      expect(mine).toContain(editor.csrf);
      const anonymous = await (await app.request(`${ORIGIN}/incidents/${incident}`)).text();
      expect(anonymous).not.toContain(editor.csrf);
      expect(anonymous).not.toContain('sato（編集者）');
      const english = await (await app.request(`${ORIGIN}/incidents/${incident}`, { headers: { 'Accept-Language': 'en' } })).text();
      expect(english).toContain('<html lang="en">');

      const api = await app.request(`${ORIGIN}/api/v1/incidents/${incident}`);
      const etag = api.headers.get('etag')!;
      const again = await app.request(`${ORIGIN}/api/v1/incidents/${incident}`, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
      expect(again.headers.get('content-security-policy')).toContain("default-src 'none'");
    });
  });

  // Last: serving through @hono/node-server puts its Response in place of the global one for this file.
  it('through @hono/node-server, keeps a page as the string it was rendered to (never read back from a stream) and serves the same bytes from memory', async () => {
    const store = { changeToken: async () => 't' } as unknown as Store;
    const app = new Hono();
    let renders = 0;
    const given: boolean[] = [];
    app.use('*', async (c, next) => { c.html = plainHtml(c.html); await next(); });
    app.use('*', responseCache(store));
    app.use('*', async (c, next) => { await next(); given.push(givenBody(c.res) !== null); });
    app.get('/page', (c) => { renders++; return c.html(html`<p title="${'"x"'}">${'<b>&'} 漏洩 ${renders}</p>`); });
    const served = await serveApp(app);
    try {
      const first = await fetch(`${served.url}/page`);
      const again = await fetch(`${served.url}/page`);
      const want = '<p title="&quot;x&quot;">&lt;b&gt;&amp; 漏洩 1</p>';
      expect(await first.text()).toBe(want);
      expect(await again.text()).toBe(want);
      expect(first.headers.get('content-length')).toBe(String(Buffer.byteLength(want)));
      expect(again.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      expect(renders).toBe(1);
      expect(given).toEqual([true]);
      // The server's Response: a string or bytes are given back; a stream is not (the cache reads it as before).
      expect(Buffer.from(givenBody(new Response('漏洩'))!).toString()).toBe('漏洩');
      expect(givenBody(new Response(new ReadableStream()))).toBeNull();
    } finally {
      await served.close();
    }
  });
});
