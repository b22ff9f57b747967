// How long organisations take: occurred → discovered (発生から発覚), discovered → disclosed (発覚から公表),
// in whole days, as median and 90th percentile, each with the number of incidents it rests on.
import { median } from './affected-people.ts';
import type { FactRow } from './fact-row.ts';

export interface DelayFigure {
  /** Incidents with both dates, in order: what the figures rest on. */
  incidents: number;
  median: number | null;
  p90: number | null;
  /** Incidents whose later date comes before the earlier one: a misread or a wrong notice, left out. */
  inconsistent: number;
  /** Every delay in days, smallest first (for histograms). */
  days: number[];
}

export interface Delays {
  occurredToDiscovered: DelayFigure;
  discoveredToDisclosed: DelayFigure;
}

/** Whole days from one YYYY-MM-DD date to another, in UTC so no time zone or DST shifts a day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p % of the values
 * at or below it, i.e. the value at rank ⌈p/100 × n⌉ (1-based) of the sorted list. It is always one
 * of the observed delays (no interpolated half days), and with n < 10 the 90th percentile is the
 * largest value.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function figure(rows: readonly FactRow[], from: (r: FactRow) => string | null, to: (r: FactRow) => string | null): DelayFigure {
  const days: number[] = [];
  let inconsistent = 0;
  for (const r of rows) {
    const a = from(r);
    const b = to(r);
    if (!a || !b) continue;
    const d = daysBetween(a, b);
    if (d < 0) inconsistent += 1;
    else days.push(d);
  }
  return delayFigure(days, inconsistent);
}

/**
 * The figure of these delays (whole days, 0 or more, in any order unless `sorted` says they are already
 * ascending: sorting 80,000 sorted days still costs milliseconds) and the count of inconsistent ones.
 */
export function delayFigure(days: number[], inconsistent: number, sorted = false): DelayFigure {
  if (!sorted) days.sort((x, y) => x - y);
  return { incidents: days.length, median: median(days), p90: percentile(days, 90), inconsistent, days };
}

/** Days from discovery to disclosure (what the dashboard's delay reads), null when a date is missing. */
export function disclosureDelayOf(row: Pick<FactRow, 'discoveredDate' | 'disclosureDate'>): number | null {
  return row.discoveredDate && row.disclosureDate ? daysBetween(row.discoveredDate, row.disclosureDate) : null;
}

export function delays(rows: readonly FactRow[]): Delays {
  return {
    occurredToDiscovered: figure(rows, (r) => r.occurredDate, (r) => r.discoveredDate),
    discoveredToDisclosed: figure(rows, (r) => r.discoveredDate, (r) => r.disclosureDate),
  };
}
