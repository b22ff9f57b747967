// A reader thread of ingest-pool.ts: reads the files the main thread names, one at a time, and
// answers with what ingest-read.ts made of each.
import { parentPort } from 'node:worker_threads';
import type { ReaderMessage, ReadTask } from './ingest-pool.ts';
import { readForIngest } from './ingest-read.ts';

export function serveReads(): void {
  const port = parentPort;
  if (!port) throw new Error('serveReads runs in a reader thread');
  port.on('message', (task: ReadTask) => {
    void readForIngest(task.path, { maxBytes: task.maxBytes, sync: true }).then((result) => {
      // The bytes move to the main thread rather than being copied, when they own their buffer.
      const own = result.ok && result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength;
      const message: ReaderMessage = { id: task.id, result };
      port.postMessage(message, own ? [result.bytes.buffer as ArrayBuffer] : []);
    });
  });
  const ready: ReaderMessage = { ready: true };
  port.postMessage(ready);
}
