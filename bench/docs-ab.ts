// `nice -n 19 node bin/run-ts.js bench/docs-ab.ts --base DIR --dir CORPUS [--files 3000] [--rounds 3] [--engines sqlite,postgres] [--calls 300]`:
// the document port alone, this tree against another checkout's (DIR, e.g. main), in one process on
// the same files read and extracted once. Each round opens a fresh store of each tree and stores every
// file into both with `ingestDocuments` in batches of 200 (as ingest-batch.ts does, without the
// archive), batch by batch alternately (base then this, this then base, …) so that a change in the
// machine's load falls on both alike; then 300 searches (the corpus's queries.json, round robin) and
// 300 getNotice (ids spread over the store), alternated the same way. Prints wall ms per document and
// per call, and this process's CPU (PostgreSQL's own CPU is in the wall time only).

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
  base: { type: 'string' }, dir: { type: 'string' }, rounds: { type: 'string' }, engines: { type: 'string' }, files: { type: 'string' }, calls: { type: 'string' },
} });
if (!values.base || !values.dir) throw new Error('--base DIR and --dir CORPUS are required');
const rounds = Number(values.rounds ?? 3);
const engines = (values.engines ?? 'sqlite,postgres').split(',');
const BATCH = 200;
const CALLS = Number(values.calls ?? 300);

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

interface Tally { wallMs: number; cpuMs: number; n: number }
const tally = (): Tally => ({ wallMs: 0, cpuMs: 0, n: 0 });

/** Times one call into `into` (wall and this process's CPU; calls run one at a time, so the CPU is the call's). */
async function timed<T>(into: Tally, call: () => Promise<T>): Promise<T> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await call();
  into.wallMs += performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  into.cpuMs += (cpu.user + cpu.system) / 1000;
  into.n++;
  return result;
}

/**
 * Both trees' stores side by side, every step taken by one and then the other (which goes first
 * alternating), so that a change in the machine's load falls on both alike even within a round.
 */
async function measure(stores: StoreLike[]): Promise<string[]> {
  const ingest = stores.map(tally);
  const search = stores.map(tally);
  const notice = stores.map(tally);
  const refusedBy = stores.map(() => 0);
  const order = (k: number) => (k % 2 === 0 ? [0, 1] : [1, 0]);
  for (let i = 0, k = 0; i < docs.length; i += BATCH, k++) {
    const batch = docs.slice(i, i + BATCH);
    for (const s of order(k)) {
      for (const outcome of await timed(ingest[s]!, () => stores[s]!.ingestDocuments(batch))) if (outcome.error) refusedBy[s]!++;
    }
  }
  const counts = await Promise.all(stores.map((s) => s.countNotices()));
  const hits = stores.map(() => 0);
  for (let i = 0; i < CALLS; i++) {
    for (const s of order(i)) hits[s]! += (await timed(search[s]!, () => stores[s]!.search(queries[i % queries.length]!, { limit: 20 }))).length;
  }
  const found = stores.map(() => 0);
  for (let i = 0; i < CALLS; i++) {
    // Ids spread over the whole store, the same in every round.
    const id = 1 + ((i * 7919) % counts[0]!);
    for (const s of order(i)) if (await timed(notice[s]!, () => stores[s]!.getNotice(id))) found[s]!++;
  }
  return stores.map((_, s) => `ingest ${(ingest[s]!.wallMs / docs.length).toFixed(3)} ms/doc wall, ${(ingest[s]!.cpuMs / docs.length).toFixed(3)} CPU`
    + ` (${counts[s]} notices, ${refusedBy[s]} refused); search ${(search[s]!.wallMs / CALLS).toFixed(3)} ms wall, ${(search[s]!.cpuMs / CALLS).toFixed(3)} CPU (${hits[s]} hits);`
    + ` getNotice ${(notice[s]!.wallMs / CALLS).toFixed(3)} ms wall, ${(notice[s]!.cpuMs / CALLS).toFixed(3)} CPU (${found[s]} found)`);
}

for (const engine of engines) {
  const cluster = engine === 'postgres' ? await startCluster() : null;
  try {
    for (let round = 1; round <= rounds; round++) {
      const load = loadavg()[0]!.toFixed(1);
      const stores: StoreLike[] = [];
      const dirs: string[] = [];
      try {
        for (const t of trees) {
          if (cluster) {
            const db = `docs_${t.name}_${round}`;
            const admin = new pg.Client({ connectionString: cluster.adminUrl });
            await admin.connect();
            await admin.query(`CREATE DATABASE ${db}`);
            await admin.end();
            stores.push(await t.openPostgres(cluster.adminUrl.replace(/\/[^/]*$/, `/${db}`)));
          } else {
            const dir = mkdtempSync(join(tmpdir(), `docs-ab-${t.name}-`));
            dirs.push(dir);
            stores.push(await t.openSqlite(join(dir, 'jikenbo.db')));
          }
        }
        const lines = await measure(stores);
        trees.forEach((t, s) => console.log(`${engine} ${t.name} round ${round}: ${lines[s]}; load ${load}`));
      } finally {
        for (const store of stores) await store.close();
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    cluster?.remove();
  }
}
