// Benchmark: what one whole regrouping of an existing casebook costs, and where (store method by store
// method). Copies --db (never writes it), queues every notice for indexing again (with --from-empty the
// grouping index, links and queue are emptied first: what an ingest's regrouping does), drains the
// queue in 1 s steps as a command-line ingest does, and prints the process's CPU and wall time, the CPU
// spent inside each GroupingStore method (approximate where two run at once), and the incidents made.
// Prints; never fails.
//   node bin/run-ts.js bench/grouping-cost.ts --db CASEBOOK.db [--from-empty] [--until-stage 1]
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openCasebook } from '../src/app/casebook.ts';
import { drainGrouping } from '../src/app/regroup.ts';
import type { Store } from '../src/store/ports.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, 'from-empty': { type: 'boolean' }, 'until-stage': { type: 'string' } } });
if (values.db === undefined) {
  console.error('usage: grouping-cost.ts --db CASEBOOK.db [--from-empty] [--until-stage 1|2|3]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'jikenbo-grouping-cost-'));
const db = join(dir, 'copy.db');
copyFileSync(values.db, db);
const raw = new Database(db);
raw.pragma('wal_checkpoint(TRUNCATE)');
if (values['from-empty']) raw.exec('DELETE FROM grouping_blocks; DELETE FROM grouping_links; DELETE FROM grouping_windows; DELETE FROM grouping_queue;');
raw.exec(`WITH base AS (SELECT coalesce(max(seq), 0) AS m FROM grouping_queue)
  INSERT OR REPLACE INTO grouping_queue (stage, item, seq) SELECT 1, CAST(id AS TEXT), (SELECT m FROM base) + id FROM notices`);
raw.close();

const casebook = await openCasebook(db);
const store = casebook.store;
const spent = new Map<string, number>();
const METHODS = ['takeGroupingItems', 'loadLinkable', 'indexOfNotices', 'noticesWithin', 'noticesInBlocks', 'writersNaming', 'orgKeysByPrefix',
  'linksOfBlocks', 'linksTouching', 'incidentsOfNotices', 'saveNoticeIndex', 'saveBlockLinks', 'loadPlanBasis', 'replaceAutoGroups'] as const;
const methods = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
for (const name of METHODS) {
  const original = methods[name]!.bind(store);
  methods[name] = async (...args: unknown[]) => {
    const before = process.cpuUsage();
    try {
      return await original(...args);
    } finally {
      const used = process.cpuUsage(before);
      spent.set(name, (spent.get(name) ?? 0) + (used.user + used.system) / 1000);
    }
  };
}
const cpu = process.cpuUsage();
const started = performance.now();
const until = values['until-stage'] === undefined ? {} : { untilStage: Number(values['until-stage']) as 1 | 2 | 3 };
await drainGrouping(store as Store, { stepTargetMs: 1000, ...until });
const used = process.cpuUsage(cpu);
const summary = await store.groupingSummary();
console.log(`regrouping ${values['from-empty'] ? 'from an empty index' : 'again'}: CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, wall ${((performance.now() - started) / 1000).toFixed(1)} s; ${summary.incidents} incidents, ${summary.linkedNotices} notices grouped with others`);
for (const [name, ms] of [...spent].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(20)} ${(ms / 1000).toFixed(2)} s`);
await casebook.close();
rmSync(dir, { recursive: true, force: true });
