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
  process.stdout.write(`backed up ${dbPath} to ${report.out} (${report.bytes} bytes, ${report.pages} pages) and its originals to ${report.archive} (${report.originals} copied)\n`);
  return missingOriginals(report.missingOriginals, archiveDirFor(dbPath), 'the backup is not whole');
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('restore', args, { db: { type: 'string' }, force: { type: 'boolean' } });
  const input = validate('restore', z.object({ file }), { file: positionals[0] });
  const dbPath = resolveDbPath(values.db);
  const report = await restoreCasebook(resolve(input.file), dbPath, { force: values.force });
  process.stdout.write(`restored ${input.file} to ${report.dbPath} (schema version ${report.schemaVersion}) with its originals (${report.originals} copied)\n`);
  return missingOriginals(report.missingOriginals, archiveDirFor(input.file), '`jikenbo check` will list them');
}

/** Exit code 1 and a warning naming the originals that were not found: never a silent half copy. */
function missingOriginals(missing: string[], where: string, consequence: string): number {
  if (missing.length === 0) return 0;
  process.stderr.write(`warning: ${missing.length} originals are not in ${where}, ${consequence}: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}\n`);
  return 1;
}
