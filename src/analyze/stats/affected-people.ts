// How many people the incidents touched: total, median and largest, over incidents that state a count.
import type { FactRow } from './fact-row.ts';

export interface AffectedPeople {
  incidents: number;
  /** Incidents that state a number of people: what total, median and largest rest on. */
  counted: number;
  total: number;
  /** The middle count; the mean of the two middle ones when `counted` is even. Null when none counted. */
  median: number | null;
  largest: { incidentId: number; number: string | null; organization: string | null; count: number } | null;
}

export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function affectedPeople(rows: readonly FactRow[]): AffectedPeople {
  const withCount = rows.filter((r): r is FactRow & { affectedCount: number } => r.affectedCount !== null);
  const counts = withCount.map((r) => r.affectedCount).sort((a, b) => a - b);
  let largest: AffectedPeople['largest'] = null;
  for (const r of withCount) {
    if (!largest || r.affectedCount > largest.count) {
      largest = { incidentId: r.id, number: r.number, organization: r.organization, count: r.affectedCount };
    }
  }
  return {
    incidents: rows.length,
    counted: counts.length,
    total: counts.reduce((a, b) => a + b, 0),
    median: median(counts),
    largest,
  };
}
