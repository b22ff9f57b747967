// CPU per call of the store's dashboard figures (one statement, store/incident-figures-sql.ts) over the
// scopes that select most of the casebook: none, ppc=yes, ppc=no, and narrower ones for comparison.
// --root runs another checkout's store (a before-run) over its own copy of the casebook.
//   node bin/run-ts.js bench/figures-cost.ts --db .tmp/c100k.db [--root ../other-checkout] [--calls 20]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { db: { type: 'string' }, root: { type: 'string', default: '.' }, calls: { type: 'string', default: '20' } } });
if (!values.db) throw new Error('figures-cost: --db is required');
const { openSqliteStore } = await import(resolve(values.root!, 'src/store/sqlite/sqlite-store.ts')) as typeof import('../src/store/sqlite/sqlite-store.ts');
const store = await openSqliteStore(resolve(values.db));
const scopes: [string, object][] = [['(none)', {}], ['ppc=yes', { ppc: true }], ['ppc=no', { ppc: false }], ['sector=finance', { sectors: ['finance'] }], ['type=phishing', { types: ['phishing'] }], ['data=name', { dataTypes: ['name'] }]];
console.log('| scope | incidents | CPU ms per call (median) | min | max |');
console.log('|---|---|---|---|---|');
try {
  for (const [name, filter] of scopes) {
    const first = await store.incidentFigures({ filter });
    const cpu: number[] = [];
    for (let i = 0; i < Number(values.calls); i++) {
      const t = process.cpuUsage();
      await store.incidentFigures({ filter });
      const u = process.cpuUsage(t);
      cpu.push((u.user + u.system) / 1000);
    }
    cpu.sort((a, b) => a - b);
    console.log(`| ${name} | ${first.incidents} | ${cpu[cpu.length >> 1]!.toFixed(1)} | ${cpu[0]!.toFixed(1)} | ${cpu.at(-1)!.toFixed(1)} |`);
  }
} finally {
  await store.close();
}
