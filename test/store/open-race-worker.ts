// One of the two threads of sqlite-open-race.test.ts: opens each new casebook file in step with the
// other thread (a barrier in shared memory), so both switch a new file to WAL at the same moment.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteDatabase } from '../../src/store/sqlite/sqlite-store.ts';

const { shared, dir, files } = workerData as { shared: SharedArrayBuffer; dir: string; files: number };
const arrived = new Int32Array(shared);
const failures: string[] = [];
const modes: string[] = [];
for (let i = 0; i < files; i++) {
  Atomics.add(arrived, 0, 1);
  while (Atomics.load(arrived, 0) < 2 * (i + 1)) { /* both threads at file i */ }
  try {
    const db = openSqliteDatabase(`${dir}/race-${i}.db`);
    modes.push(String(db.pragma('journal_mode', { simple: true })));
    db.close();
  } catch (err) {
    failures.push(`race-${i}.db: ${(err as Error).message}`);
  }
}
parentPort!.postMessage({ failures, modes });
