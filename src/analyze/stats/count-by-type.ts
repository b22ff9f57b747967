// Incidents by incident type; an incident of several types counts once under each.
import type { IncidentType } from '../../core/record.ts';
import { breakdown, type Breakdown, type FactRow } from './fact-row.ts';

export function countByType(rows: readonly FactRow[]): Breakdown<IncidentType> {
  return breakdown(rows, (r) => r.incidentTypes);
}
