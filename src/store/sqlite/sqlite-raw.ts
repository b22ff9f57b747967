// The SQLite casebook as plain tables (see raw-database.ts), for migrate-store and its checksums.

import Database from 'better-sqlite3';
import { indexTokens } from '../../core/bigram.ts';
import { quoteIdent, type RawDatabase, type RawTable, type RawValue } from '../raw-database.ts';

/**
 * The FTS5 index and its shadow tables are rebuilt from the notices, never copied; so is grouping's
 * index (its queue triggers refill as the notices arrive, and the next regrouping indexes them), and
 * the incidents' facts (every incident queued, made again by the next read), and the organisations'
 * queue (refilled by its trigger as the notices arrive).
 */
const ENGINE_TABLES = /^(schema_migrations|notice_fts.*|grouping_.*|incident_facts.*|organisation_queue|sqlite_.*)$/;
const GROUPING_TABLES = ['grouping_blocks', 'grouping_links', 'grouping_windows', 'grouping_queue'];

function plain(value: unknown): RawValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // No casebook column holds a blob; a stray one is kept as hex rather than lost.
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return String(value);
}

export function openSqliteRaw(path: string): RawDatabase {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return {
    engine: 'sqlite',
    async tables() {
      const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>)
        .map((r) => r.name).filter((n) => !ENGINE_TABLES.test(n));
      return names.map((name): RawTable => ({
        name,
        columns: (db.prepare(`PRAGMA table_info(${quoteIdent(name)})`).all() as Array<{ name: string }>).map((c) => c.name).sort(),
        dependsOn: [...new Set((db.prepare(`PRAGMA foreign_key_list(${quoteIdent(name)})`).all() as Array<{ table: string }>).map((f) => f.table))],
      }));
    },
    async schemaVersion() {
      return (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
    },
    async readRows(table) {
      const rows = db.prepare(`SELECT ${table.columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table.name)}`).raw().all() as unknown[][];
      return rows.map((row) => row.map(plain));
    },
    async replaceAll(tables, rowsOf) {
      db.transaction(() => {
        // Replacing a whole casebook (--force) replaces its audit log too: its append-only triggers
        // are lifted for this transaction only and put back before it commits.
        const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as Array<{ name: string; sql: string }>;
        for (const t of triggers) db.prepare(`DROP TRIGGER ${quoteIdent(t.name)}`).run();
        db.prepare("INSERT INTO notice_fts (notice_fts) VALUES ('delete-all')").run();
        for (const t of [...GROUPING_TABLES, 'incident_facts', 'incident_facts_json', 'incident_facts_queue', 'organisation_queue']) db.prepare(`DELETE FROM ${t}`).run();
        for (const t of [...tables].reverse()) db.prepare(`DELETE FROM ${quoteIdent(t.name)}`).run();
        for (const t of tables) {
          const insert = db.prepare(`INSERT INTO ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')})
            VALUES (${t.columns.map(() => '?').join(', ')})`);
          for (const row of rowsOf(t)) insert.run(...row);
        }
        const index = db.prepare('INSERT INTO notice_fts (rowid, body) VALUES (?, ?)');
        for (const n of db.prepare('SELECT id, text FROM notices').all() as Array<{ id: number; text: string }>) {
          index.run(n.id, indexTokens(n.text));
        }
        db.prepare('INSERT OR REPLACE INTO incident_facts_queue (incident_id, seq) SELECT id, id FROM incidents').run();
        for (const t of triggers) db.exec(t.sql);
      }).immediate();
    },
    async close() {
      db.close();
    },
  };
}
