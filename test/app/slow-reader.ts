// A reader process for ingest-pool tests: reads like the real one, with its port and its runner, but a
// file whose name contains "slow" never ends: its code runs without a turn of the event loop, as a
// pathological input would keep a decoder busy. Its answers are held until it has nothing left to run
// (no hold by time), so that those of the files before the slow one are always held while it runs.
import { jobSubject, packResult, runJob } from '../../src/app/decode-job.ts';
import { readerPort, taskRunner } from '../../src/app/ingest-worker.ts';

export function serveReads(): void {
  const port = readerPort({ holdMs: 3_600_000 });
  port.onTask(taskRunner(async (job) => {
    if (jobSubject(job).includes('slow')) for (;;);
    return packResult(await runJob(job));
  }, port.answer, port.flush));
  port.ready();
}
