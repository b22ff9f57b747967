// Incidents by the sector (業種) of the organisation: who is hit.
import type { Sector } from '../../core/record.ts';
import { breakdown, type Breakdown, type FactRow } from './fact-row.ts';

export function countBySector(rows: readonly FactRow[]): Breakdown<Sector> {
  return breakdown(rows, (r) => (r.sector ? [r.sector] : []));
}
