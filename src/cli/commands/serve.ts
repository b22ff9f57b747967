// `jikenbo serve`: the web app on http://localhost:8080 (or --port / PORT).
import { serve } from '@hono/node-server';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { join } from 'node:path';
import { resolveDbPath, type Casebook } from '../../app/casebook.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { decodeLimits } from '../../app/decoder.ts';
import { createApp } from '../../server/app.ts';
import { startWatchTimer } from '../../app/watch.ts';
import { regroupIncidents } from '../../app/incidents.ts';
import { refreshIncidentFacts } from '../../app/incident-facts.ts';
import { refreshOrganisations } from '../../app/organisations.ts';
import { createLogger, LOG_LEVELS, type LogLevel } from '../../app/log.ts';
import { groupingJobLog, watchJobLog } from '../../app/job-log.ts';
import { parseCommand, portSchema, validate } from '../options.ts';
import { z } from 'zod';
import { JikenboError } from '../../core/errors.ts';
import { loadSettings } from '../../app/settings.ts';
import type { VariantGroup } from '../../core/spelling-variants.ts';
import { PageWorker, withPageWorker } from '../../server/page-worker.ts';
import { packageRoot, runningFromSource } from '../../app/package-root.ts';
import { buildState } from '../../../bin/build-stamp.mjs';

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('serve', args, {
    db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'no-watch': { type: 'boolean' }, 'public-read': { type: 'boolean' },
    'trust-proxy': { type: 'boolean' }, quiet: { type: 'boolean' }, 'log-level': { type: 'string' }, 'page-workers': { type: 'string' },
  });
  decodeLimits(); // a bad limit in the environment (decode-limits.ts) is refused before any work
  logLevelOf(values); // and a bad --log-level
  pageWorkersOf(values); // and a bad --page-workers
  const dbPath = resolveDbPath(values.db);
  // The casebook's time zone: JIKENBO_TIME_ZONE, else the settings file beside it, else Asia/Tokyo.
  const settings = loadSettings(dbPath);
  const timeZone = process.env.JIKENBO_TIME_ZONE || settings.timeZone || undefined;
  const casebook = await openCommandCasebook(values.db);
  return listen(casebook, { ...values, ...(timeZone ? { timeZone } : {}), searchVariants: settings.searchVariants, dbPath });
}

/** Serves until SIGINT/SIGTERM, then closes the casebook. */
export async function listen(
  casebook: Casebook, values: {
    port?: string; host?: string; 'no-watch'?: boolean; 'public-read'?: boolean; 'trust-proxy'?: boolean; quiet?: boolean; 'log-level'?: string;
    timeZone?: string; searchVariants?: VariantGroup[]; 'page-workers'?: string;
    /** The casebook's path or URL, for the page worker to open it too; without it there is no worker. */
    dbPath?: string;
  },
): Promise<number> {
  const logLevel = logLevelOf(values);
  const log = createLogger({ level: logLevel });
  const { count: workers, asked: workersAsked } = pageWorkersOf(values);
  holdHeapsNearLive();
  const { port, host } = validate('serve', z.object({ port: portSchema, host: z.string().min(1) }), {
    port: values.port ?? process.env.PORT ?? 8080,
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
  });
  const publicRead = values['public-read'] === true;
  // JIKENBO_TIME_ZONE also for `demo`, which reads no settings file.
  const timeZone = values.timeZone || process.env.JIKENBO_TIME_ZONE || undefined;
  // --trust-proxy: only behind a reverse proxy that appends the client's address to X-Forwarded-For
  // (a client reaching the server directly could otherwise name any address it likes).
  const app = createApp(casebook, {
    publicRead, trustProxy: values['trust-proxy'] === true,
    ...(timeZone ? { timeZone } : {}),
    ...(values.searchVariants ? { searchVariants: values.searchVariants } : {}),
    log,
  });
  if ((await casebook.store.listAccounts()).length === 0) {
    // stderr is the log's (JSON lines): the hint is one of them.
    log.warn(`no accounts yet; make the first admin with: jikenbo user add NAME --role admin${publicRead ? '' : ' (until then nobody can sign in)'}`);
  }
  const workerFile = workers > 0 && values.dbPath !== undefined ? pageWorkerFile() : null;
  // Asked for and not to be had, it is a warning; by default (running from the sources), a note.
  if (workers > 0 && workerFile === null) log.log(workersAsked ? 'warn' : 'debug', 'no page worker: it runs compiled code (npm run build), and this casebook was opened without its path');
  const worker = workerFile === null || values.dbPath === undefined ? null : new PageWorker({
    file: workerFile,
    data: { db: values.dbPath, logLevel, publicRead, trustProxy: values['trust-proxy'] === true, ...(timeZone ? { timeZone } : {}), ...(values.searchVariants ? { searchVariants: values.searchVariants } : {}) },
    writeLine: (line) => void process.stderr.write(`${line}\n`),
  });
  const fetch = worker === null ? app.fetch : withPageWorker(app.fetch, worker);
  return new Promise<number>((resolveExit) => {
    const server = serve({ fetch, port, hostname: host }, (info) => {
      process.stdout.write(`jikenbo: serving ${casebook.location} at http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port}/ (Ctrl-C to stop)\n`);
    });
    server.on('error', (err: Error) => {
      process.stderr.write(`jikenbo serve: cannot listen on ${host}:${port}: ${err.message}\n`);
      void casebook.close().then(() => resolveExit(1));
    });
    // Watched sources are checked on their schedule while serving (off with --no-watch or JIKENBO_WATCH=off).
    // Each outcome is a line of the log (app/job-log.ts).
    const watch = values['no-watch'] || process.env.JIKENBO_WATCH === 'off' ? null : startWatchTimer(casebook, watchJobLog(log));
    // Work the grouping queue holds (a casebook grouped by an older jikenbo, a crash mid-ingest) is
    // drained in the background, a step at a time; requests that change the casebook join it.
    const grouping = groupingJobLog(log);
    void regroupIncidents(casebook.store, { onProgress: grouping.onProgress })
      // Then the incidents' facts the pages read (all of them once after migration 11), before a reader asks.
      .then(() => refreshIncidentFacts(casebook.store))
      // And the organisation table (every notice once after migration 19).
      .then(() => refreshOrganisations(casebook.store))
      .then(grouping.done, grouping.failed);
    const stop = () => {
      void (watch?.stop() ?? Promise.resolve()).then(() => server.close(() => void (worker?.close() ?? Promise.resolve()).then(() => casebook.close()).then(() => resolveExit(0))));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * How far past what is live a heap of serve's (the main thread's and the page worker's: the setting is
 * the process's) may grow before V8 collects it: 1.5 times, where V8 by itself lets a heap that is
 * allocated fast grow up to 4 times. A page allocates several MB that are garbage once it is sent, and
 * what stays live is tens of MB (the caches). Under 50 clients V8's own factor let the main thread's
 * heap reach 3-4 times that, and serve's peak resident memory with it (BENCHMARKS.md: 386-401 MB
 * against 299-314 MB on `/?q=` at 100,000 posts, with the same p95 within the machine's noise). V8
 * reads the setting each time it sets a heap's next limit, so setting it once the process runs works.
 * `node --heap-growing-percent=N bin/jikenbo.js serve` chooses another (0: V8's own).
 */
export const SERVE_HEAP_GROWING_PERCENT = 50;
function holdHeapsNearLive(): void {
  const flag = heapGrowingFlag(process.execArgv);
  if (flag !== null) setFlagsFromString(flag);
}

/** The V8 flag serve sets, or null when node was started with its own --heap-growing-percent, which stands. */
export function heapGrowingFlag(execArgv: readonly string[]): string | null {
  if (execArgv.some((flag) => /^--heap[-_]growing[-_]percent(=|$)/.test(flag))) return null;
  return `--heap-growing-percent=${SERVE_HEAP_GROWING_PERCENT}`;
}

/**
 * Whether pages are worked out on a second thread too (server/page-worker.ts): --page-workers 0 or 1,
 * else JIKENBO_PAGE_WORKERS, else 1 on a machine with two cores or more and 0 on one. Under 50 clients
 * at 100,000 posts the worker is what keeps a search page's p95 under 150 ms (120 against 194 ms without it),
 * for a second copy of the caches: serve held 246-249 MB at rest and peaked at 377-382 MB with it, against 170 and 262
 * (BENCHMARKS.md). 1 asked for on a machine with one core is refused: there is no core to give it.
 */
export function pageWorkersOf(
  values: { 'page-workers'?: string }, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism(),
): { count: number; asked: boolean } {
  const given = values['page-workers'] ?? env.JIKENBO_PAGE_WORKERS;
  if (given === undefined) return { count: cores >= 2 ? 1 : 0, asked: false };
  const count = validate('serve', z.object({ 'page-workers': z.enum(['0', '1']) }), { 'page-workers': given })['page-workers'] === '1' ? 1 : 0;
  if (count > 0 && cores < 2) {
    throw new JikenboError('bad_input', 'serve: --page-workers 1 needs a second core, and this machine has one', { subject: 'page-workers' });
  }
  return { count, asked: true };
}

/** The worker's compiled entry: dist/page-worker.js, when dist/ holds the code that runs (scripts/build.mjs). */
function pageWorkerFile(): string | null {
  if (runningFromSource() && buildState(packageRoot()) !== 'fresh') return null;
  return join(packageRoot(), 'dist/page-worker.js');
}

/**
 * The log's level (app/log.ts): --log-level, else JIKENBO_LOG_LEVEL, else info (a line per request
 * and per job outcome, on stderr). --quiet or JIKENBO_REQUEST_LOG=off, as before, mean warn: no
 * request lines, only what went wrong.
 */
function logLevelOf(values: { quiet?: boolean; 'log-level'?: string }): LogLevel {
  const given = values['log-level'] ?? process.env.JIKENBO_LOG_LEVEL;
  if (given !== undefined) return validate('serve', z.object({ 'log-level': z.enum(LOG_LEVELS) }), { 'log-level': given })['log-level'];
  return values.quiet === true || process.env.JIKENBO_REQUEST_LOG === 'off' ? 'warn' : 'info';
}
