// A decoding process of ingest-pool.ts: runs the jobs its parent sends (decode-job.ts), one at a time
// in the order sent, and answers with what came of each. It watches its own buffers, which the heap
// limit does not count (pdf.js inflates streams into them), and ends itself when they pass the memory
// limit; it ends with its parent, too.
import { runJob } from './decode-job.ts';
import { OVER_MEMORY_EXIT, type ReaderMessage, type ReadTask } from './ingest-pool.ts';

const MB = 1024 * 1024;
/** How often the buffers are measured: pdf.js yields to the event loop every 20 ms or so. */
const WATCH_MS = 25;

/** The channel to the parent: jobs in, answers out. */
export function readerPort(): { onTask(handle: (task: ReadTask) => void): void; answer(message: ReaderMessage): void } {
  const send = process.send?.bind(process);
  if (!send) throw new Error('a reader runs as a child process of ingest-pool.ts');
  // A parent that is gone (killed mid-ingest) leaves nobody to answer to.
  process.on('disconnect', () => process.exit(0));
  return {
    onTask: (handle) => process.on('message', (task: ReadTask) => handle(task)),
    answer: (message) => void send(message),
  };
}

export function serveReads(): void {
  const port = readerPort();
  const memoryMb = Number(process.env.JIKENBO_READER_MEMORY_MB) || 0;
  if (memoryMb) {
    setInterval(() => {
      if (process.memoryUsage().external > memoryMb * MB) process.exit(OVER_MEMORY_EXIT);
    }, WATCH_MS).unref();
  }
  port.onTask(taskRunner(runJob, port.answer));
  port.answer({ ready: true });
}

/**
 * One job at a time, in the order sent (the parent sends many ahead): its time limit runs from when
 * the one before it is answered. Between two jobs the event loop turns. A text or HTML file is read
 * without a turn of its own (sync reads, promises only), so without that turn a reader ran through all
 * the jobs it held before its answers left the process (process.send writes what the pipe takes at
 * once and the rest only on a turn) or it read the jobs sent meanwhile; the parent, waiting for the
 * answers in order, sent no more, and each reader sat idle a fifth to a third of a 20,000-post ingest.
 */
export function taskRunner<R>(run: (job: ReadTask['job']) => Promise<R>, answer: (message: { id: number; result: R }) => void): (task: ReadTask) => void {
  let running: Promise<void> = Promise.resolve();
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return (task) => {
    running = running.then(turn).then(() => run(task.job)).then((result) => answer({ id: task.id, result }));
  };
}
