// Serves a casebook with `jikenbo serve` on loopback and puts its pages and API under concurrent load
// (autocannon), reading the server's resident memory from /proc at rest and while loaded.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { procCpu } from '../src/app/proc-cpu.ts';
import { casebookSample, variedRoutes, type VariedRoute } from './varied-urls.ts';

export interface RouteFigures {
  route: string;
  status: 'measured' | 'skipped';
  note?: string;
  requestsPerSecond?: number;
  p50?: number;
  p95?: number;
  errors?: number;
  non2xx?: number;
  requests?: number;
  /** serve's highest resident memory while this route was loaded (MB). */
  peakRssMb?: number;
  /** serve's CPU time (all its threads, user and system) while this route was loaded, per answer (ms). */
  cpuMsPerRequest?: number;
}

export interface LoadFigures {
  mode: 'fixed' | 'varied';
  restRssMb: number | null;
  peakRssMb: number | null;
  routes: RouteFigures[];
}

interface AutocannonResult {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: { path: string }) => { path: string };
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; requests?: AutocannonRequest[] },
  done: (err: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

// autocannon ships no type declarations; the little used here is typed above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export const ROUTES = ['/', '/?q=%E6%BC%8F%E6%B4%A9', '/incidents', '/dashboard', '/api/v1/search?q=%E6%BC%8F%E6%B4%A9'];

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      server.close(() => (typeof a === 'object' && a ? done(a.port) : reject(new Error('no port'))));
    });
  });
}

/** A process's CPU time so far, all threads, user and system (ms; /proc counts clock ticks of 10 ms). */
export function cpuMs(pid: number): number | null {
  return procCpu(pid)?.ownMs ?? null;
}

export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function startServe(db: string, nodeFlags: string[] = []): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeFlags, resolve('bin/jikenbo.js'), 'serve', '--db', db, '--port', String(port), '--host', '127.0.0.1', '--public-read', '--no-watch'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((ready, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error(`serve did not start in 60 s: ${err}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('serving')) {
        clearTimeout(timer);
        ready();
      }
    });
    // Only the tail is kept for the message: serve logs a line per request for as long as the load runs.
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function load(url: string, connections: number, duration: number, pid: number, peak: { mb: number }, varied?: VariedRoute): Promise<RouteFigures> {
  return new Promise((done, fail) => {
    const times: number[] = [];
    let routePeak = 0;
    const sampler = setInterval(() => {
      const mb = rssMb(pid);
      if (mb !== null && mb > peak.mb) peak.mb = mb;
      if (mb !== null && mb > routePeak) routePeak = mb;
    }, 250);
    // Varied: every request asks for the route's next URL (another word, page, incident or filter).
    const cpuAtStart = cpuMs(pid);
    const requests = varied ? [{ method: 'GET', setupRequest: (r: { path: string }) => ({ ...r, path: varied.next() }) }] : undefined;
    const instance = autocannon({ url, connections, duration, ...(requests ? { requests } : {}) }, (err, result) => {
      clearInterval(sampler);
      if (err) return fail(err);
      const cpuAtEnd = cpuMs(pid);
      times.sort((a, b) => a - b);
      done({
        route: url.replace(/^http:\/\/[^/]+/, ''),
        status: 'measured',
        requestsPerSecond: Math.round(result.requests.average),
        requests: result.requests.total,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        ...(routePeak > 0 ? { peakRssMb: routePeak } : {}),
        ...(cpuAtStart !== null && cpuAtEnd !== null && times.length > 0 ? { cpuMsPerRequest: (cpuAtEnd - cpuAtStart) / times.length } : {}),
      });
    });
    instance.on('response', (_c, _s, _b, responseTime) => times.push(responseTime));
  });
}

/**
 * Fixed: probes each route once, loads the ones that answer 200 (the same URL again and again), and says
 * why the others were skipped. Varied: each route asks for another URL every request (bench/varied-urls.ts).
 */
export async function loadTest(db: string, options: { connections: number; duration: number; log: (s: string) => void; mode?: 'fixed' | 'varied'; only?: string; serveNodeFlags?: string[] }): Promise<LoadFigures> {
  const mode = options.mode ?? 'fixed';
  const varied = mode === 'varied' ? variedRoutes(casebookSample(db)) : [];
  const { child, base } = await startServe(db, options.serveNodeFlags);
  const pid = child.pid!;
  try {
    const probes: Array<{ route: string; status: number; ms: number; varied?: VariedRoute }> = [];
    const targets = mode === 'varied' ? varied.map((v) => ({ route: v.name, path: v.next(), varied: v })) : ROUTES.map((r) => ({ route: r, path: r, varied: undefined }));
    for (const t of targets) {
      // --only: the routes whose name starts with one of these (comma-separated; the others are left out).
      if (options.only && !options.only.split(',').some((p) => t.route.startsWith(p))) continue;
      const start = performance.now();
      const res = await fetch(base + t.path);
      await res.arrayBuffer();
      probes.push({ route: t.route, status: res.status, ms: performance.now() - start, varied: t.varied });
    }
    await new Promise((r) => setTimeout(r, 2000));
    const restRssMb = rssMb(pid);
    const peak = { mb: restRssMb ?? 0 };
    const routes: RouteFigures[] = [];
    for (const p of probes) {
      const route = p.varied ? p.route : decodeURIComponent(p.route);
      if (p.status !== 200) {
        routes.push({ route, status: 'skipped', note: p.status === 404 ? 'not served yet (404)' : `probe answered ${p.status}` });
        continue;
      }
      options.log(`load ${route} (first request ${p.ms.toFixed(0)} ms): ${options.connections} clients for ${options.duration} s, ${mode} URLs`);
      routes.push({ ...(await load(base + (p.varied ? '/' : p.route), options.connections, options.duration, pid, peak, p.varied)), route });
    }
    return { mode, restRssMb, peakRssMb: peak.mb || null, routes };
  } finally {
    child.kill('SIGTERM');
  }
}
