// bodyEtag: the SHA-1 of a 200's body as its ETag, a 304 for a client that holds it, and (through
// @hono/node-server) the response still written from the string it was given, never from a stream.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bodyEtag, etagMatches } from '../../src/server/body-etag.ts';
import { givenBody } from '../../src/server/response-cache.ts';
import { serveApp } from '../helpers/serve-app.ts';

const sha1 = (s: string) => `"${createHash('sha1').update(s, 'utf8').digest('hex')}"`;

function app(seen: boolean[] = []) {
  const a = new Hono();
  a.use('*', async (c, next) => { await next(); seen.push(givenBody(c.res) !== null); });
  a.get('/json', bodyEtag(), (c) => { c.header('Cache-Control', 'no-cache'); return c.json({ 事件: '漏洩', n: 1 }); });
  a.get('/stream', bodyEtag(), () => new Response(new ReadableStream({
    start(controller) { controller.enqueue(new TextEncoder().encode('流れ')); controller.close(); },
  })));
  a.get('/tagged', bodyEtag(), (c) => { c.header('ETag', '"own"'); return c.text('x'); });
  a.get('/missing', bodyEtag(), (c) => c.text('none', 404));
  a.post('/json', bodyEtag(), (c) => c.json({ ok: true }));
  return a;
}

describe('bodyEtag', () => {
  it('tags a 200 with its body\'s SHA-1 and answers a client holding it with a bare 304', async () => {
    const a = app();
    const first = await a.request('/json');
    const body = await first.text();
    expect(body).toBe('{"事件":"漏洩","n":1}');
    expect(first.headers.get('etag')).toBe(sha1(body));
    for (const held of [sha1(body), `W/${sha1(body)}`, `"other", ${sha1(body)}`, '*']) {
      const again = await a.request('/json', { headers: { 'If-None-Match': held } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(sha1(body));
      expect(again.headers.get('cache-control')).toBe('no-cache');
      expect(again.headers.get('content-type')).toBeNull();
    }
    const stale = await a.request('/json', { headers: { 'If-None-Match': '"other"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });

  it('reads a stream\'s body to tag it, keeps an ETag a route set, and leaves errors and POSTs alone', async () => {
    const a = app();
    const stream = await a.request('/stream');
    expect(stream.headers.get('etag')).toBe(sha1('流れ'));
    expect(await stream.text()).toBe('流れ');
    expect((await a.request('/tagged')).headers.get('etag')).toBe('"own"');
    expect((await a.request('/tagged', { headers: { 'If-None-Match': '"own"' } })).status).toBe(304);
    const missing = await a.request('/missing', { headers: { 'If-None-Match': '*' } });
    expect([missing.status, missing.headers.get('etag')]).toEqual([404, null]);
    const post = await a.request('/json', { method: 'POST', headers: { 'If-None-Match': '*' } });
    expect([post.status, post.headers.get('etag')]).toEqual([200, null]);
  });

  it('compares tags weakly and only whole', () => {
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"abc"', '"ab"')).toBe(false);
    expect(etagMatches('"abc"', 'abc')).toBe(false);
    expect(etagMatches('"abc"', null)).toBe(false);
  });

  // Last: serving through @hono/node-server puts its Response in place of the global one for this file.
  it('through @hono/node-server, leaves the body as the string it was given', async () => {
    const seen: boolean[] = [];
    const served = await serveApp(app(seen));
    try {
      const res = await fetch(`${served.url}/json`);
      const body = await res.text();
      expect(res.headers.get('etag')).toBe(sha1(body));
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
      expect(seen).toEqual([true]);
      expect((await fetch(`${served.url}/json`, { headers: { 'If-None-Match': sha1(body) } })).status).toBe(304);
    } finally {
      await served.close();
    }
  });
});
