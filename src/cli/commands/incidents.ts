// `jikenbo incidents`: incidents with their number, merged record, notices, and why each was grouped.
import { noticeLabel, publicIncidentId } from '../../core/public-id.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { listMergedIncidents, type MergedIncident } from '../../app/incidents.ts';
import { pageSchema, parseCommand, validate } from '../options.ts';

export async function incidentsCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('incidents', args, {
    db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' },
  });
  const page = validate('incidents', pageSchema, { limit: values.limit ?? 50, offset: values.offset });
  const casebook = await openCommandCasebook(values.db);
  try {
    const [incidents, total] = await Promise.all([listMergedIncidents(casebook.store, page), casebook.store.countIncidents()]);
    if (values.json) {
      process.stdout.write(JSON.stringify(incidents) + '\n');
      return 0;
    }
    for (const incident of incidents) process.stdout.write(renderIncident(incident) + '\n');
    const first = (page.offset ?? 0) + 1;
    process.stdout.write(incidents.length
      ? `${first}–${first + incidents.length - 1} of ${total} incidents (J… numbers are jikenbo's own; the others are the casebook's)\n`
      : `no incidents (${total} in all)\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}

export function renderIncident(i: MergedIncident): string {
  const m = i.merged;
  // The casebook's number, and beside it the number jikenbo gave before it took that one (still valid).
  // One identifier, the one to cite (core/public-id.ts); beside a header number, the number jikenbo gave
  // before it took that one (still valid). The internal id is not shown: every command takes the number.
  const id = publicIncidentId(i);
  const own = i.ownNumber && i.ownNumber !== id ? ` (also #${i.ownNumber})` : '';
  // An imported incident (VERIS) has no casebook number: its own incident_id names it.
  const number = i.number === null && !i.ownNumber ? (i.externalId ? `VERIS ${i.externalId}` : `(unnumbered, id ${i.id})`) : `#${id}${own}`;
  const others = m.organizations.filter((o) => o !== m.organization.value);
  const org = `${m.organization.value ?? '(unknown)'}${others.length ? ` (+${others.join(', ')})` : ''}`;
  const types = m.incident_types.value.length ? ` [${m.incident_types.value.join(',')}]` : '';
  const count = m.affected_count.value === null ? '' : ` ${m.affected_count.value.toLocaleString('en-US')}人`;
  const lines = [`${number}\t${m.disclosure_date.value ?? '----------'}\t${org}${types}${count}`];
  if (m.title.value) lines.push(`\t${oneLine(m.title.value)}`);
  for (const member of i.members) {
    const reasons = member.links
      .filter((l) => l.notices[1] === member.noticeId || l.rule === 'manual_link')
      .map((l) => `${l.rule}: ${l.evidence}`);
    lines.push(`\tnotice ${noticeLabel(member.noticeId)}${member.origin === 'manual' ? ' (person)' : ''}  ${oneLine(member.header)}` +
      (reasons.length ? `\n\t    ← ${reasons.join('; ')}` : ''));
  }
  if (i.numberClash) lines.push(`\t⚠ number clash: ${i.clashNotes}`);
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
