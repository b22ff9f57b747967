// Incidents by how the organisation learned of them (発覚の経緯).
import type { Discovery } from '../../core/record.ts';
import { breakdown, type Breakdown, type FactRow } from './fact-row.ts';

export function countByDiscovery(rows: readonly FactRow[]): Breakdown<Discovery> {
  return breakdown(rows, (r) => (r.discovery ? [r.discovery] : []));
}
