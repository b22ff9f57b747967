// Opens a casebook on PostgreSQL: the store, and the originals in the database's blobs table (or in
// the folder JIKENBO_ARCHIVE names), on one pool of connections.

import { FileArchive } from '../sources/file-archive.ts';
import { BlobArchive } from '../store/postgres/blob-archive.ts';
import { createPool } from '../store/postgres/pg-database.ts';
import { openPostgresStore } from '../store/postgres/postgres-store.ts';
import { noCasebook, type Casebook } from './casebook-types.ts';

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

export async function openPostgresCasebook(url: string, env: NodeJS.ProcessEnv = process.env, options: { create?: boolean } = {}): Promise<Casebook> {
  const pool = createPool(url);
  try {
    // A database without jikenbo's schema holds no casebook: only a command that makes one migrates it.
    if (options.create === false) {
      const { rows } = await pool.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
      if (!rows[0]?.present) throw noCasebook(redactUrl(url));
    }
    const store = await openPostgresStore(pool);
    const archive = env.JIKENBO_ARCHIVE ? new FileArchive(env.JIKENBO_ARCHIVE) : new BlobArchive(pool);
    return {
      store, archive, location: redactUrl(url),
      async close() {
        await store.close();
        await pool.end();
      },
    };
  } catch (err) {
    await pool.end();
    throw err;
  }
}
