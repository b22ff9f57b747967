// A database of its own for a test, in the cluster the global setup started (or DATABASE_URL's).

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * CREATE DATABASE with a random name, copied from the migrated template unless `empty` (a casebook
 * at the latest schema, holding nothing); drop() removes it even while stray connections linger.
 */
export async function createTestDatabase(prefix = 'jikenbo_test', options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  // The names are ours (letters, digits, underscore): identifiers cannot be bound parameters. FILE_COPY
  // copies the small template faster than WAL_LOG where, as here, checkpoints cost nothing (fsync off).
  await admin((c) => c.query(`CREATE DATABASE ${name}${options.empty ? '' : ` TEMPLATE ${inject('postgresTemplate')} STRATEGY FILE_COPY`}`));
  return {
    name,
    url: withDatabase(inject('postgresAdminUrl'), name),
    drop: () => admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }),
  };
}
