// `jikenbo backup --out FILE` and `jikenbo restore FILE`: an SQLite casebook copied while it is in use,
// and put back. PostgreSQL casebooks use pg_dump / pg_restore (README).
import { resolve } from 'node:path';
import { z } from 'zod';
import { backupCasebook, restoreCasebook } from '../../app/backup.ts';
import { archiveDirFor, resolveDbPath } from '../../app/casebook.ts';
import { parseCommand, validate } from '../options.ts';

const file = z.string('expected a file name').min(1, 'expected a file name');

export async function backupCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('backup', args, { db: { type: 'string' }, out: { type: 'string' } });
  const out = resolve(validate('backup', z.object({ out: file }), { out: values.out }).out);
  const dbPath = resolveDbPath(values.db);
  const report = await backupCasebook(dbPath, out);
  process.stdout.write(`backed up ${dbPath} to ${report.out} (${report.bytes} bytes, ${report.pages} pages)\n` +
    `the originals stay in ${archiveDirFor(dbPath)}: their files never change, so copying that folder as it is keeps them\n`);
  return 0;
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('restore', args, { db: { type: 'string' }, force: { type: 'boolean' } });
  const input = validate('restore', z.object({ file }), { file: positionals[0] });
  const dbPath = resolveDbPath(values.db);
  const report = await restoreCasebook(resolve(input.file), dbPath, { force: values.force });
  process.stdout.write(`restored ${input.file} to ${report.dbPath} (schema version ${report.schemaVersion})\n`);
  return 0;
}
