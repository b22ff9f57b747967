// Bench worker: ingests every corpus file into a casebook (SQLite path or postgres:// URL) through the ingest
// use case, timing the files and the regroup that follows them apart, then one more regroup alone. Also the
// CPU time of the process (every thread), and the load average around it: the machine may be shared.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openCasebook } from '../src/app/casebook.ts';
import { regroupIncidents } from '../src/app/incidents.ts';
import { ingestPaths, READER_MIN_FILES } from '../src/app/ingest.ts';
import { corpusFiles } from './corpus-files.ts';
import { emit } from './worker.ts';

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
  cpuMs: number;
  loadBefore: number[];
  loadAfter: number[];
}

const { values } = parseArgs({ options: { dir: { type: 'string' }, db: { type: 'string' }, readers: { type: 'string' } } });
if (!values.dir || !values.db) throw new Error('measure-ingest: --dir and --db are required');
const paths = corpusFiles(values.dir);
const casebook = await openCasebook(values.db);
// What ingestPaths picks by itself for a batch this size, unless --readers says otherwise.
const readers = values.readers !== undefined ? Number(values.readers) : paths.length >= READER_MIN_FILES ? availableParallelism() : 0;
try {
  const loadBefore = loadavg();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let lastFile = t0;
  const report = await ingestPaths(paths, casebook, {
    readers,
    onFile: (_o, done, total) => {
      lastFile = performance.now();
      if (done % 5000 === 0) process.stderr.write(`ingest ${done}/${total}\n`);
    },
  });
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
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
    cpuMs: (cpu.user + cpu.system) / 1000,
    loadBefore,
    loadAfter,
  };
  emit(figures);
} finally {
  await casebook.close();
}
