// A request whose client has gone (it timed out, closed the tab) is not rendered: under a burst, pages
// nobody waits for any more would otherwise take the server's time from the requests behind them.
import type { Context, MiddlewareHandler } from 'hono';

/** 499, as nginx logs it: the client closed the connection before the answer. Nobody reads the body. */
export const CLIENT_GONE = 499;

interface NodeBindings {
  incoming?: { socket?: { destroyed?: boolean } | null; errored?: unknown; aborted?: boolean };
}

/**
 * True when the client closed its connection: under @hono/node-server (and in the page worker, which
 * is told), the Node request's own state; elsewhere (app.request in tests) the Request's signal.
 *
 * The signal is read only when there is no Node request. Under @hono/node-server, reading it makes the
 * full Web Request behind the light one, with an AbortSignal: undici then registers that signal with a
 * FinalizationRegistry whose clean-up, in a busy server on Node 20, was seen never to run. Each request
 * then left about 1.3 KB behind (400 MB after 360,000 requests; BENCHMARKS.md).
 */
export function clientGone(c: Context): boolean {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  // A client that closed its side (FIN) leaves the socket half-open; Node's HTTP server then aborts the
  // request (errored), and the socket itself is destroyed only later.
  if (incoming !== undefined) return incoming.socket?.destroyed === true || incoming.errored != null || incoming.aborted === true;
  return c.req.raw.signal.aborted;
}

/**
 * Before a page, API answer or export is worked out: lets the event loop take in sockets closed
 * meanwhile (a SQLite store answers without ever yielding, so a close would otherwise be seen only
 * after the work), then answers 499 at once when the client has gone.
 */
export function skipWhenClientGone(): MiddlewareHandler {
  return async function skipGone(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      // Two turns of the event loop: libuv reads the request in one and the connection's end in the next.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (clientGone(c)) return new Response(null, { status: CLIENT_GONE });
    }
    await next();
  };
}
