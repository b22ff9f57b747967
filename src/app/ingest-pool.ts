// Reader threads for ingest: each reads, decodes and extracts files (ingest-read.ts) while the main
// thread archives and stores, so decoding PDFs and HTML runs on every core. Until the first reader is
// up (seconds: it loads pdf.js, the HTML parser and the extractor), this thread reads. A file that
// brings its reader down fails alone (the reader is replaced); readers that cannot start at all leave
// the work to this thread.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readForIngest, type ReadFile } from './ingest-read.ts';

/** What the main thread sends a reader, and what it answers. */
export interface ReadTask {
  id: number;
  path: string;
  maxBytes: number;
}
export type ReaderMessage = { ready: true } | { id: number; result: ReadFile };

// Readers are plain Node threads without the loader that runs this TypeScript (tsx from the command,
// vite in tests): the bootstrap, plain JavaScript, loads the reader module through tsx's API.
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const READER_MODULE = new URL('./ingest-worker.ts', import.meta.url).href;
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then((api) => api.tsImport(workerData.module, workerData.module))
  .then((reader) => reader.serveReads());
`;

interface Reader {
  worker: Worker;
  ready: boolean;
  task: (ReadTask & { resolve: (r: ReadFile) => void }) | null;
}

export interface ReaderPoolOptions {
  /** The module whose `serveReads()` a reader runs; tests swap in one that misbehaves. */
  module?: string;
}

export class ReaderPool {
  private readers: Reader[] = [];
  private queue: Array<ReadTask & { resolve: (r: ReadFile) => void }> = [];
  private nextId = 1;
  private everReady = false;
  private failedStarts = 0;
  private closed = false;
  /** Set when readers cannot be started: the rest is read in this thread. */
  private broken = false;
  /** A file being read in this thread while no reader is ready yet (starting one takes seconds). */
  private readingHere = false;
  private whenReady: Array<() => void> = [];

  constructor(readonly size: number, private readonly options: ReaderPoolOptions = {}) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Resolves with the file read, or with why it could not be; never rejects. */
  read(path: string, maxBytes: number): Promise<ReadFile> {
    if (this.broken) return readForIngest(path, { maxBytes });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, path, maxBytes, resolve });
      this.dispatch();
    });
  }

  /** Resolves once a reader is up, or once it is clear none can start. */
  ready(): Promise<void> {
    if (this.everReady || this.broken) return Promise.resolve();
    return new Promise((resolve) => this.whenReady.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.readers.map((r) => r.worker.terminate()));
    this.readers = [];
  }

  private spawn(): void {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { tsx: TSX_API, module: this.options.module ?? READER_MODULE },
    });
    const reader: Reader = { worker, ready: false, task: null };
    this.readers.push(reader);
    worker.on('message', (message: ReaderMessage) => {
      if ('ready' in message) {
        reader.ready = true;
        this.everReady = true;
        for (const resolve of this.whenReady.splice(0)) resolve();
      } else if (reader.task?.id === message.id) {
        const { resolve } = reader.task;
        reader.task = null;
        resolve(message.result);
      }
      this.dispatch();
    });
    // An uncaught error ends the thread and is followed by 'exit'; one handler for both.
    worker.on('error', () => {});
    worker.once('exit', (code) => this.lost(reader, code));
  }

  private lost(reader: Reader, code: number): void {
    this.readers = this.readers.filter((r) => r !== reader);
    if (reader.task) {
      const { path, resolve } = reader.task;
      resolve({ ok: false, reason: `${path}: the reader thread stopped on this file (exit code ${code})` });
    } else if (!reader.ready) {
      this.failedStarts++;
    }
    if (this.closed) return;
    // Readers that never start (no tsx, no threads) leave the queue to this thread; a reader that a
    // file brought down is replaced.
    if (this.failedStarts >= (this.everReady ? 3 : 1) * this.size) {
      this.broken = true;
      for (const resolve of this.whenReady.splice(0)) resolve();
      for (const task of this.queue.splice(0)) void readForIngest(task.path, { maxBytes: task.maxBytes }).then(task.resolve);
      return;
    }
    this.spawn();
  }

  private dispatch(): void {
    if (!this.everReady && !this.readingHere && this.queue.length > 0) {
      const task = this.queue.shift()!;
      this.readingHere = true;
      void readForIngest(task.path, { maxBytes: task.maxBytes }).then((result) => {
        this.readingHere = false;
        task.resolve(result);
        this.dispatch();
      });
    }
    for (const reader of this.readers) {
      if (this.queue.length === 0) return;
      if (!reader.ready || reader.task) continue;
      const task = this.queue.shift()!;
      reader.task = task;
      const message: ReadTask = { id: task.id, path: task.path, maxBytes: task.maxBytes };
      reader.worker.postMessage(message);
    }
  }
}
