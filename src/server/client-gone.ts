// A request whose client has gone (it timed out, closed the tab) is not rendered: under a burst, pages
// nobody waits for any more would otherwise take the server's time from the requests behind them.
import type { Context, MiddlewareHandler } from 'hono';

/** 499, as nginx logs it: the client closed the connection before the answer. Nobody reads the body. */
export const CLIENT_GONE = 499;

interface NodeBindings {
  incoming?: { socket?: { destroyed?: boolean } | null; errored?: unknown; aborted?: boolean };
}

/** True when the client closed its connection (the Request's signal, or the Node socket under @hono/node-server). */
export function clientGone(c: Context): boolean {
  if (c.req.raw.signal.aborted) return true;
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  // A client that closed its side (FIN) leaves the socket half-open; Node's HTTP server then aborts the
  // request (errored), and the socket itself is destroyed only later.
  return incoming !== undefined && (incoming.socket?.destroyed === true || incoming.errored != null || incoming.aborted === true);
}

/**
 * Before a page, API answer or export is worked out: lets the event loop take in sockets closed
 * meanwhile (a SQLite store answers without ever yielding, so a close would otherwise be seen only
 * after the work), then answers 499 at once when the client has gone.
 */
export function skipWhenClientGone(): MiddlewareHandler {
  return async function skipGone(c, next) {
    // Touching the signal makes @hono/node-server abort it when the connection closes.
    void c.req.raw.signal;
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      // Two turns of the event loop: libuv reads the request in one and the connection's end in the next.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (clientGone(c)) return new Response(null, { status: CLIENT_GONE });
    }
    await next();
  };
}
