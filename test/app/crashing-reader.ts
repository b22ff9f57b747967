// A reader process for ingest-pool tests: reads like the real one, but ends on any file whose name
// contains "crash", as a decoder running out of memory would.
import { jobSubject, runJob } from '../../src/app/decode-job.ts';
import { readerPort } from '../../src/app/ingest-worker.ts';

export function serveReads(): void {
  const port = readerPort();
  port.onTask((task) => {
    if (jobSubject(task.job).includes('crash')) process.exit(7);
    void runJob(task.job).then((result) => port.answer({ id: task.id, result }));
  });
  port.ready();
}
