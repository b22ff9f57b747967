// Run by ingest-batch.test.ts in a child process: ingests a folder in batches of three and SIGKILLs
// itself right after the fifth file is reported, printing each outcome first.
import { openCasebook } from '../../src/app/casebook.ts';
import { ReaderPool } from '../../src/app/ingest-pool.ts';
import { ingestPaths } from '../../src/app/ingest.ts';

const [db, folder, readers] = process.argv.slice(2);
if (!db || !folder) throw new Error('usage: ingest-kill-child.ts DB FOLDER READERS');
const casebook = await openCasebook(db);
let reported = 0;
// Readers of its own (else the shared decoding processes read the files).
const pool = Number(readers) > 0 ? new ReaderPool(Number(readers)) : undefined;
await pool?.ready();
await ingestPaths([folder], casebook, {
  ...(pool ? { pool } : { readers: 0 }),
  batch: { files: 3 },
  onFile: (outcome) => {
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
    if (++reported === 5) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('survived\n');
