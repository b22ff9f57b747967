// The migration that gives jikenbo's numbers their own form and incidents a fixed export key, run on a
// casebook of the schema before it, on both engines: every incident keeps the ids it was exported under,
// numbers jikenbo gave move to JYYYY-NNNN and their old form still finds them, clashes with them end.

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
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

const isOwnNumbers = (m: { name: string }) => m.name.startsWith('numbers of jikenbo');

/** The casebook before: what stable-id.ts derived each export id from, and numbers in one form. */
const BEFORE = [
  // id, casebook_number, number_kept, number_clash: the key its exports used
  [1, '2024-078', 0, 1, 'casebook:2024-078/local:1'], // jikenbo gave 2024-078; a casebook post later took it
  [2, '2024-078', 1, 1, 'casebook:2024-078/local:2'],
  [3, '2024-050', 1, 1, 'casebook:2024-050/local:3'], // two casebook posts with one number: a real clash
  [4, '2024-050', 1, 1, 'casebook:2024-050/local:4'],
  [5, '2024-1000', 0, 0, 'casebook:2024-1000'],
  [6, '2023-007', 1, 0, 'casebook:2023-007'],
  [7, null, 0, 0, 'local:7'], // ingested, not yet regrouped
] as const;

const INSERT = BEFORE.map(([id, number, kept, clash]) =>
  `INSERT INTO incidents (id, created_at, casebook_number, number_kept, number_assigned_at, number_clash, clash_notes)
   VALUES (${id}, '2024-12-01T00:00:00.000Z', ${number === null ? 'NULL' : `'${number}'`}, ${kept}, ${kept ? 'NULL' : "'2024-12-01T00:00:00.000Z'"}, ${clash}, ${clash ? "'clash'" : 'NULL'});`).join('\n');

const ENGINES = [
  {
    name: 'sqlite',
    async before(): Promise<{ open(): Promise<Store>; dispose(): Promise<void> }> {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-own-numbers-'));
      const path = join(dir, 'casebook.db');
      const db = new Database(path);
      migrateSqlite(db, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isOwnNumbers)!.version));
      db.exec(INSERT);
      db.exec("INSERT INTO casebook_counters (year, last) VALUES (2024, 1000)");
      db.close();
      return { open: () => openSqliteStore(path), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    async before(): Promise<{ open(): Promise<Store>; dispose(): Promise<void> }> {
      const database = await createTestDatabase('jikenbo_own_numbers', { empty: true });
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      try {
        await migratePostgres(pool, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isOwnNumbers)!.version));
        await pool.query(INSERT);
        await pool.query("INSERT INTO casebook_counters (year, last) VALUES (2024, 1000)");
        await pool.query("SELECT setval(pg_get_serial_sequence('incidents', 'id'), 7)");
      } finally {
        await pool.end();
      }
      return { open: () => openPostgresStore(database.url, { maxConnections: 2 }), dispose: () => database.drop() };
    },
  },
];

describe.each(ENGINES)('migrating a casebook to own numbers and export keys ($name)', (engine) => {
  it('keeps every export id, moves the numbers jikenbo gave to their own form and keeps the old form resolvable', async () => {
    const casebook = await engine.before();
    const store = await casebook.open();
    try {
      const byId = new Map((await store.listIncidents({ limit: 100 })).map((i) => [i.id, i]));
      for (const [id, , , , key] of BEFORE) expect(byId.get(id)!.exportKey).toBe(key);
      expect([1, 2, 3, 4, 5, 6, 7].map((id) => {
        const i = byId.get(id)!;
        return [i.number, i.numberKept, i.ownNumber, i.numberClash];
      })).toEqual([
        ['J2024-0078', false, 'J2024-0078', false],
        ['2024-078', true, null, false],
        ['2024-050', true, null, true],
        ['2024-050', true, null, true],
        ['J2024-1000', false, 'J2024-1000', false],
        ['2023-007', true, null, false],
        [null, false, null, false],
      ]);
      // The old form finds the incident it was given to, unless a casebook post holds that number now.
      expect(await store.findIncidentsByNumber('2024-1000')).toEqual([5]);
      expect(await store.findIncidentsByNumber('J2024-1000')).toEqual([5]);
      expect(await store.findIncidentsByNumber('2024-078')).toEqual([2]);
      expect(await store.findIncidentsByNumber('J2024-0078')).toEqual([1]);
      expect(await store.listIncidentAliases()).toEqual([
        expect.objectContaining({ kind: 'number', alias: '2024-078', incidentId: 1, reason: 'renumbered' }),
        expect.objectContaining({ kind: 'number', alias: '2024-1000', incidentId: 5, reason: 'renumbered' }),
      ]);
      // The counter carries on above the numbers already given: none is given twice.
      expect((await store.loadIncidentSnapshot()).counters.get(2024)).toBe(1000);
      // An incident stored after the migration gets a key of its own, made once: a random UUID.
      const text = '不正アクセスに関するお知らせ\nひかり物流\n当社サーバーへの不正アクセスを確認しました。';
      const { noticeIds } = await store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord({ header: text.split('\n')[0]!, organization: 'ひかり物流' }))]);
      const fresh = (await store.getIncident((await store.incidentOfNotice(noticeIds[0]!))!))!;
      expect(fresh.exportKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      await store.close();
      await casebook.dispose();
    }
  });
});
