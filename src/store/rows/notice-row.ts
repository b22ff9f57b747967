// The notice and documents rows both engines read, and their mapping to NoticeSummary, NoticeDetail
// and StoredDocument. The notice's types arrive differently (PostgreSQL: a JSON array already parsed;
// SQLite: JSON text), so each engine converts them and passes them in.

import type { Correction } from '../../core/corrections.ts';
import type { IncidentRecord, IncidentType, Sector } from '../../core/record.ts';
import type { NoticeDetail, NoticeSummary, StoredDocument } from '../store.ts';

export interface NoticeSummaryRow {
  id: number;
  document_id: number;
  header: string;
  organization: string | null;
  title: string | null;
  disclosure_date: string | null;
  affected_count: number | null;
  sector: string | null;
  casebook_id: string | null;
}

export interface DocumentRow {
  id: number;
  sha256: string;
  source: string;
  media_type: string;
  encoding: string | null;
  byte_length: number;
  ingested_at: string;
}

export function toNoticeSummary(row: NoticeSummaryRow, incidentTypes: IncidentType[]): NoticeSummary {
  return {
    id: row.id,
    documentId: row.document_id,
    header: row.header,
    organization: row.organization,
    title: row.title,
    disclosureDate: row.disclosure_date,
    incidentTypes,
    affectedCount: row.affected_count,
    sector: row.sector as Sector | null,
    casebookId: row.casebook_id,
  };
}

export function toDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id, sha256: row.sha256, source: row.source, mediaType: row.media_type, encoding: row.encoding,
    byteLength: row.byte_length, ingestedAt: row.ingested_at,
  };
}

/** The columns a notice's detail page reads beside its summary. */
export interface NoticeDetailRow {
  ordinal: number;
  text: string;
  record_json: string;
  effective_json: string | null;
  extractor_version: string;
}

export function toNoticeDetail(
  summary: NoticeSummary, row: NoticeDetailRow, corrections: Correction[], document: DocumentRow,
): NoticeDetail {
  return {
    ...summary,
    ordinal: row.ordinal,
    text: row.text,
    record: JSON.parse(row.effective_json ?? row.record_json) as IncidentRecord,
    machineRecord: JSON.parse(row.record_json) as IncidentRecord,
    corrections,
    extractorVersion: row.extractor_version,
    document: toDocument(document),
  };
}
