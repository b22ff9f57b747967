// `jikenbo ingest PATH...`: files and folders into the casebook, a progress bar, one summary line.
import { closeSync, openSync, writeSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { describeGrouping } from '../grouping-progress.ts';
import { z } from 'zod';
import { BATCH_GROUPING_STEP_MS, ingestPaths, type FileOutcome, type IngestReport } from '../../app/ingest.ts';
import { ingestSources } from '../../app/ingest-url.ts';
import { decodeLimits } from '../../app/decoder.ts';
import type { FetchOptions } from '../../sources/fetch-url.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { cliActor, parseCommand, validate } from '../options.ts';
import { escapeForTerminal, unguarded } from '../terminal-output.ts';
import { stripSubject } from './extract.ts';

export async function ingestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('ingest', args, {
    db: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    'allow-private': { type: 'boolean' },
    'max-bytes': { type: 'string' },
    log: { type: 'string' },
    'group-later': { type: 'boolean' },
  });
  if (positionals.length === 0) {
    process.stderr.write('usage: jikenbo ingest PATH|URL... [--db FILE] [--allow-private] [--max-bytes N] [--log FILE] [--group-later]\n');
    return 2;
  }
  // Files larger than this are refused unread (default 50 MB, src/app/ingest.ts).
  const { 'max-bytes': maxBytes } = validate('ingest', z.object({
    'max-bytes': z.coerce.number().int().positive('expected a number of bytes').optional(),
  }), { 'max-bytes': values['max-bytes'] });
  decodeLimits(); // a bad limit in the environment (decode-limits.ts) is refused before any work
  // --log: one JSON line per file appended as soon as its fate is final (stored means committed, its
  // original synced), each line one write, so that a killed run leaves the list of what it stored.
  const log = values.log ? openSync(values.log, 'a') : null;
  const casebook = await openCommandCasebook(values.db, { actor: cliActor(), create: true });
  try {
    const fetch: FetchOptions = { allowPrivate: values['allow-private'] === true };
    const onFile = log === null ? undefined : (o: FileOutcome) => { writeSync(log, `${JSON.stringify(o)}\n`); };
    const report = await runWithProgress(positionals, casebook, !values.quiet && process.stderr.isTTY === true, fetch, maxBytes, onFile, values['group-later'] === true);
    printReport(report);
    return report.failures.length ? 1 : 0;
  } finally {
    await casebook.close();
    if (log !== null) closeSync(log);
  }
}

export async function runWithProgress(
  paths: string[],
  casebook: Parameters<typeof ingestPaths>[1],
  showBar: boolean,
  fetch: FetchOptions = {},
  maxBytes?: number,
  onFile?: (outcome: FileOutcome) => void,
  groupLater = false,
): Promise<IngestReport> {
  const bar = showBar
    ? new cliProgress.SingleBar(
        { format: 'ingest |{bar}| {value}/{total} files | {posts} posts | {file}', hideCursor: true, clearOnComplete: true, stream: unguarded(process.stderr) },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let posts = 0;
  try {
    // URLs among the paths are fetched (ingest-url.ts); paths alone go straight to ingestPaths as before.
    return await ingestSources(paths, casebook, {
      fetch,
      // The report's closing line counts the casebook's incidents.
      summary: true,
      groupLater,
      groupingStepMs: BATCH_GROUPING_STEP_MS,
      ...(maxBytes ? { maxBytes } : {}),
      onStart: (total) => bar?.start(total, 0, { posts: 0, file: '' }),
      onFile: (outcome, done) => {
        posts += outcome.posts;
        bar?.update(done, { posts, file: escapeForTerminal(outcome.path.slice(-40)) });
        onFile?.(outcome);
      },
      // Then the regrouping, on the same bar: steps done out of all steps known so far.
      onGrouping: (p) => {
        bar?.setTotal(p.done + p.waiting);
        bar?.update(p.done, { posts, file: describeGrouping(p) });
      },
    });
  } finally {
    bar?.stop();
  }
}

export function printReport(report: IngestReport): void {
  const failures = report.failures.length;
  process.stdout.write(
    `${report.files} files, ${report.posts} posts, ${report.newRecords} new records, ` +
      `${report.duplicates} duplicates (already stored), ${failures} ${failures === 1 ? 'failure' : 'failures'}\n`,
  );
  for (const outcome of report.outcomes) {
    if (outcome.status === 'duplicate') process.stdout.write(`  already stored: ${outcome.path}\n`);
  }
  if (report.incidents) {
    const { incidents, linkedNotices, clashes } = report.incidents;
    process.stdout.write(`${incidents} incidents in the casebook, ${linkedNotices} notices grouped with others` +
      `${clashes ? `, ${clashes} sharing a casebook number (see jikenbo incidents)` : ''}\n`);
  }
  if (report.groupingLeft !== undefined) {
    process.stdout.write(`grouping left for later: ${report.groupingLeft} notices wait, each in an incident of its own until then` +
      ' (jikenbo serve groups them at its start, as does the next ingest that stores notices)\n');
  }
  for (const f of report.failures) process.stderr.write(`  failed: ${f.path}: ${stripSubject(f.reason ?? 'unknown error', f.path)}\n`);
}
