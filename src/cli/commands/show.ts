// `jikenbo show ID`: one record, each value with the text that states it. `jikenbo show NUMBER`
// (2024-078, J2024-0078; also a number a merge took into another incident): that incident.
import { z } from 'zod';
import { JikenboError } from '../../core/errors.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { parseCommand, validate } from '../options.ts';
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
  const id = validate('show', z.object({ id: z.coerce.number().int().positive('expected a record number such as 12') }), {
    id: positionals[0]?.replace(/^#/, ''),
  }).id;
  const casebook = await openCommandCasebook(values.db);
  try {
    const notice = await casebook.store.getNotice(id);
    if (!notice) throw new JikenboError('not_found', `no record #${id} in ${casebook.location}`);
    if (values.json) {
      process.stdout.write(JSON.stringify({ id: notice.id, document: notice.document, record: contractJson(notice.record), machineRecord: contractJson(notice.machineRecord), corrections: notice.corrections }, null, 2) + '\n');
      return 0;
    }
    process.stdout.write(`#${notice.id} from ${notice.document.source} (${notice.document.mediaType}` +
      `${notice.document.encoding ? `, ${notice.document.encoding}` : ''}; sha256 ${notice.document.sha256.slice(0, 12)}…)\n\n`);
    const { corrected } = applyCorrections(notice.machineRecord, notice.corrections);
    process.stdout.write(renderRecord(notice.record, notice.text, corrected) + '\n');
    return 0;
  } finally {
    await casebook.close();
  }
}
