// The flat incident row every export format reads: the merged, corrected values of one incident.
// The app's IncidentFacts satisfies it; formats depend on this shape only, never on the app.
import type { DataType, Discovery, IncidentRecord, IncidentType, Sector } from '../core/record.ts';

export interface IncidentRow {
  id: number;
  /** 事件簿番号 YYYY-NNN */
  number: string | null;
  /** Another incident has the same number (a person should look): ids then also use the local id. */
  numberClash?: boolean;
  title: string | null;
  organization: string | null;
  organizations: string[];
  sector: Sector | null;
  disclosureDate: string | null;
  occurredDate: string | null;
  discoveredDate: string | null;
  incidentTypes: IncidentType[];
  dataTypes: DataType[];
  affectedCount: number | null;
  reportedToPpc: boolean;
  reportedToPolice: boolean;
  contractorInvolved: boolean;
  attacker: string | null;
  discovery: Discovery | null;
  noticeIds: number[];
  reviewState: 'unreviewed' | 'reviewed';
}

/** A record without evidence or confidence: what an incident states, as SPEC.md keys. */
export type PlainRecord = Omit<IncidentRecord, 'evidence' | 'confidence' | 'low_confidence'>;

/** The incident row as a record of SPEC.md keys (kind incident; header from the title). */
export function rowToRecord(row: IncidentRow): PlainRecord {
  return {
    header: row.title ?? row.organization ?? `#${row.number ?? row.id}`,
    casebook_id: row.number,
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
