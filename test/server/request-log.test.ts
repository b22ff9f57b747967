// Per-request log lines (JSON: request id, method, path, status, wall and CPU ms) and requests whose
// client has gone: never rendered.
import { execFileSync, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { skipWhenClientGone } from '../../src/server/client-gone.ts';
import { createLogger } from '../../src/app/log.ts';
import { requestId } from '../../src/server/request-id.ts';
import { loggablePath, requestLog } from '../../src/server/request-log.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const freePort = () => new Promise<number>((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => done(typeof a === 'object' && a ? a.port : 0));
  });
});

/** Starts `jikenbo serve` on an empty casebook, asks for one page, and returns what it printed on stderr. */
async function serveOnce(dir: string, extra: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const port = await freePort();
  // serve never makes a casebook (a mistyped --db would): init makes the empty one.
  execFileSync(process.execPath, [resolve('bin/jikenbo.js'), 'init', '--db', join(dir, `c${port}.db`)], { env });
  const child = spawn(process.execPath, [resolve('bin/jikenbo.js'), 'serve', '--db', join(dir, `c${port}.db`), '--port', String(port), '--public-read', '--no-watch', ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  try {
    await new Promise<void>((ready, fail) => {
      child.stdout!.on('data', () => out.includes('serving') && ready());
      child.on('exit', (code) => fail(new Error(`serve exited ${code}`)));
    });
    await (await fetch(`http://127.0.0.1:${port}/?q=%E7%B4%9B%E5%A4%B1`, { headers: { 'X-Request-Id': 'test-1' } })).text();
    await new Promise((r) => setTimeout(r, 200));
    return err;
  } finally {
    child.kill('SIGTERM');
  }
}

const requestLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
  .filter((l) => l.msg === 'request');

describe('request log', () => {
  const dir = tempDir();
  it('writes one JSON line per request with its id, method, path and query, status, wall and CPU time', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ write: (l) => lines.push(JSON.parse(l) as Record<string, unknown>), now: () => new Date('2024-04-01T00:00:00Z') });
    const app = new Hono();
    app.use('*', requestId());
    app.use('*', requestLog(logger));
    app.get('/busy', (c) => {
      // 20 ms of this process's CPU (however long that takes on a busy machine).
      let x = 0;
      const start = process.cpuUsage();
      while (process.cpuUsage(start).user < 20_000) x++;
      return c.text(String(x > 0));
    });
    app.get('/missing', (c) => c.text('no', 404));
    await app.request('/busy?q=%E6%BC%8F%E6%B4%A9', { headers: { 'X-Request-Id': 'abc-1' } });
    const missing = await app.request('/missing');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ time: '2024-04-01T00:00:00.000Z', level: 'info', msg: 'request', request_id: 'abc-1', method: 'GET', path: '/busy?q=%E6%BC%8F%E6%B4%A9', status: 200 });
    expect(lines[0]!.cpu_ms).toBeGreaterThanOrEqual(20);
    expect(lines[0]!.ms).toBeGreaterThanOrEqual(0);
    expect(lines[1]).toMatchObject({ level: 'info', path: '/missing', status: 404, request_id: missing.headers.get('x-request-id') });
  });

  it('is on in serve (stderr), off with --log-level error or warn, --quiet or JIKENBO_REQUEST_LOG=off', async () => {
    const { JIKENBO_REQUEST_LOG: _off, JIKENBO_LOG_LEVEL: _level, ...env } = process.env;
    const on = requestLines(await serveOnce(dir, [], env));
    expect(on).toHaveLength(1);
    expect(on[0]).toMatchObject({ level: 'info', request_id: 'test-1', method: 'GET', path: '/?q=%E7%B4%9B%E5%A4%B1', status: 200 });
    expect(requestLines(await serveOnce(dir, ['--log-level', 'error'], env))).toEqual([]);
    expect(requestLines(await serveOnce(dir, ['--quiet'], env))).toEqual([]);
    expect(requestLines(await serveOnce(dir, [], { ...env, JIKENBO_REQUEST_LOG: 'off' }))).toEqual([]);
  }, 60_000);

  it('refuses a log level it does not know, in one line', async () => {
    const r = await jikenbo(['serve', '--db', join(dir, 'none.db'), '--log-level', 'loud']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^jikenbo serve: --log-level: .*"debug"/);
  });

  it('never writes a control character of the URL', () => {
    expect(loggablePath('http://x/a%1b[2Jb?q=%07')).toBe('/a%1b[2Jb?q=%07');
    expect(loggablePath(`http://x/${'a'.repeat(400)}`)).toHaveLength(301);
  });
});

describe('a request whose client has gone', () => {
  let server: ServerType | undefined;
  afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('is not rendered; one whose client waits is', async () => {
    let rendered = 0;
    const app = new Hono();
    app.use('*', skipWhenClientGone());
    app.get('/page', (c) => {
      rendered++;
      return c.text('page');
    });
    const port = await new Promise<number>((ready) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => ready(info.port));
    });

    // A client that waits gets the page.
    const res = await fetch(`http://127.0.0.1:${port}/page`);
    expect(await res.text()).toBe('page');
    expect(rendered).toBe(1);

    // A client that sends its request and leaves while the server is busy (this thread blocked): by
    // the time the server reads the request, the connection is closed, and the page is not rendered.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((ok) => socket.once('connect', () => ok()));
    await new Promise((r) => setTimeout(r, 20)); // the server has taken the connection
    socket.write('GET /page HTTP/1.1\r\nHost: x\r\n\r\n');
    socket.destroy();
    for (const end = performance.now() + 100; performance.now() < end;);
    await new Promise((r) => setTimeout(r, 100));
    expect(rendered).toBe(1);
  });
});
