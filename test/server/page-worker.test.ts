// The page worker seen from the main thread (src/server/page-worker.ts): which requests it may take,
// how its answers come back, and that a worker that dies or throws never loses a request. The workers
// here are small scripts written for each case; serve-page-worker.test.ts runs the real one.
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isWorkerPage, PageWorker, searchSide, withPageWorker } from '../../src/server/page-worker.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir();

/** A worker script: `onRequest` is the body of a function of (m, reply, post), m the request message. */
function script(name: string, onRequest: string, onStart = ''): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `
    import { parentPort } from 'node:worker_threads';
    const post = (m, t) => parentPort.postMessage(m, t);
    const reply = (m, status, text, headers = {}) => {
      const body = text === null ? null : new TextEncoder().encode(text);
      post({ type: 'response', id: m.id, status, headers, body }, body ? [body.buffer] : []);
    };
    ${onStart}
    parentPort.on('message', (m) => { ${onRequest} });
    post({ type: 'ready' });
  `);
  return file;
}

const data = { db: 'unused', logLevel: 'info', publicRead: true, trustProxy: false };
const started: PageWorker[] = [];
function worker(file: string, lines: string[] = []): PageWorker {
  const w = new PageWorker({ file, data, writeLine: (l) => lines.push(l) });
  started.push(w);
  return w;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.close()));
});

async function whenReady(w: PageWorker): Promise<void> {
  const probe = new Request('http://x/');
  for (let i = 0; i < 500 && !w.takes(probe, 0); i++) await new Promise((r) => setTimeout(r, 10));
  if (!w.takes(probe, 0)) throw new Error('the worker never became ready');
}

describe('which requests the page worker may answer', () => {
  it('takes GET and HEAD of the read pages and read API, nothing else', () => {
    for (const url of ['http://h/', 'http://h/?q=%E6%BC%8F%E6%B4%A9&page=2', 'http://h/incidents/2024-504', 'http://h/notices/7', 'http://h/dashboard?year=2024',
      'http://h/organisations', 'http://h/organisations/12', 'http://h/api/v1/search?q=x', 'http://h/api/v1/incidents', 'http://h/api/v1/incidents/3', 'http://h/api/v1/stats']) {
      expect(isWorkerPage('GET', url), url).toBe(true);
      expect(isWorkerPage('HEAD', url), url).toBe(true);
      expect(isWorkerPage('POST', url), url).toBe(false);
    }
    // Forms, sign-in, exports (large, streamed), originals, static files, admin, feeds: the main thread's.
    for (const url of ['http://h/login', 'http://h/review', 'http://h/export.csv', 'http://h/documents/3/original', 'http://h/static/app.css',
      'http://h/admin', 'http://h/account', 'http://h/feed.atom', 'http://h/watchlists/1', 'http://h/incidents/3/links', 'http://h/api/v1/notices', 'http://h/dashboard/types.svg']) {
      expect(isWorkerPage('GET', url), url).toBe(false);
    }
  });
});

describe('PageWorker', () => {
  it('brings back status, headers (each Set-Cookie) and the body as the worker gave them', async () => {
    const w = worker(script('echo', `reply(m, 201, 'ページ ' + m.method + ' ' + m.url + ' ' + m.headers.find(([k]) => k === 'x-test')[1] + ' ' + m.remoteAddress,
      { 'content-type': 'text/html; charset=UTF-8', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'] });`));
    await whenReady(w);
    const res = await w.fetch(new Request('http://h/?q=%E6%BC%8F', { headers: { 'X-Test': 'yes' } }), { incoming: { socket: { remoteAddress: '10.0.0.9' } } });
    expect(res).not.toBeNull();
    expect(res!.status).toBe(201);
    expect(await res!.text()).toBe('ページ GET http://h/?q=%E6%BC%8F yes 10.0.0.9');
  });

  it('keeps the two queues even, but gives it every dashboard while it is up', async () => {
    // A worker that answers only when told: requests stay pending.
    const w = worker(script('hold', `if (m.type === 'request') globalThis.held = [...(globalThis.held ?? []), m]; if (m.type === 'abort') {}`));
    await whenReady(w);
    const page = new Request('http://h/incidents/1');
    expect(w.takes(page, 0)).toBe(true);
    void w.fetch(page, undefined);
    // One held and none worked on here: the next one is the main thread's.
    expect(w.takes(new Request('http://h/incidents/2'), 0)).toBe(false);
    expect(w.takes(new Request('http://h/incidents/2'), 1)).toBe(true);
    expect(w.takes(new Request('http://h/dashboard?year=2024'), 0)).toBe(true);
    expect(w.takes(new Request('http://h/export.csv'), 5)).toBe(false);
  });

  it('sends a search to the thread its words belong to while the queues are within a few of even', async () => {
    const w = worker(script('hold2', `if (m.type === 'request') globalThis.held = [...(globalThis.held ?? []), m];`));
    await whenReady(w);
    // Words of each side (the side is a hash of the raw q= value, the same for every page and filter).
    const words = Array.from({ length: 40 }, (_, i) => encodeURIComponent(`ランサムウェア${i}`));
    const mine = words.filter((q) => searchSide(`http://h/?q=${q}`) === 'worker');
    const theirs = words.filter((q) => searchSide(`http://h/?q=${q}`) === 'main');
    expect(mine.length).toBeGreaterThan(5);
    expect(theirs.length).toBeGreaterThan(5);
    expect(searchSide(`http://h/?page=2&q=${mine[0]}&sort=new`)).toBe('worker');
    expect(searchSide(`http://h/api/v1/search?q=${theirs[0]}&limit=5`)).toBe('main');
    expect(searchSide('http://h/?q=&page=2')).toBeNull();
    expect(searchSide('http://h/incidents/3?quote=1')).toBeNull();
    // The worker holds three; the main thread works on none.
    for (let i = 0; i < 3; i++) void w.fetch(new Request(`http://h/?q=${mine[i]}`), undefined);
    expect(w.takes(new Request(`http://h/?q=${mine[3]}`), 0)).toBe(true);
    expect(w.takes(new Request(`http://h/?q=${theirs[0]}`), 0)).toBe(false);
    void w.fetch(new Request(`http://h/?q=${mine[4]}`), undefined);
    // Four held: past the slack, a search of the worker's goes to the main thread, unless it is as busy.
    expect(w.takes(new Request(`http://h/?q=${mine[5]}`), 0)).toBe(false);
    expect(w.takes(new Request(`http://h/?q=${mine[5]}`), 1)).toBe(true);
    // A search of the main thread's goes to the worker only when the main thread is busier by more than the slack.
    expect(w.takes(new Request(`http://h/?q=${theirs[0]}`), 7)).toBe(false);
    expect(w.takes(new Request(`http://h/?q=${theirs[0]}`), 8)).toBe(true);
  });

  it('answers null for what it held when it dies, starts again, and after too many deaths leaves every page to the main thread', async () => {
    const lines: string[] = [];
    const w = worker(script('dies', `process.exit(3);`), lines);
    for (let death = 1; death <= 4; death++) {
      await whenReady(w);
      expect(await w.fetch(new Request('http://h/'), undefined)).toBeNull();
    }
    // The fourth death within the minute: no fifth start.
    await new Promise((r) => setTimeout(r, 300));
    expect(w.takes(new Request('http://h/'), 0)).toBe(false);
    expect(await w.fetch(new Request('http://h/'), undefined)).toBeNull();
    expect(lines.filter((l) => l.includes('starting it again'))).toHaveLength(4);
    expect(lines.some((l) => JSON.parse(l).msg === 'page worker stopped')).toBe(true);
  });

  it('answers null when the worker could not answer, so the main thread does', async () => {
    const lines: string[] = [];
    const w = worker(script('fails', `post({ type: 'failed', id: m.id, reason: 'the casebook is locked' });`), lines);
    await whenReady(w);
    let local = 0;
    const fetch = withPageWorker(() => {
      local++;
      return new Response('from the main thread');
    }, w);
    const res = await fetch(new Request('http://h/incidents/1'), {});
    expect(await res.text()).toBe('from the main thread');
    expect(local).toBe(1);
    expect(lines.some((l) => l.includes('the casebook is locked'))).toBe(true);
  });

  it('tells the worker when the client has gone', async () => {
    // The worker answers a request only once told it was aborted, saying so.
    const w = worker(script('aborts', `if (m.type === 'abort') reply({ id: m.id }, 499, 'aborted ' + m.id);`));
    await whenReady(w);
    // The Node response, as @hono/node-server passes it: closed before it was written.
    const outgoing = Object.assign(new EventEmitter(), { writableFinished: false });
    const answer = w.fetch(new Request('http://h/?q=x'), { outgoing });
    outgoing.emit('close');
    const res = await answer;
    expect(res!.status).toBe(499);
    expect(await res!.text()).toMatch(/^aborted \d+$/);
    // Once answered, the request no longer listens to its connection.
    expect(outgoing.listenerCount('close')).toBe(0);
  });

  it('leaves to the main thread what it does not take, and what it takes it answers', async () => {
    const w = worker(script('answers', `reply(m, 200, 'worker');`));
    await whenReady(w);
    const fetch = withPageWorker(() => new Response('main'), w);
    expect(await (await fetch(new Request('http://h/incidents/1'), {})).text()).toBe('worker');
    expect(await (await fetch(new Request('http://h/login'), {})).text()).toBe('main');
    expect(await (await fetch(new Request('http://h/incidents/1', { method: 'POST', body: 'x' }), {})).text()).toBe('main');
  });
});
