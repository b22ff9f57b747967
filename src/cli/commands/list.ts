// `jikenbo list`: records, newest disclosure first.
import { openCommandCasebook } from '../open-casebook.ts';
import { noticeFilterSchema } from '../../app/request-schemas.ts';
import { pageSchema, parseCommand, validate } from '../options.ts';
import { renderSummary } from '../render.ts';

export async function listCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('list', args, {
    db: { type: 'string' }, json: { type: 'boolean' },
    type: { type: 'string' }, sector: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    limit: { type: 'string' }, offset: { type: 'string' },
  });
  const filters = validate('list', noticeFilterSchema, { type: values.type, sector: values.sector, from: values.from, to: values.to });
  const page = validate('list', pageSchema, { limit: values.limit ?? 50, offset: values.offset });
  const casebook = await openCommandCasebook(values.db);
  try {
    const [notices, total] = await Promise.all([
      casebook.store.listNotices({ ...filters, ...page }),
      casebook.store.countNotices(filters),
    ]);
    if (values.json) {
      process.stdout.write(JSON.stringify(notices) + '\n');
      return 0;
    }
    for (const n of notices) process.stdout.write(renderSummary(n) + '\n');
    const first = (page.offset ?? 0) + 1;
    process.stdout.write(notices.length ? `${first}–${first + notices.length - 1} of ${total}\n` : `no records (${total} in all)\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}
