// Every request has an id: the caller's `X-Request-Id` when it is a sane one (a proxy's, a script's),
// else a new UUID. It is echoed in the response's X-Request-Id, written in the request's log line, in
// every problem+json `instance` (`urn:jikenbo:request:<id>`) and on every 5xx page, so a report of a
// failure can be found in the log.
import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Letters, digits and `._:-`, 1 to 100 characters, starting with a letter or digit: nothing a log line or a header must escape. */
const SANE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function requestId(): MiddlewareHandler {
  return async function assignRequestId(c, next) {
    const given = c.req.header(REQUEST_ID_HEADER);
    const id = given !== undefined && SANE.test(given) ? given : crypto.randomUUID();
    c.set('requestId', id);
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, id);
  };
}

/** The request's id (one is made if the middleware did not run, e.g. a sub-app tested alone). */
export function requestIdOf(c: Context): string {
  let id = c.get('requestId');
  if (!id) {
    id = crypto.randomUUID();
    c.set('requestId', id);
  }
  return id;
}
