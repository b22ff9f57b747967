// `jikenbo demo` (what `npm start` runs): ingests the bundled fictional casebook, then serves it to
// anyone for reading (--public-read). When the casebook has no accounts yet it makes one admin, `demo`,
// with a random password printed once, so that reviewing can be tried at once.
import { randomBytes } from 'node:crypto';
import { join, sep } from 'node:path';
import { addAccount } from '../../app/accounts.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { resolveDbPath } from '../../app/casebook.ts';
import { packageRoot } from '../../app/package-root.ts';
import { cliActor, parseCommand } from '../options.ts';
import { printReport, runWithProgress } from './ingest.ts';
import { listen } from './serve.ts';

export const DEMO_DIR = join(packageRoot(), 'demo/notices') + sep;

export async function demoCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('demo', args, {
    db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
    'no-serve': { type: 'boolean' }, 'log-level': { type: 'string' },
  });
  const casebook = await openCommandCasebook(values.db, { actor: cliActor(), create: true });
  const report = await runWithProgress([DEMO_DIR], casebook, process.stderr.isTTY === true);
  printReport(report);
  if (values['no-serve']) {
    await casebook.close();
    return report.failures.length ? 1 : 0;
  }
  if ((await casebook.store.listAccounts()).length === 0) {
    const password = randomBytes(12).toString('base64url');
    await addAccount(casebook.store, { name: 'demo', role: 'admin', password }, cliActor());
    process.stdout.write(`jikenbo demo: to review and correct, sign in as "demo" with password ${password} (shown once; jikenbo user passwd demo changes it)\n`);
  }
  return listen(casebook, { ...values, 'public-read': true, dbPath: resolveDbPath(values.db) });
}
