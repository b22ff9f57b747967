// Every Store engine the shared suite runs against, each on a real database (as Kysely's DIALECTS).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/ports.ts';
import { createTestDatabase } from '../helpers/postgres.ts';

export interface OpenedStore {
  store: Store;
  /** Closes the store and removes what it created. */
  dispose(): Promise<void>;
  /** A second store on the same database, as another process would open it; the caller closes it. */
  openAnother(): Promise<Store>;
  /** Runs one SQL statement on the store's database behind its back, as someone with database access would. */
  exec(sql: string): Promise<void>;
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  open(options?: { now?: () => Date; searchRankLimit?: number; factsIndex?: boolean }): Promise<OpenedStore>;
}

export const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    async open(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-store-'));
      const store = await openSqliteStore(join(dir, 'casebook.db'), options);
      return {
        store,
        openAnother: () => openSqliteStore(join(dir, 'casebook.db'), options),
        async exec(sql) {
          const db = new Database(join(dir, 'casebook.db'));
          try {
            db.exec(sql);
          } finally {
            db.close();
          }
        },
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    // A new database per store: tests never see each other's rows, and files run in parallel.
    name: 'postgres',
    async open(options = {}) {
      const db = await createTestDatabase();
      const store = await openPostgresStore(db.url, { ...options, maxConnections: 4 });
      return {
        store,
        openAnother: () => openPostgresStore(db.url, { ...options, maxConnections: 4 }),
        async exec(sql) {
          const client = new pg.Client({ connectionString: db.url });
          await client.connect();
          try {
            await client.query(sql);
          } finally {
            await client.end();
          }
        },
        async dispose() {
          await store.close();
          await db.drop();
        },
      };
    },
  },
];
