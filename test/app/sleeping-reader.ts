// A reader process for ingest-pool tests: takes its jobs and never answers, nor runs: it waits on
// nothing, as a decoder stuck on a read that never returns would.
import { readerPort } from '../../src/app/ingest-worker.ts';

export function serveReads(): void {
  const port = readerPort();
  port.onTask(() => {});
  port.ready();
}
