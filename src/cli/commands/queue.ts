// `jikenbo queue [filters] [--limit N] [--json]`: the review queue, the values most likely to need a
// person first, each with why; and how many values people have confirmed or corrected so far.
import { z } from 'zod';
import { openCasebook, resolveDbPath } from '../../app/casebook.ts';
import { reviewQueue, type QueueItem } from '../../app/review-queue.ts';
import { scopedFacts } from '../../app/scoped-facts.ts';
import { parseCommand, validate } from '../options.ts';
import { SCOPE_OPTIONS, scopeFromOptions } from '../scope-options.ts';

const limit = z.coerce.number({ error: 'expected a number such as 20' }).int().min(1).max(1000);

export async function queueCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('queue', args, { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, ...SCOPE_OPTIONS });
  const { n } = validate('queue', z.object({ n: limit }), { n: values.limit ?? '20' });
  const scope = scopeFromOptions('queue', values);
  const casebook = await openCasebook(resolveDbPath(values.db));
  try {
    const queue = await reviewQueue(casebook.store, await scopedFacts(casebook.store, scope), n);
    if (values.json) {
      process.stdout.write(JSON.stringify(queue) + '\n');
      return 0;
    }
    process.stdout.write(`${queue.waiting} values wait for a person; ${queue.confirmed} confirmed and ${queue.corrected} corrected of ${queue.values} values\n`);
    for (const item of queue.items) process.stdout.write(line(item));
    return 0;
  } finally {
    await casebook.close();
  }
}

function line(i: QueueItem): string {
  const who = `${i.number ? `#${i.number}` : `incident ${i.incidentId}`} ${i.organization ?? '(organisation unknown)'}`;
  const value = Array.isArray(i.value) ? i.value.join(', ') : String(i.value);
  const why = i.reasons.length ? i.reasons.join(', ').replaceAll('_', ' ') : 'not looked at yet';
  return `  ${String(i.score).padStart(2)}  ${who}  ${i.field}: ${value}  (${why})\n`;
}
