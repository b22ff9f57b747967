// The embedded Store: one SQLite file (better-sqlite3), bigram full-text search through FTS5.

import Database from 'better-sqlite3';
import { queryPhrases, indexTokens } from '../../core/bigram.ts';
import { JP_NOTICES } from '../../core/dataset.ts';
import { JikenboError } from '../../core/errors.ts';
import type { IncidentType } from '../../core/record.ts';
import { checkFilters, checkPaging } from '../filters.ts';
import {
  toDocument, toNoticeDetail, toNoticeSummary, type DocumentRow, type NoticeDetailRow, type NoticeSummaryRow,
} from '../rows/notice-row.ts';
import { makeSnippet } from '../snippet.ts';
import { documentTextOf, storedDocumentText } from '../document-text.ts';
import type {
  BatchIngestOutcome, DocumentInput, IngestResult, ListOptions, NoticeInput, NoticeSummary, SearchFilters, SearchHit,
} from '../store.ts';
import type { Store } from '../ports.ts';
import { ftsSearch } from './fts-search.ts';
import { checkRankLimit } from '../search-ranking.ts';
import { sqliteEngine } from '../sql/sqlite-engine.ts';
import { sqliteGrouping } from './grouping-windows.ts';
import { sharedQueries } from '../queries/shared-queries.ts';
import { sqliteFacts } from './facts-index-source.ts';
import { migrate } from '../migrations/sqlite-migrate.ts';
import { auditWriter } from './audit-writer.ts';
import { ftsIntegrity } from './fts-integrity.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import { toCorrection, type CorrectionRow } from '../rows/correction-row.ts';

export interface SqliteStoreOptions {
  /** How long a writer waits for another process's write lock before failing, in ms. */
  busyTimeoutMs?: number;
  /** The clock for ingested_at and created_at; tests pass a fixed one. */
  now?: () => Date;
  /** Words in more notices than this narrow a search without ranking it (SEARCH_RANK_LIMIT); tests pass a small one. */
  searchRankLimit?: number;
  /** Counts and pages from the facts index kept in memory (store/facts-index.ts); false: always from SQL (tests compare the two). */
  factsIndex?: boolean;
}

type SummaryRow = NoticeSummaryRow & { types_json: string };

const SUMMARY_COLUMNS = /* sql */ `
  n.id, n.document_id, n.header, n.organization, n.title, n.disclosure_date, n.affected_count,
  n.sector, n.casebook_id,
  (SELECT json_group_array(t.type ORDER BY t.position) FROM notice_types t WHERE t.notice_id = n.id) AS types_json`;

const SHA256 = /^[0-9a-f]{64}$/;

/** WHERE clauses for the filters that are set; the values travel as bound parameters. */
function filterClauses(filters: SearchFilters): string[] {
  const clauses: string[] = [];
  if (filters.type !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM notice_types t WHERE t.notice_id = n.id AND t.type = @type)');
  }
  if (filters.sector !== undefined) clauses.push('n.sector = @sector');
  if (filters.from !== undefined) clauses.push('n.disclosure_date >= @from');
  if (filters.to !== undefined) clauses.push('n.disclosure_date <= @to');
  return clauses;
}

/** Only the parameters the chosen clauses name: better-sqlite3 rejects unused named parameters. */
function filterParams(filters: SearchFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['type', 'sector', 'from', 'to'] as const) {
    const value = filters[key];
    if (value !== undefined) params[key] = value;
  }
  return params;
}

/** Named difference: json_group_array comes back from SQLite as JSON text. */
const toSummary = (row: SummaryRow): NoticeSummary => toNoticeSummary(row, JSON.parse(row.types_json) as IncidentType[]);

function refused(doc: DocumentInput, err: unknown): JikenboError {
  return new JikenboError('bad_input', `could not store ${doc.source}: ${(err as Error).message}`, { subject: doc.source, cause: err });
}

function isConstraintError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/** Opens the file with the settings the store relies on and brings its schema up to date. */
export function openSqliteDatabase(path: string, options: SqliteStoreOptions = {}): Database.Database {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a crash never leaves half a transaction; a power cut may lose the last few.
    db.pragma('synchronous = NORMAL');
    // Checkpoint the WAL into the database every 10,000 pages (40 MB) rather than SQLite's 1,000: a
    // checkpoint copies each page written since the last one once and syncs the file, in whichever
    // commit passes the mark, and a large ingest's batches and grouping steps rewrite the same B-tree
    // pages over and over. 20,000 posts: 69-73 s → 66-67 s alone, 55-58 s with deeper readers
    // (ingest-pool.ts TASKS_PER_READER; BENCHMARKS.md, 2026-12-04).
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const db = openSqliteDatabase(path, options);

  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const findDocument = db.prepare<[string], { id: number }>('SELECT id FROM documents WHERE sha256 = ?');
  const noticeIdsOf = db.prepare<[number], { id: number }>('SELECT id FROM notices WHERE document_id = ? ORDER BY ordinal');
  const insertDocument = db.prepare(/* sql */ `
    INSERT INTO documents (sha256, source, media_type, encoding, byte_length, lead_text, whole_text, ingested_at, dataset, external_id)
    VALUES (@sha256, @source, @mediaType, @encoding, @byteLength, @leadText, @wholeText, @ingestedAt, @dataset, @externalId)`);
  const insertNotice = db.prepare(/* sql */ `
    INSERT INTO notices (document_id, ordinal, start_offset, end_offset, text, header, organization, title,
                         disclosure_date, casebook_id, sector, affected_count, kind)
    VALUES (@documentId, @ordinal, @start, @end, @text, @header, @organization, @title,
            @disclosureDate, @casebookId, @sector, @affectedCount, @kind)`);
  const insertRecord = db.prepare(/* sql */ `
    INSERT INTO records (notice_id, record_json, extractor_version, created_at) VALUES (?, ?, ?, ?)`);
  const insertType = db.prepare('INSERT INTO notice_types (notice_id, position, type) VALUES (?, ?, ?)');
  const insertIncident = db.prepare('INSERT INTO incidents (created_at) VALUES (?)');
  const insertIncidentNotice = db.prepare('INSERT INTO incident_notices (incident_id, notice_id) VALUES (?, ?)');
  const insertFts = db.prepare('INSERT INTO notice_fts (rowid, body) VALUES (?, ?)');
  const selectDocument = db.prepare<[number], DocumentRow>(/* sql */ `
    SELECT id, sha256, source, media_type, encoding, byte_length, ingested_at FROM documents WHERE id = ?`);
  const selectDocumentText = db.prepare<[number], { lead_text: string; whole_text: string | null }>(
    'SELECT lead_text, whole_text FROM documents WHERE id = ?');
  const selectNoticeTexts = db.prepare<[number], { text: string }>('SELECT text FROM notices WHERE document_id = ? ORDER BY ordinal');
  const selectNotice = db.prepare<[number], SummaryRow & NoticeDetailRow>(/* sql */ `
    SELECT ${SUMMARY_COLUMNS}, n.ordinal, n.text, r.record_json, n.effective_json, r.extractor_version
    FROM notices n
    JOIN records r ON r.id = (SELECT max(id) FROM records WHERE notice_id = n.id)
    WHERE n.id = ?`);
  const selectNoticeCorrections = db.prepare<[number], CorrectionRow>(
    "SELECT * FROM corrections WHERE target = 'notice' AND target_id = ? ORDER BY decided_at, id");
  // The notice, its document and its corrections in one read transaction, as PostgreSQL reads them:
  // a correction saved between two of the reads cannot show in one and not in the other.
  const readNotice = db.transaction((id: number) => {
    const row = selectNotice.get(id);
    if (!row) return null;
    const document = selectDocument.get(row.document_id);
    if (!document) throw new JikenboError('internal', `notice ${id} names a missing document ${row.document_id}`);
    return toNoticeDetail(toSummary(row), row, selectNoticeCorrections.all(id).map(toCorrection), document);
  });

  const audit = auditWriter(db, now);
  const fts = ftsSearch(db, checkRankLimit(options.searchRankLimit, 'sqlite'));
  const selectHitRows = db.prepare<[string], SummaryRow & { text: string }>(/* sql */ `
    SELECT ${SUMMARY_COLUMNS}, n.text FROM notices n WHERE n.id IN (SELECT value FROM json_each(?))`);

  /**
   * Everything for one file but its search index rows, which go to `index`: stored whole, or not at all
   * (the caller's transaction or savepoint).
   */
  const insertDocumentRows = (doc: DocumentInput, notices: readonly PreparedNotice[], index: (noticeId: number, tokens: string) => void): IngestResult => {
    const existing = findDocument.get(doc.sha256);
    if (existing) {
      return { documentId: existing.id, created: false, noticeIds: noticeIdsOf.all(existing.id).map((r) => r.id) };
    }
    const at = now().toISOString();
    const { leadText, wholeText } = storedDocumentText(doc.text, notices.map((n) => n.input));
    const documentId = Number(insertDocument.run({
      sha256: doc.sha256, source: doc.source, mediaType: doc.mediaType, encoding: doc.encoding, byteLength: doc.byteLength,
      leadText, wholeText, ingestedAt: at, dataset: doc.dataset ?? JP_NOTICES, externalId: doc.externalId ?? null,
    }).lastInsertRowid);
    const noticeIds: number[] = [];
    for (const { input, recordJson, tokens } of notices) {
      const r = input.record;
      const noticeId = Number(insertNotice.run({
        documentId, ordinal: input.ordinal, start: input.start, end: input.end, text: input.text,
        header: r.header, organization: r.organization, title: r.title, disclosureDate: r.disclosure_date,
        casebookId: r.casebook_id, sector: r.sector, affectedCount: r.affected_count, kind: r.kind,
      }).lastInsertRowid);
      insertRecord.run(noticeId, recordJson, input.extractorVersion, at);
      r.incident_types.forEach((type, position) => insertType.run(noticeId, position, type));
      // In the same transaction, so a crash never leaves a notice outside every incident; regrouping links it later.
      if (r.kind === 'incident') insertIncidentNotice.run(Number(insertIncident.run(at).lastInsertRowid), noticeId);
      index(noticeId, tokens);
      noticeIds.push(noticeId);
    }
    audit({
      actor: doc.by ?? SYSTEM_ACTOR, action: 'document.ingest', subject: `document:${documentId}`, before: null,
      after: { sha256: doc.sha256, source: doc.source, mediaType: doc.mediaType, notices: noticeIds },
    });
    return { documentId, created: true, noticeIds };
  };

  /** Everything for one file in one write transaction: stored whole, or not at all. */
  const ingest = db.transaction((doc: DocumentInput, notices: readonly PreparedNotice[]): IngestResult =>
    insertDocumentRows(doc, notices, (noticeId, tokens) => insertFts.run(noticeId, tokens)));

  /** One file of a batch, in a savepoint of its own (better-sqlite3 nests transactions that way). */
  const ingestInSavepoint = db.transaction((doc: DocumentInput, notices: readonly PreparedNotice[], index: Array<[number, string]>): IngestResult =>
    insertDocumentRows(doc, notices, (noticeId, tokens) => index.push([noticeId, tokens])));

  /**
   * A batch of files in one write transaction (one commit instead of one per file). Each file runs in
   * a savepoint of its own: a file the schema refuses is rolled back alone and reported, the others
   * stay. The search index rows of the files stored are written after the last savepoint, all in the
   * batch's transaction: FTS5 flushes its pending terms to its B-tree at every savepoint, which would
   * write each file's terms separately and double the cost of indexing. Should one of them fail, the
   * whole batch fails and the caller stores its files one at a time (ingest-batch.ts).
   */
  const ingestBatch = db.transaction((items: readonly PreparedDocument[]): BatchIngestOutcome[] => {
    const index: Array<[number, string]> = [];
    const outcomes = items.map((item): BatchIngestOutcome => {
      if ('error' in item) return { error: item.error };
      const own: Array<[number, string]> = [];
      try {
        const result = ingestInSavepoint(item.doc, item.notices, own);
        for (const row of own) index.push(row);
        return { result };
      } catch (err) {
        // The input's fault (a constraint, or a bad_input raised on the way, such as a blank actor): this file only.
        if (err instanceof JikenboError && err.code === 'bad_input') return { error: err };
        if (!isConstraintError(err)) throw err;
        return { error: refused(item.doc, err) };
      }
    });
    for (const [noticeId, tokens] of index) insertFts.run(noticeId, tokens);
    return outcomes;
  });

  const engine = sqliteEngine(db);
  const selectChangeToken = db.prepare<[], { token: string }>(/* sql */ `
    SELECT (SELECT generation FROM incident_generation) || ':' || (SELECT coalesce(max(id), 0) FROM notices)
      || ':' || (SELECT coalesce(max(id), 0) FROM records) || ':' || (SELECT coalesce(max(id), 0) FROM corrections)
      || ':' || (SELECT count(*) FROM corrections WHERE reverted_at IS NOT NULL)
      -- Every other change (claims, confirmations, domain map, watched sources, accounts) writes an audit line.
      -- Sign-ins and sign-outs change nothing a reader sees: an anonymous failed sign-in must not empty the cache.
      || ':' || coalesce((SELECT id FROM audit_log WHERE action NOT LIKE 'session.%' ORDER BY id DESC LIMIT 1), 0) AS token`);

  return {
    ...sharedQueries(engine, now, {
      matchIds: async (phrases, limit) => fts.matchIds(phrases, { clauses: [], params: {} }, { limit, offset: 0 }),
      facts: sqliteFacts(db, () => selectChangeToken.get()!.token),
      factsIndex: options.factsIndex ?? true,
      integrity: ftsIntegrity,
      grouping: sqliteGrouping,
    }),

    async ingestDocument(doc, notices) {
      if (!SHA256.test(doc.sha256)) {
        throw new JikenboError('bad_input', `not a lowercase hex SHA-256: "${doc.sha256}"`, { subject: doc.source });
      }
      // The pure work happens before the write lock is taken.
      const prepared = notices.map(prepareNotice);
      try {
        return ingest.immediate(doc, prepared);
      } catch (err) {
        if (!isConstraintError(err)) throw err;
        throw refused(doc, err);
      }
    },

    async ingestDocuments(batch) {
      const prepared = batch.map(({ doc, notices }): PreparedDocument =>
        SHA256.test(doc.sha256)
          ? { doc, notices: notices.map(prepareNotice) }
          : { error: new JikenboError('bad_input', `not a lowercase hex SHA-256: "${doc.sha256}"`, { subject: doc.source }) });
      return ingestBatch.immediate(prepared);
    },

    async hasDocument(sha256) {
      return findDocument.get(sha256) !== undefined;
    },

    async getDocument(id) {
      const row = selectDocument.get(id);
      return row ? toDocument(row) : null;
    },

    async getDocumentText(id) {
      const row = selectDocumentText.get(id);
      if (!row) return null;
      const texts = row.whole_text === null ? selectNoticeTexts.all(id).map((n) => n.text) : [];
      return documentTextOf({ leadText: row.lead_text, wholeText: row.whole_text }, texts);
    },

    async getNotice(id) {
      return readNotice(id);
    },

    async listNotices(options: ListOptions = {}) {
      const filters = checkFilters(options);
      const paging = checkPaging(options);
      const clauses = filterClauses(filters);
      const rows = prepare(/* sql */ `
        SELECT ${SUMMARY_COLUMNS}
        FROM notices n
        ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY n.disclosure_date DESC NULLS LAST, n.id DESC
        LIMIT @limit OFFSET @offset`).all({ ...filterParams(filters), ...paging }) as SummaryRow[];
      return rows.map(toSummary);
    },

    async countNotices(options: SearchFilters = {}) {
      const filters = checkFilters(options);
      const clauses = filterClauses(filters);
      const row = prepare(/* sql */ `
        SELECT count(*) AS n FROM notices n
        ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''}`).get(filterParams(filters)) as { n: number };
      return row.n;
    },

    async search(query, options: ListOptions = {}) {
      if (query.trim() === '') throw new JikenboError('bad_input', 'the search query is empty', { subject: 'query' });
      const filters = checkFilters(options);
      const paging = checkPaging(options);
      // Ids first (ranked or newest first, see fts-search.ts), then columns and text for the page only.
      const hits = fts.match(queryPhrases(query), { clauses: filterClauses(filters), params: filterParams(filters) }, paging);
      if (hits.length === 0) return [];
      const rows = new Map(selectHitRows.all(JSON.stringify(hits.map((h) => h.id))).map((row) => [row.id, row]));
      return hits.map((hit): SearchHit => {
        const row = rows.get(hit.id)!;
        return { ...toSummary(row), snippet: makeSnippet(row.text, query), score: hit.score };
      });
    },

    async changeToken() {
      return selectChangeToken.get()!.token;
    },

    async close() {
      if (db.open) db.close();
    },
  };
}

type PreparedDocument = { doc: DocumentInput; notices: PreparedNotice[] } | { error: JikenboError };

interface PreparedNotice {
  input: NoticeInput;
  recordJson: string;
  tokens: string;
}

function prepareNotice(input: NoticeInput): PreparedNotice {
  return { input, recordJson: JSON.stringify(input.record), tokens: indexTokens(input.text) };
}
