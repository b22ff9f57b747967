// `jikenbo check`: verifies a casebook and names what is wrong; exit code 1 when anything is.
import cliProgress from 'cli-progress';
import { openCommandCasebook } from '../open-casebook.ts';
import { checkCasebook } from '../../app/check.ts';
import { parseCommand } from '../options.ts';
import { unguarded } from '../terminal-output.ts';

export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('check', args, { db: { type: 'string' }, json: { type: 'boolean' }, 'skip-originals': { type: 'boolean' } });
  const casebook = await openCommandCasebook(values.db);
  const bar = process.stderr.isTTY && !values.json
    ? new cliProgress.SingleBar({ format: 'check originals |{bar}| {value}/{total}', stream: unguarded(process.stderr), clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  try {
    let started = false;
    const report = await checkCasebook(casebook, {
      originals: !values['skip-originals'],
      onProgress: (done, total) => {
        if (!started) { bar?.start(total, 0); started = true; }
        bar?.update(done);
      },
    });
    bar?.stop();
    // Not a problem: work the grouping queue holds for the next regrouping (an ingest, serve).
    const work = await casebook.store.groupingWork();
    const grouping = { toIndex: work[1], toLink: work[2], toPlan: work[3] };
    if (values.json) {
      process.stdout.write(JSON.stringify({ ok: report.ok, counted: report.counted, problems: report.problems, grouping, strays: report.strays }) + '\n');
    } else {
      for (const path of report.strays) process.stdout.write(`leftover temp file (a stopped writer's; safe to delete): ${path}\n`);
      if (work[1] + work[2] + work[3] > 0) {
        process.stdout.write(`grouping queue: ${work[1]} notices to index, ${work[2]} blocks to link, ${work[3]} notices to plan (the next ingest or serve regroups them)\n`);
      }
      for (const p of report.problems) process.stdout.write(`${p.check}\t${p.subject}\t${p.detail}\n`);
      const counted = Object.entries(report.counted).map(([k, n]) => `${k} ${n}`).join(', ');
      process.stdout.write(report.ok
        ? `jikenbo check: ${casebook.location} is sound (${counted})\n`
        : `jikenbo check: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${casebook.location} (${counted})\n`);
    }
    return report.ok ? 0 : 1;
  } finally {
    bar?.stop();
    await casebook.close();
  }
}
