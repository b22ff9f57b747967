// `jikenbo review ID FIELD VALUE`: a person's correction (or confirmation) of one value;
// `jikenbo review ID --history` lists them; `jikenbo revert CORRECTION` takes one back.
import { z } from 'zod';
import type { Correction } from '../../core/corrections.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { correctValue, revertCorrection } from '../../app/review.ts';
import { publicIdOfIncident, resolveIncidentRef } from '../../app/incident-number.ts';
import { incidentNumberOf } from '../../analyze/casebook-number.ts';
import { JikenboError } from '../../core/errors.ts';
import { noticeLabel, parseNoticeRef } from '../../core/public-id.ts';
import type { CorrectionTarget } from '../../store/store.ts';
import type { Store } from '../../store/ports.ts';
import { decider, parseCommand, validate } from '../options.ts';

const positiveId = z.string('expected a number such as 12').regex(/^#?[1-9][0-9]*$/, 'expected a number such as 12')
  .transform((s) => Number(s.replace('#', '')));
const by = z.string().trim().min(1, 'expected a name').max(200);

/**
 * What the first argument names: an incident's number (2024-504, J2024-0078) is that incident's merged
 * value; a notice (N12, or its bare id 12) is that notice's reading; with --incident, an incident by
 * number or internal id.
 */
async function targetOf(store: Store, ref: string | undefined, incident: boolean): Promise<{ target: CorrectionTarget; id: number; label: string }> {
  const text = ref ?? '';
  if (incident || incidentNumberOf(text) !== null) {
    const id = await resolveIncidentRef(store, text);
    return { target: 'incident', id, label: `incident #${await publicIdOfIncident(store, id)}` };
  }
  const id = parseNoticeRef(text);
  if (id === null) {
    throw new JikenboError('bad_input', `review: "${text.slice(0, 40)}" is neither an incident's number (2024-504, J2024-0078) nor a notice (N12)`, { subject: 'ID' });
  }
  return { target: 'notice', id, label: `notice ${noticeLabel(id)}` };
}

export async function reviewCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('review', args, {
    db: { type: 'string' }, by: { type: 'string' }, incident: { type: 'boolean' }, history: { type: 'boolean' }, json: { type: 'boolean' },
    reason: { type: 'string' },
  });
  if (!values.history && positionals.length !== 3) {
    process.stderr.write('usage: jikenbo review NUMBER|N-ID FIELD VALUE --reason TEXT [--by NAME]   (2024-504: the incident\'s value; N12: notice 12\'s reading;\n' +
      '       VALUE "null" clears it; the reason may be left out only when VALUE confirms the value already there)\n' +
      '       jikenbo review NUMBER|N-ID --history\n');
    return 2;
  }
  const input = validate('review', z.object({ by }), { by: decider(values.by) });
  const casebook = await openCommandCasebook(values.db);
  try {
    const { target, id, label } = await targetOf(casebook.store, positionals[0], values.incident === true);
    if (values.history) {
      const list = await casebook.store.listCorrections(target, id);
      if (values.json) process.stdout.write(JSON.stringify(list) + '\n');
      else if (list.length === 0) process.stdout.write(`no corrections of ${label}\n`);
      else for (const c of list) process.stdout.write(renderCorrection(c) + '\n');
      return 0;
    }
    const correction = await correctValue(casebook.store, { target, id, field: positionals[1]!, value: positionals[2]!, by: input.by, reason: values.reason ?? null });
    if (values.json) process.stdout.write(JSON.stringify(correction) + '\n');
    else process.stdout.write(`${label}: ${renderCorrection(correction)}\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}

export async function revertCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('revert', args, { db: { type: 'string' }, by: { type: 'string' } });
  const input = validate('revert', z.object({ id: positiveId, by }), { id: positionals[0], by: decider(values.by) });
  const casebook = await openCommandCasebook(values.db);
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
