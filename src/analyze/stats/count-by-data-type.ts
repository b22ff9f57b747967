// Incidents by the kind of data that leaked (漏えい項目); an incident counts once under each kind.
import type { DataType } from '../../core/record.ts';
import { breakdown, type Breakdown, type FactRow } from './fact-row.ts';

export function countByDataType(rows: readonly FactRow[]): Breakdown<DataType> {
  return breakdown(rows, (r) => r.dataTypes);
}
