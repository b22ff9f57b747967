// Readers' responses kept until the casebook changes: a GET of a page, an export or the API is
// rendered once per change token and per viewer, and served from memory after that. Requests for the
// same thing that arrive while it is being rendered wait for that one rendering rather than starting
// their own, so fifty readers opening the list at once cost one rendering.
//
// Kept apart per viewer (a signed-in page carries its account name and CSRF token), per language, and
// never for responses that set a cookie, are not 200, or are larger than one entry may be.

import type { Context, MiddlewareHandler } from 'hono';
import type { Store } from '../store/ports.ts';
import { requirementOf } from './auth/policy.ts';
import { viewerOf } from './auth/viewer.ts';
import { requestLocale } from './i18n/locale.ts';

interface Entry {
  /** Bytes, not an ArrayBuffer: @hono/node-server writes a Uint8Array body straight to the socket. */
  body: Uint8Array;
  headers: [string, string][];
}

export interface ResponseCacheOptions {
  /** Most entries kept (least recently used go first). */
  entries?: number;
  /** Largest response kept, in bytes. */
  maxBytes?: number;
  /** Bytes kept in all (least recently used go first). */
  totalBytes?: number;
}

/**
 * The body of a response as it was given, when @hono/node-server's Response still holds it so (a string
 * or bytes, in its own `cache` slot: the server writes that straight to the socket). Reading the body
 * any other way (`body`, `arrayBuffer()`, or setting `c.res`, which reads `body`) makes the Web stream it
 * stands for, then reads the stream, and the server writes the response from a stream: about a
 * millisecond of CPU on a 30 KB page. null: any other Response (read as before).
 */
export function givenBody(res: Response): Uint8Array | null {
  const body = givenBodyAsIs(res);
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

/** givenBody, with a string body left a string. */
export function givenBodyAsIs(res: Response): string | Uint8Array | null {
  for (const slot of Object.getOwnPropertySymbols(res)) {
    if (slot.description !== 'cache') continue;
    const kept: unknown = (res as unknown as Record<symbol, unknown>)[slot];
    if (!Array.isArray(kept)) return null;
    const body: unknown = kept[1];
    return typeof body === 'string' || body instanceof Uint8Array ? body : null;
  }
  return null;
}

/** Paths whose answers depend on more than the casebook and the viewer (watchlists: hits and deliveries change with no change token), or are large files: never cached. */
const UNCACHED = /^\/(documents\/\d+\/original|login|account|admin|watchlists)(\/|$)/;

export function responseCache(store: Store, options: ResponseCacheOptions = {}): MiddlewareHandler {
  const capacity = options.entries ?? 256;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const totalBytes = options.totalBytes ?? 16 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let held = 0;
  const evictOldest = () => {
    const [oldest, entry] = entries.entries().next().value!;
    entries.delete(oldest);
    held -= entry.body.byteLength;
  };
  const pending = new Map<string, Promise<Entry | null>>();
  let token = '';

  const keyOf = (c: Context) => {
    const viewer = viewerOf(c);
    const who = viewer ? `${viewer.via}:${viewer.account.name}:${viewer.account.role}:${viewer.csrfToken ?? ''}` : 'anonymous';
    return `${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${c.req.url}\u0000${requestLocale(c)}\u0000${who}`;
  };

  const respond = (c: Context, entry: Entry): Response => {
    const etag = entry.headers.find(([k]) => k === 'etag')?.[1];
    if (etag && c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(c.req.method === 'HEAD' ? null : entry.body, { status: 200, headers: entry.headers });
  };

  return async (c, next) => {
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || requirementOf(method, c.req.path) !== 'read' || UNCACHED.test(c.req.path)) return next();
    const current = await store.changeToken();
    if (current !== token) {
      entries.clear();
      held = 0;
      token = current;
    }
    const key = keyOf(c);
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      return respond(c, hit);
    }
    const inFlight = pending.get(key);
    if (inFlight) {
      const shared = await inFlight;
      if (shared) return respond(c, shared);
      return next();
    }
    let settle!: (e: Entry | null) => void;
    pending.set(key, new Promise<Entry | null>((resolve) => { settle = resolve; }));
    let kept: Entry | null = null;
    try {
      await next();
      const res = c.res;
      const given = res.status === 200 ? givenBody(res) : null;
      if (res.status === 200 && !res.headers.has('set-cookie') && (given !== null || res.body !== null)) {
        // A body given as a string or bytes is copied and the response left as it is; any other is read
        // (which uses it up) and the response made again from the bytes.
        const body = given ?? new Uint8Array(await res.arrayBuffer());
        const headers = [...res.headers.entries()];
        if (given === null) c.res = new Response(body, { status: 200, headers });
        if (body.byteLength <= maxBytes && token === current) {
          kept = { body, headers };
          entries.set(key, kept);
          held += body.byteLength;
          while (entries.size > capacity || held > totalBytes) evictOldest();
        }
      }
    } finally {
      pending.delete(key);
      settle(kept);
    }
  };
}
