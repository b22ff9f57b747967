// The shared Store: PostgreSQL (node-postgres), for several jikenbo servers on one database.
// Same semantics as sqlite-store.ts; the differences are named where they occur.

import { queryPhrases } from '../../core/bigram.ts';
import { JikenboError } from '../../core/errors.ts';
import type { IncidentType } from '../../core/record.ts';
import { checkFilters, checkPaging } from '../filters.ts';
import {
  toDocument, toNoticeDetail, toNoticeSummary, type DocumentRow, type NoticeDetailRow, type NoticeSummaryRow,
} from '../rows/notice-row.ts';
import { makeSnippet } from '../snippet.ts';
import { documentTextOf } from '../document-text.ts';
import type { ListOptions, NoticeSummary, SearchFilters, SearchHit } from '../store.ts';
import type { Store } from '../ports.ts';
import { toCorrection, type CorrectionRow } from '../rows/correction-row.ts';
import { postgresEngine } from '../sql/postgres-engine.ts';
import { postgresGrouping } from './grouping-windows.ts';
import { ingestQueries } from './ingest-queries.ts';
import { migrate } from '../migrations/postgres-migrate.ts';
import { sharedQueries } from '../queries/shared-queries.ts';
import { postgresFacts } from './facts-index-source.ts';
import { createPool, guardPool, inTransaction, isRowId, one, rows, type Pool } from './pg-database.ts';
import { pgSearch } from './pg-search.ts';
import { checkRankLimit } from '../search-ranking.ts';
import { pgSearchIntegrity } from './pg-search-integrity.ts';

export interface PostgresStoreOptions {
  /** The clock for ingested_at and created_at; tests pass a fixed one. */
  now?: () => Date;
  /** Connections in the pool the store opens for a URL. */
  maxConnections?: number;
  /** Words in more notices than this narrow a search without ranking it (SEARCH_RANK_LIMIT); tests pass a small one. */
  searchRankLimit?: number;
  /** Counts and pages from the facts index kept in memory (store/facts-index.ts); false: always from SQL (tests compare the two). */
  factsIndex?: boolean;
}

type SummaryRow = NoticeSummaryRow & { types: IncidentType[] };

/** What changes whenever anything a reader sees changes (see changeToken). */
const CHANGE_TOKEN = /* sql */ `
        SELECT (SELECT generation FROM incident_generation) || ':' || (SELECT coalesce(max(id), 0) FROM notices)
          || ':' || (SELECT coalesce(max(id), 0) FROM records) || ':' || (SELECT count(*) FROM corrections)
          || ':' || (SELECT count(*) FROM corrections WHERE reverted_at IS NOT NULL)
          -- Every other change (claims, confirmations, domain map, watched sources, accounts) writes an audit line.
          -- Sign-ins and sign-outs change nothing a reader sees: an anonymous failed sign-in must not empty the cache.
          || ':' || coalesce((SELECT id FROM audit_log WHERE action NOT LIKE 'session.%' ORDER BY id DESC LIMIT 1), 0) AS token`;

const SUMMARY_COLUMNS = /* sql */ `
  n.id, n.document_id, n.header, n.organization, n.title, n.disclosure_date, n.affected_count,
  n.sector, n.casebook_id,
  coalesce((SELECT json_agg(t.type ORDER BY t.position) FROM notice_types t WHERE t.notice_id = n.id), '[]') AS types`;

const DOCUMENT_COLUMNS = 'id, sha256, source, media_type, encoding, byte_length, ingested_at';

/** WHERE clauses for the filters that are set; values are bound parameters, numbered after `params`. */
function filterClauses(filters: SearchFilters, params: unknown[]): string[] {
  const clauses: string[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  if (filters.type !== undefined) {
    clauses.push(`EXISTS (SELECT 1 FROM notice_types t WHERE t.notice_id = n.id AND t.type = ${bind(filters.type)})`);
  }
  if (filters.sector !== undefined) clauses.push(`n.sector = ${bind(filters.sector)}`);
  if (filters.from !== undefined) clauses.push(`n.disclosure_date >= ${bind(filters.from)}`);
  if (filters.to !== undefined) clauses.push(`n.disclosure_date <= ${bind(filters.to)}`);
  return clauses;
}

const where = (clauses: string[]) => (clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '');

/** Named difference: json_agg comes back from node-postgres already parsed. */
const toSummary = (row: SummaryRow): NoticeSummary => toNoticeSummary(row, row.types);

/** A store on a pool of its own (from a URL, closed with the store) or on a pool the caller keeps. */
export async function openPostgresStore(target: string | Pool, options: PostgresStoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const ownsPool = typeof target === 'string';
  const pool = typeof target === 'string' ? createPool(target, { poolSize: options.maxConnections }) : guardPool(target);
  try {
    await migrate(pool);
  } catch (err) {
    if (ownsPool) await pool.end();
    throw err;
  }
  let closed = false;
  const fts = pgSearch(pool, checkRankLimit(options.searchRankLimit, 'postgres'));
  const engine = postgresEngine(pool);

  const store: Store = {
    ...sharedQueries(engine, now, {
      matchIds: async (phrases, limit) => (await fts.match(phrases, () => [], { limit, offset: 0 })).map((hit) => hit.id),
      facts: postgresFacts(pool, CHANGE_TOKEN),
      factsIndex: options.factsIndex ?? true,
      integrity: pgSearchIntegrity,
      grouping: postgresGrouping,
    }),
    ...ingestQueries(pool, now),

    async hasDocument(sha256) {
      return (await one(pool, 'SELECT 1 FROM documents WHERE sha256 = $1', [sha256])) !== undefined;
    },

    async getDocument(id) {
      if (!isRowId(id)) return null;
      const row = await one<DocumentRow>(pool, `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [id]);
      return row ? toDocument(row) : null;
    },

    async getDocumentText(id) {
      if (!isRowId(id)) return null;
      return inTransaction(pool, async (client) => {
        const row = await one<{ lead_text: string; whole_text: string | null }>(client, 'SELECT lead_text, whole_text FROM documents WHERE id = $1', [id]);
        if (!row) return null;
        const texts = row.whole_text === null
          ? (await rows<{ text: string }>(client, 'SELECT text FROM notices WHERE document_id = $1 ORDER BY ordinal', [id])).map((n) => n.text)
          : [];
        return documentTextOf({ leadText: row.lead_text, wholeText: row.whole_text }, texts);
      }, { isolation: 'REPEATABLE READ', readOnly: true });
    },

    async getNotice(id) {
      if (!isRowId(id)) return null;
      return inTransaction(pool, async (client) => {
        const row = await one<SummaryRow & NoticeDetailRow>(client, /* sql */ `
          SELECT ${SUMMARY_COLUMNS}, n.ordinal, n.text, r.record_json, n.effective_json, r.extractor_version
          FROM notices n
          JOIN records r ON r.id = (SELECT max(id) FROM records WHERE notice_id = n.id)
          WHERE n.id = $1`, [id]);
        if (!row) return null;
        const document = await one<DocumentRow>(client, `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [row.document_id]);
        if (!document) throw new JikenboError('internal', `notice ${id} names a missing document ${row.document_id}`);
        const corrections = await rows<CorrectionRow>(client,
          "SELECT * FROM corrections WHERE target = 'notice' AND target_id = $1 ORDER BY decided_at, id", [id]);
        return toNoticeDetail(toSummary(row), row, corrections.map(toCorrection), document);
      }, { isolation: 'REPEATABLE READ', readOnly: true });
    },

    async listNotices(options: ListOptions = {}) {
      const filters = checkFilters(options);
      const { limit, offset } = checkPaging(options);
      const params: unknown[] = [];
      const clauses = filterClauses(filters, params);
      const found = await rows<SummaryRow>(pool, /* sql */ `
        SELECT ${SUMMARY_COLUMNS} FROM notices n ${where(clauses)}
        ORDER BY n.disclosure_date DESC NULLS LAST, n.id DESC
        LIMIT $${params.push(limit)} OFFSET $${params.push(offset)}`, params);
      return found.map(toSummary);
    },

    async countNotices(options: SearchFilters = {}) {
      const filters = checkFilters(options);
      const params: unknown[] = [];
      const clauses = filterClauses(filters, params);
      return (await one<{ n: number }>(pool, `SELECT count(*) AS n FROM notices n ${where(clauses)}`, params))!.n;
    },

    async search(query, options: ListOptions = {}) {
      if (query.trim() === '') throw new JikenboError('bad_input', 'the search query is empty', { subject: 'query' });
      const filters = checkFilters(options);
      const paging = checkPaging(options);
      // Ids first (ranked or newest first, see pg-search.ts), then columns and text for the page only.
      const hits = await fts.match(queryPhrases(query), (params) => filterClauses(filters, params), paging);
      if (hits.length === 0) return [];
      const found = await rows<SummaryRow & { text: string }>(pool, /* sql */ `
        SELECT ${SUMMARY_COLUMNS}, n.text FROM notices n WHERE n.id = ANY ($1::int[])`, [hits.map((h) => h.id)]);
      const byId = new Map(found.map((row) => [row.id, row]));
      return hits.map((hit): SearchHit => {
        const row = byId.get(hit.id)!;
        return { ...toSummary(row), snippet: makeSnippet(row.text, query), score: hit.score };
      });
    },

    async changeToken() {
      // Corrections counted, not their highest id: two servers' corrections may commit in the other
      // order than their ids, and the later commit of the lower id must change the token too. (New
      // notices and records are followed by a regrouping, which bumps the generation.)
      return (await one<{ token: string }>(pool, CHANGE_TOKEN))!.token;
    },

    async close() {
      if (closed) return;
      closed = true;
      if (ownsPool) await pool.end();
    },
  };
  return store;
}
