// Benchmark: incident pages on PostgreSQL served over HTTP while the pool is far smaller than the load.
// Waves of concurrent requests for the largest incident of the demo casebook (each page reads every
// member notice at once), for each pool size: wall time of a wave and each request's p50/p95/max.
// Prints figures; never fails. Starts a private cluster as the tests do (or uses DATABASE_URL).
//   npm run bench:pg-pool [-- --concurrency 50 --waves 10 --pools 2,10]
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCasebook } from '../src/app/casebook.ts';
import { ingestPaths } from '../src/app/ingest.ts';
import { createApp } from '../src/server/app.ts';
import { withBenchPostgres } from './bench-postgres.ts';

const { values } = parseArgs({ options: {
  concurrency: { type: 'string', default: '50' }, waves: { type: 'string', default: '10' }, pools: { type: 'string', default: '2,10' },
} });
const CONCURRENCY = Number(values.concurrency);
const WAVES = Number(values.waves);
const POOLS = values.pools.split(',').map(Number);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

await withBenchPostgres('jikenbo_bench_pool', async (url) => {
  const loading = await openCasebook(url);
  await ingestPaths([resolve('demo/notices')], loading);
  const incidents = await loading.store.listIncidents({ limit: 1000 });
  const largest = incidents.sort((a, b) => b.members.length - a.members.length)[0]!;
  await loading.close();
  console.log(`demo casebook: ${incidents.length} incidents; the page of incident ${largest.id} reads ${largest.members.length} notices at once`);
  console.log(`\n${'pool'.padStart(4)} ${'wave p50 ms'.padStart(12)} ${'wave max ms'.padStart(12)} ${'req p50 ms'.padStart(11)} ${'req p95 ms'.padStart(11)} ${'req max ms'.padStart(11)}  statuses  (${WAVES} waves of ${CONCURRENCY} concurrent pages, after 2 warm-up waves)`);
  for (const size of POOLS) {
    const casebook = await openCasebook(`${url}${url.includes('?') ? '&' : '?'}pool_size=${size}`);
    const app = createApp(casebook, { publicRead: true });
    const server = await new Promise<{ base: string; close(): Promise<void> }>((done) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => done({
        base: `http://127.0.0.1:${info.port}`, close: () => new Promise<void>((ok) => s.close(() => ok())),
      }));
    });
    const waves: number[] = [];
    const requests: number[] = [];
    const statuses = new Map<number, number>();
    for (let w = 0; w < WAVES + 2; w++) {
      const start = performance.now();
      const times = await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        const s = performance.now();
        const res = await fetch(`${server.base}/incidents/${largest.id}`);
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        return performance.now() - s;
      }));
      if (w >= 2) {
        waves.push(performance.now() - start);
        requests.push(...times);
      }
    }
    waves.sort((a, b) => a - b);
    requests.sort((a, b) => a - b);
    const f = (n: number, width: number) => n.toFixed(1).padStart(width);
    console.log(`${String(size).padStart(4)} ${f(percentile(waves, 50), 12)} ${f(waves.at(-1)!, 12)} ${f(percentile(requests, 50), 11)} ${f(percentile(requests, 95), 11)} ${f(requests.at(-1)!, 11)}  ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
    await server.close();
    await casebook.close();
  }
});
