// CPU time of the PostgreSQL server a bench stores into, when it runs on this machine (the bench's private
// cluster): its postmaster and every process under it, backends and autovacuum alike, live or ended
// (an ended child's time moves into the postmaster's cutime and cstime). The database server shares the
// machine's cores with the ingest, so a floor and an ingest on PostgreSQL count its CPU as SQLite's
// in-process work is counted. Null where it cannot be read: another machine, no /proc, no right to the
// data directory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** Linux reports these times in clock ticks of 10 ms (USER_HZ 100). */
const TICK_MS = 10;

/** stat(5) fields from the state on (the command name, which may hold spaces, cut off). */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

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
  if (statFields(postmaster) === null) return null;
  return () => {
    const own = statFields(postmaster);
    if (own === null) return null;
    // utime, stime, cutime, cstime are fields 14-17, here 11-14.
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = statFields(entry);
      if (fields !== null && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * TICK_MS;
  };
}
