// Bench worker: ingests every corpus file into a casebook (SQLite path or postgres:// URL) through the ingest
// use case, timing the files and the regroup that follows them apart, then one more regroup alone. Also the
// CPU time of the process (every thread), and the load average around it: the machine may be shared.
// Before it, in the same run, the floor that ingest is measured against (--floor-db, a second, empty
// casebook): the CPU time per post of decoding and extracting alone (every file read in this process, one
// core) and of storing alone (the files already read, archived and stored in batches as ingest does,
// without the regroup), and so the posts per second the machine's cores allow: cores / (decode + store).
// On PostgreSQL, storing counts the database server's CPU too (server-cpu.ts), in the floor and the ingest.
// Then, apart from the floor (the floor is decoding and storing alone), grouping alone: the floor
// casebook's notices indexed, linked and planned into incidents (every stage of the queue drained once,
// in this process, as ingest's regrouping does), so that what the ingest spends beyond the floor can be
// told apart from what grouping itself costs.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openCasebook } from '../src/app/casebook.ts';
import { regroupIncidents } from '../src/app/incidents.ts';
import { BatchWriter, DEFAULT_BATCH } from '../src/app/ingest-batch.ts';
import { readForIngest, type ReadFile } from '../src/app/ingest-read.ts';
import { BATCH_GROUPING_STEP_MS, ingestPaths, READER_MIN_FILES } from '../src/app/ingest.ts';
import { drainGrouping } from '../src/app/regroup.ts';
import { corpusFiles } from './corpus-files.ts';
import { procCpu } from '../src/app/proc-cpu.ts';
import { serverCpuReader } from './server-cpu.ts';
import { emit } from './worker.ts';

export interface FloorFigures {
  /** CPU ms per post of reading, decoding and extracting every file, in one thread. */
  decodeCpuPerPost: number;
  /** CPU ms per post of archiving and storing the files already read (no regroup), in this process. */
  storeCpuPerPost: number;
  /** The database server's CPU ms per post while the floor stored (PostgreSQL on this machine; else null). */
  storeServerCpuPerPost: number | null;
  /** Wall ms of each of the two. */
  decodeMs: number;
  storeMs: number;
  cores: number;
  /** CPU ms per post of grouping the stored notices alone (every stage drained once), in this process and in the database server (null as above). */
  groupCpuPerPost: number;
  groupServerCpuPerPost: number | null;
  groupMs: number;
  /** cores × 1000 / (decode + store CPU per post, the server's included): what ingest could reach if nothing else cost CPU. */
  postsPerSecond: number;
  /** The same without the server's CPU (how floors on PostgreSQL were counted before). */
  clientPostsPerSecond: number;
  loadBefore: number[];
}

export interface IngestFigures {
  files: number;
  posts: number;
  failures: number;
  failureSamples: string[];
  filesMs: number;
  regroupMs: number;
  totalMs: number;
  regroupAgainMs: number;
  incidents: number;
  readers: number;
  /** The ingest left grouping for later (--group-later): regroupAgainMs is all of it. */
  groupLater: boolean;
  cpuMs: number;
  /** CPU of the reader processes, which ended with the ingest (Linux: cutime + cstime of this process). */
  readerCpuMs: number | null;
  /** CPU of the database server during the ingest, regroup included (PostgreSQL on this machine; else null). */
  serverCpuMs: number | null;
  loadBefore: number[];
  loadAfter: number[];
  floor?: FloorFigures;
}

const { values } = parseArgs({
  options: { dir: { type: 'string' }, db: { type: 'string' }, readers: { type: 'string' }, 'floor-db': { type: 'string' }, 'group-later': { type: 'boolean' } },
});
// --group-later: the ingest leaves grouping queued (ingest --group-later), and the regroup after it does it all.
const groupLater = values['group-later'] === true;
if (!values.dir || !values.db) throw new Error('measure-ingest: --dir and --db are required');
const paths = corpusFiles(values.dir);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** CPU ms of this process's children that have ended (null where /proc is not there). */
const childrenCpuMs = (): number | null => procCpu('self')?.childrenMs ?? null;

async function measureFloor(floorDb: string): Promise<FloorFigures> {
  const serverCpu = await serverCpuReader(floorDb);
  const loadBefore = loadavg();
  // Warm-up, not counted: pdf.js, linkedom and the extractor load on their first file.
  for (const path of paths.slice(0, 20)) await readForIngest(path, { sync: true });
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  const read: ReadFile[] = [];
  for (const path of paths) read.push(await readForIngest(path, { sync: true }));
  const decodeCpu = cpuMs(cpu0);
  const decodeMs = performance.now() - t0;
  const posts = read.reduce((n, r) => n + (r.ok ? r.notices.length : 0), 0);

  const casebook = await openCasebook(floorDb);
  let server0: number | null | undefined;
  let server1: number | null | undefined;
  let server2: number | null | undefined;
  let storeCpu: number;
  let storeMs: number;
  let groupCpu: number;
  let groupMs: number;
  try {
    cpu0 = process.cpuUsage();
    server0 = serverCpu?.();
    t0 = performance.now();
    // As ingest writes: batches growing to 200 files, each written while the next is gathered.
    const writer = new BatchWriter(casebook, () => {}, DEFAULT_BATCH);
    let writing = Promise.resolve();
    for (let i = 0; i < paths.length; i++) {
      writer.add(paths[i]!, read[i]!);
      if (writer.full()) {
        await writing;
        writing = writer.flush();
      }
    }
    await writing;
    await writer.flush();
    storeCpu = cpuMs(cpu0);
    storeMs = performance.now() - t0;
    server1 = serverCpu?.();

    cpu0 = process.cpuUsage();
    t0 = performance.now();
    await drainGrouping(casebook.store, { stepTargetMs: BATCH_GROUPING_STEP_MS });
    groupCpu = cpuMs(cpu0);
    groupMs = performance.now() - t0;
    server2 = serverCpu?.();
  } finally {
    await casebook.close();
  }
  const cores = availableParallelism();
  const decodeCpuPerPost = decodeCpu / posts;
  const storeCpuPerPost = storeCpu / posts;
  const storeServerCpuPerPost = server0 == null || server1 == null ? null : (server1 - server0) / posts;
  const groupServerCpuPerPost = server1 == null || server2 == null ? null : (server2 - server1) / posts;
  return {
    decodeCpuPerPost, storeCpuPerPost, storeServerCpuPerPost, decodeMs, storeMs, cores,
    groupCpuPerPost: groupCpu / posts, groupServerCpuPerPost, groupMs,
    postsPerSecond: (cores * 1000) / (decodeCpuPerPost + storeCpuPerPost + (storeServerCpuPerPost ?? 0)),
    clientPostsPerSecond: (cores * 1000) / (decodeCpuPerPost + storeCpuPerPost),
    loadBefore,
  };
}

const floor = values['floor-db'] ? await measureFloor(values['floor-db']) : undefined;
const casebook = await openCasebook(values.db);
const serverCpu = await serverCpuReader(values.db);
// What ingestPaths picks by itself for a batch this size, unless --readers says otherwise.
const readers = values.readers !== undefined ? Number(values.readers) : paths.length >= READER_MIN_FILES ? availableParallelism() : 0;
try {
  const loadBefore = loadavg();
  const children0 = childrenCpuMs();
  const server0 = serverCpu?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let lastFile = t0;
  const report = await ingestPaths(paths, casebook, {
    readers,
    groupLater,
    groupingStepMs: BATCH_GROUPING_STEP_MS,
    onFile: (_o, done, total) => {
      lastFile = performance.now();
      if (done % 5000 === 0) process.stderr.write(`ingest ${done}/${total}\n`);
    },
  });
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const children1 = childrenCpuMs();
  const server1 = serverCpu?.();
  const loadAfter = loadavg();
  const again = await regroupIncidents(casebook.store);
  const t2 = performance.now();
  const figures: IngestFigures = {
    files: report.files,
    posts: report.posts,
    failures: report.failures.length,
    failureSamples: report.failures.slice(0, 5).map((f) => `${f.path}: ${f.reason}`),
    filesMs: lastFile - t0,
    regroupMs: t1 - lastFile,
    totalMs: t1 - t0,
    regroupAgainMs: t2 - t1,
    incidents: again.incidents,
    readers,
    groupLater,
    cpuMs: (cpu.user + cpu.system) / 1000,
    readerCpuMs: children0 === null || children1 === null ? null : children1 - children0,
    serverCpuMs: server0 == null || server1 == null ? null : server1 - server0,
    loadBefore,
    loadAfter,
    ...(floor ? { floor } : {}),
  };
  emit(figures);
} finally {
  await casebook.close();
}
