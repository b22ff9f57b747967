// The page worker's entry (a worker thread of `serve`, started by page-worker.ts): it opens the same
// casebook with its own connection and runs the same app, so that pages are worked out on the second
// core while the main thread takes in requests and works out others. It runs no background job (the
// watcher and the grouping queue stay the main thread's), and it answers only what the main thread
// sends it: GET and HEAD requests of read pages.
import { getRequestListener } from '@hono/node-server';
import { parentPort, workerData } from 'node:worker_threads';
import { openCasebook } from '../app/casebook.ts';
import { createLogger, LOG_LEVELS, type LogLevel } from '../app/log.ts';
import { reasonOf } from '../core/errors.ts';
import type { VariantGroup } from '../core/spelling-variants.ts';
import { createApp } from './app.ts';
import type { FromWorker, PageWorkerData, ToWorker, WorkerRequest } from './page-worker-protocol.ts';
import { givenBodyAsIs } from './response-cache.ts';

const port = parentPort;
if (!port) throw new Error('page-worker-main: not started as a worker thread');
const data = workerData as PageWorkerData;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const utf8 = new TextEncoder();

// @hono/node-server's light Response (it keeps a page's string as given, so that it crosses to the main
// thread without being turned into a stream and read back) replaces the global one when a request
// listener is made, as in the main thread.
getRequestListener(() => new Response(null));

const level = (LOG_LEVELS as readonly string[]).includes(data.logLevel) ? (data.logLevel as LogLevel) : 'info';
const casebook = await openCasebook(data.db, { create: false });
const app = createApp(casebook, {
  publicRead: data.publicRead, trustProxy: data.trustProxy,
  ...(data.timeZone ? { timeZone: data.timeZone } : {}),
  ...(data.searchVariants ? { searchVariants: data.searchVariants as VariantGroup[] } : {}),
  // The request lines go to the main thread, which writes them where its own go, marked as this thread's.
  log: createLogger({ level, write: (line) => send({ type: 'log', line: line.replace(/^\{/, '{"thread":"page-worker",') }) }),
});

const inFlight = new Map<number, { aborted: boolean }>();

async function answer(message: WorkerRequest): Promise<void> {
  // The bindings the app reads of the Node request: the client's address, and whether the client has
  // gone (client-gone.ts), set when the main thread says so. No Web signal: see client-gone.ts.
  const incoming = { socket: { remoteAddress: message.remoteAddress ?? undefined }, aborted: false };
  inFlight.set(message.id, incoming);
  try {
    const request = new Request(message.url, { method: message.method, headers: message.headers });
    const env = { incoming };
    const res = await app.fetch(request, env);
    const headers: Record<string, string | string[]> = {};
    res.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    const cookies = res.headers.getSetCookie();
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    // The body crosses as bytes of its own buffer, moved rather than copied: in the main thread it is
    // then memory outside the JavaScript heap, freed with its small handle, not a page-sized string
    // that outlives a young-generation collection (while it is written) and swells the old one.
    const body = message.method === 'HEAD' || res.status === 204 || res.status === 304 ? null : await ownedBody(res);
    send({ type: 'response', id: message.id, status: res.status, headers, body }, body === null ? [] : [body.buffer as ArrayBuffer]);
  } catch (err) {
    send({ type: 'failed', id: message.id, reason: reasonOf(err) });
  } finally {
    inFlight.delete(message.id);
  }
}

/**
 * The body as bytes in a buffer of their own, which can be moved to the main thread. A page's string is
 * encoded (TextEncoder makes a new buffer each time). Bytes the app gave are copied (new Uint8Array,
 * not a Buffer's slice, which shares): its response cache may hold them, and moving them would empty
 * the cache's copy.
 */
async function ownedBody(res: Response): Promise<Uint8Array | null> {
  const given = givenBodyAsIs(res);
  if (typeof given === 'string') return utf8.encode(given);
  if (given !== null) return new Uint8Array(given);
  return res.body ? new Uint8Array(await res.arrayBuffer()) : null;
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') {
    const incoming = inFlight.get(message.id);
    if (incoming) incoming.aborted = true;
  }
  else void answer(message);
});
send({ type: 'ready' });
