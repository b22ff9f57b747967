// `jikenbo review ID FIELD VALUE`: a person's correction (or confirmation) of one value;
// `jikenbo review ID --history` lists them; `jikenbo revert CORRECTION` takes one back.
import { z } from 'zod';
import type { Correction } from '../../core/corrections.ts';
import { openCasebook, resolveDbPath } from '../../app/casebook.ts';
import { correctValue, revertCorrection } from '../../app/review.ts';
import { decider, parseCommand, validate } from '../options.ts';

const positiveId = z.string('expected a number such as 12').regex(/^#?[1-9][0-9]*$/, 'expected a number such as 12')
  .transform((s) => Number(s.replace('#', '')));
const by = z.string().trim().min(1, 'expected a name').max(200);

export async function reviewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('review', args, {
    db: { type: 'string' }, by: { type: 'string' }, incident: { type: 'boolean' }, history: { type: 'boolean' }, json: { type: 'boolean' },
    reason: { type: 'string' },
  });
  const target = values.incident ? 'incident' as const : 'notice' as const;
  if (!values.history && positionals.length !== 3) {
    process.stderr.write('usage: jikenbo review ID FIELD VALUE --reason TEXT [--incident] [--by NAME]   (VALUE "null" clears a value;\n' +
      '       the reason may be left out only when VALUE confirms the value already there)\n' +
      '       jikenbo review ID --history [--incident]\n');
    return 2;
  }
  const input = validate('review', z.object({ id: positiveId, by }), { id: positionals[0], by: decider(values.by) });
  const casebook = await openCasebook(resolveDbPath(values.db));
  try {
    if (values.history) {
      const list = await casebook.store.listCorrections(target, input.id);
      if (values.json) process.stdout.write(JSON.stringify(list) + '\n');
      else if (list.length === 0) process.stdout.write(`no corrections of ${target} #${input.id}\n`);
      else for (const c of list) process.stdout.write(renderCorrection(c) + '\n');
      return 0;
    }
    const correction = await correctValue(casebook.store, { target, id: input.id, field: positionals[1]!, value: positionals[2]!, by: input.by, reason: values.reason ?? null });
    if (values.json) process.stdout.write(JSON.stringify(correction) + '\n');
    else process.stdout.write(`${target} #${input.id}: ${renderCorrection(correction)}\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}

export async function revertCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('revert', args, { db: { type: 'string' }, by: { type: 'string' } });
  const input = validate('revert', z.object({ id: positiveId, by }), { id: positionals[0], by: decider(values.by) });
  const casebook = await openCasebook(resolveDbPath(values.db));
  try {
    const correction = await revertCorrection(casebook.store, input.id, input.by);
    process.stdout.write(`${renderCorrection(correction)}\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}

export function renderCorrection(c: Correction): string {
  const show = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));
  const change = JSON.stringify(c.oldValue) === JSON.stringify(c.newValue) ? `confirmed ${show(c.newValue)}` : `${show(c.oldValue)} → ${show(c.newValue)}`;
  const reverted = c.revertedAt ? `  (reverted by ${c.revertedBy} at ${c.revertedAt})` : '';
  const reason = c.reason ? `  reason: ${c.reason}` : '';
  return `correction #${c.id} ${c.field}: ${change}  by ${c.by} at ${c.at}${reason}${reverted}`;
}
