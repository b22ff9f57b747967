// The embedded Store: one SQLite file (better-sqlite3), bigram full-text search through FTS5. Its
// queries are the shared ones (queries/shared-queries.ts); what is SQLite's own here is opening the
// file, the FTS5 index (its rows written, its match) and the facts index's column reads.

import Database from 'better-sqlite3';
import { indexTokens } from '../../core/bigram.ts';
import { JikenboError } from '../../core/errors.ts';
import type { Store } from '../ports.ts';
import { ftsSearch } from './fts-search.ts';
import { checkRankLimit } from '../search-ranking.ts';
import { run } from '../sql/sql.ts';
import { sqliteEngine } from '../sql/sqlite-engine.ts';
import { sqliteGrouping } from './grouping-windows.ts';
import { CHANGE_TOKEN } from '../queries/notice-queries.ts';
import { sharedQueries } from '../queries/shared-queries.ts';
import { sqliteFacts } from './facts-index-source.ts';
import { migrate } from '../migrations/sqlite-migrate.ts';
import { ftsIntegrity } from './fts-integrity.ts';

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

const INSERT_FTS = 'INSERT INTO notice_fts (rowid, body) VALUES (@noticeId, @body)';

/** Opens the file with the settings the store relies on and brings its schema up to date. */
export function openSqliteDatabase(path: string, options: SqliteStoreOptions = {}): Database.Database {
  const db = new Database(path);
  try {
    useWal(db, options.busyTimeoutMs ?? 5000);
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

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Switches the file to WAL, again every 10 ms until `timeoutMs` while another connection holds the lock
 * that takes. Two processes opening a new casebook at once (two ingests started together) both try the
 * switch, and SQLite answers the loser SQLITE_BUSY at once, without waiting on busy_timeout: 4 and 14
 * pairs of processes in 60, 16 pairs of threads in 40 (test/store/sqlite-open-race.test.ts). A mode
 * it could not change is returned unchanged, so the answer is checked too.
 */
function useWal(db: Database.Database, timeoutMs: number): void {
  const until = Date.now() + timeoutMs;
  for (;;) {
    let mode: unknown;
    try {
      mode = db.pragma('journal_mode = WAL', { simple: true });
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= until) throw err;
    }
    if (typeof mode === 'string' && mode.toLowerCase() === 'wal') return;
    // An in-memory database has no WAL: it stays as it is.
    if (mode === 'memory') return;
    if (Date.now() >= until) throw new JikenboError('unavailable', `${db.name}: another process holds the casebook; it could not be switched to WAL (journal mode ${String(mode)})`, { subject: db.name });
    Atomics.wait(pause, 0, 0, 10);
  }
}

export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const db = openSqliteDatabase(path, options);
  const fts = ftsSearch(db, checkRankLimit(options.searchRankLimit, 'sqlite'));
  const engine = sqliteEngine(db);
  const selectChangeToken = db.prepare<[], { token: string }>(CHANGE_TOKEN);

  return {
    ...sharedQueries(engine, now, {
      match: async (phrases, filter, window) => fts.match(phrases, filter, window),
      matchIds: async (phrases, limit) => fts.matchIds(phrases, { clauses: [], params: {} }, { limit, offset: 0 }),
      ingest: {
        indexBody: indexTokens,
        // Row by row: a statement is a function call here, and FTS5 buffers its terms until the commit.
        *writeIndex(rows) {
          for (const { noticeId, body } of rows) yield* run(INSERT_FTS, { noticeId, body });
        },
      },
      facts: sqliteFacts(db, () => selectChangeToken.get()!.token),
      factsIndex: options.factsIndex ?? true,
      integrity: ftsIntegrity,
      grouping: sqliteGrouping,
    }),

    async close() {
      if (db.open) db.close();
    },
  };
}
