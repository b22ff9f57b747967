// Runs the migrations (schema-migrations.ts) on a SQLite database: each version once, in its own
// IMMEDIATE transaction, recorded in schema_migrations.

import type { Database } from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';
import { latestVersion, migrationSql, MIGRATIONS, type MigrationReport, type SchemaMigration } from './schema-migrations.ts';

/** Brings the schema up to date. Safe to run from several processes at once: each step re-checks under the write lock. */
export function migrate(db: Database, migrations: readonly SchemaMigration[] = MIGRATIONS): MigrationReport {
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version     INTEGER PRIMARY KEY,
      name        TEXT NOT NULL,
      applied_at  TEXT NOT NULL
    )
  `);
  const currentVersion = () =>
    (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const known = latestVersion(migrations);
  if (currentVersion() > known) {
    throw new JikenboError('conflict', `the database is at schema version ${currentVersion()}, newer than this jikenbo (${known})`);
  }

  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applyOne = db.transaction((m: SchemaMigration) => {
    if (currentVersion() >= m.version) return;
    db.exec(migrationSql(m, 'sqlite'));
    record.run(m.version, m.name, new Date().toISOString());
    applied.push(m.version);
  });
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) applyOne.immediate(m);
  return { applied, current: currentVersion() };
}
