// `jikenbo demo` (what `npm start` runs): ingests the bundled fictional casebook, then serves it.
import { fileURLToPath } from 'node:url';
import { openCasebook, resolveDbPath } from '../../app/casebook.ts';
import { parseCommand } from '../options.ts';
import { printReport, runWithProgress } from './ingest.ts';
import { listen } from './serve.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../../demo/notices/', import.meta.url));

export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('demo', args, {
    db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
    'no-serve': { type: 'boolean' },
  });
  const casebook = await openCasebook(resolveDbPath(values.db));
  const report = await runWithProgress([DEMO_DIR], casebook, process.stderr.isTTY === true);
  printReport(report);
  if (values['no-serve']) {
    await casebook.close();
    return report.failures.length ? 1 : 0;
  }
  return listen(casebook, values);
}
