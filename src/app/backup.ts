// Backing up and restoring an SQLite casebook while it may be in use: SQLite's online backup API
// copies a consistent snapshot page by page without stopping writers (its SQL: store/sqlite/casebook-file.ts).
// (PostgreSQL: pg_dump, see README.)

import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { JikenboError } from '../core/errors.ts';
import { FileArchive } from '../sources/file-archive.ts';
import { checkCasebookFile, copyCasebookFile, documentHashesOfFile, snapshotCasebookFile } from '../store/sqlite/casebook-file.ts';
import { archiveDirFor, isPostgresUrl } from './casebook.ts';

const PG_HINT = 'for a PostgreSQL casebook use pg_dump -Fc and pg_restore (see README, "PostgreSQL")';

export interface BackupReport {
  out: string;
  bytes: number;
  pages: number;
  /** Where the originals of the backup are (`x-archive` beside `x.db`), as a casebook keeps them. */
  archive: string;
  /** Originals copied there. */
  originals: number;
  /** Documents of the backup whose original the casebook's archive does not hold (`check` lists them too). */
  missingOriginals: string[];
}

/**
 * Copies the originals that the casebook copy at `dbFile` names from one archive folder to another,
 * each written and synced as an ingest writes it; those already there are left. Returns the copied
 * count and the hashes found in neither.
 */
async function copyOriginals(dbFile: string, fromDir: string, toDir: string): Promise<{ copied: number; missing: string[] }> {
  const hashes = documentHashesOfFile(dbFile);
  const from = new FileArchive(fromDir);
  const to = new FileArchive(toDir);
  let copied = 0;
  const missing: string[] = [];
  for (const sha of new Set(hashes)) {
    if (await to.has(sha)) continue;
    const bytes = existsSync(fromDir) ? await from.get(sha) : null;
    if (!bytes) {
      missing.push(sha);
      continue;
    }
    await to.put(sha, bytes);
    copied++;
  }
  return { copied, missing };
}

/** Writes a consistent copy of the casebook to `out` (which must not exist), while others may write. */
export async function backupCasebook(dbPath: string, out: string): Promise<BackupReport> {
  if (isPostgresUrl(dbPath)) throw new JikenboError('unsupported', `backup: ${PG_HINT}`, { subject: '--db' });
  if (!existsSync(dbPath)) throw new JikenboError('not_found', `backup: no casebook at ${dbPath}`, { subject: '--db' });
  if (existsSync(out)) throw new JikenboError('conflict', `backup: ${out} exists; choose a new file`, { subject: '--out' });
  // --out names the file to make: its folder is made too (SQLite's backup API would throw a TypeError).
  mkdirSync(dirname(out), { recursive: true });
  // Into a temp name first, so a half-written backup never carries the name asked for.
  const temp = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  try {
    const { totalPages } = await snapshotCasebookFile(dbPath, temp);
    renameSync(temp, out);
    // The originals too, beside the copy as a casebook keeps them: a backup without them would be
    // restored into a casebook that fails `check`. Originals never change, so copying them after the
    // snapshot is consistent; the snapshot names which ones.
    const archive = archiveDirFor(out);
    const { copied, missing } = await copyOriginals(out, archiveDirFor(dbPath), archive);
    return { out, bytes: statSync(out).size, pages: totalPages, archive, originals: copied, missingOriginals: missing };
  } finally {
    rmSync(temp, { force: true });
  }
}

export interface RestoreReport {
  dbPath: string;
  schemaVersion: number;
  /** Originals copied from the backup's archive folder into the casebook's. */
  originals: number;
  /** Documents whose original is in neither: the restored casebook fails `check` until they are found. */
  missingOriginals: string[];
}

/** Checks that `file` is a whole jikenbo casebook and puts it at `dbPath`; an existing casebook only with force. */
export async function restoreCasebook(file: string, dbPath: string, options: { force?: boolean } = {}): Promise<RestoreReport> {
  if (isPostgresUrl(dbPath)) throw new JikenboError('unsupported', `restore: ${PG_HINT}`, { subject: '--db' });
  if (!existsSync(file)) throw new JikenboError('not_found', `restore: no file ${file}`, { subject: file });
  if (existsSync(dbPath) && !options.force) {
    throw new JikenboError('conflict', `restore: ${dbPath} exists; stop its server, then restore with --force to replace it`, { subject: '--db' });
  }
  const schemaVersion = checkCasebookFile(file);
  // Through the backup API again, into a temp file beside the target, then one rename: a reader
  // sees the old casebook or the new one, never half of each.
  const temp = join(dirname(dbPath), `.${basename(dbPath)}.restore-${process.pid}`);
  await copyCasebookFile(file, temp);
  // The old casebook's write-ahead log belongs to the old file and must not be replayed over the new one.
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  renameSync(temp, dbPath);
  const { copied, missing } = await copyOriginals(dbPath, archiveDirFor(file), archiveDirFor(dbPath));
  return { dbPath, schemaVersion, originals: copied, missingOriginals: missing };
}
