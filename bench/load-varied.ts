// The varied-URL load of bench/load-test.ts on a casebook already built (a copy of a large one), without
// the ingest `npm run bench` runs first:
//   node bin/run-ts.js bench/load-varied.ts --db .tmp/c100k.db [--connections 50] [--duration 20] [--only '/?q=']
//     [--page-workers 0|1] (serve's; default serve's own, JIKENBO_PAGE_WORKERS or 0)
//     [--node-flags '--max-semi-space-size=4'] (node's flags for serve, space-separated)
import { parseArgs } from 'node:util';
import { loadTest } from './load-test.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, connections: { type: 'string', default: '50' }, duration: { type: 'string', default: '20' }, only: { type: 'string' }, 'page-workers': { type: 'string' }, 'node-flags': { type: 'string' } } });
if (!values.db) throw new Error('load-varied: --db is required');
// serve reads it from the environment it is started with.
if (values['page-workers'] !== undefined) process.env.JIKENBO_PAGE_WORKERS = values['page-workers'];
const figures = await loadTest(values.db, {
  connections: Number(values.connections), duration: Number(values.duration), log: (s) => console.error(s), mode: 'varied',
  ...(values.only ? { only: values.only } : {}),
  ...(values['node-flags'] ? { serveNodeFlags: values['node-flags'].split(/\s+/).filter(Boolean) } : {}),
});
console.log(`serve resident: ${figures.restRssMb} MB at rest, ${figures.peakRssMb} MB at peak`);
console.log('| route | requests/s | p50 ms | p95 ms | errors | non-2xx | peak MB | serve CPU ms a request |');
console.log('|---|---|---|---|---|---|---|---|');
const ms = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(0));
for (const r of figures.routes) console.log(`| ${r.route} | ${r.requestsPerSecond ?? '-'} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.errors ?? '-'} | ${r.non2xx ?? '-'} | ${r.peakRssMb ?? '-'} | ${r.cpuMsPerRequest?.toFixed(1) ?? '-'} |`);
