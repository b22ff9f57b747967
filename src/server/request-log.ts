// One structured log line per request (app/log.ts): request id, method, path and query (secret values
// hidden), status, wall time and the CPU time the process spent meanwhile, so that a slow page shows
// what it cost the server. CPU is the process's (process.cpuUsage) from the request's start to its end:
// exact for one request at a time, and under concurrent requests it also counts what ran between them.
// A 500 is logged at level error with the error and its stack (never sent to the client); other 5xx
// at warn; the rest at info.
import type { MiddlewareHandler } from 'hono';
import { errorFields, type LineLevel, type Logger } from '../app/log.ts';
import { requestIdOf } from './request-id.ts';

/** Query parameters whose values are never logged: passwords, tokens, session or cookie values, keys. */
const SECRET_PARAM = /pass|token|secret|session|cookie|auth|key|csrf/i;

/**
 * The request's path and query as sent (percent-encoded), the values of secret-looking parameters
 * replaced by `***`, control characters escaped, at most 300 characters.
 */
export function loggablePath(url: string): string {
  const u = new URL(url);
  const query = u.search === '' ? '' : `?${u.search.slice(1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    let decoded = name;
    try { decoded = decodeURIComponent(name.replaceAll('+', ' ')); } catch { /* the name as sent */ }
    return eq >= 0 && SECRET_PARAM.test(decoded) ? `${name}=***` : pair;
  }).join('&')}`;
  const path = `${u.pathname}${query}`;
  // The URL parser percent-encodes control characters; this is a second guard for the terminal.
  // eslint-disable-next-line no-control-regex
  const safe = path.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > 300 ? `${safe.slice(0, 300)}…` : safe;
}

export function requestLog(logger: Logger): MiddlewareHandler {
  return async function logRequest(c, next) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    let thrown: unknown;
    try {
      await next();
    } catch (err) {
      thrown = err;
      throw err;
    } finally {
      const used = process.cpuUsage(cpu);
      const status = thrown === undefined && c.finalized ? c.res.status : 500;
      const level: LineLevel = status === 500 ? 'error' : status >= 500 ? 'warn' : 'info';
      if (logger.enabled(level)) {
        // The error the app's onError answered with a 500 (error-response.ts), with its stack.
        const failure = thrown ?? (status >= 500 ? c.error : undefined);
        logger.log(level, 'request', {
          request_id: requestIdOf(c), method: c.req.method, path: loggablePath(c.req.url), status,
          ms: Number((performance.now() - wall).toFixed(1)), cpu_ms: Number(((used.user + used.system) / 1000).toFixed(1)),
          ...(failure !== undefined ? errorFields(failure, status === 500) : {}),
        });
      }
    }
  };
}
