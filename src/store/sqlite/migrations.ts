// The SQLite schema as numbered, forward-only migrations, each applied once in its own transaction.

import type { Database } from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, notices, records, incidents, full-text index',
    sql: /* sql */ `
      CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        sha256       TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
        source       TEXT    NOT NULL,
        media_type   TEXT    NOT NULL,
        encoding     TEXT,
        byte_length  INTEGER NOT NULL CHECK (byte_length >= 0),
        text         TEXT    NOT NULL,
        ingested_at  TEXT    NOT NULL
      );

      -- One post cut from a document. The record's main fields are copied here for filtering and sorting.
      CREATE TABLE notices (
        id               INTEGER PRIMARY KEY,
        document_id      INTEGER NOT NULL REFERENCES documents (id),
        ordinal          INTEGER NOT NULL CHECK (ordinal >= 0),
        start_offset     INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset       INTEGER NOT NULL CHECK (end_offset >= start_offset),
        text             TEXT    NOT NULL,
        header           TEXT    NOT NULL,
        organization     TEXT,
        title            TEXT,
        disclosure_date  TEXT    CHECK (disclosure_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        casebook_id      TEXT,
        sector           TEXT,
        affected_count   INTEGER CHECK (affected_count >= 0),
        kind             TEXT    NOT NULL,
        UNIQUE (document_id, ordinal)
      );
      CREATE INDEX notices_by_disclosure ON notices (disclosure_date DESC, id DESC);
      CREATE INDEX notices_by_sector ON notices (sector, disclosure_date);

      -- The machine's reading, kept exactly as extracted; people's corrections will sit beside it.
      CREATE TABLE records (
        id                 INTEGER PRIMARY KEY,
        notice_id          INTEGER NOT NULL REFERENCES notices (id),
        record_json        TEXT    NOT NULL CHECK (json_valid(record_json)),
        extractor_version  TEXT    NOT NULL,
        created_at         TEXT    NOT NULL,
        UNIQUE (notice_id, extractor_version)
      );

      CREATE TABLE notice_types (
        notice_id  INTEGER NOT NULL REFERENCES notices (id),
        position   INTEGER NOT NULL,
        type       TEXT    NOT NULL,
        PRIMARY KEY (notice_id, type)
      ) WITHOUT ROWID;
      CREATE INDEX notice_types_by_type ON notice_types (type, notice_id);

      -- Notices that tell one story. Until linking lands, each notice is its own incident.
      CREATE TABLE incidents (
        id          INTEGER PRIMARY KEY,
        created_at  TEXT NOT NULL
      );
      CREATE TABLE incident_notices (
        incident_id  INTEGER NOT NULL REFERENCES incidents (id),
        notice_id    INTEGER NOT NULL UNIQUE REFERENCES notices (id),
        PRIMARY KEY (incident_id, notice_id)
      );

      -- Contentless: rowid = notices.id, body = indexTokens(notices.text). unicode61 splits only at
      -- spaces here, because every bigram consists of letters, digits and marks (categories below),
      -- and remove_diacritics 0 keeps each token exactly as bigram.ts made it.
      CREATE VIRTUAL TABLE notice_fts USING fts5 (
        body,
        content = '',
        contentless_delete = 1,
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M* Co'"
      );
    `,
  },
];

export interface MigrationReport {
  applied: number[];
  current: number;
}

/** Brings the schema up to date. Safe to run from several processes at once: each step re-checks under the write lock. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): MigrationReport {
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version     INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      applied_at  TEXT NOT NULL
    )
  `);
  const currentVersion = () =>
    (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (currentVersion() > known) {
    throw new JikenboError('conflict', `the database is at schema version ${currentVersion()}, newer than this jikenbo (${known})`);
  }

  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applyOne = db.transaction((m: Migration) => {
    if (currentVersion() >= m.version) return;
    db.exec(m.sql);
    record.run(m.version, m.name, new Date().toISOString());
    applied.push(m.version);
  });
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) applyOne.immediate(m);
  return { applied, current: currentVersion() };
}
