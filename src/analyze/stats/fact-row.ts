// The incident row statistics read: an incident's facts (flat values, no merge provenance), so a
// statistic can be computed (and tested) over plain rows.
import type { IncidentFacts } from '../../core/flat-incident.ts';

export type FactRow = IncidentFacts;

/** One category and how many incidents fall in it. */
export interface CountRow<K extends string = string> {
  key: K;
  count: number;
}

/**
 * A count of incidents by one field. `incidents` is how many rows were counted over; for fields that
 * hold several values (types, data types) the counts may add up to more, and `unknown` counts the
 * incidents with no value.
 */
export interface Breakdown<K extends string = string> {
  incidents: number;
  unknown: number;
  rows: CountRow<K>[];
}

/** Counts keys, largest count first, ties in key order so output is stable. */
export function breakdown<K extends string>(rows: readonly FactRow[], keysOf: (row: FactRow) => readonly K[]): Breakdown<K> {
  const counts = new Map<K, number>();
  let unknown = 0;
  for (const row of rows) {
    const keys = new Set(keysOf(row));
    if (keys.size === 0) unknown += 1;
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return breakdownOf(counts, unknown, rows.length);
}

/** Counts already made (by the store's GROUP BY, or above) in a breakdown's order. */
export function breakdownOf<K extends string>(counts: ReadonlyMap<K, number>, unknown: number, incidents: number): Breakdown<K> {
  const out = [...counts].filter(([, count]) => count > 0).map(([key, count]) => ({ key, count }));
  out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { incidents, unknown, rows: out };
}
