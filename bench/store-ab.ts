// `node bin/run-ts.js bench/store-ab.ts --base DIR --dir CORPUS [--rounds 3] [--engines sqlite,postgres] [--files N]`:
// storing alone (what measure-ingest.ts calls the storing floor), this tree against another checkout's
// (DIR, e.g. a detached worktree of main), in one process, on the same files read once, in alternate
// rounds (base, this, base, this, ...) so that a change in the machine's load falls on both alike.
// Prints the CPU per post and the database size per 1,000 posts of each round.

import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readForIngest, type ReadFile } from '../src/app/ingest-read.ts';
import { startCluster } from '../test/helpers/pg-cluster.ts';
import { corpusFiles } from './corpus-files.ts';

const { values } = parseArgs({ options: {
  base: { type: 'string' }, dir: { type: 'string' }, rounds: { type: 'string' }, engines: { type: 'string' }, files: { type: 'string' },
} });
if (!values.base || !values.dir) throw new Error('--base DIR and --dir CORPUS are required');
const rounds = Number(values.rounds ?? 3);
const engines = (values.engines ?? 'sqlite').split(',');

interface Tree {
  name: string;
  openCasebook: (location: string) => Promise<{ close(): Promise<void> }>;
  BatchWriter: new (casebook: never, onFile: () => void, size: number) => { add(path: string, read: ReadFile): void; full(): boolean; flush(): Promise<void> };
  batch: number;
}

async function tree(name: string, root: string): Promise<Tree> {
  const casebook = await import(join(root, 'src/app/casebook.ts'));
  const batch = await import(join(root, 'src/app/ingest-batch.ts'));
  return { name, openCasebook: casebook.openCasebook, BatchWriter: batch.BatchWriter, batch: batch.DEFAULT_BATCH };
}

const trees = [await tree('before', resolve(values.base)), await tree('after', resolve('.'))];
const paths = corpusFiles(values.dir).slice(0, values.files ? Number(values.files) : undefined);
const read: ReadFile[] = [];
for (const path of paths) read.push(await readForIngest(path, { sync: true }));
const posts = read.reduce((n, r) => n + (r.ok ? r.notices.length : 0), 0);
console.log(`${paths.length} files, ${posts} posts read; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const duSize = (path: string): number => {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  return s.isDirectory() ? readdirSync(path).reduce((a, f) => a + duSize(join(path, f)), 0) : s.size;
};

async function storeAll(t: Tree, location: string): Promise<number> {
  const casebook = await t.openCasebook(location);
  const cpu0 = process.cpuUsage();
  try {
    // As ingest writes: batches of up to 200 files, each written while the next is gathered.
    const writer = new t.BatchWriter(casebook as never, () => {}, t.batch);
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
  } finally {
    await casebook.close();
  }
  const used = process.cpuUsage(cpu0);
  return (used.user + used.system) / 1000;
}

for (const engine of engines) {
  const cluster = engine === 'postgres' ? await startCluster() : null;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const t of trees) {
        const load = loadavg()[0]!.toFixed(1);
        if (cluster) {
          const db = `ab_${t.name}_${round}`;
          const admin = new pg.Client({ connectionString: cluster.adminUrl });
          await admin.connect();
          await admin.query(`CREATE DATABASE ${db}`);
          const url = cluster.adminUrl.replace(/\/[^/]*$/, `/${db}`);
          const sizeOf = async () => {
            await admin.query('CHECKPOINT');
            return Number((await admin.query(`SELECT pg_database_size('${db}') AS s`)).rows[0].s);
          };
          // The growth by storing: an empty casebook (catalogues, schema) is several MB of its own.
          await (await t.openCasebook(url)).close();
          const empty = await sizeOf();
          const cpu = await storeAll(t, url);
          const size = (await sizeOf()) - empty;
          await admin.end();
          console.log(`postgres ${t.name} round ${round}: ${(cpu / posts).toFixed(3)} ms CPU per post; database ${(size / posts / 1000).toFixed(2)} MB per 1,000 posts; load ${load}`);
        } else {
          const dir = mkdtempSync(join(tmpdir(), `ab-${t.name}-`));
          try {
            const cpu = await storeAll(t, join(dir, 'jikenbo.db'));
            const size = ['jikenbo.db', 'jikenbo.db-wal', 'jikenbo.db-shm'].reduce((a, f) => a + duSize(join(dir, f)), 0);
            console.log(`sqlite ${t.name} round ${round}: ${(cpu / posts).toFixed(3)} ms CPU per post; database ${(size / posts / 1000).toFixed(2)} MB per 1,000 posts; load ${load}`);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }
      }
    }
  } finally {
    cluster?.remove();
  }
}
