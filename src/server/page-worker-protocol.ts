// The messages between `serve`'s main thread and its page worker (page-worker.ts, page-worker-main.ts).
// A request goes over as its method, URL and headers (only GET and HEAD go, so there is no body); the
// answer comes back as its status, headers and body (bytes in a buffer moved to the main thread).

export interface WorkerRequest {
  type: 'request';
  id: number;
  method: 'GET' | 'HEAD';
  url: string;
  headers: [string, string][];
  /** The client's address, for what the app reads of it (auth/client-address.ts). */
  remoteAddress: string | null;
}

/** The client closed its connection: the worker's request is marked so (client-gone.ts), and the page is not rendered. */
export interface WorkerAbort {
  type: 'abort';
  id: number;
}

export type ToWorker = WorkerRequest | WorkerAbort;

export interface WorkerResponse {
  type: 'response';
  id: number;
  status: number;
  /** As Node's writeHead takes them: names in lower case, Set-Cookie as a list. */
  headers: Record<string, string | string[]>;
  /** Bytes whose buffer was moved (not copied) to the main thread. */
  body: Uint8Array | null;
}

/** The app itself threw past its error handler (it should not): the main thread answers the request itself. */
export interface WorkerFailure {
  type: 'failed';
  id: number;
  reason: string;
}

export type FromWorker = { type: 'ready' } | { type: 'log'; line: string } | WorkerResponse | WorkerFailure;

/** What the worker opens and how it sets up the app: the same as the main thread's. */
export interface PageWorkerData {
  db: string;
  logLevel: string;
  publicRead: boolean;
  trustProxy: boolean;
  timeZone?: string;
  searchVariants?: unknown;
}
