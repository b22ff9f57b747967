// The flat field list of one incident (merged, corrected values) shared by the app's IncidentFacts
// and the export formats' IncidentRow, kept here so formats need not import the app.
import type { DataType, Discovery, IncidentType, Sector } from './record.ts';

export type ReviewState = 'unreviewed' | 'reviewed';

export interface FlatIncident {
  id: number;
  /** 事件簿番号: a casebook header's YYYY-NNN, else the number jikenbo gave, JYYYY-NNNN. */
  number: string | null;
  /** Fixed when the incident was first stored; every export id is made from it. */
  exportKey: string;
  title: string | null;
  organization: string | null;
  /** Every organisation its notices name. */
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
  /** 'reviewed' once a person corrected or confirmed a value of the incident or of one of its notices. */
  reviewState: ReviewState;
  /** 'jp-notices', or the dataset it was imported from ('veris:vcdb'): core/dataset.ts. */
  dataset?: string;
  /** An imported incident's own id there (VERIS incident_id); it has no casebook number. */
  externalId?: string | null;
}
