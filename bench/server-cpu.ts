// CPU time of the PostgreSQL server a bench stores into, when it runs on this machine (the bench's private
// cluster): its postmaster and every process under it, backends and autovacuum alike, live or ended
// (an ended child's time moves into the postmaster's cutime and cstime). The database server shares the
// machine's cores with the ingest, so a floor and an ingest on PostgreSQL count its CPU as SQLite's
// in-process work is counted. Null where it cannot be read: another machine, no /proc, no right to the
// data directory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { procCpu } from '../src/app/proc-cpu.ts';

/** A reader of the server's CPU ms so far, for a postgres:// URL of a superuser; null for anything else. */
export async function serverCpuReader(url: string): Promise<(() => number | null) | null> {
  if (!/^postgres(ql)?:/.test(url)) return null;
  let postmaster: number;
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const dir = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
      postmaster = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } finally {
      await client.end();
    }
  } catch {
    return null;
  }
  if (procCpu(postmaster) === null) return null;
  return () => {
    const own = procCpu(postmaster);
    if (own === null) return null;
    let ms = own.ownMs + own.childrenMs;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = procCpu(entry);
      if (child !== null && child.ppid === postmaster) ms += child.ownMs;
    }
    return ms;
  };
}
