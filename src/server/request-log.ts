// One line per request: method, path, status, wall time and CPU time, so that a slow page shows what it
// cost the server. CPU is the process's (process.cpuUsage) from the request's start to its end: exact for
// one request at a time, and under concurrent requests it also counts what ran between them.
import type { MiddlewareHandler } from 'hono';

export type RequestLogWriter = (line: string) => void;

/** The request's path and query as sent (percent-encoded), control characters escaped, at most 300 characters. */
export function loggablePath(url: string): string {
  const u = new URL(url);
  const path = `${u.pathname}${u.search}`;
  // The URL parser percent-encodes control characters; this is a second guard for the terminal.
  // eslint-disable-next-line no-control-regex
  const safe = path.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > 300 ? `${safe.slice(0, 300)}…` : safe;
}

export function requestLog(write: RequestLogWriter): MiddlewareHandler {
  return async function logRequest(c, next) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    try {
      await next();
    } finally {
      const used = process.cpuUsage(cpu);
      const status = c.finalized ? c.res.status : 500;
      write(`${c.req.method} ${loggablePath(c.req.url)} ${status} ${(performance.now() - wall).toFixed(1)} ms cpu ${((used.user + used.system) / 1000).toFixed(1)} ms`);
    }
  };
}
