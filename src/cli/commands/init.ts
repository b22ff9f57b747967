// `jikenbo init`: makes a new, empty casebook where --db names it (its folders too), or says that one
// is there already. Read commands never make one (cli/open-casebook.ts).
import { JikenboError } from '../../core/errors.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { parseCommand } from '../options.ts';

export async function initCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('init', args, { db: { type: 'string' } });
  if (positionals.length) {
    process.stderr.write('usage: jikenbo init [--db PATH|URL]\n');
    return 2;
  }
  let existed = true;
  const casebook = await openCommandCasebook(values.db).catch((err: unknown) => {
    if (!(err instanceof JikenboError && err.code === 'not_found')) throw err;
    existed = false;
    return openCommandCasebook(values.db, { create: true });
  });
  try {
    const notices = await casebook.store.countNotices();
    process.stdout.write(existed
      ? `a casebook is already at ${casebook.location} (${notices} notices); nothing changed\n`
      : `made a new casebook at ${casebook.location}\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}
