// What a property test here is: inputs, a check per input, and the limits every run is held to.
// Loaded both by the test files and by the worker thread that runs the checks (no vitest here).
import type fc from 'fast-check';
import { JikenboError } from '../../src/core/errors.ts';

/**
 * JIKENBO_LONG_TESTS=1 runs ten times as many inputs per property with a longer time budget
 * (minutes instead of seconds); the default is the short run that `npm test` does.
 */
export const LONG = process.env.JIKENBO_LONG_TESTS === '1';

export interface BoundedProperty<T> {
  arbitrary: fc.Arbitrary<T>;
  /** Throws when the input breaks the property; may be async. */
  check: (input: T) => unknown;
  /** Inputs in the short run (ten times as many in the long run). */
  runs: number;
  /**
   * Run once, untimed, before the first input: loads what every call after it shares (pdf.js and its
   * CMaps cost about 2 s of CPU on the first PDF, whatever the PDF), so that the per-call limit
   * measures the input, not the module's start.
   */
  warmUp?: () => unknown;
}

export type PropertySet = Record<string, BoundedProperty<never>>;

export function bounded<T>(
  arbitrary: fc.Arbitrary<T>,
  check: (input: T) => unknown,
  runs = 300,
  warmUp?: () => unknown,
): BoundedProperty<never> {
  return { arbitrary, check, runs, ...(warmUp ? { warmUp } : {}) } as unknown as BoundedProperty<never>;
}

/**
 * Limits of one property's run, in CPU time of the process running it (process.cpuUsage), which a
 * loaded machine does not stretch: a call longer than `callMs` fails (at load 20 on two cores the
 * first PDF call took 6.7 s wall when the limit was wall time). The short run tries every input
 * (`runs`, a count, not a time); the long run stops after `totalMs` of wall time (fast-check counts
 * no CPU time), having tried at least 50.
 */
export const LIMITS = {
  callMs: 2_000,
  totalMs: LONG ? 180_000 : null,
  /** A call that used this much CPU without returning is a hang: the worker is stopped and the input saved. */
  hangMs: 20_000,
  /**
   * The same in wall time, for a call that hangs without using CPU (waiting on nothing) or on a
   * machine so loaded that 20 s of CPU take minutes; far above any call that returns.
   */
  hangWallMs: 180_000,
} as const;

/** The vitest timeout of one property: a hang is caught by the watchdog before it (a reason, not a budget). */
export const PROPERTY_TIMEOUT_MS = (LIMITS.totalMs ?? 0) + LIMITS.hangWallMs + 10 * 60_000;

/** CPU milliseconds (user + system) this process has used since `since` (process.cpuUsage()). */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** The result of `run`, or the JikenboError it threw; any other exception fails the property. */
export function attempt<R>(run: () => R): R | JikenboError {
  try {
    return run();
  } catch (err) {
    if (err instanceof JikenboError) return err;
    throw unexpected(err);
  }
}

export async function attemptAsync<R>(run: () => Promise<R>): Promise<R | JikenboError> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof JikenboError) return err;
    throw unexpected(err);
  }
}

/** A refusal names the input it refuses, in its message and as its subject. */
export function assertNames(err: JikenboError, source: string): void {
  if (err.subject !== source || !err.message.startsWith(`${source}: `)) {
    throw new Error(`the error does not name ${source}: ${err.message}`);
  }
}

function unexpected(err: unknown): Error {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new Error(`unexpected exception (not a JikenboError): ${what}`, { cause: err });
}

/** Fails unless 0 <= start <= end <= length. */
export function assertSpanInside(span: readonly [number, number], length: number, what: string): void {
  const [start, end] = span;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
    throw new Error(`${what}: span [${start}, ${end}) is not inside a text of ${length} characters`);
  }
}
