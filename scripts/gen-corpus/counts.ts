// How notices state a number of people or records: 4,138名, 約1万2千件, 最大3万件, ８，２１４件.
import type { Rng } from './prng.ts';

export interface StatedCount {
  /** The value the words state (約1万2千件 states 12000). */
  value: number;
  /** The words, unit included. */
  text: string;
}

const UNITS = ['名', '件', '人', '名分', '件分', '人分'];

function withCommas(n: number): string {
  return n.toLocaleString('en-US');
}

/** n in one of the ways notices write it; n is already the stated value. */
export function writeNumber(rng: Rng, n: number): string {
  if (n >= 10_000 && n % 1000 === 0 && rng.chance(0.7)) {
    const man = Math.floor(n / 10_000);
    const rest = n % 10_000;
    if (rest === 0) return `${man}万`;
    return rng.chance(0.5) ? `${man}万${rest / 1000}千` : `${man}万${rest}`;
  }
  if (n >= 1000 && n < 10_000 && n % 1000 === 0 && rng.chance(0.5)) return `${n / 1000}千`;
  return rng.chance(0.8) ? withCommas(n) : String(n);
}

/** A count rounded the way a notice rounds one it calls approximate (約/最大): two significant digits. */
export function roundish(n: number): number {
  if (n < 100) return n;
  const mag = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / mag) * mag;
}

export function randomSize(rng: Rng): number {
  return rng.weighted<() => number>([
    [() => rng.int(1, 9), 12],
    [() => rng.int(10, 99), 18],
    [() => rng.int(100, 999), 25],
    [() => rng.int(1000, 9999), 25],
    [() => rng.int(10_000, 99_999), 14],
    [() => rng.int(100_000, 2_000_000), 6],
  ])();
}

export function pickUnit(rng: Rng): string {
  return rng.pick(UNITS);
}

/** A count with its qualifier: plain, 約 (approximate) or 最大 (upper bound). */
export function stateCount(rng: Rng, exact: number, unit: string): StatedCount {
  const mode = exact >= 1000 ? rng.weighted([['plain', 60], ['about', 25], ['max', 15]] as const) : 'plain';
  if (mode === 'plain') return { value: exact, text: `${writeNumber(rng, exact)}${unit}` };
  const value = roundish(exact);
  const prefix = mode === 'about' ? '約' : '最大';
  return { value, text: `${prefix}${writeNumber(rng, value)}${unit}` };
}
