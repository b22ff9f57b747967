// Runs the migrations (schema-migrations.ts) on a PostgreSQL database: each version once, in its own
// transaction under an advisory lock, recorded in schema_migrations.

import { JikenboError } from '../../core/errors.ts';
import { inTransaction, rows, type Pool } from '../postgres/pg-database.ts';
import { latestVersion, migrationSql, MIGRATIONS, type MigrationReport, type SchemaMigration } from './schema-migrations.ts';

/** Any fixed number: the advisory lock that lets one process at a time migrate a database. */
const MIGRATION_LOCK = 0x6a696b656e;

/** Brings the schema up to date. Safe from several processes at once: each step runs under an advisory lock and re-checks. */
export async function migrate(pool: Pool, migrations: readonly SchemaMigration[] = MIGRATIONS): Promise<MigrationReport> {
  const known = latestVersion(migrations);
  const applied: number[] = [];
  const versionOf = async (db: Pick<Pool, 'query'>) =>
    (await rows<{ v: number }>(db, 'SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations'))[0]!.v;
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
  });
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      // A step may rebuild a large table: it is not held to the statement timeout of requests.
      await client.query('SET LOCAL statement_timeout = 0');
      const current = await versionOf(client);
      if (current > known) {
        throw new JikenboError('conflict', `the database is at schema version ${current}, newer than this jikenbo (${known})`);
      }
      if (current >= m.version) return;
      await client.query(migrationSql(m, 'postgres'));
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      applied.push(m.version);
    });
  }
  const current = await versionOf(pool);
  if (current > known) throw new JikenboError('conflict', `the database is at schema version ${current}, newer than this jikenbo (${known})`);
  return { applied, current };
}
