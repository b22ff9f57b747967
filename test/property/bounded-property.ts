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
}

export type PropertySet = Record<string, BoundedProperty<never>>;

export function bounded<T>(arbitrary: fc.Arbitrary<T>, check: (input: T) => unknown, runs = 300): BoundedProperty<never> {
  return { arbitrary, check, runs } as unknown as BoundedProperty<never>;
}

/** Limits of one property's run: a call slower than `callMs` fails; the whole run stops after `totalMs`. */
export const LIMITS = {
  callMs: 2_000,
  totalMs: LONG ? 180_000 : 6_000,
  /** A call still running after this long is a hang: the worker is stopped and the input saved. */
  hangMs: 20_000,
} as const;

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
