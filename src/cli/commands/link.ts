// `jikenbo link A B` and `jikenbo unlink N`: a person's grouping decisions, kept through every regroup.
import { z } from 'zod';
import { openCommandCasebook } from '../open-casebook.ts';
import { linkNoticesAsPerson, unlinkNoticeAsPerson } from '../../app/incidents.ts';
import { decider, parseCommand, validate } from '../options.ts';

const noticeId = z.string('expected a notice number such as 12').regex(/^[1-9][0-9]*$/, 'expected a notice number such as 12').transform(Number);
const by = z.string().trim().min(1, 'expected a name').max(200);

export async function linkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('link', args, { db: { type: 'string' }, by: { type: 'string' } });
  const input = validate('link', z.object({ a: noticeId, b: noticeId, by }).refine((v) => v.a !== v.b, 'A and B must differ'), {
    a: positionals[0]?.replace(/^#/, ''), b: positionals[1]?.replace(/^#/, ''), by: decider(values.by),
  });
  const casebook = await openCommandCasebook(values.db);
  try {
    await linkNoticesAsPerson(casebook.store, input.a, input.b, input.by);
    const incident = await casebook.store.getIncident((await casebook.store.incidentOfNotice(input.a))!);
    process.stdout.write(`linked notice #${input.b} with #${input.a} (by ${input.by}): incident #${incident?.number ?? incident?.id}` +
      ` now holds notices ${incident?.members.map((m) => `#${m.noticeId}`).join(', ')}\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}

export async function unlinkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('unlink', args, { db: { type: 'string' }, by: { type: 'string' } });
  const input = validate('unlink', z.object({ id: noticeId, by }), { id: positionals[0]?.replace(/^#/, ''), by: decider(values.by) });
  const casebook = await openCommandCasebook(values.db);
  try {
    await unlinkNoticeAsPerson(casebook.store, input.id, input.by);
    const incident = await casebook.store.getIncident((await casebook.store.incidentOfNotice(input.id)) ?? -1);
    process.stdout.write(`notice #${input.id} stands alone (by ${input.by})` +
      (incident ? `: incident #${incident.number ?? incident.id}\n` : ', outside every incident: it is not an incident notice\n'));
    return 0;
  } finally {
    await casebook.close();
  }
}
