// The data the store's ports (ports.ts) take and return: documents, notices, incidents, corrections
// and the grouping's bookkeeping, nothing about which engine keeps them.

import type { Correction, FieldValue } from '../core/corrections.ts';
import type { IncidentRecord, IncidentType, RecordKey, Sector } from '../core/record.ts';
import type { LinkOrigin, ManualDecision, NoticeLink } from '../analyze/grouping-types.ts';
import type { FactsFilter } from './incident-facts-sql.ts';

export type {
  ExistingIncident, GroupingItem, IncidentPlan, IncidentSnapshot, LinkableNotice, LinkOrigin, ManualDecision, NoticeLink, PlannedIncident, PlannedMember,
} from '../analyze/grouping-types.ts';

export interface DocumentInput {
  sha256: string;
  /** Where the bytes came from: a path or URL as the user gave it. */
  source: string;
  /** 'text/plain' | 'text/html' | 'application/pdf' */
  mediaType: string;
  /** The encoding the bytes were decoded from ('UTF-8', 'Shift_JIS', ...); null for PDF. */
  encoding: string | null;
  byteLength: number;
  /** The decoded text that posts were cut from. */
  text: string;
  /** Who brought it in, for the audit log (an account, `cli:NAME`, `watch`); the system when absent. */
  by?: string;
  /** Its dataset (core/dataset.ts): 'jp-notices' when absent, 'veris:<source_id>' for an imported VERIS file. */
  dataset?: string;
  /** An imported incident's own id in its dataset (VERIS incident_id); null for a notice. */
  externalId?: string | null;
}

export interface NoticeInput {
  /** Position of the post in its document, from 0. */
  ordinal: number;
  start: number;
  end: number;
  text: string;
  record: IncidentRecord;
  extractorVersion: string;
}

export interface IngestResult {
  documentId: number;
  /** false when a document with the same SHA-256 was already stored: nothing was added. */
  created: boolean;
  noticeIds: number[];
}

/** One document of a batch for `Store.ingestDocuments`. */
export interface DocumentToIngest {
  doc: DocumentInput;
  notices: NoticeInput[];
}

/** What became of one document of a batch: stored (or found stored), or refused alone with the reason. */
export type BatchIngestOutcome = { result: IngestResult; error?: undefined } | { result?: undefined; error: Error };

export interface SearchFilters {
  type?: IncidentType;
  sector?: Sector;
  /** disclosure date range, inclusive, YYYY-MM-DD */
  from?: string;
  to?: string;
}

export interface NoticeSummary {
  id: number;
  documentId: number;
  header: string;
  organization: string | null;
  title: string | null;
  disclosureDate: string | null;
  incidentTypes: IncidentType[];
  affectedCount: number | null;
  sector: Sector | null;
  casebookId: string | null;
}

export interface SearchHit extends NoticeSummary {
  /** The matched passage with the query marked: text between '\u0001' and '\u0002' is a match. */
  snippet: string;
  /** Relevance; higher is better. Comparable only within one search; 0 for every hit of a search of common words only. */
  score: number;
}

export interface StoredDocument {
  id: number;
  sha256: string;
  source: string;
  mediaType: string;
  encoding: string | null;
  byteLength: number;
  ingestedAt: string;
}

export interface NoticeDetail extends NoticeSummary {
  ordinal: number;
  text: string;
  /** The effective record: people's live corrections over the latest machine record. */
  record: IncidentRecord;
  /** The latest machine record, exactly as extracted. */
  machineRecord: IncidentRecord;
  /** Every correction of this notice, reverted ones included, oldest first. */
  corrections: Correction[];
  extractorVersion: string;
  document: StoredDocument;
}

export interface ListOptions extends SearchFilters {
  limit?: number;
  offset?: number;
}

/** The grouping queue's stages: 1 notices to index again, 2 blocks to link again, 3 notices to plan again. */
export type GroupingStage = 1 | 2 | 3;

/** A stored automatic link and the block that gave it. */
export interface BlockLink {
  block: string;
  link: NoticeLink;
}

/** A notice's blocks (org:…, number:…, title:…, opening:…) and the text around its contractor cues. */
export interface NoticeIndexEntry {
  id: number;
  blocks: string[];
  /** The date the notice is placed at in time (link-notices.ts indexedAt), or null. */
  at: string | null;
  windows: string;
}

/** One block's notices indexed within [from, to] (either null: unbounded), and every undated one. */
export interface BlockWindow {
  block: string;
  from: string | null;
  to: string | null;
}

/** Incidents, notices in an incident with another, and incidents whose number another also has. */
export interface GroupingSummary {
  incidents: number;
  linkedNotices: number;
  clashes: number;
}

/** What planning a part of the casebook reads besides its notices: whether it is current, counters, decisions. */
export interface PlanBasis {
  basis: string;
  counters: Map<number, number>;
  decisions: ManualDecision[];
}


/** An export key, number or row id an incident no longer carries, and the incident that answers for it now. */
export interface IncidentAlias {
  kind: 'export_key' | 'number' | 'id';
  alias: string;
  /** The incident that absorbed it; null when its notices left the casebook's incidents altogether. */
  incidentId: number | null;
  /** 'merged' into another incident; 'renumbered' when jikenbo's numbers took their own form. */
  reason: 'merged' | 'renumbered';
  recordedAt: string;
}

export interface IncidentMember {
  noticeId: number;
  header: string;
  record: IncidentRecord;
  ingestedAt: string;
  origin: LinkOrigin;
  links: NoticeLink[];
  /** Its document's dataset (core/dataset.ts) and, for an imported one, the incident's id there. */
  dataset?: string;
  externalId?: string | null;
}

export interface StoredIncident {
  id: number;
  /**
   * The casebook header's YYYY-NNN, else the number jikenbo gave (JYYYY-NNNN); null only between an
   * ingest and the regrouping after it.
   */
  number: string | null;
  /** true when the number was read from a casebook header, false when jikenbo assigned it. */
  numberKept: boolean;
  /** The number jikenbo gave (JYYYY-NNNN), valid for ever once given, also when a header number shows. */
  ownNumber: string | null;
  /** Fixed when the incident was first stored: every export id (VERIS, STIX, Atom) is made from it. */
  exportKey: string;
  numberClash: boolean;
  clashNotes: string | null;
  firstDisclosure: string | null;
  /** In ingest order. */
  members: IncidentMember[];
  /** 'jp-notices', or the dataset of an imported incident (core/dataset.ts incidentDataset). */
  dataset?: string;
  /** An imported incident's own id (VERIS incident_id), shown in place of a casebook number. */
  externalId?: string | null;
}

export type CorrectionTarget = 'notice' | 'incident';

export interface CorrectionInput {
  target: CorrectionTarget;
  targetId: number;
  field: RecordKey;
  /** The value the person saw before correcting it. */
  oldValue: FieldValue;
  newValue: FieldValue;
  by: string;
  /** Why; app/review.ts asks one for every change of a value. */
  reason?: string | null;
}

export interface ReextractionCandidate {
  id: number;
  text: string;
  /** The extractor version of the notice's latest machine record. */
  extractorVersion: string;
}

/** An incident whose facts are stale, and the sequence number of its last change. */
export interface FactsWorkItem {
  incidentId: number;
  seq: number;
}

/** The incidents of a view: the pages' filter, and the hits of a full-text search when there is one. */
export interface FactsView {
  filter: FactsFilter;
  /** Notice ids a search matched, best first (searchNoticeIds): only their incidents, ranked by their best hit. */
  hits?: readonly number[];
}



