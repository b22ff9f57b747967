// CPU per request of each varied route, one request at a time: serve's CPU time (utime + stime from
// /proc) over N requests of the route, divided by N. What a page costs the server, however loaded the
// machine is; under 50 clients the latency is about 50 times that.
//   node bin/run-ts.js bench/page-cost.ts --db .tmp/bench-20000-s1/sqlite/jikenbo.db [--requests 200] [--route dashboard]
//     [--only '/?q='] (the routes whose name starts so) [--route WORD] (the routes whose name contains it)
//     [--profile DIR] (serve under `node --cpu-prof`, its profile written to DIR when it stops; read it with
//     bench/profile-top.ts) [--root DIR] (another checkout's serve: a before-run)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { procCpu } from '../src/app/proc-cpu.ts';
import { casebookSample, variedRoutes } from './varied-urls.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, requests: { type: 'string', default: '200' }, root: { type: 'string', default: '.' }, only: { type: 'string' }, profile: { type: 'string' }, route: { type: 'string', default: '' } } });
if (!values.db) throw new Error('page-cost: --db is required');
const N = Number(values.requests);

const port = await new Promise<number>((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => done(typeof a === 'object' && a ? a.port : 0));
  });
});
const profiling = values.profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(values.profile)] : [];
const child = spawn(process.execPath, [...profiling, resolve(values.root!, 'bin/jikenbo.js'), 'serve', '--db', resolve(values.db), '--port', String(port), '--public-read', '--no-watch', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((ready) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('serving') && ready()));
const cpuMs = () => procCpu(child.pid!)!.ownMs;
const rssMb = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024);
const base = `http://127.0.0.1:${port}`;
try {
  // The first request makes every incident's facts once (after a migration) and warms the code.
  // With --only, the dashboard's warm-up (its duty check reads every notice) would swamp a profile of the others.
  const warm = values.only ? [] : ['/', '/dashboard', '/?q=%E6%BC%8F%E6%B4%A9'];
  for (const path of warm) await (await fetch(base + path)).arrayBuffer();
  console.log(`serve at rest: ${rssMb()} MB`);
  console.log('| route | CPU ms per request (mean) | wall ms p50 | wall ms p95 | statuses |');
  console.log('|---|---|---|---|---|');
  for (const route of variedRoutes(casebookSample(values.db)).filter((r) => r.name.includes(values.route!))) {
    if (values.only && !route.name.startsWith(values.only)) continue;
    for (let i = 0; i < 5; i++) await (await fetch(base + route.next())).arrayBuffer();
    const walls: number[] = [];
    const statuses = new Map<number, number>();
    const c0 = cpuMs();
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      const res = await fetch(base + route.next());
      await res.arrayBuffer();
      walls.push(performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    const cpu = (cpuMs() - c0) / N;
    walls.sort((a, b) => a - b);
    const p = (q: number) => walls[Math.min(walls.length - 1, Math.floor(q * walls.length))]!.toFixed(1);
    console.log(`| ${route.name} | ${cpu.toFixed(1)} | ${p(0.5)} | ${p(0.95)} | ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')} |`);
  }
  console.log(`serve after: ${rssMb()} MB`);
} finally {
  child.kill('SIGTERM');
  // The profile is written as serve exits.
  if (values.profile) await new Promise((exited) => child.once('exit', exited));
}
