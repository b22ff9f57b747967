// Whether a request's client has gone (src/server/client-gone.ts), read without making the Web Request
// behind @hono/node-server's light one: reading its `signal` made undici register an AbortSignal with a
// FinalizationRegistry per request, and in a busy server those were never cleaned up (about 1.3 KB kept
// a request: 55,000 abort listeners held after 55,000 requests, seen in heap snapshots).
import { EventEmitter } from 'node:events';
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { clientGone, skipWhenClientGone } from '../../src/server/client-gone.ts';

/** A context whose Request throws if its signal is read, with the Node request given. */
function context(incoming: object | undefined, aborted = false): Context {
  const raw = {};
  Object.defineProperty(raw, 'signal', { get: () => (incoming === undefined ? { aborted } : (() => { throw new Error('the signal was read'); })()) });
  return { env: incoming === undefined ? undefined : { incoming }, req: { raw, method: 'GET' } } as unknown as Context;
}

describe('clientGone', () => {
  it('reads the Node request, never the signal, under a Node server', () => {
    expect(clientGone(context({ socket: { destroyed: false } }))).toBe(false);
    expect(clientGone(context({ socket: { destroyed: true } }))).toBe(true);
    expect(clientGone(context({ socket: { destroyed: false }, errored: new Error('reset') }))).toBe(true);
    // The page worker's bindings: no socket, told when the client went.
    expect(clientGone(context({ aborted: false }))).toBe(false);
    expect(clientGone(context({ aborted: true }))).toBe(true);
  });

  it('reads the signal when there is no Node request (app.request)', () => {
    expect(clientGone(context(undefined, false))).toBe(false);
    expect(clientGone(context(undefined, true))).toBe(true);
  });
});

describe('skipWhenClientGone under @hono/node-server', () => {
  let server: ServerType | undefined;
  afterAll(() => server?.close());

  it('answers without the Web Request behind the light one ever being made', async () => {
    const app = new Hono();
    app.use('*', skipWhenClientGone());
    let made = 0;
    app.get('/', (c) => {
      // @hono/node-server's light Request keeps the real one under a symbol once it is made.
      made += Object.getOwnPropertySymbols(c.req.raw).some((s) => s.description === 'requestCache' && (c.req.raw as unknown as Record<symbol, unknown>)[s] !== undefined) ? 1 : 0;
      return c.text('ok');
    });
    const port = await new Promise<number>((ready) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port));
    });
    for (let i = 0; i < 20; i++) expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    expect(made).toBe(0);
  });

  it('still answers 499, unrendered, when the connection has closed', async () => {
    const app = new Hono();
    app.use('*', skipWhenClientGone());
    let rendered = 0;
    app.get('/', (c) => {
      rendered++;
      return c.text('ok');
    });
    const socket = Object.assign(new EventEmitter(), { destroyed: true });
    const res = await app.fetch(new Request('http://h/'), { incoming: { socket } });
    expect(res.status).toBe(499);
    expect(rendered).toBe(0);
  });
});
