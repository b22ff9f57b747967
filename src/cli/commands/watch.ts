// `jikenbo watch add URL [--every 6h]`, `watch list`, `watch run`: feeds and news pages checked for new notices.
import { openCommandCasebook } from '../open-casebook.ts';
import { addWatchSource, parseInterval, pauseWatchSource, removeWatchSource, runWatchOnce, type WatchReport } from '../../app/watch.ts';
import { JikenboError } from '../../core/errors.ts';
import type { WatchSource } from '../../store/source-types.ts';
import { cliActor, parseCommand } from '../options.ts';

const USAGE = 'usage: jikenbo watch add URL [--every 6h] [--allow-private] | watch list [--json] | watch run [--all] [--allow-private] [--json]\n' +
  '       jikenbo watch remove|pause|resume ID|URL';
const CHANGES = new Set(['remove', 'pause', 'resume']);

export async function watchCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommand(`watch ${sub ?? ''}`.trim(), rest, {
    db: { type: 'string' },
    every: { type: 'string' },
    'allow-private': { type: 'boolean' },
    all: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (sub !== 'add' && sub !== 'list' && sub !== 'run' && !CHANGES.has(sub ?? '')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (sub === 'add' && positionals.length !== 1) throw new JikenboError('bad_input', `watch add: expected one URL\n${USAGE}`);
  if (CHANGES.has(sub!) && positionals.length !== 1) throw new JikenboError('bad_input', `watch ${sub}: expected one source, its id or URL\n${USAGE}`);
  const everySeconds = values.every === undefined ? undefined : parseInterval(values.every);
  const casebook = await openCommandCasebook(values.db, { actor: cliActor() });
  try {
    if (sub === 'add') {
      const source = await addWatchSource(casebook.store, positionals[0]!, {
        ...(everySeconds ? { everySeconds } : {}), allowPrivate: values['allow-private'] === true,
      });
      process.stdout.write(`watching ${source.url} every ${interval(source.everySeconds)} (source ${source.id}); next check ${source.nextCheckAt}\n`);
      return 0;
    }
    if (sub === 'remove' || sub === 'pause' || sub === 'resume') {
      if (sub === 'remove') {
        const source = await removeWatchSource(casebook.store, positionals[0]!);
        process.stdout.write(`no longer watching ${source.url} (source ${source.id})\n`);
      } else {
        const after = await pauseWatchSource(casebook.store, positionals[0]!, sub === 'pause');
        process.stdout.write(`${after.pausedAt ? 'paused' : 'resumed'} ${after.url} (source ${after.id})${after.pausedAt ? '' : `; next check ${after.nextCheckAt}`}\n`);
      }
      return 0;
    }
    if (sub === 'list') {
      const sources = await casebook.store.listWatchSources();
      if (values.json) process.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
      else if (sources.length === 0) process.stdout.write('no watched sources (jikenbo watch add URL)\n');
      else for (const s of sources) process.stdout.write(`${renderSource(s)}\n`);
      return 0;
    }
    // One watcher per database: a server that watches holds the lease, and so does this run while it goes.
    const report = await runWatchOnce(casebook, { summary: true, all: values.all === true, fetch: { allowPrivate: values['allow-private'] === true } });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printReport(report);
    return report.checked.some((c) => c.status === 'failed' || c.notices.some((n) => n.status === 'failed')) ? 1 : 0;
  } finally {
    await casebook.close();
  }
}

export function interval(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

function renderSource(s: WatchSource): string {
  const state = s.pausedAt ? `PAUSED since ${s.pausedAt}${s.lastError ? ` (last error: ${s.lastError})` : ''}` : s.failures > 0 ? `FAILING (${s.failures} in a row): ${s.lastError}` : s.lastSuccessAt ? `ok, last ${s.lastSuccessAt}` : 'not checked yet';
  const kind = s.kind === 'claims' ? `\tclaims (${s.claimFormat ?? 'auto'}; jikenbo claims watch list)` : '';
  return `${s.id}\t${s.url}\tevery ${interval(s.everySeconds)}\tnext ${s.nextCheckAt}\t${state}${kind}`;
}

function printReport(report: WatchReport): void {
  if (report.checked.length === 0) process.stdout.write('no source is due (watch run --all checks every source)\n');
  const w = report.watchlists;
  if (w) {
    for (const [name, n] of Object.entries(w.hits.added)) if (n > 0) process.stdout.write(`watchlist ${oneLine(name)}: ${n} new hits\n`);
    const d = w.deliveries;
    if (d.delivered + d.retrying + d.failed > 0) process.stdout.write(`webhooks: ${d.delivered} delivered, ${d.retrying} to retry, ${d.failed} given up\n`);
  }
  for (const c of report.checked) {
    if (c.status === 'failed') {
      process.stdout.write(`${c.source.url}: failed (${c.source.failures} in a row, next try ${c.source.nextCheckAt}): ${c.error}\n`);
      continue;
    }
    if (c.status === 'not_modified') {
      process.stdout.write(`${c.source.url}: not modified\n`);
      continue;
    }
    if (c.claims) {
      const p = c.claims;
      process.stdout.write(`${c.source.url}: ${p.records} claim records, ${p.added} new claims, ${p.existing} already stored, ${p.problems.length} unreadable\n`);
      for (const problem of p.problems.slice(0, 5)) process.stdout.write(`  record ${problem.index}: ${oneLine(problem.reason)}\n`);
      if (p.problems.length > 5) process.stdout.write(`  … and ${p.problems.length - 5} more unreadable records\n`);
      continue;
    }
    const added = c.notices.filter((n) => n.status === 'new').length;
    process.stdout.write(`${c.source.url}: ${c.newLinks} new links, ${c.notices.length} look like notices, ${added} ingested\n`);
    for (const n of c.notices) {
      const what = n.status === 'new' ? `new, ${n.posts} posts, document ${n.documentId}` : n.status === 'duplicate' ? 'already stored' : `failed (tried again next check): ${n.reason}`;
      process.stdout.write(`  ${oneLine(n.title)}\n    ${oneLine(n.path)}: ${oneLine(what)}\n`);
    }
  }
  if (report.incidents) process.stdout.write(`${report.incidents.incidents} incidents in the casebook\n`);
}

/** Titles and errors come from other people's sites: no control characters reach the terminal. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 300);
}
