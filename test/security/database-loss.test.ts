// A PostgreSQL restart under a running `serve` and `ingest`: requests during the outage are 503s that
// say the database cannot be reached, the processes live on, and the server answers again as soon as
// the database is back. The cluster is this file's own (stopping the run's shared one would fail other files).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { startCluster, type PgCluster } from '../helpers/pg-cluster.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const BIN = resolve('bin/jikenbo.js');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive: () => boolean;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, JIKENBO_WATCH: 'off' } });
  let output = '';
  let alive = true;
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => {
    alive = false;
    done({ code, signal });
  }));
  return { child, output: () => output, exited, alive: () => alive };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('a PostgreSQL restart', () => {
  let cluster: PgCluster;
  let url: string;
  const dir = tempDir();

  beforeAll(async () => {
    cluster = await startCluster();
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE casebook');
    await admin.end();
    url = cluster.adminUrl.replace(/\/postgres$/, '/casebook');
    const notices = join(dir, 'notices');
    await mkdir(notices);
    for (const [i, text] of [USB_NOTICE, BCC_NOTICE, RANSOM_NOTICE].entries()) await writeFile(join(notices, `${i}.txt`), text);
    const ingest = run(['ingest', '--db', url, notices]);
    expect((await ingest.exited).code).toBe(0);
  }, 120_000);
  afterAll(() => cluster?.remove());

  it('does not crash serve: 503 while the database is down, answers again once it is back', async () => {
    const serve = run(['serve', '--db', url, '--port', '0', '--public-read', '--no-watch']);
    try {
      const base = await until('serve to listen', () => /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(serve.output())?.[1]);
      const paths = ['/api/v1/incidents', '/', '/search?q=%E7%B4%9B%E5%A4%B1', '/api/v1/notices/1', '/api/v1/stats?by=type'];
      expect((await fetch(`${base}/api/v1/incidents`)).status).toBe(200);

      // Readers keep asking throughout, so that connections are checked out when the server goes away.
      const statuses: number[] = [];
      const bodies: string[] = [];
      let stop = false;
      const reader = async (k: number) => {
        for (let i = k; !stop; i++) {
          const res = await fetch(`${base}${paths[i % paths.length]}`);
          statuses.push(res.status);
          if (res.status >= 500) bodies.push(await res.text());
          else await res.arrayBuffer();
        }
      };
      const readers = [0, 1, 2, 3].map(reader);
      await sleep(300);
      cluster.stop('immediate'); // as a crash or a failover ends sessions: no goodbye from the server
      await sleep(1000);
      const down = await fetch(`${base}/api/v1/incidents`);
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toContain('application/problem+json');
      expect(await down.text()).toContain('cannot be reached');
      stop = true;
      await Promise.all(readers); // a fetch that failed (server gone) rejects and fails the test here
      expect(serve.alive()).toBe(true);
      expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
      expect(bodies.every((b) => !/Unhandled|at .*\.ts:\d+/.test(b))).toBe(true);

      cluster.start();
      // The very next request after the restart: the pool has dropped its dead connections and opens new ones.
      const back = await fetch(`${base}/api/v1/incidents`);
      expect(back.status).toBe(200);
      expect(((await back.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
      expect((await fetch(`${base}/`)).status).toBe(200);
      expect(serve.alive()).toBe(true);
      expect(serve.output()).not.toMatch(/Unhandled 'error' event/);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  }, 60_000);

  it('does not crash ingest: the run stops with the reason, and the casebook takes the files again after', async () => {
    const many = join(dir, 'many');
    await mkdir(many);
    const notices = [USB_NOTICE, BCC_NOTICE, RANSOM_NOTICE];
    for (let i = 0; i < 600; i++) await writeFile(join(many, `${i}.txt`), `${notices[i % 3]}\n整理番号 ${i}\n`);
    const log = join(dir, 'ingest.log');
    const ingest = run(['ingest', '--db', url, '--log', log, many]);
    // Down once the first files are stored: the rest of the run meets a database that is gone.
    await until('the first stored file', async () => ((await readFile(log, 'utf8').catch(() => '')).length > 0 ? true : undefined));
    cluster.stop('fast');
    const { code, signal } = await ingest.exited;
    cluster.start();
    expect(signal).toBeNull();
    expect(code).toBe(1);
    expect(ingest.output()).toMatch(/cannot be reached|Connection terminated|terminating connection/);
    expect(ingest.output()).not.toMatch(/Unhandled 'error' event|^\s+at /m);

    const again = run(['ingest', '--db', url, many]);
    expect((await again.exited).code).toBe(0);
    const list = run(['list', '--db', url, '--limit', '1000', '--json']);
    expect((await list.exited).code).toBe(0);
    expect((JSON.parse(list.output()) as unknown[]).length).toBeGreaterThanOrEqual(600);
  }, 120_000);
});
