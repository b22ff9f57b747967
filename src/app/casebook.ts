// Opens a casebook: the store and the archive of originals that sit beside it.
import { dirname, basename, join, resolve } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { FileArchive } from '../sources/file-archive.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { storeActingAs } from '../store/with-actor.ts';
import { noCasebook, type Casebook } from './casebook-types.ts';

export { noCasebook, type Casebook } from './casebook-types.ts';

export const DEFAULT_DB = 'jikenbo.db';

/** postgres://… or postgresql://…: the casebook lives in PostgreSQL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The database from --db, then JIKENBO_DB, then a postgres:// DATABASE_URL, then ./jikenbo.db; a URL stays as given. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const databaseUrl = env.DATABASE_URL && isPostgresUrl(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
  const location = flag ?? env.JIKENBO_DB ?? databaseUrl ?? DEFAULT_DB;
  return isPostgresUrl(location) ? location : resolve(location);
}

/** Originals of `cases/jikenbo.db` live in `cases/jikenbo-archive/ab/cdef…`. */
export function archiveDirFor(dbPath: string): string {
  return join(dirname(dbPath), `${basename(dbPath).replace(/\.(db|sqlite3?)$/i, '')}-archive`);
}

export interface OpenOptions {
  /** Every change made through it is audited under that name (`cli:alice`). */
  actor?: string;
  /**
   * Make the casebook (its file and missing folders, or a PostgreSQL schema) when there is none. Only
   * `ingest`, `import`, `demo` and `init` ask for it: a read command given a mistyped --db must say so,
   * not answer from an empty casebook it just made.
   */
  create?: boolean;
}

/** Opens a casebook (made when missing unless `create: false`, which the command line passes). */
export async function openCasebook(dbPath: string, options: OpenOptions = {}): Promise<Casebook> {
  const casebook = await openEngine(dbPath, options.create ?? true);
  return options.actor ? { ...casebook, store: storeActingAs(casebook.store, options.actor) } : casebook;
}

async function openEngine(dbPath: string, create: boolean): Promise<Casebook> {
  // Loaded on demand, so that an SQLite casebook never loads the PostgreSQL driver.
  if (isPostgresUrl(dbPath)) return (await import('./postgres-casebook.ts')).openPostgresCasebook(dbPath, process.env, { create });
  if (!create && !existsSync(dbPath)) throw noCasebook(dbPath);
  mkdirSync(dirname(dbPath), { recursive: true });
  const store = await openSqliteStore(dbPath);
  const archive = new FileArchive(archiveDirFor(dbPath));
  return { store, archive, location: dbPath, close: () => store.close() };
}
