// `jikenbo link A B` and `jikenbo unlink N`: a person's grouping decisions, kept through every regroup.
import { noticeLabel, parseNoticeRef, publicIncidentId } from '../../core/public-id.ts';
import { z } from 'zod';
import { openCommandCasebook } from '../open-casebook.ts';
import { linkNoticesAsPerson, unlinkNoticeAsPerson } from '../../app/incidents.ts';
import { decider, parseCommand, validate } from '../options.ts';

const noticeId = z.string('expected a notice such as N12').transform((s, ctx) => {
  const id = parseNoticeRef(s);
  if (id === null) ctx.addIssue({ code: 'custom', message: 'expected a notice such as N12' });
  return id ?? z.NEVER;
});
const by = z.string().trim().min(1, 'expected a name').max(200);

export async function linkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('link', args, { db: { type: 'string' }, by: { type: 'string' } });
  const input = validate('link', z.object({ a: noticeId, b: noticeId, by }).refine((v) => v.a !== v.b, 'A and B must differ'), {
    a: positionals[0], b: positionals[1], by: decider(values.by),
  });
  const casebook = await openCommandCasebook(values.db);
  try {
    await linkNoticesAsPerson(casebook.store, input.a, input.b, input.by);
    const incident = await casebook.store.getIncident((await casebook.store.incidentOfNotice(input.a))!);
    process.stdout.write(`linked notice ${noticeLabel(input.b)} with ${noticeLabel(input.a)} (by ${input.by}): incident #${incident ? publicIncidentId(incident) : '?'}` +
      ` now holds notices ${incident?.members.map((m) => noticeLabel(m.noticeId)).join(', ')}\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}

export async function unlinkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('unlink', args, { db: { type: 'string' }, by: { type: 'string' } });
  const input = validate('unlink', z.object({ id: noticeId, by }), { id: positionals[0], by: decider(values.by) });
  const casebook = await openCommandCasebook(values.db);
  try {
    await unlinkNoticeAsPerson(casebook.store, input.id, input.by);
    const incident = await casebook.store.getIncident((await casebook.store.incidentOfNotice(input.id)) ?? -1);
    process.stdout.write(`notice ${noticeLabel(input.id)} stands alone (by ${input.by})` +
      (incident ? `: incident #${publicIncidentId(incident)}\n` : ', outside every incident: it is not an incident notice\n'));
    return 0;
  } finally {
    await casebook.close();
  }
}
