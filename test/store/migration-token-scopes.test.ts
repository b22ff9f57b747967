// The migration that gives API tokens a scope, run on a casebook of the schema before it, on both
// engines: a token made before keeps what it could do on /api/ (read and ingest), counts as made from
// the shell (a password change does not end it), and sign-in attempts start being reserved.

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
import { sha256Of } from './fixtures.ts';

const isScopes = (m: { name: string }) => m.name.startsWith('API token scopes');
const TOKEN_HASH = sha256Of('an old token');
const INSERT = `
  INSERT INTO accounts (name, role, password_hash, created_at) VALUES ('bot', 'editor', 'x', '2026-01-01T00:00:00.000Z');
  INSERT INTO api_tokens (account_id, label, token_hash, created_at)
    SELECT id, 'nightly', '${TOKEN_HASH}', '2026-01-01T00:00:00.000Z' FROM accounts WHERE name = 'bot';`;

const ENGINES = [
  {
    name: 'sqlite',
    async before(): Promise<{ open(): Promise<Store>; dispose(): Promise<void> }> {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-token-scopes-'));
      const path = join(dir, 'casebook.db');
      const db = new Database(path);
      migrateSqlite(db, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isScopes)!.version));
      db.exec(INSERT);
      db.close();
      return { open: () => openSqliteStore(path), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    async before(): Promise<{ open(): Promise<Store>; dispose(): Promise<void> }> {
      const database = await createTestDatabase('jikenbo_token_scopes', { empty: true });
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      try {
        await migratePostgres(pool, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isScopes)!.version));
        await pool.query(INSERT);
      } finally {
        await pool.end();
      }
      return { open: () => openPostgresStore(database.url, { maxConnections: 2 }), dispose: () => database.drop() };
    },
  },
];

describe.each(ENGINES)('migrating API tokens to scopes ($name)', (engine) => {
  it('keeps an existing token able to read and ingest, as made from the shell', async () => {
    const casebook = await engine.before();
    const store = await casebook.open();
    try {
      expect(await store.listApiTokens()).toEqual([expect.objectContaining({ label: 'nightly', scope: 'ingest', madeIn: 'cli' })]);
      expect(await store.useApiToken(TOKEN_HASH, '2026-02-01T00:00:00.000Z')).toMatchObject({ account: { name: 'bot' }, scope: 'ingest' });
      await store.addAccount({ name: 'kanri', role: 'admin', passwordHash: 'y' }, 'test');
      await store.changeAccount('bot', { passwordHash: 'z' }, 'test');
      expect(await store.useApiToken(TOKEN_HASH, '2026-02-01T00:00:00.000Z')).not.toBeNull();
      expect(await store.reserveSignIn('bot', { max: 1, since: '2026-02-01T00:00:00.000Z' }, '2026-02-01T00:00:01.000Z')).not.toBeNull();
    } finally {
      await store.close();
      await casebook.dispose();
    }
  });
});
