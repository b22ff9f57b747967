// `jikenbo migrate-store --from A --to B`: moves a casebook between SQLite and PostgreSQL, then prints
// each table's rows and SHA-256 on both sides and whether they agree.
import { z } from 'zod';
import { resolveDbPath } from '../../app/casebook.ts';
import { migrateStore } from '../../app/migrate-store.ts';
import { redactUrl } from '../../app/postgres-casebook.ts';
import { parseCommand, validate } from '../options.ts';

const location = z.string('expected a casebook file or postgres:// URL').min(1, 'expected a casebook file or postgres:// URL');

export async function migrateStoreCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('migrate-store', args, { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } });
  const input = validate('migrate-store', z.object({ from: location, to: location }), { from: values.from, to: values.to });
  const from = resolveDbPath(input.from);
  const to = resolveDbPath(input.to);
  const report = await migrateStore(from, to, { force: values.force });
  const show = (s: string) => (s.includes('://') ? redactUrl(s) : s);
  const lines = [`from ${show(from)}`, `to   ${show(to)}`, 'table\trows (from)\trows (to)\tsha256 (from)\tsha256 (to)\tcompared'];
  for (const t of report.tables) {
    lines.push(`${t.table}\t${t.source.rows}\t${t.target.rows}\t${t.source.sha256.slice(0, 16)}\t${t.target.sha256.slice(0, 16)}\t${t.same ? 'same' : 'DIFFERENT'}`);
  }
  const o = report.originals;
  lines.push(`originals\t${o.source.rows}\t${o.target.rows}\t${o.source.sha256.slice(0, 16)}\t${o.target.sha256.slice(0, 16)}\t${o.same ? 'same' : 'DIFFERENT'}`);
  lines.push(`${o.copied} originals copied${o.missing.length ? `; ${o.missing.length} missing from the source archive: ${o.missing.join(', ')}` : ''}`);
  lines.push(report.same ? 'every table and original is the same on both sides' : 'the copies differ: see the lines marked DIFFERENT');
  process.stdout.write(lines.join('\n') + '\n');
  return report.same ? 0 : 1;
}
