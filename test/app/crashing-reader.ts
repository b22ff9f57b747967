// A reader thread for ingest-pool tests: reads like the real one, but ends its thread on any file
// whose name contains "crash", as a decoder running out of memory would.
import { parentPort } from 'node:worker_threads';
import type { ReaderMessage, ReadTask } from '../../src/app/ingest-pool.ts';
import { readForIngest } from '../../src/app/ingest-read.ts';

export function serveReads(): void {
  const port = parentPort!;
  port.on('message', (task: ReadTask) => {
    if (task.path.includes('crash')) process.exit(7);
    void readForIngest(task.path, { maxBytes: task.maxBytes, sync: true }).then((result) => {
      const message: ReaderMessage = { id: task.id, result };
      port.postMessage(message);
    });
  });
  const ready: ReaderMessage = { ready: true };
  port.postMessage(ready);
}
