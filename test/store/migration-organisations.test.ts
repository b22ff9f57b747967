// Migration 19 (organisations) on a casebook of the schema before it, on both engines: every notice
// stored before is queued, and the first read puts each in its organisation.

import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOrganisations } from '../../src/app/organisations.ts';
import { migrate as migratePostgres } from '../../src/store/migrations/postgres-migrate.ts';
import { MIGRATIONS } from '../../src/store/migrations/schema-migrations.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { migrate as migrateSqlite } from '../../src/store/migrations/sqlite-migrate.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/ports.ts';

const VERSION = 19;
const sha = (c: string) => c.repeat(64);
// Three notices of two organisations (two spellings of one) and one naming none, as an older jikenbo stored them.
const INSERT = `
  INSERT INTO documents (id, sha256, source, media_type, encoding, byte_length, ingested_at, lead_text) VALUES
    (1, '${sha('a')}', 'https://www.midori.example.co.jp/news/1.html', 'text/html', 'UTF-8', 10, '2024-01-01T00:00:00.000Z', ''),
    (2, '${sha('b')}', 'b.txt', 'text/plain', 'UTF-8', 10, '2024-01-02T00:00:00.000Z', ''),
    (3, '${sha('c')}', 'c.txt', 'text/plain', 'UTF-8', 10, '2024-01-03T00:00:00.000Z', '');
  INSERT INTO notices (id, document_id, ordinal, start_offset, end_offset, text, header, organization, disclosure_date, sector, kind) VALUES
    (1, 1, 0, 0, 1, 'a', 'a', '株式会社みどり電機', '2024-01-01', 'manufacturing', 'incident'),
    (2, 2, 0, 0, 1, 'b', 'b', 'みどり電機(株)', '2024-02-01', 'manufacturing', 'incident'),
    (3, 3, 0, 0, 1, 'c', 'c', NULL, '2024-03-01', NULL, 'incident');`;

async function organisationsAfterUpgrade(store: Store) {
  const found = await findOrganisations(store, '', { offset: 0, limit: 10 });
  const detail = await store.getOrganisation(found.rows[0]!.id);
  return { found: found.rows.map((o) => [o.key, o.noticeCount, o.latestDate]), domains: detail!.noticeDomains };
}

const EXPECTED = { found: [['みどり電機', 2, '2024-02-01']], domains: ['midori.example.co.jp'] };

describe('migration 19: organisations', () => {
  it('queues every notice of an older SQLite casebook, and the first read puts each in its organisation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-orgs19-'));
    try {
      const db = new Database(join(dir, 'casebook.db'));
      migrateSqlite(db, MIGRATIONS.filter((m) => m.version < VERSION));
      db.pragma('foreign_keys = OFF');
      db.exec(INSERT);
      expect(migrateSqlite(db).applied[0]).toBe(VERSION);
      expect((db.prepare('SELECT count(*) AS n FROM organisation_queue').get() as { n: number }).n).toBe(3);
      db.close();
      const store = await openSqliteStore(join(dir, 'casebook.db'));
      try {
        expect(await organisationsAfterUpgrade(store)).toEqual(EXPECTED);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does the same on PostgreSQL', async () => {
    const { createTestDatabase } = await import('../helpers/postgres.ts');
    const database = await createTestDatabase('jikenbo_orgs19', { empty: true });
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    try {
      await migratePostgres(pool, MIGRATIONS.filter((m) => m.version < VERSION));
      await pool.query(`SET session_replication_role = replica; ${INSERT} SET session_replication_role = DEFAULT;`);
      expect((await migratePostgres(pool)).applied[0]).toBe(VERSION);
      expect((await pool.query('SELECT count(*)::int AS n FROM organisation_queue')).rows[0].n).toBe(3);
      await pool.end();
      const store = await openPostgresStore(database.url);
      try {
        expect(await organisationsAfterUpgrade(store)).toEqual(EXPECTED);
      } finally {
        await store.close();
      }
    } finally {
      await pool.end().catch(() => {});
      await database.drop();
    }
  });
});
