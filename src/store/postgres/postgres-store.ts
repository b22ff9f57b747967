// The shared Store: PostgreSQL (node-postgres), for several jikenbo servers on one database. Its
// queries are the shared ones (queries/shared-queries.ts); what is PostgreSQL's own here is the pool,
// the tsvector index (its rows written, its match), the facts index's column reads, and statistics
// kept up with a bulk ingest (fresh-statistics.ts).

import { tokenize } from '../../core/bigram.ts';
import type { Store } from '../ports.ts';
import { run } from '../sql/sql.ts';
import { postgresEngine } from '../sql/postgres-engine.ts';
import { postgresGrouping } from './grouping-windows.ts';
import { migrate } from '../migrations/postgres-migrate.ts';
import { CHANGE_TOKEN } from '../queries/notice-queries.ts';
import { sharedQueries } from '../queries/shared-queries.ts';
import { postgresFacts } from './facts-index-source.ts';
import { freshStatistics } from './fresh-statistics.ts';
import { createPool, guardPool, type Pool } from './pg-database.ts';
import { pgSearch } from './pg-search.ts';
import { checkRankLimit } from '../search-ranking.ts';
import { pgSearchIntegrity } from './pg-search-integrity.ts';
import { tsvectorText } from './pg-text-search.ts';

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

/** Every new notice's tsvector in one statement (a statement is a round trip). */
const INSERT_SEARCH = /* sql */ `
  INSERT INTO notice_search (notice_id, body)
  SELECT s.id, s.body::tsvector FROM unnest(CAST(@ids AS integer[]), CAST(@bodies AS text[])) AS s (id, body)`;

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
  const statistics = freshStatistics(pool);

  const shared = sharedQueries(engine, now, {
    match: (phrases, filter, window) => fts.match(phrases, filter, window),
    matchIds: async (phrases, limit) => (await fts.match(phrases, { clauses: [], params: {} }, { limit, offset: 0 })).map((hit) => hit.id),
    ingest: {
      indexBody: (text) => tsvectorText(tokenize(text)),
      *writeIndex(rows) {
        yield* run(INSERT_SEARCH, { ids: rows.map((r) => r.noticeId), bodies: rows.map((r) => r.body) });
      },
    },
    facts: postgresFacts(pool, CHANGE_TOKEN),
    factsIndex: options.factsIndex ?? true,
    integrity: pgSearchIntegrity,
    grouping: postgresGrouping,
  });
  const store: Store = {
    ...shared,
    async ingestDocuments(batch) {
      const outcomes = await shared.ingestDocuments(batch);
      await statistics.added(outcomes.reduce((n, o) => n + (o.result?.created ? o.result.noticeIds.length : 0), 0));
      return outcomes;
    },

    async close() {
      if (closed) return;
      closed = true;
      if (ownsPool) await pool.end();
    },
  };
  return store;
}
