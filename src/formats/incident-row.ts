// The flat incident row every export format reads: the merged, corrected values of one incident.
// The app's IncidentFacts satisfies it; formats depend on this shape only, never on the app.
import type { FlatIncident, ReplacedIncident } from '../core/flat-incident.ts';
import type { IncidentRecord } from '../core/record.ts';

export type { ReplacedIncident } from '../core/flat-incident.ts';

export interface IncidentRow extends FlatIncident {
  /** Another incident has the same header number: for a person to look at. */
  numberClash?: boolean;
  /** Incidents merged into this one: the export keys they were exported under, and when. */
  replaces?: readonly ReplacedIncident[];
}

/** A record without evidence or confidence: what an incident states, as SPEC.md keys. */
export type PlainRecord = Omit<IncidentRecord, 'evidence' | 'confidence' | 'low_confidence'>;

/** The incident row as a record of SPEC.md keys (kind incident; header from the title). */
export function rowToRecord(row: IncidentRow): PlainRecord {
  return {
    header: row.title ?? row.organization ?? `#${row.number ?? row.id}`,
    // A number jikenbo gave (J2024-0078) belongs to this casebook alone: it is no casebook id.
    casebook_id: row.number !== null && /^\d{4}-\d{3,}$/.test(row.number) ? row.number : null,
    kind: 'incident',
    organization: row.organization,
    title: row.title,
    disclosure_date: row.disclosureDate,
    incident_types: [...row.incidentTypes],
    affected_count: row.affectedCount,
    data_types: [...row.dataTypes],
    sector: row.sector,
    reported_to_ppc: row.reportedToPpc,
    reported_to_police: row.reportedToPolice,
    contractor_involved: row.contractorInvolved,
    attacker: row.attacker,
    discovery: row.discovery,
    occurred_date: row.occurredDate,
    discovered_date: row.discoveredDate,
  };
}
