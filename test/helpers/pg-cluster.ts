// A private PostgreSQL 15 cluster on a free loopback port: the test run's (postgres-global-setup.ts),
// or a test's own when it must stop and start the server under a running app.

import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = process.env.JIKENBO_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  /** A superuser URL of the cluster's `postgres` database. */
  adminUrl: string;
  /** Stops the server (fast shutdown: sessions are ended, as a restart or a failover ends them). */
  stop(mode?: 'fast' | 'immediate'): void;
  /** Starts it again on the same port. */
  start(): void;
  /** Stops it and removes its folder. */
  remove(): void;
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

/**
 * Stops the cluster and removes its folder once this process is gone, however it ends (a run killed
 * by a timeout skips the teardown and would leave a server running).
 */
function startWatchdog(dir: string, data: string): void {
  const q = (a: string) => `'${a.replaceAll("'", `'\\''`)}'`;
  const stop = `${q(join(PG_BIN, 'pg_ctl'))} -D ${q(data)} -m immediate -w stop`;
  const asPostgres = process.getuid?.() === 0 ? `su postgres -s /bin/sh -c ${q(stop)}` : stop;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${asPostgres} >/dev/null 2>&1; rm -rf ${q(dir)}`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

export async function startCluster(): Promise<PgCluster> {
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
  const start = () => runPg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  start();
  startWatchdog(dir, data);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: (mode = 'fast') => runPg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    start,
    remove() {
      try {
        runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
