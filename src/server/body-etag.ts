// ETags for the API and the feeds: the SHA-1 of a 200's body, and a 304 when the client already holds
// it. hono/etag does the same by cloning the response and reading the clone's Web stream, which makes
// @hono/node-server write the response from a stream too: about half a millisecond of CPU on every API
// answer. Here a body given as a string or bytes (response-cache.ts's givenBody) is hashed as it is,
// and the response left untouched; any other body is read the slow way, as before.

import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { givenBody } from './response-cache.ts';

/** What a 304 keeps of the 200 it stands for (RFC 9110, 15.4.5). */
const RETAINED_304_HEADERS = new Set(['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary']);

const stripWeak = (tag: string) => tag.replace(/^W\//, '');

/** Whether an If-None-Match header names this ETag (weakly compared, as a GET's must be). */
export function etagMatches(etag: string, ifNoneMatch: string | null): boolean {
  if (ifNoneMatch === null) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const expected = stripWeak(etag);
  return (ifNoneMatch.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => stripWeak(tag) === expected);
}

export function bodyEtag(): MiddlewareHandler {
  return async function etag(c, next) {
    const ifNoneMatch = c.req.header('If-None-Match') ?? null;
    await next();
    if (!(c.req.method === 'GET' || c.req.method === 'HEAD') || !c.res.ok) return;
    const res = c.res;
    let tag = res.headers.get('ETag');
    if (!tag) {
      const body = givenBody(res) ?? (res.body ? new Uint8Array(await res.clone().arrayBuffer()) : null);
      if (body === null) return;
      tag = `"${createHash('sha1').update(body).digest('hex')}"`;
    }
    if (etagMatches(tag, ifNoneMatch)) {
      await res.body?.cancel();
      // Hono copies the 200's headers onto the response set here; those a 304 must not carry go again.
      c.res = new Response(null, { status: 304, statusText: 'Not Modified', headers: { ETag: tag } });
      for (const key of [...c.res.headers.keys()]) if (!RETAINED_304_HEADERS.has(key.toLowerCase())) c.res.headers.delete(key);
    } else {
      res.headers.set('ETag', tag);
    }
  };
}
