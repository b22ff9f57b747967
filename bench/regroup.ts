// Benchmark: incremental grouping on a large casebook. Builds a casebook of --posts generated notices
// (text and casebook pages of scripts/gen-corpus, extracted as ingest extracts them) on each engine,
// drains the grouping queue once (the whole casebook indexed and linked: what a first regrouping or a
// migrated casebook costs), then measures what a user waits for:
//   - regrouping after ingesting one more file (new notices, some of them follow-ups of stored ones);
//   - regrouping after a person's correction of a notice's organisation or dates.
// Each is wall and CPU time of the regrouping alone, median and max of --trials. Then, for
// --stall-seconds, what a server's event loop goes through: corrections (as the review form makes
// them), files ingested one at a time (as an upload), incident pages read all the while; the largest
// event-loop delay (perf_hooks.monitorEventLoopDelay) is the longest any request could have waited.
// Prints; never fails.
//   npm run bench:regroup [-- --posts 100000 --engines sqlite,postgres --trials 20 --stall-seconds 60]
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openCasebook, type Casebook } from '../src/app/casebook.ts';
import { ingestPaths } from '../src/app/ingest.ts';
import { drainGrouping, type GroupingProgress } from '../src/app/regroup.ts';
import { correctValue } from '../src/app/review.ts';
import { createApp } from '../src/server/app.ts';
import { withBenchPostgres } from './bench-postgres.ts';
import { traceStatements, type StatementTrace } from './statement-trace.ts';
import { extractDocument, EXTRACTOR_VERSION } from '../src/extract/extract.ts';
import { decodeText } from '../src/sources/decode-text.ts';
import type { DocumentToIngest } from '../src/store/store.ts';
import { generateCorpus } from '../scripts/gen-corpus/corpus.ts';
import { Rng } from '../scripts/gen-corpus/prng.ts';

const args = z.object({
  posts: z.coerce.number().int().min(100).max(2_000_000).default(100_000),
  engines: z.string().default('sqlite,postgres').transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.enum(['sqlite', 'postgres'])).min(1)),
  trials: z.coerce.number().int().min(1).max(1000).default(20),
  seed: z.coerce.number().int().min(0).default(7),
  'stall-seconds': z.coerce.number().int().min(0).max(3600).default(60),
  'drain-every': z.coerce.boolean().default(false),
  trace: z.coerce.boolean().default(false),
  // SQLite only: keep the casebook as built and first regrouped (--keep FILE), or start from one so kept (--from FILE).
  keep: z.string().optional(),
  from: z.string().optional(),
}).parse(parseArgs({ options: {
  keep: { type: 'string' }, from: { type: 'string' },
  posts: { type: 'string' }, engines: { type: 'string' }, trials: { type: 'string' }, seed: { type: 'string' }, 'stall-seconds': { type: 'string' },
  'drain-every': { type: 'boolean' },
  trace: { type: 'boolean' },
} }).values);

const log = (s: string) => process.stderr.write(`[regroup ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const ms = (n: number) => n.toFixed(1);

interface Held { item: DocumentToIngest; name: string; bytes: Uint8Array }

/** Documents of the generated corpus as ingest reads them; PDFs and HTML are left to the ingest bench. */
function* documents(posts: number, seed: number): Generator<Held> {
  for (const file of generateCorpus({ posts, seed })) {
    if (file.format === 'pdf' || file.format === 'html') continue;
    const { text, encoding } = decodeText(file.bytes);
    const notices = extractDocument(text).map(({ post, record }, ordinal) => ({
      ordinal, start: post.start, end: post.end, text: post.text, record, extractorVersion: EXTRACTOR_VERSION,
    }));
    yield {
      item: {
        doc: { sha256: createHash('sha256').update(file.bytes).digest('hex'), source: file.name, mediaType: 'text/plain', encoding, byteLength: file.bytes.length, text },
        notices,
      },
      name: file.name, bytes: file.bytes,
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

let sqlitePath = '';

async function withEngine<T>(engine: 'sqlite' | 'postgres', work: (casebook: Casebook) => Promise<T>): Promise<T> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-regroup-'));
    sqlitePath = join(dir, 'casebook.db');
    if (args.from) copyFileSync(args.from, sqlitePath);
    const casebook = await openCasebook(join(dir, 'casebook.db'));
    try {
      return await work(casebook);
    } finally {
      await casebook.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return withBenchPostgres('jikenbo_bench_regroup', async (url) => {
    const casebook = await openCasebook(url);
    try {
      return await work(casebook);
    } finally {
      await casebook.close();
    }
  });
}

/**
 * The server's side of --stall-seconds of use: the same app functions its routes call, on its one
 * event loop, with page reads through the app itself. Returns the loop's delays and what was done.
 */
async function stallPhase(casebook: Casebook, files: Held[], seconds: number, rng: Rng): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-stall-'));
  const app = createApp(casebook, { publicRead: true });
  const { store } = casebook;
  const ids = (await store.listIncidents({ limit: 300 })).flatMap((i) => i.members.map((m) => m.noticeId));
  const incidents = (await store.listIncidents({ limit: 300 })).map((i) => i.id);
  // Warm: the first of each kind of request loads its modules (and, run from TypeScript, compiles them).
  const [first, ...rest] = files;
  if (first) {
    const path = join(dir, 'warm-up.txt');
    writeFileSync(path, first.bytes);
    await ingestPaths([path], casebook);
  }
  await correctValue(store, { target: 'notice', id: ids[0]!, field: 'disclosure_date', value: '2025-02-03', by: 'bench' });
  await (await app.request(`http://localhost/incidents/${incidents[0]}`)).arrayBuffer();
  files = rest;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const until = performance.now() + seconds * 1000;
  const done = { corrections: 0, ingests: 0, pages: 0, errors: 0 };
  const slowest = { ms: 0, what: '' };
  const note = (ms: number, what: string) => {
    if (ms > slowest.ms) Object.assign(slowest, { ms, what });
  };
  const slowestStep = { ms: 0, what: '' };
  const onProgress = (p: GroupingProgress) => {
    note(p.stepMs, `grouping step (${p.stage}, ${p.items} items)`);
    if (p.stepMs > slowestStep.ms) Object.assign(slowestStep, { ms: p.stepMs, what: `${p.stage}, ${p.items} items` });
  };
  let slowestPage = 0;
  let slowestGc = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) slowestGc = Math.max(slowestGc, e.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  delay.enable();
  const corrections = (async () => {
    while (performance.now() < until) {
      const id = ids[rng.int(0, ids.length - 1)]!;
      const field = done.corrections % 2 === 0 ? 'organization' : 'disclosure_date';
      const value = field === 'organization' ? `株式会社訂正${rng.int(0, 50)}` : `2025-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
      await correctValue(store, { target: 'notice', id, field, value, by: 'bench' }, { onProgress }).then(() => done.corrections++, (err: unknown) => {
        done.errors++;
        log(`correction of notice ${id} failed: ${err instanceof Error ? err.message : String(err)}`);
      });
      await sleep(200);
    }
  })();
  const ingests = (async () => {
    for (const file of files) {
      if (performance.now() >= until) break;
      const path = join(dir, file.name.replaceAll('/', '_'));
      writeFileSync(path, file.bytes);
      const started = performance.now();
      await ingestPaths([path], casebook, { onGrouping: onProgress }).then((r) => {
        if (r.failures.length > 0) log(`ingest of ${file.name} failed: ${r.failures.map((f) => f.reason).join('; ')}`);
        done.ingests++;
      }, (err: unknown) => {
        done.errors++;
        log(`ingest of ${file.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      });
      note(performance.now() - started, `whole ingest of one file (${file.name})`);
      await sleep(1000);
    }
  })();
  const pages = Promise.all([0, 1].map(async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const res = await app.request(`http://localhost/incidents/${incidents[rng.int(0, incidents.length - 1)]}`);
      await res.arrayBuffer();
      slowestPage = Math.max(slowestPage, performance.now() - started);
      // 301: the incident was merged into another by a correction meanwhile, and its page moved there.
      if (res.status === 200 || res.status === 301) done.pages++;
      else {
        done.errors++;
        log(`page ${res.url}: ${res.status}`);
      }
      // As requests arrive from sockets: one each turn of the loop, not a chain of promises that starves timers.
      await new Promise((r) => setImmediate(r));
    }
  }));
  await Promise.all([corrections, ingests, pages]);
  delay.disable();
  gc.disconnect();
  rmSync(dir, { recursive: true, force: true });
  const msOf = (ns: number) => (ns / 1e6).toFixed(0);
  return `| event loop over ${seconds} s of use (${done.corrections} corrections, ${done.ingests} files ingested, ${done.pages} pages, ${done.errors} errors) | ` +
    `max delay ${msOf(delay.max)} ms | p99 ${msOf(delay.percentile(99))} ms | mean ${msOf(delay.mean)} ms | longest step: ${slowest.what} ${slowest.ms.toFixed(0)} ms; longest grouping step ${slowestStep.ms.toFixed(0)} ms (${slowestStep.what}); slowest page ${slowestPage.toFixed(0)} ms; longest GC pause ${slowestGc.toFixed(0)} ms |`;
}

const rows: string[] = [];
for (const engine of args.engines) {
  await withEngine(engine, async (casebook) => {
    const { store } = casebook;
    // Held back: files ingested one at a time once the casebook is built.
    const held: Held[] = [];
    let batch: DocumentToIngest[] = [];
    let posts = 0;
    const drains: Timing[] = [];
    const drainStages = { index: 0, link: 0, plan: 0 };
    const buildTrace: StatementTrace | null = args.trace && args['drain-every'] ? traceStatements(engine) : null;
    let loggedAt = 0;
    const rng = new Rng(args.seed);
    const build = await timed(async () => {
      // PDFs and HTML pages are left out: generate enough others for --posts stored.
      for (const held1 of documents(Math.ceil(args.posts * 1.35), args.seed)) {
        if (posts >= args.posts) break;
        if (held.length < args.trials + args['stall-seconds'] && rng.int(0, 99) === 0) {
          held.push(held1);
          continue;
        }
        batch.push(held1.item);
        posts += held1.item.notices.length;
        // Started from a kept casebook: the same files are generated (for the same held-back ones), not stored.
        if (args.from) {
          batch = [];
          continue;
        }
        if (batch.length >= 500) {
          await store.ingestDocuments(batch);
          batch = [];
          // As an ingest does: the batch regrouped after it (else once, below, as a migrated casebook is).
          if (args['drain-every']) {
            const stages = { index: 0, link: 0, plan: 0, wait: 0 };
            buildTrace?.start();
            const t = await timed(() => drainGrouping(store, { onProgress: (p) => { stages[p.stage] += p.stepMs; } }));
            buildTrace?.stop();
            drains.push(t);
            for (const stage of ['index', 'link', 'plan'] as const) drainStages[stage] += stages[stage];
            if (t.wallMs > 3000) log(`${engine}: the regrouping after the batch ending at ${posts} posts took ${(t.wallMs / 1000).toFixed(1)} s (index ${stages.index} ms, link ${stages.link} ms, plan ${stages.plan} ms)`);
          }
          if (Math.floor(posts / 10_000) > Math.floor(loggedAt / 10_000)) log(`${engine}: ${posts} posts stored; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
          loggedAt = posts;
        }
      }
      if (batch.length > 0) await store.ingestDocuments(batch);
    });
    if (buildTrace) log(`${engine}: statements of the regroupings while building:\n${buildTrace.report()}`);
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
    if (args.keep && engine === 'sqlite') {
      const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
      await source.backup(args.keep);
      source.close();
      log(`${engine}: casebook kept in ${args.keep}`);
    }
    log(`${engine}: first regrouping ${(first.wallMs / 1000).toFixed(1)} s: ${summaryAfter.incidents} incidents, ${summaryAfter.linkedNotices} linked notices`);

    const trace: StatementTrace | null = args.trace ? traceStatements(engine) : null;
    const ingestOne: Timing[] = [];
    for (const { item } of held.slice(0, args.trials)) {
      await store.ingestDocuments([item]);
      trace?.start();
      ingestOne.push(await timed(() => drainGrouping(store)));
      trace?.stop();
    }
    if (trace) log(`${engine}: statements of ${ingestOne.length} regroupings after one file:\n${trace.report()}`);
    const corrections: Timing[] = [];
    const snapshotIds = (await store.listIncidents({ limit: 500 })).flatMap((i) => i.members.map((m) => m.noticeId));
    for (let t = 0; t < args.trials; t++) {
      const id = snapshotIds[rng.int(0, snapshotIds.length - 1)]!;
      const [notice] = await store.loadLinkable([id], false);
      const field = t % 2 === 0 ? 'organization' : 'disclosure_date';
      const oldValue = notice!.record[field];
      const newValue = field === 'organization' ? `${oldValue ?? ''}（訂正）` : '2025-01-15';
      await store.addCorrection({ target: 'notice', targetId: id, field, oldValue, newValue, by: 'bench' });
      trace?.start();
      corrections.push(await timed(() => drainGrouping(store)));
      trace?.stop();
    }
    if (trace) log(`${engine}: statements of ${corrections.length} regroupings after a correction:\n${trace.report()}`);
    if (drains.length > 0) {
      rows.push(summary(`regroup after each batch of 500 files while building (${drains.length} batches)`, drains));
      const total = drains.reduce((sum, t) => sum + t.wallMs, 0);
      rows.push(`| regroups while building, in all: ${(total / 1000).toFixed(1)} s wall (index ${(drainStages.index / 1000).toFixed(1)} s, link ${(drainStages.link / 1000).toFixed(1)} s, plan ${(drainStages.plan / 1000).toFixed(1)} s) | | | | |`);
    }
    rows.push(`| **${engine}**, ${posts.toLocaleString('en-US')} posts, built in ${(build.wallMs / 1000).toFixed(0)} s | first regrouping ${(first.wallMs / 1000).toFixed(1)} s wall, ${(first.cpuMs / 1000).toFixed(1)} s CPU | | | |`);
    rows.push(summary(`regroup after ingesting one file (${ingestOne.length} trials)`, ingestOne));
    rows.push(summary(`regroup after a correction (${corrections.length} trials)`, corrections));
    if (args['stall-seconds'] > 0) rows.push(await stallPhase(casebook, held.slice(args.trials), args['stall-seconds'], rng));
  });
}
console.log(`\n| measure | median wall ms | max wall ms | median CPU ms | max CPU ms |\n|---|---|---|---|---|\n${rows.join('\n')}`);
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
