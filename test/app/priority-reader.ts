// A reader process for ingest-pool tests: answers each job with its own scheduling priority (nice).
import { getPriority } from 'node:os';
import { readerPort } from '../../src/app/ingest-worker.ts';

export function serveReads(): void {
  const port = readerPort();
  port.onTask((task) => {
    port.answer({ id: task.id, result: { ok: false, reason: `nice ${getPriority()}` } });
    port.flush();
  });
  port.ready();
}
