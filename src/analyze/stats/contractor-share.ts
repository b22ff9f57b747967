// How many incidents involved a contractor (委託先・保守業者), and their share of all incidents.
import type { FactRow } from './fact-row.ts';

export interface ContractorShare {
  incidents: number;
  involved: number;
  /** involved / incidents, 0–1; null when there are no incidents. */
  share: number | null;
}

export function contractorShare(rows: readonly FactRow[]): ContractorShare {
  const involved = rows.filter((r) => r.contractorInvolved).length;
  return { incidents: rows.length, involved, share: rows.length ? involved / rows.length : null };
}
