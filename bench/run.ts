// `npm run bench [-- --posts N] [--engines sqlite,postgres] [--only ingest,search]`: generates (or reuses) a corpus
// under .tmp/, measures extraction, ingest, search (against ripgrep), the server under load and its memory, prints a
// table and appends it to BENCHMARKS.md. It reports figures against the targets of issue 9 and never fails for slowness.
// --only picks parts (extract, ingest, search, load, quality, grouping; load needs ingest, and search without ingest measures
// the stores an earlier run left, and so does load); --readers sets ingest's reader threads (default: one per core);
// --group-later measures `ingest --group-later` (grouping left queued, then done by the regroup after it), which
// the ingest targets do not judge.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeCorpus, type CorpusManifest } from '../scripts/gen-corpus/main.ts';
import { GENERATOR_VERSION } from '../scripts/gen-corpus/corpus.ts';
import { TARGET_PRECISION, TARGET_RECALL, describeGroupingScore, loadGroupingSet, scoreGroupingSet } from './grouping-set.ts';
import { loadTest, type LoadFigures } from './load-test.ts';
import type { ExtractFigures } from './measure-extract.ts';
import type { IngestFigures } from './measure-ingest.ts';
import type { QueryTiming } from './measure-search.ts';
import { QUERIES } from './queries.ts';
import { ripgrepSearch, ripgrepVersion } from './ripgrep.ts';
import { runWorker } from './worker.ts';

const argsSchema = z.object({
  posts: z.coerce.number().int().min(10).max(10_000_000).default(100_000),
  seed: z.coerce.number().int().min(0).default(1),
  engines: z.string().default('sqlite,postgres').transform((s) => s.split(',').map((e) => e.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['sqlite', 'postgres'])).min(1)),
  duration: z.coerce.number().int().min(1).max(600).default(30),
  connections: z.coerce.number().int().min(1).max(1000).default(50),
  'quality-sample': z.coerce.number().int().min(0).max(5000).default(200),
  profile: z.boolean().default(false),
  'no-load': z.boolean().default(false),
  'no-append': z.boolean().default(false),
  only: z.string().optional().transform((s) => (s === undefined ? null : new Set(s.split(',').map((p) => p.trim()).filter(Boolean))))
    .pipe(z.set(z.enum(['extract', 'ingest', 'search', 'load', 'quality', 'grouping'])).nullable()),
  readers: z.coerce.number().int().min(0).max(64).optional(),
  'group-later': z.boolean().default(false),
  'load-mode': z.enum(['fixed', 'varied', 'both']).default('both'),
});

const { values } = parseArgs({
  options: {
    posts: { type: 'string' }, seed: { type: 'string' }, engines: { type: 'string' }, duration: { type: 'string' },
    connections: { type: 'string' }, 'quality-sample': { type: 'string' }, profile: { type: 'boolean' },
    'no-load': { type: 'boolean' }, 'no-append': { type: 'boolean' }, only: { type: 'string' }, readers: { type: 'string' },
    'load-mode': { type: 'string' }, 'group-later': { type: 'boolean' },
  },
});
const parsedArgs = argsSchema.safeParse(values);
if (!parsedArgs.success) {
  const issue = parsedArgs.error.issues[0]!;
  console.error(`bench: --${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const opt = parsedArgs.data;
const part = (name: 'extract' | 'ingest' | 'search' | 'load' | 'quality' | 'grouping') => opt.only === null || opt.only.has(name);
const log = (s: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const lines: string[] = []; // the report, in Markdown
const out = (s = '') => {
  lines.push(s);
  process.stdout.write(s + '\n');
};
const fmt = (n: number | null | undefined, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
/** Issue 17's ingest figures: posts a second on a quiet machine, and the share of the floor measured in the same run. */
const INGEST_TARGET = { sqlite: 600, postgres: 400 } as const;
const FLOOR_SHARE_TARGET = 0.8;
const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (p / 100) * (s.length - 1);
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
}
function duSize(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((a, f) => a + duSize(join(path, f)), 0);
}

// --- corpus -------------------------------------------------------------------------------------------------
const work = resolve('.tmp', `bench-${opt.posts}-s${opt.seed}`);
const corpusDir = join(work, 'corpus');
const manifestPath = join(corpusDir, 'manifest.json');
let manifest: CorpusManifest | null = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest) : null;
if (!manifest || manifest.generatorVersion !== GENERATOR_VERSION || manifest.posts < opt.posts) {
  log(`generating ${opt.posts} posts into ${corpusDir}`);
  rmSync(work, { recursive: true, force: true });
  manifest = await writeCorpus({ posts: opt.posts, out: corpusDir, seed: opt.seed }, (p) => p % 20_000 < 50 && log(`  ${p} posts`));
} else {
  log(`reusing the corpus in ${corpusDir}`);
}

const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
const machine = `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start (the machine is shared), ${cpus().length} cores (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
out(`## ${new Date().toISOString().slice(0, 10)} — ${fmt(opt.posts)} posts`);
out();
out(`- command: \`${command}\``);
out(`- machine: ${machine}`);
out(`- corpus: ${fmt(manifest.posts)} posts in ${fmt(manifest.files)} files, ${(manifest.bytes / 1e6).toFixed(0)} MB, seed ${manifest.seed}; formats ${JSON.stringify(manifest.formats)}; encodings ${JSON.stringify(manifest.encodings)}`);
out();
const targets: string[] = [];

// --- extraction ---------------------------------------------------------------------------------------------
const textDir = join(work, 'posts-utf8');
const profDir = join(work, 'profiles');
const nodeFlags = (name: string) => (opt.profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
if (part('extract')) {
  log('extraction (decoding every file, timing extraction alone)');
  const ex = (await runWorker<ExtractFigures>('bench/measure-extract.ts', ['--dir', corpusDir, '--text-out', textDir], { nodeFlags: nodeFlags('extract') })).result;
  const extractRate = ex.posts / (ex.extractMs / 1000);
  out('### Extraction (one core)');
  out();
  out('| measure | figure |');
  out('|---|---|');
  out(`| posts extracted | ${fmt(ex.posts)} from ${fmt(ex.files)} files (${ex.failures} files failed to decode) |`);
  out(`| extraction | **${fmt(extractRate)} posts/s** (${(ex.chars / 1e6 / (ex.extractMs / 1000)).toFixed(1)} M chars/s) |`);
  for (const [type, ms] of Object.entries(ex.decodeMs)) out(`| decoding ${type} | ${fmt((ex.decodedFiles[type] ?? 0) / (ms / 1000))} files/s |`);
  out();
  targets.push(`| extraction ≥ 2,000 posts/s, one core | ${fmt(extractRate)} posts/s | ${verdict(extractRate >= 2000)} |`);
}

// --- ingest and search per engine ---------------------------------------------------------------------------
const queriesPath = join(work, 'queries.json');
writeFileSync(queriesPath, JSON.stringify(QUERIES));
let sqliteDb: string | null = null;
const searchByEngine = new Map<string, QueryTiming[]>();

async function postgresUrl(): Promise<{ url: string; floorUrl: string; stop: () => void } | { skip: string }> {
  if (!existsSync('src/store/postgres')) return { skip: 'src/store/postgres does not exist yet' };
  if (!/postgres/.test(readFileSync('src/app/casebook.ts', 'utf8'))) return { skip: 'openCasebook (src/app/casebook.ts) does not open postgres:// URLs yet (issue 8 in progress)' };
  if (!existsSync('test/helpers/postgres-global-setup.ts')) return { skip: 'no test/helpers/postgres-global-setup.ts to start a private cluster' };
  try {
    // The PG engineer's vitest global setup starts a private cluster (or uses DATABASE_URL); reused as is.
    const setup = (await import('../test/helpers/postgres-global-setup.ts')).default as unknown as (p: { provide: (k: string, v: string) => void }) => Promise<() => void>;
    let admin = '';
    const stop = await setup({ provide: (k, v) => { if (k === 'postgresAdminUrl') admin = v; } });
    const db = `jikenbo_bench_${Date.now()}`;
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${db}`);
    // The storing floor (measure-ingest.ts) stores the same files into a database of its own.
    await client.query(`CREATE DATABASE ${db}_floor`);
    await client.end();
    return { url: admin.replace(/\/[^/]*$/, `/${db}`), floorUrl: admin.replace(/\/[^/]*$/, `/${db}_floor`), stop };
  } catch (err) {
    return { skip: `could not start PostgreSQL: ${(err as Error).message.split('\n')[0]}` };
  }
}

for (const engine of part('ingest') ? opt.engines : []) {
  let target: string;
  let floorTarget: string;
  let stopPg: (() => void) | null = null;
  if (engine === 'sqlite') {
    const dir = join(work, 'sqlite');
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(work, 'sqlite-floor'), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    mkdirSync(join(work, 'sqlite-floor'), { recursive: true });
    target = join(dir, 'jikenbo.db');
    floorTarget = join(work, 'sqlite-floor', 'jikenbo.db');
  } else {
    const pg = await postgresUrl();
    if ('skip' in pg) {
      out(`### Ingest and search — PostgreSQL`);
      out();
      out(`Skipped: ${pg.skip}.`);
      out();
      targets.push(`| ingest ≥ ${fmt(INGEST_TARGET.postgres)} posts/s on PostgreSQL | not measured | skipped (${pg.skip}) |`);
      continue;
    }
    target = pg.url;
    floorTarget = pg.floorUrl;
    stopPg = pg.stop;
  }
  try {
    log(`ingest into ${engine}`);
    const ingestArgs = [...(opt.readers === undefined ? [] : ['--readers', String(opt.readers)]), ...(opt['group-later'] ? ['--group-later'] : [])];
    const ing = (await runWorker<IngestFigures>('bench/measure-ingest.ts', ['--dir', corpusDir, '--db', target, '--floor-db', floorTarget, ...ingestArgs], { nodeFlags: nodeFlags(`ingest-${engine}`) })).result;
    const rate = ing.posts / (ing.totalMs / 1000);
    const rateFiles = ing.posts / (ing.filesMs / 1000);
    const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    out(`### Ingest and search — ${name}`);
    out();
    out('| measure | figure |');
    out('|---|---|');
    if (ing.groupLater) out('`ingest --group-later`: the grouping is left queued and done by the regroup after the ingest (its row below); the targets do not judge this ingest.\n');
    out(`| ingest, files to a searchable store${ing.groupLater ? ', grouping left for later' : ''} | **${fmt(rate)} posts/s** (${fmt(ing.posts)} posts, ${fmt(ing.files)} files, ${ing.failures} failed, ${(ing.totalMs / 1000).toFixed(1)} s) |`);
    out(`| of which reading, decoding, extracting, storing files | ${(ing.filesMs / 1000).toFixed(1)} s (${fmt(rateFiles)} posts/s) |`);
    out(`| reader threads; CPU time of the ingest process | ${ing.readers}; ${(ing.cpuMs / 1000).toFixed(1)} s (${(ing.cpuMs / ing.posts).toFixed(2)} ms per post) |`);
    out(`| load average before → after the ingest | ${ing.loadBefore.map((l) => l.toFixed(1)).join(' ')} → ${ing.loadAfter.map((l) => l.toFixed(1)).join(' ')} |`);
    if (ing.readerCpuMs !== null) {
      out(`| CPU time of the reader processes | ${(ing.readerCpuMs / 1000).toFixed(1)} s (${(ing.readerCpuMs / ing.posts).toFixed(2)} ms per post); all processes ${((ing.cpuMs + ing.readerCpuMs) / ing.posts).toFixed(2)} ms per post |`);
    }
    if (ing.serverCpuMs !== null && ing.serverCpuMs !== undefined) {
      out(`| CPU time of the database server (regroup included) | ${(ing.serverCpuMs / 1000).toFixed(1)} s (${(ing.serverCpuMs / ing.posts).toFixed(2)} ms per post) |`);
    }
    if (ing.floor) {
      const f = ing.floor;
      out(`| floor: decoding and extracting alone, one core | ${f.decodeCpuPerPost.toFixed(2)} ms CPU per post (${(f.decodeMs / 1000).toFixed(1)} s) |`);
      const server = f.storeServerCpuPerPost ?? null;
      out(`| floor: archiving and storing alone (no regroup) | ${f.storeCpuPerPost.toFixed(2)} ms CPU per post${server === null ? '' : `, and ${server.toFixed(2)} ms of the database server's`} (${(f.storeMs / 1000).toFixed(1)} s) |`);
      out(`| floor on ${f.cores} cores: ${f.cores} / (decode + store${server === null ? '' : ' + server'}) | **${fmt(f.postsPerSecond)} posts/s** (load average before it ${f.loadBefore.map((l) => l.toFixed(1)).join(' ')})${server === null ? '' : `; ${fmt(f.clientPostsPerSecond)} without the server's CPU, as counted before`} |`);
      out(`| ingest / floor | **${(rateFiles / f.postsPerSecond).toFixed(2)}** without the regroup, ${(rate / f.postsPerSecond).toFixed(2)} with it${server === null ? '' : ` (${(rate / f.clientPostsPerSecond).toFixed(2)} with it against the floor without the server's CPU)`} |`);
      // Not the issue's floor, which leaves grouping out: what grouping alone costs on the same notices, so
      // that what the ingest spends beyond the floor can be told apart from grouping's own work.
      const groupServer = f.groupServerCpuPerPost ?? null;
      out(`| grouping alone, after the floor's storing: every notice indexed, linked and planned once | ${f.groupCpuPerPost.toFixed(2)} ms CPU per post${groupServer === null ? '' : `, and ${groupServer.toFixed(2)} ms of the database server's`} (${(f.groupMs / 1000).toFixed(1)} s) |`);
      const withGrouping = (f.cores * 1000) / (f.decodeCpuPerPost + f.storeCpuPerPost + (server ?? 0) + f.groupCpuPerPost + (groupServer ?? 0));
      out(`| the floor with grouping: ${f.cores} / (decode + store + grouping${server === null ? '' : ', the server\'s included'}) | ${fmt(withGrouping)} posts/s; ingest / it ${(rate / withGrouping).toFixed(2)} |`);
    }
    out(`| of which regrouping incidents once after the batch | ${(ing.regroupMs / 1000).toFixed(1)} s |`);
    out(ing.groupLater
      ? `| the grouping left for later, done after the ingest | ${(ing.regroupAgainMs / 1000).toFixed(1)} s, ${fmt(ing.incidents)} incidents; ingest and it together ${fmt(ing.posts / ((ing.totalMs + ing.regroupAgainMs) / 1000))} posts/s |`
      : `| one more regroup alone (what every later batch pays) | ${(ing.regroupAgainMs / 1000).toFixed(1)} s, ${fmt(ing.incidents)} incidents |`);
    if (engine === 'sqlite') {
      const dir = join(work, 'sqlite');
      const dbBytes = ['jikenbo.db', 'jikenbo.db-wal', 'jikenbo.db-shm'].reduce((a, f) => a + duSize(join(dir, f)), 0);
      const archiveBytes = duSize(join(dir, 'jikenbo-archive'));
      out(`| store size per 1,000 posts | ${(dbBytes / ing.posts / 1000).toFixed(1)} MB database + ${(archiveBytes / ing.posts / 1000).toFixed(1)} MB archive of originals (${(dbBytes / 1e6).toFixed(0)} MB + ${(archiveBytes / 1e6).toFixed(0)} MB in all) |`);
      sqliteDb = target;
    }
    for (const f of ing.failureSamples) out(`| failure | ${f.replace(/\|/g, '/')} |`);
    out();
    // An ingest that left its grouping for later is not the ingest the targets are about.
    const judge = (met: boolean) => (ing.groupLater ? 'not judged (grouping left for later)' : verdict(met));
    targets.push(`| ingest ≥ ${fmt(INGEST_TARGET[engine])} posts/s on ${name} | ${fmt(rate)} posts/s (${fmt(rateFiles)} without the regroup) | ${judge(rate >= INGEST_TARGET[engine])} |`);
    if (ing.floor) {
      const ratio = rate / ing.floor.postsPerSecond;
      targets.push(`| ingest ≥ ${FLOOR_SHARE_TARGET} of the floor on ${name} | ${ratio.toFixed(2)} (${fmt(rate)} of ${fmt(ing.floor.postsPerSecond)} posts/s) | ${judge(ratio >= FLOOR_SHARE_TARGET)} |`);
    }

    if (!part('search')) continue;
    log(`search on ${engine}`);
    const timings = (await runWorker<QueryTiming[]>('bench/measure-search.ts', ['--db', target, '--queries', queriesPath, '--runs', '7'])).result;
    searchByEngine.set(engine, timings);
  } finally {
    stopPg?.();
  }
}

// --- search alone, on the stores an earlier run left (--only search, without ingest) ----------------------------
// SQLite: the casebook in .tmp/bench-N-sS/sqlite/; PostgreSQL: the database DATABASE_URL names (the bench's own
// cluster goes with its run). Ingesting 100,000 posts again takes longer than measuring their search.
if (part('search') && !part('ingest')) {
  for (const engine of opt.engines) {
    const target = engine === 'sqlite' ? join(work, 'sqlite', 'jikenbo.db') : process.env.DATABASE_URL;
    if (!target || (engine === 'sqlite' && !existsSync(target))) {
      out(`Search on ${engine} skipped: no store from an earlier run (${engine === 'sqlite' ? `no ${target}` : 'set DATABASE_URL'}).\n`);
      continue;
    }
    log(`search on ${engine}, in the store of an earlier run`);
    const timings = (await runWorker<QueryTiming[]>('bench/measure-search.ts', ['--db', target, '--queries', queriesPath, '--runs', '7'])).result;
    searchByEngine.set(engine, timings);
  }
}

// --- search against ripgrep ---------------------------------------------------------------------------------
const rg = existsSync(textDir) ? ripgrepVersion() : null;
if (!existsSync(textDir) && searchByEngine.size > 0) out('The comparison with rg reads the posts the extraction part decodes: run it once (`--only extract`).\n');
else if (!rg && searchByEngine.size > 0) out('ripgrep (`rg`) is not installed, so the comparison is left out: install it with `apt-get install -y ripgrep`.\n');
for (const [engine, timings] of searchByEngine) {
  out(`### Search — ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, 20 queries, 7 timed runs each after a warm-up (limit 50)`);
  out();
  out(`| query | filters | store median ms | store p95 ms | hits (≤50) | rg median ms | rg files | rg ÷ store |`);
  out('|---|---|---|---|---|---|---|---|');
  const all: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < timings.length; i++) {
    const t = timings[i]!;
    const q = QUERIES[i]!;
    all.push(...t.ms);
    let rgCell = '—';
    let rgFiles = '—';
    let ratio = '—';
    if (rg) {
      const runs = [0, 1, 2].map(() => ripgrepSearch(q.text, textDir));
      const rgMs = median(runs.map((r) => r.ms));
      rgCell = fmt(rgMs, 0);
      rgFiles = fmt(runs[0]!.files);
      const r = rgMs / median(t.ms);
      ratios.push(r);
      ratio = `${fmt(r, 1)}×`;
    }
    out(`| ${q.text} (${t.label}) | ${q.filters ? Object.entries(q.filters).map(([k, v]) => `${k}=${v}`).join(' ') : ''} | ${fmt(median(t.ms), 1)} | ${fmt(percentile(t.ms, 95), 1)} | ${t.hits} | ${rgCell} | ${rgFiles} | ${ratio} |`);
  }
  const p50 = median(all);
  const p95 = percentile(all, 95);
  out(`| **all queries** | | **${fmt(p50, 1)}** | **${fmt(p95, 1)}** | | | | ${ratios.length ? `min ${fmt(Math.min(...ratios), 1)}×, median ${fmt(median(ratios), 1)}×` : ''} |`);
  out();
  targets.push(`| search p95 ≤ 30 ms (${engine}) | ${fmt(p95, 1)} ms (median ${fmt(p50, 1)}) | ${verdict(p95 <= 30)} |`);
  if (ratios.length) targets.push(`| search ≥ 10× faster than rg, every query (${engine}) | slowest ratio ${fmt(Math.min(...ratios), 1)}×, median ${fmt(median(ratios), 1)}× | ${verdict(Math.min(...ratios) >= 10)} |`);
}

// --- the server under load ----------------------------------------------------------------------------------
// Without ingest in this run, the SQLite casebook an earlier run left in .tmp/bench-N-sS/sqlite/ is served.
if (!sqliteDb && !part('ingest') && existsSync(join(work, 'sqlite', 'jikenbo.db'))) sqliteDb = join(work, 'sqlite', 'jikenbo.db');
// --load-mode: fixed (the same URL again and again: the response cache answers), varied (another word,
// page, incident or dashboard filter every request: cache misses, bench/varied-urls.ts), or both.
const loadModes = opt['load-mode'] === 'both' ? (['fixed', 'varied'] as const) : [opt['load-mode']];
for (const mode of !opt['no-load'] && part('load') && sqliteDb ? loadModes : []) {
  log(`server under load, ${mode} URLs`);
  let lf: LoadFigures | null = null;
  const loadBefore = loadavg();
  try {
    lf = await loadTest(sqliteDb!, { connections: opt.connections, duration: opt.duration, log, mode });
  } catch (err) {
    out(`The load test could not run: ${(err as Error).message.split('\n')[0]}\n`);
  }
  if (lf) {
    const avg = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
    out(`### Server under load, ${mode} URLs — \`jikenbo serve\` on SQLite, ${opt.connections} concurrent clients for ${opt.duration} s per route (autocannon, loopback)`);
    out();
    out(`Load average ${avg(loadBefore)} before, ${avg(loadavg())} after.`);
    out();
    out('| route | requests/s | median ms | p95 ms | errors | non-2xx |');
    out('|---|---|---|---|---|---|');
    for (const r of lf.routes) {
      if (r.status === 'skipped') out(`| ${r.route} | skipped: ${r.note} | | | | |`);
      else out(`| ${r.route} | ${fmt(r.requestsPerSecond)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${r.errors} | ${r.non2xx} |`);
    }
    out(`| resident memory of serve | at rest ${fmt(lf.restRssMb)} MB, peak under load ${fmt(lf.peakRssMb)} MB | | | | |`);
    out();
    for (const r of lf.routes.filter((x) => x.status === 'measured')) {
      // Issue 17's targets for varied URLs: 150 ms for pages and the API, 500 ms for a filtered dashboard.
      const limit = mode === 'fixed' ? 100 : r.route.startsWith('/dashboard') ? 500 : 150;
      targets.push(`| ${r.route} under load (${mode}): p95 ≤ ${limit} ms, no errors | p95 ${fmt(r.p95)} ms, ${fmt(r.requestsPerSecond)} req/s, ${r.errors} errors, ${r.non2xx} non-2xx | ${verdict((r.p95 ?? Infinity) <= limit && r.errors === 0 && r.non2xx === 0)} |`);
    }
    for (const r of lf.routes.filter((x) => x.status === 'skipped')) targets.push(`| ${r.route} under load (${mode}) | not measured | skipped: ${r.note} |`);
    targets.push(`| serve < 300 MB resident at rest, < 400 MB at peak (${mode}) | ${fmt(lf.restRssMb)} MB at rest, ${fmt(lf.peakRssMb)} MB peak | ${verdict((lf.restRssMb ?? Infinity) < 300 && (lf.peakRssMb ?? Infinity) < 400)} |`);
  }
}

// --- extraction quality on a sample, by shared/tools/score.mjs ------------------------------------------------
if (opt['quality-sample'] > 0 && part('quality')) {
  log(`extraction quality on a sample of ${opt['quality-sample']} files (score.mjs runs the CLI per file)`);
  // score.mjs reads each file as UTF-8 and rewrites it before running the CLI, so Shift_JIS, EUC-JP and PDF
  // files would reach the extractor garbled: the sample takes UTF-8 files only (text, HTML, casebook pages).
  const gold = readFileSync(join(corpusDir, 'expected.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string });
  const files = [...new Set(gold.map((g) => g.file))].filter((f) => /-utf-8(-bom)?\.(txt|html)$/.test(f));
  const step = Math.max(1, Math.floor(files.length / opt['quality-sample']));
  const chosen = new Set(files.filter((_, i) => i % step === 0).slice(0, opt['quality-sample']));
  const sampleDir = join(work, 'score-sample');
  rmSync(sampleDir, { recursive: true, force: true });
  mkdirSync(sampleDir, { recursive: true });
  for (const f of chosen) copyFileSync(join(corpusDir, f), join(sampleDir, f));
  const sampleGold = join(sampleDir, 'expected.jsonl');
  writeFileSync(sampleGold, gold.filter((g) => chosen.has(g.file)).map((g) => JSON.stringify(g)).join('\n') + '\n');
  const score = spawnSync(process.execPath, ['../shared/tools/score.mjs', '--gold', sampleGold, '--dir', sampleDir, '--verbose'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const scoreLines = score.stdout.split('\n');
  writeFileSync(join(work, 'score-verbose.txt'), score.stdout + score.stderr);
  out(`### Extraction quality — \`score.mjs\` on ${chosen.size} generated UTF-8 files (${gold.filter((g) => chosen.has(g.file)).length} posts)`);
  out();
  out('```');
  for (const l of scoreLines.filter((l) => l && !l.startsWith('  miss'))) out(l);
  out('```');
  out(`Each miss is listed in ${join(work, 'score-verbose.txt')}.`);
  out();
}

// --- incident grouping on the labelled set (eval/grouping) ------------------------------------------------------
if (part('grouping')) {
  log('incident grouping on the labelled set in eval/grouping');
  const { files } = loadGroupingSet();
  const g = scoreGroupingSet();
  out('### Incident grouping — labelled set `eval/grouping` (pairs of notices in one incident)');
  out();
  for (const l of describeGroupingScore(g, (id) => files[id - 1]!)) out(l);
  out();
  targets.push(`| grouping pairwise precision ≥ ${TARGET_PRECISION} | ${g.precision.toFixed(3)} | ${verdict(g.precision >= TARGET_PRECISION)} |`);
  targets.push(`| grouping pairwise recall ≥ ${TARGET_RECALL} | ${g.recall.toFixed(3)} | ${verdict(g.recall >= TARGET_RECALL)} |`);
}

out('### Targets');
out();
out('| target | measured | verdict |');
out('|---|---|---|');
for (const t of targets) out(t);
out();
if (opt.profile) out(`CPU profiles: ${profDir}\n`);

if (!opt['no-append']) {
  const file = 'BENCHMARKS.md';
  if (!existsSync(file)) {
    writeFileSync(file, '# Benchmarks\n\nFigures from `npm run bench` (bench/run.ts), newest last. Targets are those of issue 9; a slow machine prints a missed target, never a failure.\n\n');
  }
  appendFileSync(file, lines.join('\n') + '\n');
  log(`appended to ${file}`);
}
