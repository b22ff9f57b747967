// A decoding process of ingest-pool.ts: runs the jobs its parent sends (decode-job.ts), one at a time
// in the order sent, and answers with what came of each. It watches its own buffers, which the heap
// limit does not count (pdf.js inflates streams into them), and ends itself when they pass the memory
// limit; it ends with its parent, too.
import { getHeapStatistics } from 'node:v8';
import { packResult, runJob } from './decode-job.ts';
import { ANSWER_HOLD_MS, ANSWERS_PER_MESSAGE, OVER_MEMORY_EXIT, type ReaderAnswer, type ReadTask } from './ingest-pool.ts';

const MB = 1024 * 1024;
/** How often the buffers are measured: pdf.js yields to the event loop every 20 ms or so. */
const WATCH_MS = 25;

export interface ReaderPort {
  onTask(handle: (task: ReadTask) => void): void;
  /** Tells the parent this reader is up. */
  ready(): void;
  /** An answer, held to go with others (ANSWERS_PER_MESSAGE, ANSWER_HOLD_MS) unless flushed. */
  answer(answer: ReaderAnswer): void;
  /** Sends the answers held, now: the reader has nothing left to run. */
  flush(): void;
}

/** The channel to the parent: jobs in, answers out, several to a message (`batching`: answerBatcher's). */
export function readerPort(batching?: Parameters<typeof answerBatcher>[1]): ReaderPort {
  const send = process.send?.bind(process);
  if (!send) throw new Error('a reader runs as a child process of ingest-pool.ts');
  // A parent that is gone (killed mid-ingest) leaves nobody to answer to.
  process.on('disconnect', () => process.exit(0));
  const answers = answerBatcher((batch) => void send({ answers: batch }), batching);
  return {
    onTask: (handle) => process.on('message', (task: ReadTask) => handle(task)),
    ready: () => void send({ ready: true }),
    answer: answers.add,
    flush: answers.flush,
  };
}

/**
 * Answers held and sent several at once: `send` gets them in order, ANSWERS_PER_MESSAGE at a time, or
 * fewer once the first held has waited holdMs for a turn of the event loop, or on flush().
 */
export function answerBatcher(send: (answers: ReaderAnswer[]) => void, { max = ANSWERS_PER_MESSAGE, holdMs = ANSWER_HOLD_MS } = {}): { add(answer: ReaderAnswer): void; flush(): void } {
  let held: ReaderAnswer[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (held.length === 0) return;
    const answers = held;
    held = [];
    send(answers);
  };
  return {
    add(answer) {
      held.push(answer);
      if (held.length >= max) flush();
      else timer ??= setTimeout(flush, holdMs);
    },
    flush,
  };
}

export function serveReads(): void {
  const port = readerPort();
  const memoryMb = Number(process.env.JIKENBO_READER_MEMORY_MB) || 0;
  if (memoryMb) {
    // The heap's statistics alone: process.memoryUsage() reads the resident set from /proc too, and
    // at this rate cost a reader 1.4 % of its time.
    setInterval(() => {
      if (getHeapStatistics().external_memory > memoryMb * MB) process.exit(OVER_MEMORY_EXIT);
    }, WATCH_MS).unref();
  }
  port.onTask(taskRunner((job) => runJob(job).then(packResult), port.answer, port.flush));
  port.ready();
}

/**
 * One job at a time, in the order sent (the parent sends many ahead): its time limit runs from when
 * the answer of the one before it reaches the parent (held answers count against the next job's time;
 * the parent reads each job held again alone when a reader runs out of time: ingest-pool.ts lost).
 * Between two jobs the event loop turns. A text or HTML file is read without a turn of its own (sync
 * reads, promises only), so without that turn a reader ran through all the jobs it held before its
 * answers left the process (process.send writes what the pipe takes at once and the rest only on a
 * turn) or it read the jobs sent meanwhile; the parent, waiting for the answers in order, sent no more,
 * and each reader sat idle a fifth to a third of a 20,000-post ingest. `idle` runs when the last job
 * held is answered.
 */
export function taskRunner<R>(
  run: (job: ReadTask['job']) => Promise<R>,
  answer: (message: { id: number; result: R }) => void,
  idle: () => void = () => {},
): (task: ReadTask) => void {
  let running: Promise<void> = Promise.resolve();
  let pending = 0;
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return (task) => {
    pending++;
    running = running.then(turn).then(() => run(task.job)).then((result) => {
      answer({ id: task.id, result });
      if (--pending === 0) idle();
    });
  };
}
