// Decoding processes: each reads, decodes and extracts what this process names (decode-job.ts: a file,
// a fetched page, a watched source's listing) while this one archives, stores and serves, so that
// decoding PDFs and HTML runs on every core and never stalls the server. Each reader runs under a
// memory limit (its heap, and its buffers, which it watches itself) and each job under a wall-clock
// limit: a file over either stops its reader and fails alone, with the limit named, and the reader is
// replaced. Readers are processes, not worker threads: a worker thread that runs out of heap inside a
// large allocation can abort the whole process (V8's fatal OOM), and a PDF string of 100 MB does just
// that. Nothing untrusted is decoded in this process: when no reader can start, the jobs fail saying so.
import { fork, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from '../sources/decode-limits.ts';
import type { DocumentLimits } from '../sources/load-document.ts';
import { jobSubject, unpackResult, type AnyResult, type DecodeJob, type JobResult, type WireResult } from './decode-job.ts';
import type { ReadFile } from './ingest-read.ts';
import { buildState } from '../../bin/build-stamp.mjs';
import { packageRoot, runningFromSource } from './package-root.ts';
import { procCpu } from './proc-cpu.ts';

/** What this process sends a reader, and what it answers. */
export interface ReadTask {
  id: number;
  job: DecodeJob;
}
export interface ReaderAnswer {
  id: number;
  result: WireResult;
}
/** A reader's answers go several to a message (ingest-worker.ts readerPort), in the order of their jobs. */
export type ReaderMessage = { ready: true } | { answers: ReaderAnswer[] };

/** The exit code of a reader that ended itself for passing its memory limit (ingest-worker.ts). */
export const OVER_MEMORY_EXIT = 86;

/**
 * Jobs a reader holds at once: it runs them one after the other, and the next is already there when
 * one ends, so a reader does not wait for this process to send it more while this process is busy
 * with something synchronous: a batch's transaction (50-100 ms for 200 files on SQLite) and, in a
 * command-line ingest, a grouping step of about a second (BATCH_GROUPING_STEP_MS), which is some 250
 * files' decoding. With 16 a reader ran dry in every such step: 20,000 posts took 69-73 s against
 * 55-58 s with 256 (both with the larger WAL checkpoint of sqlite-store.ts; BENCHMARKS.md, 2026-12-04).
 * A reader that dies takes them all down, and lost() runs them again one at a time: slower, still right.
 */
export const TASKS_PER_READER = 256;

/**
 * Answers a reader sends in one message, at most (ingest-worker.ts readerPort): each message costs a
 * write to the pipe and a wake-up of this process, 25-30 µs on each side, which for small text files
 * was a twentieth of a reader's time. Held answers go out within ANSWER_HOLD_MS of the loop's next turn,
 * and at once when the reader has nothing left to run.
 */
export const ANSWERS_PER_MESSAGE = 16;
export const ANSWER_HOLD_MS = 5;

/**
 * How much lower than this process a reader runs (nice). This process is one thread that archives,
 * stores and indexes what two or more readers decode; at equal priority the three shared two cores,
 * it fell behind, the read-ahead filled and the readers waited: a 100,000-post ingest on two cores
 * used 1.7-1.8 of them from its 30th second on. With the readers lower it used 1.95-2.0 throughout:
 * `jikenbo ingest` of the bench's 100,000 posts took 134 and 139 s at nice 0, 130-133 s at 3, 132-134 s
 * at 5 and 124-135 s at 10 (a shared machine; BENCHMARKS.md). 5 rather than 10: a reader then still gets
 * a third of what another program's process gets on a busy machine, not a tenth. A server's pages come
 * before decoding the same way. A job's time limit counts the time its reader ran (timeLeft), so a
 * reader that other work kept from the cores is not stopped for it.
 */
export const READER_NICE = 5;

let compiledReader: boolean | undefined;

/**
 * How a reader starts: the compiled entry (dist/reader.js, scripts/build.mjs), also for code run from
 * its TypeScript (tests, benches) when dist/ was built from the sources as they are; otherwise, or for
 * a test's own reader module, the source entry through tsx (bin/run-ts.js), 1-3 s slower to start.
 */
function readerCommand(module: string | undefined): { file: string; args: string[] } {
  const extra = module === undefined ? [] : [module];
  compiledReader ??= !runningFromSource() || buildState(packageRoot()) === 'fresh';
  if (!runningFromSource() || (module === undefined && compiledReader)) return { file: join(packageRoot(), 'dist/reader.js'), args: extra };
  return {
    file: join(packageRoot(), 'bin/run-ts.js'),
    args: [fileURLToPath(new URL('./ingest-reader-main.ts', import.meta.url)), ...extra],
  };
}
/**
 * This process's profiling flags (`node --cpu-prof --cpu-prof-dir D jikenbo ingest …`), which its readers
 * are started with too, so that a profile of an ingest has its readers' beside it. A name given with
 * --cpu-prof-name or --heap-prof-name is left out: every reader would write to the one file.
 */
export function profileFlags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    const name = /^--(?:cpu|heap)-prof(?:-[a-z]+)?/.exec(arg)?.[0];
    if (name === undefined) continue;
    // A value in the next argument: --cpu-prof-dir DIR.
    const takesValue = name !== '--cpu-prof' && name !== '--heap-prof' && !arg.includes('=');
    const value = takesValue ? execArgv[++i] : undefined;
    if (name.endsWith('-name')) continue;
    flags.push(arg, ...(value === undefined ? [] : [value]));
  }
  return flags;
}
const PROFILE_FLAGS = profileFlags(process.execArgv);

/** What V8 prints when a reader runs out of heap. */
const OUT_OF_HEAP = /heap out of memory|Reached heap limit/;

type Pending = ReadTask & {
  resolve: (r: AnyResult) => void;
  /** Set for a job whose reader died while it held others too: it runs again in a reader of its own. */
  alone?: boolean;
};

interface Reader {
  child: ChildProcess;
  /** The end of what the reader wrote to stderr: V8's reason when it dies of its heap. */
  stderr: string;
  ready: boolean;
  /** The jobs sent to it, in the order it runs them; the first is running. */
  tasks: Pending[];
  /** Stops the first task when it runs past the time limit (armed again for each next one). */
  timer: NodeJS.Timeout | null;
  /** When the first task's time began: the wall clock and the reader's CPU time, ms (null where it cannot be read). */
  clock: JobClock | null;
  /** Set when this pool stopped the reader for its time: the limit the task passed. */
  overLimit: string | null;
}

/** A point in a job's time: the wall clock and its reader's CPU time (null where it cannot be read), ms. */
export interface JobClock {
  wall: number;
  cpu: number | null;
}

/**
 * How long a job may still run, in ms (0 or less: it is out of time). What counts is the time its reader
 * ran: the lesser of the wall time and the reader's CPU time since the job's time began, so that a
 * reader that other processes kept from the cores (readers run at a lower priority: READER_NICE) is not
 * stopped for their time; and whatever it ran, a job is out of time at STARVED_LIMITS times the limit of
 * wall time (a reader that waits on something and never runs). Without the CPU time, the wall time alone.
 */
export function timeLeft(start: JobClock, now: JobClock, limitMs: number): number {
  const wall = now.wall - start.wall;
  if (wall >= STARVED_LIMITS * limitMs) return 0;
  const ran = start.cpu === null || now.cpu === null ? wall : Math.min(wall, now.cpu - start.cpu);
  // Not before the time it could reach the limit at the earliest, nor after the wall-clock bound.
  return ran >= limitMs ? 0 : Math.min(limitMs - ran, STARVED_LIMITS * limitMs - wall);
}
/** Wall time, in time limits, after which a job is stopped however little its reader ran. */
export const STARVED_LIMITS = 4;

export interface ReaderPoolOptions {
  /** The module whose `serveReads()` a reader runs; tests swap in one that misbehaves. */
  module?: string;
  /** A reader's memory and each job's time (decode-limits.ts); the defaults there. */
  limits?: Partial<Pick<DecodeLimits, 'memoryMb' | 'timeoutMs'>>;
}

export class ReaderPool {
  private readers: Reader[] = [];
  private queue: Pending[] = [];
  private nextId = 1;
  private everReady = false;
  private failedStarts = 0;
  private closed = false;
  /** Set when readers cannot be started: every job fails, with that reason. */
  private broken = false;
  private whenReady: Array<() => void> = [];
  private readonly memoryMb: number;
  private readonly timeoutMs: number;

  constructor(readonly size: number, private readonly options: ReaderPoolOptions = {}) {
    this.memoryMb = options.limits?.memoryMb ?? DEFAULT_DECODE_LIMITS.memoryMb;
    this.timeoutMs = options.limits?.timeoutMs ?? DEFAULT_DECODE_LIMITS.timeoutMs;
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Resolves with what the job made of its input, or with why it could not; never rejects. */
  run<J extends DecodeJob>(job: J): Promise<JobResult<J>> {
    if (this.broken || this.closed) return Promise.resolve(this.unread(job) as JobResult<J>);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve: resolve as (r: AnyResult) => void });
      this.dispatch();
    });
  }

  /** A file read, decoded and extracted, within `limits`. */
  read(path: string, limits: DocumentLimits): Promise<ReadFile> {
    return this.run({ kind: 'file', path, limits });
  }

  /** Resolves once a reader is up, or once it is clear none can start. */
  ready(): Promise<void> {
    if (this.everReady || this.broken) return Promise.resolve();
    return new Promise((resolve) => {
      this.whenReady.push(resolve);
      this.holdProcess();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.resolve(this.unread(task.job));
    // Idle readers do not hold the process (holdProcess), nor does a reader being killed: without this
    // timer, a process with nothing else to do ends before the exits it awaits, in the middle of its
    // command (exit code 13, the rest of the command never run).
    const hold = setInterval(() => {}, 60_000);
    try {
      await Promise.all(this.readers.map((r) => new Promise<void>((done) => {
        if (r.child.exitCode !== null || r.child.signalCode !== null) return done();
        r.child.once('exit', () => done());
        if (PROFILE_FLAGS.length === 0 || !r.child.connected) return void r.child.kill('SIGKILL');
        // A profiled reader is let go (it ends itself when its parent goes: ingest-worker.ts), so that it
        // writes its profile; one still busy after 10 s is stopped.
        r.child.disconnect();
        setTimeout(() => r.child.kill('SIGKILL'), 10_000).unref();
      })));
    } finally {
      clearInterval(hold);
    }
    this.readers = [];
  }

  private unread(job: DecodeJob): { ok: false; reason: string } {
    return {
      ok: false,
      reason: `${jobSubject(job)}: not read: ${this.closed ? 'the decoding processes were closed' : 'no decoding process could start (decoding runs only in a process with memory and time limits)'}`,
    };
  }

  private spawn(): void {
    const { file, args } = readerCommand(this.options.module);
    const child = fork(file, args, {
      execArgv: [`--max-old-space-size=${this.memoryMb}`, ...PROFILE_FLAGS],
      env: { ...process.env, JIKENBO_READER_MEMORY_MB: String(this.memoryMb) },
      serialization: 'advanced', // Uint8Array in and out, as structured clones
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, Math.min(19, getPriority() + READER_NICE));
      } catch {
        // A system that refuses leaves the reader at this process's priority.
      }
    }
    const reader: Reader = { child, stderr: '', ready: false, tasks: [], timer: null, clock: null, overLimit: null };
    this.readers.push(reader);
    child.stderr!.on('data', (chunk: Buffer) => {
      reader.stderr = (reader.stderr + chunk.toString()).slice(-4096);
    });
    child.on('message', (message: ReaderMessage) => {
      if ('ready' in message) {
        reader.ready = true;
        this.everReady = true;
        for (const resolve of this.whenReady.splice(0)) resolve();
        this.holdProcess();
      } else {
        const answered: Array<() => void> = [];
        for (const { id, result } of message.answers) {
          if (reader.tasks[0]?.id !== id) continue;
          const { resolve } = reader.tasks.shift()!;
          answered.push(() => resolve(unpackResult(result)));
        }
        if (answered.length > 0) this.arm(reader);
        for (const resolve of answered) resolve();
      }
      this.dispatch();
    });
    // A reader that cannot be started reports 'error' and then, or instead, exits.
    child.on('error', () => {});
    child.once('exit', (code, signal) => this.lost(reader, code ?? signal ?? 'unknown'));
    this.holdProcess();
  }

  private memoryLimit(): string {
    return `needed more than the decoding memory limit of ${this.memoryMb} MB`;
  }

  /** Starts the time limit of the reader's first task, if any. */
  private arm(reader: Reader): void {
    if (reader.timer) clearTimeout(reader.timer);
    reader.timer = null;
    reader.clock = null;
    if (reader.tasks.length > 0) {
      reader.clock = { wall: Date.now(), cpu: this.cpuOf(reader) };
      this.watch(reader, this.timeoutMs);
    }
    this.holdProcess();
  }

  /** Looks again in `delay` ms: the reader is stopped once its task is out of time (timeLeft), else watched on. */
  private watch(reader: Reader, delay: number): void {
    reader.timer = setTimeout(() => {
      const left = timeLeft(reader.clock!, { wall: Date.now(), cpu: this.cpuOf(reader) }, this.timeoutMs);
      if (left > 0) return this.watch(reader, left);
      reader.overLimit = `took longer than the decoding time limit of ${this.timeoutMs / 1000} s`;
      reader.child.kill('SIGKILL');
    }, delay);
  }

  private cpuOf(reader: Reader): number | null {
    return reader.child.pid === undefined ? null : procCpu(reader.child.pid)?.ownMs ?? null;
  }

  private lost(reader: Reader, code: number | string): void {
    if (!this.readers.includes(reader)) return;
    this.readers = this.readers.filter((r) => r !== reader);
    const tasks = reader.tasks.splice(0);
    this.arm(reader);
    if (tasks.length === 1) {
      // The job that was running is the one that brought the reader down.
      const task = tasks.shift()!;
      const overMemory = code === OVER_MEMORY_EXIT || OUT_OF_HEAP.test(reader.stderr);
      const why = reader.overLimit ?? (overMemory ? this.memoryLimit() : `the reader stopped on this file (exit code ${code})`);
      task.resolve({ ok: false, reason: `${jobSubject(task.job)}: ${why}` });
    } else if (tasks.length > 1) {
      // Which of them brought the reader down is not known (a reader holds its answers a moment to send
      // several at once, so even one over the time limit may be any of the first ANSWERS_PER_MESSAGE):
      // each of those runs again in a reader of its own, so that only the one to blame fails.
      const suspects = reader.overLimit ? ANSWERS_PER_MESSAGE : tasks.length;
      this.queue.unshift(...tasks.map((t, i) => (i < suspects ? { ...t, alone: true } : t)));
    } else if (!reader.ready) {
      this.failedStarts++;
    }
    if (this.closed) return;
    // Readers that never start fail the queue; a reader that a file brought down is replaced.
    if (this.failedStarts >= (this.everReady ? 3 : 1) * this.size) {
      this.broken = true;
      for (const resolve of this.whenReady.splice(0)) resolve();
      for (const pending of this.queue.splice(0)) pending.resolve(this.unread(pending.job));
      return;
    }
    this.spawn();
  }

  private dispatch(): void {
    // Round by round, one job per reader each, so that the readers share the queue evenly.
    for (let depth = 0; depth < TASKS_PER_READER && this.queue.length > 0; depth++) {
      for (const reader of this.readers) {
        if (this.queue.length === 0) break;
        if (!reader.ready || reader.tasks.length > depth || reader.tasks[0]?.alone) continue;
        if (this.queue[0]!.alone && reader.tasks.length > 0) continue;
        const task = this.queue.shift()!;
        reader.tasks.push(task);
        if (reader.tasks.length === 1) this.arm(reader);
        const message: ReadTask = { id: task.id, job: task.job };
        reader.child.send(message);
      }
    }
    this.holdProcess();
  }

  /**
   * Readers keep the process alive only while there is work for them: a command ends when its last
   * file is read, without closing a pool it shares with others.
   */
  private holdProcess(): void {
    const busy = this.queue.length > 0 || this.whenReady.length > 0 || this.readers.some((r) => r.tasks.length > 0);
    for (const { child } of this.readers) {
      const handles = [child, child.channel, child.stderr as (NodeJS.ReadableStream & { ref?(): void; unref?(): void }) | null];
      for (const handle of handles) {
        if (busy) handle?.ref?.();
        else handle?.unref?.();
      }
    }
  }
}
