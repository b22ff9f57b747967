// The flat field list of one incident (merged, corrected values) shared by IncidentFacts (kept in the
// store, made by app/incident-facts.ts, counted by analyze/stats) and the export formats' IncidentRow:
// kept here, in the lowest layer, so that none of them imports another's.
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

export interface ReplacedIncident {
  exportKey: string;
  /** When it was merged into this one (ISO 8601). */
  at: string;
}

export interface IncidentFacts extends FlatIncident {
  numberKept: boolean;
  numberClash: boolean;
  /** The number jikenbo gave, also when a header number shows. */
  ownNumber?: string | null;
  /** Incidents merged into this one, by the export keys they were exported under. */
  replaces?: ReplacedIncident[];
  /** How many of its stated values a person confirmed or corrected, of how many (absent on facts made before). */
  review?: { confirmed: number; corrected: number; of: number };
  /** 'jp-notices' or an imported dataset ('veris:vcdb'), core/dataset.ts; absent on facts made before. */
  dataset?: string;
  /** An imported incident's own id (VERIS incident_id): shown in place of a casebook number. */
  externalId?: string | null;
}
