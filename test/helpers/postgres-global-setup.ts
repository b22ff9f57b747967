// Vitest global setup: a private PostgreSQL cluster for the test run (unless DATABASE_URL names one),
// started from Debian's PostgreSQL 15 on a free loopback port and removed afterwards.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/store/postgres/migrations.ts';
import { createPool } from '../../src/store/postgres/pg-database.ts';

export const PG_BIN = process.env.JIKENBO_PG_BIN ?? '/usr/lib/postgresql/15/bin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test cluster; each test file creates its own database in it. */
    postgresAdminUrl: string;
    /** A database at the latest schema that test databases are copied from (faster than migrating each). */
    postgresTemplate: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a PostgreSQL program as the `postgres` OS user when we are root (initdb refuses root), else as ourselves. */
function runPg(program: string, args: string[]): void {
  const argv = [join(PG_BIN, program), ...args];
  if (process.getuid?.() === 0) {
    // Every argument is ours (paths under a fresh temp dir, numbers), quoted for the shell all the same.
    const line = argv.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { stdio: ['ignore', 'ignore', 'pipe'] });
  } else {
    execFileSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  }
}

function ensureInstalled(): void {
  if (existsSync(join(PG_BIN, 'initdb'))) return;
  // A fresh CI machine may lack the server; install it from Debian's packages like the browser.
  const run = spawnSync('bash', ['scripts/ensure-postgres.sh'], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 is needed for the store tests: no ${join(PG_BIN, 'initdb')} (set DATABASE_URL to use another server)`);
  }
}

/** Creates the migrated template database; returns how to drop it. */
async function createTemplate(project: TestProject, adminUrl: string): Promise<() => Promise<void>> {
  const name = `jikenbo_template_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // The name is ours: identifiers cannot be bound parameters.
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString(), { poolSize: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  project.provide('postgresTemplate', name);
  return () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/**
 * Stops the cluster and removes its folder once this process is gone, however it ends (a run killed
 * by a timeout skips the teardown below and would leave a server running).
 */
function startWatchdog(dir: string, data: string): void {
  const q = (a: string) => `'${a.replaceAll("'", `'\\''`)}'`;
  const stop = `${q(join(PG_BIN, 'pg_ctl'))} -D ${q(data)} -m immediate -w stop`;
  const asPostgres = process.getuid?.() === 0 ? `su postgres -s /bin/sh -c ${q(stop)}` : stop;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${asPostgres} >/dev/null 2>&1; rm -rf ${q(dir)}`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) {
    project.provide('postgresAdminUrl', given);
    return createTemplate(project, given);
  }
  ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  runPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  // Loopback only, the socket in our own dir; durability off because the cluster dies with the run.
  const settings = [
    '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off',
    '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ].join(' ');
  runPg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  startWatchdog(dir, data);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  project.provide('postgresAdminUrl', adminUrl);
  await createTemplate(project, adminUrl);
  return async () => {
    try {
      runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
