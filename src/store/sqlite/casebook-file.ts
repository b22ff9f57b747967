// An SQLite casebook as a file, for backup and restore (app/backup.ts): SQLite's online backup API
// copies a consistent snapshot page by page without stopping writers. The only SQL app/ needs outside
// an open store, kept here so that no layer above the store holds a driver.

import Database from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';

/** Copies the casebook at `dbPath` to `temp` in one read snapshot, while other processes may write; its page count. */
export async function snapshotCasebookFile(dbPath: string, temp: string): Promise<{ totalPages: number }> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    // Every page in one step: one read snapshot. In small steps, every write
    // another process makes between steps restarts the copy, and a busy server would never let it end.
    const { totalPages } = await db.backup(temp, { progress: () => 0x7fffffff });
    return { totalPages };
  } finally {
    db.close();
  }
}

/** Copies an SQLite file to `temp` through the backup API (restore: the source is not in use). */
export async function copyCasebookFile(file: string, temp: string): Promise<void> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temp);
  } finally {
    source.close();
  }
}

/** The SHA-256 of every document of the casebook file, in id order. */
export function documentHashesOfFile(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT sha256 FROM documents ORDER BY id').all() as { sha256: string }[]).map((r) => r.sha256);
  } finally {
    db.close();
  }
}

/**
 * Checks that `file` is a whole jikenbo casebook (SQLite's integrity check, a migrations table) and
 * returns its schema version; bad_input naming the file when it is not.
 */
export function checkCasebookFile(file: string): number {
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new JikenboError('bad_input', `restore: ${file} fails SQLite's integrity check: ${String(integrity)}`, { subject: file });
    const hasMigrations = check.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'schema_migrations'").get();
    if (!hasMigrations) throw new JikenboError('bad_input', `restore: ${file} is not a jikenbo casebook`, { subject: file });
    return (check.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  } catch (err) {
    if (err instanceof JikenboError) throw err;
    throw new JikenboError('bad_input', `restore: ${file} is not an SQLite database: ${(err as Error).message}`, { subject: file, cause: err });
  } finally {
    check.close();
  }
}
