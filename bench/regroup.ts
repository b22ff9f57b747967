// Benchmark: incremental grouping on a large casebook. Builds a casebook of --posts generated notices
// (text and casebook pages of scripts/gen-corpus, extracted as ingest extracts them) on each engine,
// drains the grouping queue once (the whole casebook indexed and linked: what a first regrouping or a
// migrated casebook costs), then measures what a user waits for:
//   - regrouping after ingesting one more file (new notices, some of them follow-ups of stored ones);
//   - regrouping after a person's correction of a notice's organisation or dates.
// Each is wall and CPU time of the regrouping alone, median and max of --trials. Prints; never fails.
//   npm run bench:regroup [-- --posts 100000 --engines sqlite,postgres --trials 20]
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { drainGrouping } from '../src/app/regroup.ts';
import { extractDocument, EXTRACTOR_VERSION } from '../src/extract/extract.ts';
import { decodeText } from '../src/sources/decode-text.ts';
import { openPostgresStore } from '../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { DocumentToIngest, Store } from '../src/store/store.ts';
import { generateCorpus } from '../scripts/gen-corpus/corpus.ts';
import { Rng } from '../scripts/gen-corpus/prng.ts';

const args = z.object({
  posts: z.coerce.number().int().min(100).max(2_000_000).default(100_000),
  engines: z.string().default('sqlite,postgres').transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.enum(['sqlite', 'postgres'])).min(1)),
  trials: z.coerce.number().int().min(1).max(1000).default(20),
  seed: z.coerce.number().int().min(0).default(7),
}).parse(parseArgs({ options: { posts: { type: 'string' }, engines: { type: 'string' }, trials: { type: 'string' }, seed: { type: 'string' } } }).values);

const log = (s: string) => process.stderr.write(`[regroup ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const ms = (n: number) => n.toFixed(1);

/** Documents of the generated corpus as ingest reads them; PDFs and HTML are left to the ingest bench. */
function* documents(posts: number, seed: number): Generator<DocumentToIngest> {
  for (const file of generateCorpus({ posts, seed })) {
    if (file.format === 'pdf' || file.format === 'html') continue;
    const { text, encoding } = decodeText(file.bytes);
    const notices = extractDocument(text).map(({ post, record }, ordinal) => ({
      ordinal, start: post.start, end: post.end, text: post.text, record, extractorVersion: EXTRACTOR_VERSION,
    }));
    yield {
      doc: { sha256: createHash('sha256').update(file.bytes).digest('hex'), source: file.name, mediaType: 'text/plain', encoding, byteLength: file.bytes.length, text },
      notices,
    };
  }
}

interface Timing { wallMs: number; cpuMs: number }

async function timed(work: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

function summary(label: string, times: Timing[]): string {
  const wall = times.map((t) => t.wallMs).sort((a, b) => a - b);
  const cpu = times.map((t) => t.cpuMs).sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  return `| ${label} | ${ms(median(wall))} | ${ms(wall.at(-1)!)} | ${ms(median(cpu))} | ${ms(cpu.at(-1)!)} |`;
}

async function withEngine<T>(engine: 'sqlite' | 'postgres', work: (store: Store) => Promise<T>): Promise<T> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-regroup-'));
    const store = await openSqliteStore(join(dir, 'casebook.db'));
    try {
      return await work(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const setup = (await import('../test/helpers/postgres-global-setup.ts')).default as unknown as
    (p: { provide: (k: string, v: string) => void }) => Promise<() => Promise<void>>;
  let admin = '';
  const stop = await setup({ provide: (k, v) => { if (k === 'postgresAdminUrl') admin = v; } });
  const name = `jikenbo_bench_regroup_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  const store = await openPostgresStore(admin.replace(/\/[^/?]*(\?|$)/, `/${name}$1`));
  try {
    return await work(store);
  } finally {
    await store.close();
    await client.query(`DROP DATABASE ${name}`);
    await client.end();
    await stop();
  }
}

const rows: string[] = [];
for (const engine of args.engines) {
  await withEngine(engine, async (store) => {
    // Held back: files ingested one at a time once the casebook is built.
    const held: DocumentToIngest[] = [];
    let batch: DocumentToIngest[] = [];
    let posts = 0;
    const rng = new Rng(args.seed);
    const build = await timed(async () => {
      for (const item of documents(args.posts, args.seed)) {
        if (held.length < args.trials && rng.int(0, 199) === 0) {
          held.push(item);
          continue;
        }
        batch.push(item);
        posts += item.notices.length;
        if (batch.length >= 500) {
          await store.ingestDocuments(batch);
          batch = [];
          log(`${engine}: ${posts} posts stored`);
        }
      }
      if (batch.length > 0) await store.ingestDocuments(batch);
    });
    log(`${engine}: ${posts} posts stored in ${(build.wallMs / 1000).toFixed(0)} s; first regrouping…`);
    let lastLog = 0;
    const first = await timed(() => drainGrouping(store, {
      onProgress: (p) => {
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          log(`${engine}: ${p.stage} ${p.done} done, ${p.waiting} waiting; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
        }
      },
    }));
    const summaryAfter = await store.groupingSummary();
    log(`${engine}: first regrouping ${(first.wallMs / 1000).toFixed(1)} s: ${summaryAfter.incidents} incidents, ${summaryAfter.linkedNotices} linked notices`);

    const ingestOne: Timing[] = [];
    for (const item of held) {
      await store.ingestDocuments([item]);
      ingestOne.push(await timed(() => drainGrouping(store)));
    }
    const corrections: Timing[] = [];
    const snapshotIds = (await store.listIncidents({ limit: 500 })).flatMap((i) => i.members.map((m) => m.noticeId));
    for (let t = 0; t < args.trials; t++) {
      const id = snapshotIds[rng.int(0, snapshotIds.length - 1)]!;
      const [notice] = await store.loadLinkable([id], false);
      const field = t % 2 === 0 ? 'organization' : 'disclosure_date';
      const oldValue = notice!.record[field];
      const newValue = field === 'organization' ? `${oldValue ?? ''}（訂正）` : '2025-01-15';
      await store.addCorrection({ target: 'notice', targetId: id, field, oldValue, newValue, by: 'bench' });
      corrections.push(await timed(() => drainGrouping(store)));
    }
    rows.push(`| **${engine}**, ${posts.toLocaleString('en-US')} posts | first regrouping ${(first.wallMs / 1000).toFixed(1)} s wall, ${(first.cpuMs / 1000).toFixed(1)} s CPU | | | |`);
    rows.push(summary(`regroup after ingesting one file (${held.length} trials)`, ingestOne));
    rows.push(summary(`regroup after a correction (${corrections.length} trials)`, corrections));
  });
}
console.log(`\n| measure | median wall ms | max wall ms | median CPU ms | max CPU ms |\n|---|---|---|---|---|\n${rows.join('\n')}`);
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
