// Incidents per month, quarter or year of first disclosure (公表日): what is rising, and when.
import type { FactRow } from './fact-row.ts';

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export interface PeriodCount {
  /** `2024-05`, `2024-Q2` or `2024`. */
  period: string;
  count: number;
}

export interface PeriodBreakdown {
  period: Period;
  incidents: number;
  /** Incidents without a disclosure date: in no period. */
  undated: number;
  /** Oldest period first; periods between the first and the last with no incident are listed with 0. */
  rows: PeriodCount[];
}

/** The period a YYYY-MM-DD date falls in. */
export function periodOf(date: string, period: Period): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function nextPeriod(p: string, period: Period): string {
  const year = Number(p.slice(0, 4));
  if (period === 'year') return String(year + 1);
  if (period === 'quarter') {
    const q = Number(p.slice(6));
    return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  }
  const m = Number(p.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

export function countByPeriod(rows: readonly FactRow[], period: Period): PeriodBreakdown {
  const counts = new Map<string, number>();
  let undated = 0;
  for (const row of rows) {
    if (!row.disclosureDate) { undated += 1; continue; }
    const key = periodOf(row.disclosureDate, period);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { period, incidents: rows.length, undated, rows: periodRows(counts, period) };
}

/** Counts by period, oldest first, with every period between the first and the last (0 when none). */
export function periodRows(counts: ReadonlyMap<string, number>, period: Period): PeriodCount[] {
  const keys = [...counts.keys()].sort();
  const out: PeriodCount[] = [];
  // Empty periods are listed so a chart's axis is a true time axis, not a list of busy months.
  if (keys.length > 0) {
    const last = keys[keys.length - 1]!;
    for (let p = keys[0]!; ; p = nextPeriod(p, period)) {
      out.push({ period: p, count: counts.get(p) ?? 0 });
      if (p === last) break;
    }
  }
  return out;
}
