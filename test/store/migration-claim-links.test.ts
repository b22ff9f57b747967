// Migration 17 (claim links) on a casebook of the schema before it, on both engines: a claim confirmed for two
// incidents keeps its first confirmation in force and the later one undone by the system, saying why;
// from then on the schema refuses a second confirmation in force of one claim.

import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate as migratePostgres } from '../../src/store/migrations/postgres-migrate.ts';
import { MIGRATIONS } from '../../src/store/migrations/schema-migrations.ts';
import { migrate as migrateSqlite } from '../../src/store/migrations/sqlite-migrate.ts';

const isClaims14 = (m: { name: string }) => m.name.startsWith('leak-site claims: a description');
// Links name notices 1 and 2 without making them: the foreign keys are off while the old rows go in.
const INSERT = `
  INSERT INTO claims (id, natural_key, group_name, victim, discovered, discovered_date, source, imported_at)
    VALUES (1, 'k1', 'lockbit3', 'example.co.jp', '2023-01-10T00:00:00', '2023-01-10', 't', '2023-02-01T00:00:00.000Z');
  INSERT INTO claim_links (id, claim_id, incident_id, notice_id, score, reason, confirmed_by, confirmed_at) VALUES
    (1, 1, 10, 1, 0.9, 'name', 'sato', '2023-02-02T00:00:00.000Z'),
    (2, 1, 20, 2, 0.5, 'guess', 'suzuki', '2023-02-03T00:00:00.000Z');`;
const LINKS = 'SELECT l.id, l.incident_id, l.undone_by, l.undo_reason, c.description FROM claim_links l JOIN claims c ON c.id = l.claim_id ORDER BY l.id';
const SECOND = `INSERT INTO claim_links (claim_id, incident_id, notice_id, reason, confirmed_by, confirmed_at) VALUES (1, 30, 1, 'x', 'kato', '2023-03-01T00:00:00.000Z')`;

type Row = { id: number; incident_id: number; undone_by: string | null; undo_reason: string | null; description: string | null };
const ENGINES = [
  {
    name: 'sqlite',
    async run(): Promise<{ rows: Row[]; second: unknown }> {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-claims14-'));
      const db = new Database(join(dir, 'casebook.db'));
      try {
        migrateSqlite(db, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isClaims14)!.version));
        db.pragma('foreign_keys = OFF');
        db.exec(INSERT);
        migrateSqlite(db);
        const rows = db.prepare(LINKS).all() as Row[];
        let second: unknown = null;
        try { db.exec(SECOND); } catch (err) { second = err; }
        return { rows, second };
      } finally {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'postgres',
    async run(): Promise<{ rows: Row[]; second: unknown }> {
      const { createTestDatabase } = await import('../helpers/postgres.ts');
      const database = await createTestDatabase('jikenbo_claims14', { empty: true });
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      try {
        await migratePostgres(pool, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isClaims14)!.version));
        await pool.query(`SET session_replication_role = replica; ${INSERT} SET session_replication_role = DEFAULT;`);
        await migratePostgres(pool);
        const rows = (await pool.query<Row>(LINKS)).rows;
        let second: unknown = null;
        try { await pool.query(`SET session_replication_role = replica; ${SECOND}`); } catch (err) { second = err; }
        return { rows, second };
      } finally {
        await pool.end();
        await database.drop();
      }
    },
  },
];

describe.each(ENGINES)('migration to one incident a claim on $name', (engine) => {
  it('keeps the first confirmation in force, undoes the later one saying why, and refuses another', async () => {
    const { rows, second } = await engine.run();
    expect(rows).toEqual([
      { id: 1, incident_id: 10, undone_by: null, undo_reason: null, description: null },
      { id: 2, incident_id: 20, undone_by: 'system', undo_reason: 'a claim is about one incident: only its first confirmation stays', description: null },
    ]);
    expect(String(second)).toMatch(/unique|duplicate/i);
  }, 60_000);
});
