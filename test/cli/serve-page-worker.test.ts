// `jikenbo serve --page-workers 1` (src/server/page-worker.ts): the read pages worked out on a second
// thread are the pages the main thread makes, byte for byte, under concurrent requests; what is not
// a read page stays the main thread's; a bad value is refused before anything starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/temp-dir.ts';

type Line = Record<string, unknown>;
const jsonLines = (text: string): Line[] => text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line);

const freePort = () => new Promise<number>((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => done(typeof a === 'object' && a ? a.port : 0));
  });
});

interface Running {
  base: string;
  child: ChildProcess;
  stderr: () => string;
}

// Stopped at the end even when a test times out before its own `finally`.
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startServe(db: string, workers: string): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('bin/jikenbo.js'), 'serve', '--db', db, '--port', String(port), '--public-read', '--no-watch', '--log-level', 'info', '--page-workers', workers],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((ready, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('serving')) ready();
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child, stderr: () => err };
}

async function stop(r: Running): Promise<void> {
  const exited = new Promise<void>((done) => r.child.once('exit', () => done()));
  r.child.kill('SIGTERM');
  await exited;
}

/** A page with its request id taken out (a new one every time). */
async function page(base: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: string; cookie: string | null }> {
  const res = await fetch(base + path, init);
  return { status: res.status, body: (await res.text()).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID'), cookie: res.headers.get('set-cookie') };
}

/** Read pages from a serve with a worker, many at once, against the same pages from one without. */
async function samePagesEitherWay(db: string): Promise<void> {
  const words = ['漏えい', '不正アクセス', 'ランサムウェア', '委託先'].map(encodeURIComponent);
  let paths = ['/', '/?type=ransomware', '/dashboard', '/api/v1/search?q=' + words[0], '/organisations', ...words.map((w) => `/?q=${w}`)];
  const worker = await startServe(db, '1');
  let fromWorker: Map<string, string>;
  try {
    const front = await page(worker.base, '/');
    const incident = /href="(\/incidents\/[^"?#]+)"/.exec(front.body)?.[1];
    expect(incident, 'an incident link on the front page').toBeDefined();
    paths = [...paths, incident!];
    // Once the worker answers (it takes a request one at a time as soon as it is up), every page eight
    // times over, all at once.
    for (let i = 0; i < 600 && !worker.stderr().includes('"thread":"page-worker"'); i++) {
      await page(worker.base, '/');
      await new Promise((r) => setTimeout(r, 100));
    }
    const answers = await Promise.all(Array.from({ length: 8 }, () => paths).flat().map(async (p) => ({ p, ...(await page(worker.base, p)) })));
    for (const a of answers) expect(a.status, a.p).toBe(200);
    fromWorker = new Map(paths.map((p) => [p, answers.find((a) => a.p === p)!.body]));
    // Each page the same every time, whichever thread made it.
    for (const a of answers) expect(a.body === fromWorker.get(a.p), a.p).toBe(true);
    // A page that sets the language cookie passes it on; a HEAD has no body.
    const english = await page(worker.base, '/?lang=en');
    expect(english.cookie).toMatch(/^jikenbo_lang=en;/);
    expect(english.body).toContain('lang="en"');
    const head = await fetch(worker.base + '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    // Not a read page: the main thread's.
    expect((await fetch(worker.base + '/static/app.css')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    await stop(worker);
  }
  const lines = jsonLines(worker.stderr()).filter((l) => l.msg === 'request');
  const byWorker = lines.filter((l) => l.thread === 'page-worker');
  expect(byWorker.length, `requests the worker answered: ${worker.stderr()}`).toBeGreaterThan(0);
  expect(byWorker.every((l) => l.status === 200)).toBe(true);
  expect(lines.find((l) => l.path === '/static/app.css')?.thread).toBeUndefined();
  // The worker answered what it took: nothing went back to the main thread as unanswerable.
  expect(worker.stderr()).not.toContain('could not answer');
  // Every line of stderr is JSON, the worker's too.
  expect(worker.stderr().trim().split('\n').filter((l) => !l.startsWith('{'))).toEqual([]);

  // The same pages from a server with no worker.
  const alone = await startServe(db, '0');
  try {
    for (const p of paths) {
      const a = await page(alone.base, p);
      expect(a.status, p).toBe(200);
      expect(a.body === fromWorker.get(p), p).toBe(true);
    }
  } finally {
    await stop(alone);
  }
  expect(jsonLines(alone.stderr()).some((l) => l.thread === 'page-worker')).toBe(false);
}

describe('serve --page-workers 1', () => {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  beforeAll(async () => {
    const ingested = await jikenbo(['ingest', resolve('demo/notices'), '--db', db]);
    expect(ingested.code, ingested.stderr).toBe(0);
  }, 120_000);

  it('answers read pages from the worker as the main thread would, many at once (SQLite)', () => samePagesEitherWay(db), 120_000);

  it('does so on PostgreSQL, the worker with a pool of its own', async () => {
    const database = await createTestDatabase('jikenbo_page_worker');
    try {
      const ingested = await jikenbo(['ingest', resolve('demo/notices'), '--db', database.url]);
      expect(ingested.code, ingested.stderr).toBe(0);
      await samePagesEitherWay(database.url);
    } finally {
      await database.drop();
    }
  }, 180_000);

  it('refuses a --page-workers it cannot do, naming it', async () => {
    const r = await jikenbo(['serve', '--db', db, '--page-workers', '4']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--page-workers');
  });
});
