// `jikenbo show N12` (or 12): one notice's record, each value with the text that states it. `jikenbo show NUMBER`
// (2024-078, J2024-0078; also a number a merge took into another incident): that incident.
import { noticeLabel, parseNoticeRef } from '../../core/public-id.ts';
import { JikenboError } from '../../core/errors.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { parseCommand } from '../options.ts';
import { applyCorrections } from '../../core/corrections.ts';
import { renderRecord } from '../render.ts';
import { contractJson } from './extract.ts';
import { renderIncident } from './incidents.ts';
import { incidentNumberOf } from '../../analyze/casebook-number.ts';
import { getMergedIncident } from '../../app/incidents.ts';
import { incidentByNumber } from '../../app/incident-number.ts';

async function showIncident(number: string, values: { db?: string; json?: boolean }): Promise<number> {
  const casebook = await openCommandCasebook(values.db);
  try {
    const incident = await getMergedIncident(casebook.store, await incidentByNumber(casebook.store, number));
    if (!incident) throw new JikenboError('not_found', `no incident numbered ${number.slice(0, 40)} in ${casebook.location}`);
    process.stdout.write(values.json ? JSON.stringify(incident) + '\n' : renderIncident(incident) + '\n');
    return 0;
  } finally {
    await casebook.close();
  }
}

export async function showCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('show', args, { db: { type: 'string' }, json: { type: 'boolean' } });
  if (incidentNumberOf(positionals[0]) !== null) return showIncident(positionals[0]!, values);
  const id = parseNoticeRef(positionals[0]);
  if (id === null) {
    throw new JikenboError('bad_input', `show: "${(positionals[0] ?? '').slice(0, 40)}" is neither a notice (N12) nor an incident's number (2024-504, J2024-0078)`, { subject: 'ID' });
  }
  const casebook = await openCommandCasebook(values.db);
  try {
    const notice = await casebook.store.getNotice(id);
    if (!notice) throw new JikenboError('not_found', `no notice ${noticeLabel(id)} in ${casebook.location}`);
    if (values.json) {
      process.stdout.write(JSON.stringify({ id: notice.id, document: notice.document, record: contractJson(notice.record), machineRecord: contractJson(notice.machineRecord), corrections: notice.corrections }, null, 2) + '\n');
      return 0;
    }
    process.stdout.write(`${noticeLabel(notice.id)} from ${notice.document.source} (${notice.document.mediaType}` +
      `${notice.document.encoding ? `, ${notice.document.encoding}` : ''}; sha256 ${notice.document.sha256.slice(0, 12)}…)\n\n`);
    const { corrected } = applyCorrections(notice.machineRecord, notice.corrections);
    process.stdout.write(renderRecord(notice.record, notice.text, corrected) + '\n');
    return 0;
  } finally {
    await casebook.close();
  }
}
