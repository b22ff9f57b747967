// Opens a casebook: the store and the archive of originals that sit beside it.
import { dirname, basename, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { FileArchive } from '../sources/file-archive.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Archive, Store } from '../store/store.ts';

export interface Casebook {
  store: Store;
  archive: Archive;
  /** Where the store lives, for messages. */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_DB = 'jikenbo.db';

/** The database path from --db, then JIKENBO_DB, then ./jikenbo.db. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.JIKENBO_DB ?? DEFAULT_DB);
}

/** Originals of `cases/jikenbo.db` live in `cases/jikenbo-archive/ab/cdef…`. */
export function archiveDirFor(dbPath: string): string {
  return join(dirname(dbPath), `${basename(dbPath).replace(/\.(db|sqlite3?)$/i, '')}-archive`);
}

export async function openCasebook(dbPath: string): Promise<Casebook> {
  mkdirSync(dirname(dbPath), { recursive: true });
  const store = await openSqliteStore(dbPath);
  const archive = new FileArchive(archiveDirFor(dbPath));
  return { store, archive, location: dbPath, close: () => store.close() };
}
