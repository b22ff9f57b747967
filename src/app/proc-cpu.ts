// A process's CPU times from /proc/PID/stat (Linux): a reader's, for its time limit (ingest-pool.ts), and
// for the benches that measure processes they did not start in this thread: serve under load, reader
// processes, a database server.
import { readFileSync } from 'node:fs';

/** /proc counts CPU time in clock ticks of 10 ms (USER_HZ 100). */
const TICK_MS = 10;

export interface ProcCpu {
  ppid: number;
  /** User and system time of the process, every thread (ms). */
  ownMs: number;
  /** The same of its children that have ended and been waited for (ms). */
  childrenMs: number;
}

/** Null where it cannot be read: no /proc, or no such process. */
export function procCpu(pid: number | 'self' | string): ProcCpu | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields from the state on (the command name, which may hold spaces and parentheses, cut off):
  // ppid is stat(5)'s field 4, utime, stime, cutime, cstime its fields 14-17.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    ppid: Number(f[1]),
    ownMs: (Number(f[11]) + Number(f[12])) * TICK_MS,
    childrenMs: (Number(f[13]) + Number(f[14])) * TICK_MS,
  };
}
