// Reading documents and notices back, on both engines: a document, its text, a notice with its
// corrections, the notices listed and counted by filter, and the store's change token.

import { JikenboError } from '../../core/errors.ts';
import type { IncidentType } from '../../core/record.ts';
import { documentTextOf } from '../document-text.ts';
import { checkFilters, checkPaging } from '../filters.ts';
import type { DocumentStore, Store } from '../ports.ts';
import { toCorrection, type CorrectionRow } from '../rows/correction-row.ts';
import {
  toDocument, toNoticeDetail, toNoticeSummary, type DocumentRow, type NoticeDetailRow, type NoticeSummaryRow,
} from '../rows/notice-row.ts';
import { all, get, isRowId, type Dialect, type SqlEngine } from '../sql/sql.ts';
import type { ListOptions, NoticeSummary, SearchFilters } from '../store.ts';

/** A notice's summary row: its types as JSON text (Dialect.jsonArray), on both engines. */
export type SummaryRow = NoticeSummaryRow & { types_json: string };

/** The columns of a NoticeSummary, over `notices n`. */
export const summaryColumns = (dialect: Dialect) => /* sql */ `
  n.id, n.document_id, n.header, n.organization, n.title, n.disclosure_date, n.affected_count,
  n.sector, n.casebook_id,
  (SELECT ${dialect.jsonArray('t.type', 't.position')} FROM notice_types t WHERE t.notice_id = n.id) AS types_json`;

export const toSummary = (row: SummaryRow): NoticeSummary => toNoticeSummary(row, JSON.parse(row.types_json) as IncidentType[]);

/** WHERE clauses over `notices n` for the filters that are set, and their named parameters (only theirs). */
export interface NoticeFilterSql {
  clauses: string[];
  params: Record<string, string>;
}

export function noticeFilterSql(filters: SearchFilters): NoticeFilterSql {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filters.type !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM notice_types t WHERE t.notice_id = n.id AND t.type = @type)');
    params.type = filters.type;
  }
  if (filters.sector !== undefined) {
    clauses.push('n.sector = @sector');
    params.sector = filters.sector;
  }
  if (filters.from !== undefined) {
    clauses.push('n.disclosure_date >= @from');
    params.from = filters.from;
  }
  if (filters.to !== undefined) {
    clauses.push('n.disclosure_date <= @to');
    params.to = filters.to;
  }
  return { clauses, params };
}

const where = (clauses: string[]) => (clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '');

/**
 * What changes whenever anything a reader sees changes. Corrections counted, not their highest id:
 * two PostgreSQL servers' corrections may commit in the other order than their ids, and the later
 * commit of the lower id must change the token too (corrections are never deleted, so on SQLite the
 * count moves exactly when the highest id did). New notices and records are followed by a regrouping,
 * which bumps the generation.
 */
export const CHANGE_TOKEN = /* sql */ `
  SELECT (SELECT generation FROM incident_generation) || ':' || (SELECT coalesce(max(id), 0) FROM notices)
    || ':' || (SELECT coalesce(max(id), 0) FROM records) || ':' || (SELECT count(*) FROM corrections)
    || ':' || (SELECT count(*) FROM corrections WHERE reverted_at IS NOT NULL)
    -- Every other change (claims, confirmations, domain map, watched sources, accounts) writes an audit line.
    -- Sign-ins and sign-outs change nothing a reader sees: an anonymous failed sign-in must not empty the cache.
    || ':' || coalesce((SELECT id FROM audit_log WHERE action NOT LIKE 'session.%' ORDER BY id DESC LIMIT 1), 0) AS token`;

const DOCUMENT_COLUMNS = 'id, sha256, source, media_type, encoding, byte_length, ingested_at';

/** A notice's document read beside it (null when the document is missing). */
type DocumentColumns = Omit<{ [K in keyof DocumentRow as `doc_${K}`]: DocumentRow[K] }, 'doc_id'> & { doc_id: number | null };

type NoticeReads = Pick<DocumentStore, 'hasDocument' | 'getDocument' | 'getDocumentText' | 'getNotice' | 'listNotices' | 'countNotices'>;

export function noticeQueries(engine: SqlEngine): NoticeReads & Pick<Store, 'changeToken'> {
  const summary = summaryColumns(engine.dialect);
  const selectDocument = `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = @id`;
  // Its document in the same statement (one fewer round trip on PostgreSQL); LEFT JOIN, so that a
  // missing document is an error rather than no notice.
  const selectNotice = /* sql */ `
    SELECT ${summary}, n.ordinal, n.text, r.record_json, n.effective_json, r.extractor_version,
      d.id AS doc_id, d.sha256 AS doc_sha256, d.source AS doc_source, d.media_type AS doc_media_type,
      d.encoding AS doc_encoding, d.byte_length AS doc_byte_length, d.ingested_at AS doc_ingested_at
    FROM notices n
    JOIN records r ON r.id = (SELECT max(id) FROM records WHERE notice_id = n.id)
    LEFT JOIN documents d ON d.id = n.document_id
    WHERE n.id = @id`;
  // The notice, its document and its corrections in one snapshot: a correction saved between two of
  // the reads cannot show in one and not in the other.
  const snapshot = { isolation: 'REPEATABLE READ', readOnly: true } as const;

  return {
    async hasDocument(sha256) {
      return (await engine.each(() => get('SELECT 1 AS found FROM documents WHERE sha256 = @sha256', { sha256 }))) !== undefined;
    },

    async getDocument(id) {
      if (!isRowId(id)) return null;
      const row = await engine.each(() => get<DocumentRow>(selectDocument, { id }));
      return row ? toDocument(row) : null;
    },

    async getDocumentText(id) {
      if (!isRowId(id)) return null;
      return engine.transaction(function* () {
        const row = yield* get<{ lead_text: string; whole_text: string | null }>('SELECT lead_text, whole_text FROM documents WHERE id = @id', { id });
        if (!row) return null;
        const texts = row.whole_text === null
          ? (yield* all<{ text: string }>('SELECT text FROM notices WHERE document_id = @id ORDER BY ordinal', { id })).map((n) => n.text)
          : [];
        return documentTextOf({ leadText: row.lead_text, wholeText: row.whole_text }, texts);
      }, snapshot);
    },

    async getNotice(id) {
      if (!isRowId(id)) return null;
      return engine.transaction(function* () {
        const row = yield* get<SummaryRow & NoticeDetailRow & DocumentColumns>(selectNotice, { id });
        if (!row) return null;
        if (row.doc_id === null) throw new JikenboError('internal', `notice ${id} names a missing document ${row.document_id}`);
        const document: DocumentRow = {
          id: row.doc_id, sha256: row.doc_sha256, source: row.doc_source, media_type: row.doc_media_type,
          encoding: row.doc_encoding, byte_length: row.doc_byte_length, ingested_at: row.doc_ingested_at,
        };
        const corrections = yield* all<CorrectionRow>(
          "SELECT * FROM corrections WHERE target = 'notice' AND target_id = @id ORDER BY decided_at, id", { id });
        return toNoticeDetail(toSummary(row), row, corrections.map(toCorrection), document);
      }, snapshot);
    },

    async listNotices(options: ListOptions = {}) {
      const { clauses, params } = noticeFilterSql(checkFilters(options));
      const paging = checkPaging(options);
      const rows = await engine.each(() => all<SummaryRow>(/* sql */ `
        SELECT ${summary} FROM notices n ${where(clauses)}
        ORDER BY n.disclosure_date DESC NULLS LAST, n.id DESC
        LIMIT @limit OFFSET @offset`, { ...params, ...paging }));
      return rows.map(toSummary);
    },

    async countNotices(options: SearchFilters = {}) {
      const { clauses, params } = noticeFilterSql(checkFilters(options));
      return (await engine.each(() => get<{ n: number }>(`SELECT count(*) AS n FROM notices n ${where(clauses)}`, params)))!.n;
    },

    async changeToken() {
      return (await engine.each(() => get<{ token: string }>(CHANGE_TOKEN)))!.token;
    },
  };
}
