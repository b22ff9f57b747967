// `serve --page-workers 1`: a worker thread running the same app on its own connection to the casebook
// (page-worker-main.ts), to which the main thread hands read pages while it works out others itself.
// One Node thread uses one core: under many clients a search page's few milliseconds of CPU queue
// behind each other while the second core idles.
//
// What goes to the worker: GET and HEAD of the read pages and the read API (READ_PAGES) while it holds
// no more of them than the main thread is working on itself. The main thread takes in a burst of
// requests at once and would otherwise start them all; kept even, the two queues drain together. A
// search goes to the thread its words belong to while the queues are within SEARCH_SLACK of even. A
// dashboard goes to the worker whenever it is up: a dashboard's statistics are the work that swells a
// heap most, and the worker's heap has a ceiling (WORKER_HEAP) that the main thread's has not.
// Everything else, and everything while the worker is starting or gone, the main thread answers.
// A request the worker cannot answer (it died, it threw) is answered by the main thread: these
// requests change nothing, so asking twice is safe. A worker that dies is started again, at most
// RESTARTS times in RESTART_WINDOW_MS; after that the main thread serves alone, and says so in the log.
import { Worker } from 'node:worker_threads';
import type { FromWorker, PageWorkerData, ToWorker, WorkerResponse } from './page-worker-protocol.ts';

/** The read pages and API answers the worker may work out: what people open most, all small bodies. */
const READ_PAGES = /^\/(|incidents\/[^/]+|notices\/[^/]+|dashboard|organisations(\/[^/]+)?|api\/v1\/(search|incidents(\/[^/]+)?|organisations(\/[^/]+)?|notices\/[^/]+|stats))$/;
const DASHBOARD = '/dashboard';

/**
 * The worker's heap, in MB: its young generation small (page garbage is collected young, at little
 * cost: what a page keeps is small), its old one enough for the casebook's indexes and the caches at
 * 100,000 posts (about 50 MB live) with room to spare. A worker over it dies and is started again.
 */
export const WORKER_HEAP = { maxYoungGenerationSizeMb: 6, maxOldGenerationSizeMb: 128 } as const;
const RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

export interface PageWorkerOptions {
  /** The worker's entry: dist/page-worker.js (a test's own module for its tests). */
  file: string | URL;
  data: PageWorkerData;
  /** Where the worker's log lines go (where the main thread's go). */
  writeLine: (line: string) => void;
}

interface Pending {
  resolve: (res: Response | null) => void;
  /** Stops listening for the connection's close. */
  release: () => void;
}

/**
 * How far the two queues may drift apart for a search to go to the thread its words belong to. Each
 * thread keeps the matches of the searches it answered (app/recent-matches.ts) until the casebook
 * changes; a search that goes to the thread that answered it before (page 2, another sort or facet, the
 * same words from another reader) skips the full-text walk, up to 35 ms for a common word at 100,000
 * posts, and one thread's kept matches are not the other's too. Beyond the slack, the idler thread takes it.
 */
const SEARCH_SLACK = 3;

/** The thread a search's words belong to (a hash of its raw q= value), or null for a request with none. */
export function searchSide(url: string): 'main' | 'worker' | null {
  const at = url.search(/[?&]q=/);
  if (at < 0) return null;
  const start = at + 3;
  let end = url.indexOf('&', start);
  if (end < 0) end = url.length;
  if (end === start) return null;
  // FNV-1a over the value's UTF-16 units.
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 2 === 0 ? 'main' : 'worker';
}

/** The path of a request URL (`http://host/p?q` → `/p`). */
function pathOf(url: string): string | null {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return null;
  const end = url.indexOf('?', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

/** Whether a request is one the page worker may answer: GET or HEAD of a read page. */
export function isWorkerPage(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = pathOf(url);
  return path !== null && READ_PAGES.test(path);
}

export class PageWorker {
  private worker: Worker | null = null;
  private ready = false;
  private closed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly starts: number[] = [];

  constructor(private readonly options: PageWorkerOptions) {
    this.start();
  }

  /** Whether the worker takes this request now, the main thread working on `local` requests itself. */
  takes(req: Request, local: number): boolean {
    if (!this.ready || !isWorkerPage(req.method, req.url)) return false;
    if (pathOf(req.url) === DASHBOARD) return true;
    const side = searchSide(req.url);
    if (side === 'worker') return this.pending.size <= local + SEARCH_SLACK;
    if (side === 'main') return this.pending.size + SEARCH_SLACK < local;
    return this.pending.size <= local;
  }

  /**
   * The worker's answer, or null when it could not give one (the caller then answers itself). `env` is
   * @hono/node-server's: when the connection closes before the answer, the worker is told (the
   * request's Web signal is not used: see client-gone.ts).
   */
  fetch(req: Request, env: NodeEnv): Promise<Response | null> {
    if (!this.worker || !this.ready) return Promise.resolve(null);
    const id = this.nextId++;
    const headers: [string, string][] = [];
    req.headers.forEach((value, name) => headers.push([name, value]));
    const outgoing = env?.outgoing;
    return new Promise<Response | null>((resolve) => {
      const onClose = () => {
        if (outgoing && !outgoing.writableFinished) this.post({ type: 'abort', id });
      };
      outgoing?.once('close', onClose);
      this.pending.set(id, { resolve, release: () => outgoing?.off('close', onClose) });
      this.post({ type: 'request', id, method: req.method as 'GET' | 'HEAD', url: req.url, headers, remoteAddress: env?.incoming?.socket?.remoteAddress ?? null });
    });
  }

  /** Stops the worker; what it held is answered by the main thread. */
  async close(): Promise<void> {
    this.closed = true;
    this.failAll();
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private note(level: 'warn' | 'error', msg: string, fields: Record<string, unknown>): void {
    this.options.writeLine(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  }

  private start(): void {
    const now = Date.now();
    while (this.starts.length > 0 && now - this.starts[0]! > RESTART_WINDOW_MS) this.starts.shift();
    if (this.starts.length > RESTARTS) {
      this.note('warn', 'page worker stopped', { reason: `it stopped ${this.starts.length} times in ${RESTART_WINDOW_MS / 1000} s; the main thread serves every page` });
      return;
    }
    this.starts.push(now);
    const worker = new Worker(this.options.file, { workerData: this.options.data, resourceLimits: WORKER_HEAP });
    this.worker = worker;
    // The worker alone never keeps serve running: the HTTP server does.
    worker.unref();
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (err) => this.note('error', 'page worker failed', { error: err.message }));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.ready = false;
      this.failAll();
      if (this.closed) return;
      this.note('warn', 'page worker stopped; starting it again', { code });
      this.start();
    });
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        return;
      case 'log':
        this.options.writeLine(message.line);
        return;
      case 'response':
        this.settle(message.id, toResponse(message));
        return;
      case 'failed':
        this.note('warn', 'page worker could not answer; the main thread answers', { reason: message.reason });
        this.settle(message.id, null);
        return;
    }
  }

  private settle(id: number, res: Response | null): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.release();
    p.resolve(res);
  }

  /** Every request the worker held is answered by the main thread. */
  private failAll(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, null);
  }
}

/** What @hono/node-server passes a fetch as its bindings: the Node request and response. */
export type NodeEnv = {
  incoming?: { socket?: { remoteAddress?: string } | null };
  outgoing?: { writableFinished: boolean; once(event: 'close', f: () => void): unknown; off(event: 'close', f: () => void): unknown };
} | undefined;

type Fetch = (req: Request, env: NodeEnv) => Response | Promise<Response>;

/** The server's fetch: a read page to the worker when it takes it, else (or when it cannot answer) to the app here. */
export function withPageWorker(fetch: Fetch, worker: PageWorker): Fetch {
  // Requests the main thread is working on itself.
  let local = 0;
  return async (req, env) => {
    if (worker.takes(req, local)) {
      const res = await worker.fetch(req, env);
      if (res !== null) return res;
    }
    local++;
    try {
      return await fetch(req, env);
    } finally {
      local--;
    }
  };
}

function toResponse(message: WorkerResponse): Response {
  // Bytes as given: @hono/node-server writes them to the socket as they are. Node's writeHead takes
  // the headers as they came (Set-Cookie as a list), which Web Headers would join.
  return new Response(message.body, { status: message.status, headers: message.headers as unknown as Record<string, string> });
}
