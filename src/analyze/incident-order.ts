// The orders the incidents page offers. Missing values (no date, no count, no number) always sort last.

export const INCIDENT_SORTS = ['disclosed_desc', 'disclosed_asc', 'affected_desc', 'number_desc', 'number_asc', 'relevance'] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

export interface SortableIncident {
  id: number;
  number: string | null;
  disclosureDate: string | null;
  affectedCount: number | null;
}

/**
 * '2024-042' → [2024, 0, 42], 'J2024-0042' → [2024, 1, 42]: by year, a year's casebook numbers before
 * jikenbo's own, each compared numerically so '2024-1000' follows '2024-999'.
 */
function numberKey(n: string | null): [number, number, number] | null {
  const m = n ? /^(J?)(\d{4})-(\d+)$/.exec(n) : null;
  return m ? [Number(m[2]), m[1] ? 1 : 0, Number(m[3])] : null;
}

function nullsLast<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return cmp(a, b);
}

const byString = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const byPair = (x: [number, number, number], y: [number, number, number]) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

/**
 * A sorted copy. `relevance` ranks by `rank` (lower is better, e.g. the position of the incident's best
 * search hit); without ranks it falls back to the newest disclosure first. Ties go to the higher id.
 */
export function sortIncidents<T extends SortableIncident>(rows: readonly T[], sort: IncidentSort, rank?: ReadonlyMap<number, number>): T[] {
  const cmp = (a: T, b: T): number => {
    switch (sort) {
      case 'disclosed_desc': return nullsLast(a.disclosureDate, b.disclosureDate, (x, y) => byString(y, x));
      case 'disclosed_asc': return nullsLast(a.disclosureDate, b.disclosureDate, byString);
      case 'affected_desc': return nullsLast(a.affectedCount, b.affectedCount, (x, y) => y - x);
      case 'number_desc': return nullsLast(numberKey(a.number), numberKey(b.number), (x, y) => byPair(y, x));
      case 'number_asc': return nullsLast(numberKey(a.number), numberKey(b.number), byPair);
      case 'relevance':
        return rank
          ? nullsLast(rank.get(a.id) ?? null, rank.get(b.id) ?? null, (x, y) => x - y)
          : nullsLast(a.disclosureDate, b.disclosureDate, (x, y) => byString(y, x));
    }
  };
  return [...rows].sort((a, b) => cmp(a, b) || b.id - a.id);
}
