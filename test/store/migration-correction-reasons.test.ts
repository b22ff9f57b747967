// Migration 13 on a casebook of the schema before it, on both engines: corrections made before keep
// their values with no reason (null), and every incident's facts are queued to be made again, so the
// per-value review state and its counts hold for incidents whose facts were made before.

import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate as migratePostgres } from '../../src/store/migrations/postgres-migrate.ts';
import { MIGRATIONS } from '../../src/store/migrations/schema-migrations.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { migrate as migrateSqlite } from '../../src/store/migrations/sqlite-migrate.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/ports.ts';
import { createTestDatabase } from '../helpers/postgres.ts';

const isReasons = (m: { name: string }) => m.name.startsWith('a reason on every correction');
const INSERT = `
  INSERT INTO incidents (id, created_at, export_key) VALUES (7, '2026-01-01T00:00:00.000Z', 'k7'), (8, '2026-01-01T00:00:00.000Z', 'k8');
  INSERT INTO corrections (target, target_id, field, old_json, new_json, decided_by, decided_at)
    VALUES ('incident', 7, 'sector', '"it"', '"finance"', 'sato', '2026-01-02T00:00:00.000Z');
  DELETE FROM incident_facts_queue;`;

const ENGINES = [
  {
    name: 'sqlite',
    async before(): Promise<{ open(): Promise<Store>; queued(): Promise<number[]>; dispose(): Promise<void> }> {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-reasons-'));
      const path = join(dir, 'casebook.db');
      const db = new Database(path);
      migrateSqlite(db, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isReasons)!.version));
      db.exec(INSERT);
      db.close();
      const queued = async () => {
        const check = new Database(path, { readonly: true });
        try {
          return (check.prepare('SELECT incident_id FROM incident_facts_queue ORDER BY incident_id').all() as { incident_id: number }[]).map((r) => r.incident_id);
        } finally {
          check.close();
        }
      };
      return { open: () => openSqliteStore(path), queued, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    async before(): Promise<{ open(): Promise<Store>; queued(): Promise<number[]>; dispose(): Promise<void> }> {
      const database = await createTestDatabase('jikenbo_correction_reasons', { empty: true });
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      try {
        await migratePostgres(pool, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isReasons)!.version));
        await pool.query(INSERT);
      } finally {
        await pool.end();
      }
      const queued = async () => {
        const check = new pg.Pool({ connectionString: database.url, max: 1 });
        try {
          return (await check.query<{ incident_id: number }>('SELECT incident_id FROM incident_facts_queue ORDER BY incident_id')).rows.map((r) => r.incident_id);
        } finally {
          await check.end();
        }
      };
      return { open: () => openPostgresStore(database.url, { maxConnections: 2 }), queued, dispose: () => database.drop() };
    },
  },
];

describe.each(ENGINES)('migration to correction reasons on $name', (engine) => {
  it('keeps earlier corrections with no reason and queues every incident\'s facts again', async () => {
    const { open, queued, dispose } = await engine.before();
    try {
      const store = await open();
      try {
        expect(await store.listCorrections('incident', 7)).toMatchObject([{ field: 'sector', newValue: 'finance', by: 'sato', reason: null }]);
        expect(await queued()).toEqual([7, 8]);
      } finally {
        await store.close();
      }
    } finally {
      await dispose();
    }
  }, 60_000);
});
