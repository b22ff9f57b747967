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
import { givenBody } from './response-cache.ts';

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
    const given = message.method === 'HEAD' || res.status === 204 || res.status === 304 ? null : await bodyOf(res);
    // The body crosses as bytes of its own buffer, moved rather than copied: in the main thread it is
    // then memory outside the JavaScript heap, freed with its small handle, not a page-sized string
    // that outlives a young-generation collection (while it is written) and swells the old one.
    // Bytes the app gave are copied (new Uint8Array, not a Buffer's slice, which shares): its response
    // cache may hold them, and moving them would empty the cache's copy.
    const body = given === null ? null : typeof given === 'string' ? ownBuffer(utf8.encode(given)) : new Uint8Array(given);
    send({ type: 'response', id: message.id, status: res.status, headers, body }, body === null ? [] : [body.buffer as ArrayBuffer]);
  } catch (err) {
    send({ type: 'failed', id: message.id, reason: reasonOf(err) });
  } finally {
    inFlight.delete(message.id);
  }
}

/**
 * The bytes in a buffer of their own, which can be moved: Node encodes a short string into a slice of
 * a shared pool, and moving that would take the pool from every later string.
 */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** The body as the app gave it: a page's string crosses as that string (no copy into bytes first). */
async function bodyOf(res: Response): Promise<string | Uint8Array | null> {
  const given = givenText(res);
  if (given !== null) return given;
  const bytes = givenBody(res);
  if (bytes !== null) return bytes;
  return res.body ? new Uint8Array(await res.arrayBuffer()) : null;
}

/** The string @hono/node-server's Response holds in its own `cache` slot, when it holds one. */
function givenText(res: Response): string | null {
  for (const slot of Object.getOwnPropertySymbols(res)) {
    if (slot.description !== 'cache') continue;
    const kept: unknown = (res as unknown as Record<symbol, unknown>)[slot];
    return Array.isArray(kept) && typeof kept[1] === 'string' ? kept[1] : null;
  }
  return null;
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') {
    const incoming = inFlight.get(message.id);
    if (incoming) incoming.aborted = true;
  }
  else void answer(message);
});
send({ type: 'ready' });
