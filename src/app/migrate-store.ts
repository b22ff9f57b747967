// Moves a casebook between engines (SQLite file ↔ PostgreSQL) with every table and every archived
// original, then proves it: counts and SHA-256 checksums of each table on both sides, compared.

import { JikenboError } from '../core/errors.ts';
import { dependencyOrder, tableChecksum, type RawDatabase, type RawTable, type TableChecksum } from '../store/raw-database.ts';
import { isPostgresUrl, openCasebook, type Casebook } from './casebook.ts';

export interface TableReport {
  table: string;
  source: TableChecksum;
  target: TableChecksum;
  same: boolean;
}

export interface MigrateStoreReport {
  tables: TableReport[];
  /** Originals copied between the archives, and documents whose original the source did not have. */
  originals: { copied: number; missing: string[]; source: TableChecksum; target: TableChecksum; same: boolean };
  same: boolean;
}

async function openRaw(location: string): Promise<RawDatabase> {
  if (isPostgresUrl(location)) return (await import('../store/postgres/postgres-raw.ts')).openPostgresRaw(location);
  return (await import('../store/sqlite/sqlite-raw.ts')).openSqliteRaw(location);
}

/** The SHA-256 of every document and whether its archived bytes hash to it, as one checksum. */
async function originalsChecksum(casebook: Casebook, hashes: string[]): Promise<TableChecksum> {
  const { createHash } = await import('node:crypto');
  const rows = await Promise.all(hashes.map(async (sha) => {
    const bytes = await casebook.archive.get(sha);
    return [sha, bytes ? createHash('sha256').update(bytes).digest('hex') : null, bytes?.byteLength ?? null];
  }));
  return tableChecksum(rows);
}

export async function migrateStore(from: string, to: string, options: { force?: boolean } = {}): Promise<MigrateStoreReport> {
  if (from === to) throw new JikenboError('bad_input', 'migrate-store: --from and --to name the same casebook', { subject: '--to' });
  // Opening each casebook brings its schema to this jikenbo's version.
  const source = await openCasebook(from, { create: false });
  const target = await openCasebook(to).catch(async (err: unknown) => {
    await source.close();
    throw err;
  });
  const rawSource = await openRaw(from);
  const rawTarget = await openRaw(to);
  try {
    const [sourceVersion, targetVersion] = [await rawSource.schemaVersion(), await rawTarget.schemaVersion()];
    if (sourceVersion !== targetVersion) {
      throw new JikenboError('conflict', `schema versions differ: ${sourceVersion} (from) and ${targetVersion} (to)`);
    }
    const tables = dependencyOrder(await rawSource.tables());
    const targetTables = new Map((await rawTarget.tables()).map((t) => [t.name, t]));
    for (const t of tables) {
      const other = targetTables.get(t.name);
      if (!other || other.columns.join() !== t.columns.join()) {
        throw new JikenboError('internal', `table ${t.name} differs between the engines (${t.columns.join()} / ${other?.columns.join() ?? 'missing'})`);
      }
    }
    const sourceRows = new Map<string, Awaited<ReturnType<RawDatabase['readRows']>>>();
    for (const t of tables) sourceRows.set(t.name, await rawSource.readRows(t));

    if (!options.force) {
      const targetCount = (await Promise.all(tables.map(async (t) => (t.name === 'incident_generation' ? 0 : (await rawTarget.readRows(t)).length))))
        .reduce((a, b) => a + b, 0);
      if (targetCount > 0) {
        throw new JikenboError('conflict', `the target casebook is not empty (${targetCount} rows); --force replaces what it holds`, { subject: '--to' });
      }
    }

    // Originals first: a document row without its original is what a crash must never leave.
    const hashes = (sourceRows.get('documents') ?? []).map((row) => String(row[columnIndex(tables, 'documents', 'sha256')]));
    const missing: string[] = [];
    let copied = 0;
    for (const sha of hashes) {
      const bytes = await source.archive.get(sha);
      if (!bytes) {
        missing.push(sha);
        continue;
      }
      await target.archive.put(sha, bytes);
      copied++;
    }

    await rawTarget.replaceAll(tables, (t: RawTable) => sourceRows.get(t.name) ?? []);

    const report: TableReport[] = [];
    for (const t of tables) {
      const a = tableChecksum(sourceRows.get(t.name) ?? []);
      const b = tableChecksum(await rawTarget.readRows(t));
      report.push({ table: t.name, source: a, target: b, same: a.sha256 === b.sha256 && a.rows === b.rows });
    }
    const originalsSource = await originalsChecksum(source, hashes);
    const originalsTarget = await originalsChecksum(target, hashes);
    const originalsSame = originalsSource.sha256 === originalsTarget.sha256;
    return {
      tables: report,
      originals: { copied, missing, source: originalsSource, target: originalsTarget, same: originalsSame },
      same: originalsSame && report.every((r) => r.same),
    };
  } finally {
    await rawSource.close();
    await rawTarget.close();
    await source.close();
    await target.close();
  }
}

function columnIndex(tables: RawTable[], table: string, column: string): number {
  const index = tables.find((t) => t.name === table)?.columns.indexOf(column) ?? -1;
  if (index < 0) throw new JikenboError('internal', `no column ${table}.${column}`);
  return index;
}

/** Checksums of one casebook's tables, as migrate-store prints them: to compare with another copy. */
export async function casebookChecksums(location: string): Promise<Array<{ table: string } & TableChecksum>> {
  const casebook = await openCasebook(location);
  await casebook.close();
  const raw = await openRaw(location);
  try {
    const out: Array<{ table: string } & TableChecksum> = [];
    for (const t of dependencyOrder(await raw.tables())) out.push({ table: t.name, ...tableChecksum(await raw.readRows(t)) });
    return out;
  } finally {
    await raw.close();
  }
}
