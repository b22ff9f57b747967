// `jikenbo reextract`: reads every stored notice again with this extractor; corrections stay in force.
import { noticeLabel } from '../../core/public-id.ts';
import cliProgress from 'cli-progress';
import { openCommandCasebook } from '../open-casebook.ts';
import { reextractNotices } from '../../app/reextract.ts';
import { cliActor, parseCommand } from '../options.ts';
import { unguarded } from '../terminal-output.ts';

export async function reextractCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('reextract', args, { db: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } });
  const casebook = await openCommandCasebook(values.db, { actor: cliActor() });
  const total = await casebook.store.countNotices();
  const bar = process.stderr.isTTY && !values.json
    ? new cliProgress.SingleBar({ format: 'reextract |{bar}| {value}/{total} notices', stream: unguarded(process.stderr), clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(total, 0);
  try {
    const report = await reextractNotices(casebook.store, { force: values.force, onProgress: (done) => bar?.update(done) });
    bar?.stop();
    if (values.json) {
      process.stdout.write(JSON.stringify(report) + '\n');
      return 0;
    }
    process.stdout.write(`extractor ${report.version}: ${report.notices} notices read again, ${report.current} already current` +
      `, ${report.disagreements.length} where the machine now disagrees with a person\n`);
    for (const { noticeId, items } of report.disagreements) {
      for (const d of items) {
        process.stdout.write(`  notice ${noticeLabel(noticeId)} ${d.field}: person (${d.correction.by}) ${JSON.stringify(d.person)}, machine now ${JSON.stringify(d.machine)}\n`);
      }
    }
    return 0;
  } finally {
    bar?.stop();
    await casebook.close();
  }
}
