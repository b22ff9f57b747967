// `nice -n 19 node bin/run-ts.js bench/docs-ab.ts --base DIR --dir CORPUS [--files 3000] [--rounds 3] [--engines sqlite,postgres]`:
// the document port alone, this tree against another checkout's (DIR, e.g. main), in one process on
// the same files read and extracted once, in alternate rounds (base, this, base, this, …) so that a
// change in the machine's load falls on both alike. Each round stores every file into a fresh store
// with `ingestDocuments` in batches of 200 (as ingest-batch.ts does, without the archive), then times
// 300 searches (the corpus's queries.json, round robin) and 300 getNotice (ids spread over the store).
// Prints wall ms per document and per call, and the process's CPU per document.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readForIngest } from '../src/app/ingest-read.ts';
import type { DocumentToIngest } from '../src/store/store.ts';
import { startCluster } from '../test/helpers/pg-cluster.ts';
import { corpusFiles } from './corpus-files.ts';

const { values } = parseArgs({ options: {
  base: { type: 'string' }, dir: { type: 'string' }, rounds: { type: 'string' }, engines: { type: 'string' }, files: { type: 'string' },
} });
if (!values.base || !values.dir) throw new Error('--base DIR and --dir CORPUS are required');
const rounds = Number(values.rounds ?? 3);
const engines = (values.engines ?? 'sqlite,postgres').split(',');
const BATCH = 200;
const CALLS = 300;

interface StoreLike {
  ingestDocuments(batch: readonly DocumentToIngest[]): Promise<Array<{ error?: Error }>>;
  search(query: string, options?: { limit?: number }): Promise<unknown[]>;
  getNotice(id: number): Promise<unknown>;
  countNotices(): Promise<number>;
  close(): Promise<void>;
}
interface Tree {
  name: string;
  openSqlite: (path: string) => Promise<StoreLike>;
  openPostgres: (url: string) => Promise<StoreLike>;
}

async function tree(name: string, root: string): Promise<Tree> {
  const sqlite = await import(join(root, 'src/store/sqlite/sqlite-store.ts'));
  const postgres = await import(join(root, 'src/store/postgres/postgres-store.ts'));
  return { name, openSqlite: sqlite.openSqliteStore, openPostgres: postgres.openPostgresStore };
}

const trees = [await tree('before', resolve(values.base)), await tree('after', resolve('.'))];
const paths = corpusFiles(values.dir).slice(0, Number(values.files ?? 3000));
const docs: DocumentToIngest[] = [];
for (const path of paths) {
  const read = await readForIngest(path, { sync: true });
  if (read.ok && read.notices.length > 0) docs.push({ doc: read.doc, notices: read.notices });
}
const posts = docs.reduce((n, d) => n + d.notices.length, 0);
const queries = (JSON.parse(readFileSync(join(dirname(resolve(values.dir)), 'queries.json'), 'utf8')) as { text: string }[]).map((q) => q.text);
console.log(`${docs.length} documents, ${posts} posts; ${queries.length} queries; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

async function measure(store: StoreLike): Promise<string> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let failed = 0;
  for (let i = 0; i < docs.length; i += BATCH) {
    for (const outcome of await store.ingestDocuments(docs.slice(i, i + BATCH))) if (outcome.error) failed++;
  }
  const ingestMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const notices = await store.countNotices();
  const t1 = performance.now();
  let hits = 0;
  for (let i = 0; i < CALLS; i++) hits += (await store.search(queries[i % queries.length]!, { limit: 20 })).length;
  const searchMs = performance.now() - t1;
  const t2 = performance.now();
  let found = 0;
  // Ids spread over the whole store, the same in every round.
  for (let i = 0; i < CALLS; i++) if (await store.getNotice(1 + ((i * 7919) % notices))) found++;
  const noticeMs = performance.now() - t2;
  return `ingest ${(ingestMs / docs.length).toFixed(3)} ms/doc wall, ${((cpu.user + cpu.system) / 1000 / docs.length).toFixed(3)} ms/doc CPU`
    + ` (${notices} notices, ${failed} refused); search ${(searchMs / CALLS).toFixed(3)} ms (${hits} hits);`
    + ` getNotice ${(noticeMs / CALLS).toFixed(3)} ms (${found} found)`;
}

for (const engine of engines) {
  const cluster = engine === 'postgres' ? await startCluster() : null;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const t of trees) {
        const load = loadavg()[0]!.toFixed(1);
        if (cluster) {
          const db = `docs_${t.name}_${round}`;
          const admin = new pg.Client({ connectionString: cluster.adminUrl });
          await admin.connect();
          await admin.query(`CREATE DATABASE ${db}`);
          await admin.end();
          const store = await t.openPostgres(cluster.adminUrl.replace(/\/[^/]*$/, `/${db}`));
          try {
            console.log(`postgres ${t.name} round ${round}: ${await measure(store)}; load ${load}`);
          } finally {
            await store.close();
          }
        } else {
          const dir = mkdtempSync(join(tmpdir(), `docs-ab-${t.name}-`));
          const store = await t.openSqlite(join(dir, 'jikenbo.db'));
          try {
            console.log(`sqlite ${t.name} round ${round}: ${await measure(store)}; load ${load}`);
          } finally {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          }
        }
      }
    }
  } finally {
    cluster?.remove();
  }
}
