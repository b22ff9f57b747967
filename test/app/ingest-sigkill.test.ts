// The real `jikenbo ingest` killed with SIGKILL at random moments, again and again, on both engines:
// during start-up, mid-batch, right after the k-th file is reported, while the archive or a transaction
// is being written (seen from outside: the archive folder and WAL, or pg_stat_activity), during the
// regroup at the end.
// After every kill `jikenbo check` passes, every file the killed run reported (`--log`) is stored with
// its original, and nothing is half-stored (each document holds all the notices a clean ingest gives
// it). A last, uninterrupted ingest stores the rest: every file exactly once, grouped as a clean
// ingest of the same files groups them.
//
// 20 kills per engine by default; JIKENBO_LONG_TESTS=1 kills 100 times over a folder big enough for
// reader threads. A seed drives the notices, their order and every kill; a failure prints it, and
// JIKENBO_KILL_SEED=N runs it again (the same plan, though a kill lands when the machine allows).

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus/corpus.ts';
import { Rng } from '../../scripts/gen-corpus/prng.ts';
import { openCasebook } from '../../src/app/casebook.ts';
import { ingestPaths, type FileOutcome } from '../../src/app/ingest.ts';
import { numberAudit, partition, takeCensus, type Census, type ReadQuery } from '../helpers/casebook-census.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const LONG = process.env.JIKENBO_LONG_TESTS === '1';
const KILLS = LONG ? 100 : 20;
// About two files for three posts: ~80 files short, ~1,200 long (over 1,000 at the first kill, so
// reader threads start).
const POSTS = LONG ? 1_800 : 120;
/** Share of the files in the folder at the first kill; the rest arrive a few per kill, the last ones just before the final run. */
const FIRST_SHARE = LONG ? 0.9 : 0.5;
const SEED = Number(process.env.JIKENBO_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
const BIN = resolve('bin/jikenbo.js');
// What the ingest sees of the environment: only --db says where the casebook is; originals of a
// PostgreSQL casebook go to its blobs table.
const ENV = { JIKENBO_ARCHIVE: '', JIKENBO_DB: '', DATABASE_URL: '' };

interface Target {
  db: string;
  /** Opens a reader (a fresh one each time, as a restarted process would see the casebook). */
  reader(): Promise<{ read: ReadQuery; close(): Promise<void> }>;
  /** Calls `seen` each time the casebook is seen being written (until the returned stop). */
  watchWrites(seen: () => void): Promise<() => Promise<void>>;
  /** How many sightings a run with a few new files gives, about: a 'writing' kill comes at one of them. */
  sightings: number;
  dispose(): Promise<void>;
}

// One folder for the file (a suite's own afterAll does not run when -t skips it).
const root = tempDir('jikenbo-sigkill-');
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.drop();
});

const ENGINES: Array<{ name: 'sqlite' | 'postgres'; create(dir: string): Promise<Target> }> = [
  {
    name: 'sqlite',
    async create(dir) {
      // A folder of its own: the database, its WAL and the archive of originals, nothing else.
      const home = join(dir, 'casebook');
      mkdirSync(home);
      const db = join(home, 'killed.db');
      return {
        db,
        sightings: 40,
        // An original's temp file made, linked or removed, a folder made, the WAL written (a commit).
        async watchWrites(seen) {
          const watcher = watch(home, { recursive: true }, seen);
          return async () => watcher.close();
        },
        async reader() {
          const handle = new Database(db, { readonly: true });
          return { read: async <T>(sql: string) => handle.prepare(sql).all() as T[], close: async () => { handle.close(); } };
        },
        dispose: async () => {},
      };
    },
  },
  {
    name: 'postgres',
    async create() {
      const database = await createTestDatabase('jikenbo_kill');
      databases.push(database);
      return {
        db: database.url,
        sightings: 8,
        // Another connection to this database inside a transaction: blobs or a batch being written,
        // a regrouping, a migration at start-up (polled; one look at a time).
        async watchWrites(seen) {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          let looking = false;
          const poll = setInterval(() => {
            if (looking) return;
            looking = true;
            client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
                AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND backend_type = 'client backend'`)
              .then((r) => { if ((r.rows[0] as { n: number }).n > 0) seen(); }, () => {})
              .finally(() => { looking = false; });
          }, 5);
          return async () => {
            clearInterval(poll);
            await client.end();
          };
        },
        async reader() {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          return { read: async <T>(sql: string) => (await client.query(sql)).rows as T[], close: () => client.end() };
        },
        dispose: () => database.drop(),
      };
    },
  },
];

/** When a run is killed. */
type KillPlan =
  | { at: 'start-up'; ms: number }        // this long after the process started
  | { at: 'mid-ingest'; ms: number }      // this long after the first file was reported
  | { at: 'report'; k: number }           // as soon as the k-th file is reported (the rest of its batch with it)
  | { at: 'writing'; n: number }          // the n-th time the casebook is seen being written: mid-archive, mid-commit
  | { at: 'regroup'; ms: number };        // this long after the last file was reported: regrouping, or closing

function planKill(rng: Rng, files: number, sightings: number): KillPlan {
  switch (rng.weighted([['start-up', 2], ['mid-ingest', 2], ['report', 2], ['writing', 3], ['regroup', 2]] as const)) {
    case 'start-up': return { at: 'start-up', ms: rng.int(0, 2_500) };
    case 'mid-ingest': return { at: 'mid-ingest', ms: rng.int(0, 1_500) };
    case 'report': return { at: 'report', k: rng.int(1, files) };
    case 'writing': return { at: 'writing', n: rng.int(1, sightings) };
    default: return { at: 'regroup', ms: rng.int(0, 40) };
  }
}

interface Run {
  killed: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the run wrote to its --log before it ended. */
  outcomes: FileOutcome[];
}

/** Complete lines only: a line is written in one write(2), but a kill may still cut the last one. */
function readLog(path: string): FileOutcome[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter(Boolean).map((l) => JSON.parse(l) as FileOutcome);
}

/** Starts `jikenbo ingest --log LOG FOLDER` and SIGKILLs it as planned (a run that ends first is left be). */
async function ingestAndKill(target: Target, folder: string, log: string, files: number, plan: KillPlan | null): Promise<Run> {
  writeFileSync(log, '', { flag: 'a' });
  let child: ChildProcess | null = null;
  const kill = () => child?.kill('SIGKILL');
  let writes = 0;
  // Watching from before the start: the first writes may be the schema's.
  const stopWatching = plan?.at === 'writing' ? await target.watchWrites(() => { if (++writes >= plan.n) kill(); }) : null;
  const proc = spawn(process.execPath, [BIN, 'ingest', '--db', target.db, '--log', log, folder], {
    env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    proc.on('close', (code, signal) => done({ code, signal }));
  });
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  if (plan?.at === 'start-up') timer = setTimeout(kill, plan.ms);
  else if (plan && plan.at !== 'writing') {
    poll = setInterval(() => {
      const reported = readFileSync(log, 'utf8').split('\n').length - 1;
      if (plan.at === 'report' && reported >= plan.k) kill();
      else if (timer === undefined && plan.at === 'mid-ingest' && reported >= 1) timer = setTimeout(kill, plan.ms);
      else if (timer === undefined && plan.at === 'regroup' && reported >= files) timer = setTimeout(kill, plan.ms);
    }, 5);
  }
  const { code, signal } = await ended;
  clearTimeout(timer);
  clearInterval(poll);
  await stopWatching?.();
  return { killed: signal === 'SIGKILL', code, stdout, stderr, outcomes: readLog(log) };
}

interface CorpusEntry {
  /** Its path in the folder (where the walk finds it: names are shuffled against the arrival order). */
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(ENGINES)('ingest killed with SIGKILL at random, then restarted ($name)', (engine) => {
  const dir = join(root, engine.name);

  it(`${KILLS} kills: check passes after each, nothing reported is lost, nothing half-stored, a last run completes it`, async () => {
    const started = performance.now();
    const rng = new Rng(SEED, engine.name === 'sqlite' ? 1 : 2);
    const generated = [...generateCorpus({ posts: POSTS, seed: SEED })];
    mkdirSync(dir);
    const folder = join(dir, 'inbox');
    const all = join(dir, 'all');
    mkdirSync(folder);
    mkdirSync(all);
    // The walk takes files by name: random prefixes put the files that arrive later anywhere in it.
    const places = rng.sample(generated.map((_, i) => i), generated.length);
    const corpus: CorpusEntry[] = generated.map((f, i) => {
      writeFileSync(join(all, f.name), f.bytes);
      return { path: join(folder, `${String(places[i]).padStart(5, '0')}-${f.name}`), bytes: f.bytes, sha256: sha256(f.bytes) };
    });
    const bySha = new Map(corpus.map((c) => [c.sha256, c]));
    const byPath = new Map(corpus.map((c) => [c.path, c]));
    expect(bySha.size).toBe(corpus.length);

    // What a clean ingest of the same files makes of them: notices per document, and the grouping.
    const reference = await referenceCensus(join(dir, 'reference.db'), all);
    const target = await engine.create(dir);

    const context = (what: string) => `seed ${SEED} (JIKENBO_KILL_SEED=${SEED} replays it), ${engine.name}, ${what}`;
    const reported = new Map<string, FileOutcome>();
    let present = 0;
    const arrive = (count: number) => {
      for (; present < count; present++) writeFileSync(corpus[present]!.path, corpus[present]!.bytes);
    };
    const first = Math.floor(corpus.length * FIRST_SHARE);
    const landed = { beforeAnyReport: 0, midIngest: 0, afterLastReport: 0, finishedFirst: 0 };

    let kills = 0;
    for (let run = 1; kills < KILLS; run++) {
      expect(run, context('runs keep ending before their kill')).toBeLessThanOrEqual(3 * KILLS);
      arrive(first + Math.floor(((corpus.length - first) * kills) / KILLS));
      const plan = planKill(rng, present, target.sightings);
      const what = `run ${run} (kill ${kills + 1} planned ${JSON.stringify(plan)}, ${present} files in the folder)`;
      const result = await ingestAndKill(target, folder, join(dir, `run-${run}.jsonl`), present, plan);
      if (result.killed) {
        kills++;
        const n = result.outcomes.length;
        if (n === 0) landed.beforeAnyReport++;
        else if (n < present) landed.midIngest++;
        else landed.afterLastReport++;
      } else {
        landed.finishedFirst++;
        expect({ code: result.code, stderr: result.stderr }, context(`${what} ended on its own`)).toEqual({ code: 0, stderr: '' });
        expect(result.outcomes, context(what)).toHaveLength(present);
      }
      for (const o of result.outcomes) {
        expect(o.status, context(`${what}: ${o.path} ${o.reason ?? ''}`)).not.toBe('failed');
        expect(byPath.has(o.path), context(`${what}: reported ${o.path}`)).toBe(true);
        reported.set(o.path, o);
      }
      const check = await jikenbo(['check', '--db', target.db], ENV);
      expect({ code: check.code, out: check.stdout + check.stderr }, context(`jikenbo check after ${what}`)).toMatchObject({ code: 0 });
      await expectWhole(target, context(`after ${what}`), { reported, bySha, byPath, reference });
    }

    // The last files arrive; one run without a kill stores whatever is still missing, and regroups. (An
    // ingest that stores nothing new does not regroup: notices of a run killed before its regroup stay
    // each in an incident of its own, which check accepts, until an ingest adds something.)
    arrive(corpus.length);
    const before = await withReader(target, (read) => read<{ sha256: string }>('SELECT sha256 FROM documents'));
    const stored = new Set(before.map((d) => d.sha256));
    const last = await ingestAndKill(target, folder, join(dir, 'final.jsonl'), corpus.length, null);
    expect({ code: last.code, stderr: last.stderr }, context('the final run')).toEqual({ code: 0, stderr: '' });
    expect(last.outcomes.map((o) => o.path).sort(), context('the final run reports every file once')).toEqual(corpus.map((c) => c.path).sort());
    for (const o of last.outcomes) {
      const expected = stored.has(byPath.get(o.path)!.sha256) ? 'duplicate' : 'new';
      expect(o.status, context(`the final run, ${o.path}`)).toBe(expected);
      reported.set(o.path, o);
    }
    expect(last.outcomes.some((o) => o.status === 'new'), context('files arrived for the final run')).toBe(true);
    const check = await jikenbo(['check', '--db', target.db], ENV);
    expect({ code: check.code, out: check.stdout + check.stderr }, context('jikenbo check after the final run')).toMatchObject({ code: 0 });
    const census = await expectWhole(target, context('after the final run'), { reported, bySha, byPath, reference });
    expect({ documents: census.documents, distinct: census.distinctSha256, notices: census.notices }, context('every file once'))
      .toEqual({ documents: corpus.length, distinct: corpus.length, notices: reference.notices });
    expect(partition(census), context('grouped as a clean ingest groups them')).toEqual(partition(reference));
    // Every incident numbered. A casebook page's own number may clash with one handed out before the page
    // came (as in any order of ingest); numbers handed out are unique, which check's casebook_numbers verifies.
    expect(numberAudit(census).unnumbered, context('every incident numbered')).toEqual([]);

    await target.dispose();
    console.log(`ingest SIGKILL (${engine.name}, seed ${SEED}): ${corpus.length} files, ${kills} kills ` +
      `(${landed.beforeAnyReport} before any file was reported, ${landed.midIngest} mid-ingest, ${landed.afterLastReport} after the last file was reported), ` +
      `${landed.finishedFirst} runs ended before their kill, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }, LONG ? 4 * 3_600_000 : 900_000);
});

async function withReader<T>(target: Target, work: (read: ReadQuery) => Promise<T>): Promise<T> {
  const { read, close } = await target.reader();
  try {
    return await work(read);
  } finally {
    await close();
  }
}

/** Notices per document (by SHA-256) and the census of a clean, uninterrupted ingest of `folder`. */
async function referenceCensus(db: string, folder: string): Promise<Census & { noticesOf: Map<string, number> }> {
  const casebook = await openCasebook(db);
  try {
    const report = await ingestPaths([folder], casebook, { readers: 0 });
    expect(report.failures).toEqual([]);
  } finally {
    await casebook.close();
  }
  const handle = new Database(db, { readonly: true });
  try {
    const read: ReadQuery = async <T>(sql: string) => handle.prepare(sql).all() as T[];
    return { ...(await takeCensus(read)), noticesOf: await noticesPerDocument(read) };
  } finally {
    handle.close();
  }
}

async function noticesPerDocument(read: ReadQuery): Promise<Map<string, number>> {
  const rows = await read<{ sha256: string; n: number | string }>(
    'SELECT d.sha256, count(n.id) AS n FROM documents d LEFT JOIN notices n ON n.document_id = d.id GROUP BY d.sha256');
  return new Map(rows.map((r) => [r.sha256, Number(r.n)]));
}

/**
 * Every document is one of the files, under its path, with every notice a clean ingest gives it (none
 * half-stored); every file ever reported stored or already stored is there, its original archived.
 */
async function expectWhole(
  target: Target,
  context: string,
  known: { reported: Map<string, FileOutcome>; bySha: Map<string, CorpusEntry>; byPath: Map<string, CorpusEntry>; reference: { noticesOf: Map<string, number> } },
): Promise<Census> {
  const { census, docs, notices } = await withReader(target, async (read) => ({
    census: await takeCensus(read),
    docs: await read<{ id: number | string; sha256: string; source: string }>('SELECT id, sha256, source FROM documents'),
    notices: await noticesPerDocument(read),
  }));
  expect(census.misplaced, context).toEqual([]);
  const idOf = new Map(docs.map((d) => [d.sha256, Number(d.id)]));
  for (const d of docs) {
    const file = known.bySha.get(d.sha256);
    expect(file?.path, `${context}: document ${d.id} (${d.source})`).toBe(d.source);
    expect(notices.get(d.sha256), `${context}: notices of ${d.source}`).toBe(known.reference.noticesOf.get(d.sha256));
  }
  const casebook = await openCasebook(target.db);
  try {
    for (const [path, outcome] of known.reported) {
      const file = known.byPath.get(path)!;
      const id = idOf.get(file.sha256);
      expect(id, `${context}: ${path} was reported ${outcome.status}`).toBeDefined();
      if (outcome.documentId !== undefined) expect(id, `${context}: ${path}'s document`).toBe(outcome.documentId);
      const original = await casebook.archive.get(file.sha256);
      expect(original && sha256(original), `${context}: the original of ${path}`).toBe(file.sha256);
    }
  } finally {
    await casebook.close();
  }
  return census;
}
