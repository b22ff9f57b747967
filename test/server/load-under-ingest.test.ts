// The server under load while another process ingests into the same casebook: concurrent clients
// over the incidents list, search, incident and notice pages and the API, no error and no timeout;
// every file the ingest reported stored is there afterwards and `jikenbo check` passes; the server's
// memory stays under serve's ceiling.
//
// Short by default (10 clients, 8 s). JIKENBO_LONG_TESTS=1 runs what issue 10 asks: 50 clients, 60 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { checkCasebook } from '../../src/app/check.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { generateCorpus } from '../../scripts/gen-corpus/corpus.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

interface LoadResult {
  requests: { average: number; total: number };
  latency: { p97_5: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number; requests: Array<{ method: string; path: string }> },
  done: (err: Error | null, result: LoadResult) => void,
) => unknown;
// autocannon ships no type declarations; the little used here is typed above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const LONG = process.env.JIKENBO_LONG_TESTS === '1';
const CLIENTS = LONG ? 50 : 10;
const SECONDS = LONG ? 60 : 8;

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const freePort = () => new Promise<number>((done) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => done(typeof a === 'object' && a ? a.port : 0));
  });
});

describe('serving under load while ingesting', () => {
  const dir = tempDir('jikenbo-load-');
  const db = join(dir, 'load.db');
  const later = join(dir, 'later');
  let server: ChildProcess;
  let base = '';
  let laterFiles = 0;
  let allFiles = 0;

  beforeAll(async () => {
    const first = join(dir, 'first');
    mkdirSync(first);
    mkdirSync(later);
    const files = [...generateCorpus({ posts: 400, seed: 7 })].filter((f) => f.format !== 'pdf');
    files.forEach((f, i) => writeFileSync(join(i % 3 === 0 ? later : first, f.name), f.bytes));
    laterFiles = files.filter((_, i) => i % 3 === 0).length;
    allFiles = files.length;
    const casebook = await openCasebook(db);
    await ingestPaths([first, resolve('demo/notices')], casebook);
    await casebook.close();
    const port = await freePort();
    server = spawn(process.execPath, [resolve('bin/jikenbo.js'), 'serve', '--db', db, '--port', String(port), '--public-read', '--no-watch'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((ready, fail) => {
      server.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('serving')) ready(); });
      server.on('exit', (code) => fail(new Error(`serve exited ${code}`)));
    });
    base = `http://127.0.0.1:${port}`;
  }, 120_000);

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it(`answers ${CLIENTS} clients for ${SECONDS} s without an error while an ingest runs, loses nothing, and stays under its memory ceiling`, async () => {
    const paths = ['/', '/?q=' + encodeURIComponent('不正アクセス'), '/?type=loss', '/incidents/1', '/notices/1', '/api/v1/incidents?limit=20', '/api/v1/search?q=' + encodeURIComponent('漏洩'), '/dashboard'];
    for (const p of paths) expect((await fetch(base + p)).status, p).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    const rest = rssMb(server.pid!);

    let peak = rest;
    const sampler = setInterval(() => { peak = Math.max(peak, rssMb(server.pid!)); }, 200);
    const ingest = jikenbo(['ingest', '--db', db, later]);
    const result = await new Promise<LoadResult>((done, fail) => {
      autocannon({ url: base, connections: CLIENTS, duration: SECONDS, timeout: 30, requests: paths.map((path) => ({ method: 'GET', path })) },
        (err, r) => (err ? fail(err) : done(r)));
    });
    const ingested = await ingest;
    clearInterval(sampler);

    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.requests.total).toBeGreaterThan(CLIENTS);
    expect(ingested.stderr).toBe('');
    expect(ingested.code).toBe(0);
    expect(ingested.stdout).toContain(`${laterFiles} files`);

    const casebook = await openCasebook(db);
    try {
      const report = await checkCasebook(casebook);
      expect(report.problems).toEqual([]);
      // Every file of both batches (and the 16 demo notices) is stored once: nothing the ingest reported is lost.
      expect(report.documents.length).toBe(allFiles + 16);
    } finally {
      await casebook.close();
    }

    // Idle again: what the caches may keep is bounded, so the server stays under the ceiling issue 17
    // sets for serve under load. (Not "back near its resting level": V8 keeps the heap a burst grew
    // until it needs it, and how much a burst grows it follows how many requests this machine answers
    // in the time: 50,000 in 8 s on a fast one.)
    await new Promise((r) => setTimeout(r, 3000));
    const after = rssMb(server.pid!);
    console.log(`load: ${result.requests.total} requests, ${Math.round(result.requests.average)}/s, p97.5 ${result.latency.p97_5} ms; rss rest ${rest.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, after ${after.toFixed(0)} MB`);
    expect(peak).toBeLessThan(400);
    expect(after).toBeLessThan(400);
  }, 180_000);
});
