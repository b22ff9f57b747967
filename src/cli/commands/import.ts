// `jikenbo import --format veris PATH...`: VERIS incidents (one per file, as VCDB keeps them) into the casebook.
import { openCommandCasebook } from '../open-casebook.ts';
import { importVeris, loadVerisValidator, resolveVerisSchemaPath } from '../../app/veris.ts';
import { JikenboError } from '../../core/errors.ts';
import { cliActor, parseCommand } from '../options.ts';

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('import', args, {
    db: { type: 'string' }, format: { type: 'string' }, schema: { type: 'string' },
  });
  if (values.format !== 'veris') throw new JikenboError('bad_input', 'import: --format veris is the one format read so far', { subject: '--format' });
  if (positionals.length === 0) {
    process.stderr.write('usage: jikenbo import --format veris PATH... [--schema verisc-merged.json] [--db FILE]\n');
    return 2;
  }
  const validator = await loadVerisValidator(resolveVerisSchemaPath(values.schema));
  const casebook = await openCommandCasebook(values.db, { actor: cliActor(), create: true });
  try {
    const report = await importVeris(positionals, { ...casebook, validator });
    process.stdout.write(`${report.files} files, ${report.imported} incidents imported, ${report.duplicates} duplicates (already stored), ${report.failed} not valid\n`);
    for (const o of report.outcomes) {
      if (o.status === 'duplicate') process.stdout.write(`  already stored: ${o.path}\n`);
      if (o.status !== 'failed') continue;
      const problems = o.problems ?? [];
      process.stderr.write(`  failed: ${o.path}: ${problems.slice(0, 5).map((p) => `${p.pointer || '/'} ${p.reason}`).join('; ')}` +
        `${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}\n`);
    }
    return report.failed ? 1 : 0;
  } finally {
    await casebook.close();
  }
}
