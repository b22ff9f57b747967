// `jikenbo export --format veris|stix|misp|csv|jsonl`: the incidents a filter picks, in an exchange format.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openCommandCasebook } from '../open-casebook.ts';
import { parseSelection } from '../../app/request-schemas.ts';
import { selectIncidents } from '../../app/incident-selection.ts';
import { DEFAULT_STIX_SCHEMAS, buildStixBundle, loadStixValidator, resolveStixSchemaDir } from '../../app/stix.ts';
import { exportVeris, loadVerisValidator, resolveVerisSchemaPath } from '../../app/veris.ts';
import { JikenboError } from '../../core/errors.ts';
import { incidentsToCsv } from '../../formats/csv.ts';
import { incidentsToJsonl } from '../../formats/jsonl.ts';
import { mispManifest, type MispEvent } from '../../formats/misp.ts';
import { checkMispEvent } from '../../formats/misp-validate.ts';
import { buildMispEvents } from '../../app/misp.ts';
import { DEFAULT_TLP, TLP_LEVELS, isTlp } from '../../formats/tlp.ts';
import { parseCommand } from '../options.ts';

const FORMATS = ['veris', 'stix', 'misp', 'csv', 'jsonl'] as const;

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('export', args, {
    db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, schema: { type: 'string' },
    q: { type: 'string' }, type: { type: 'string', multiple: true }, sector: { type: 'string', multiple: true },
    data: { type: 'string', multiple: true }, year: { type: 'string', multiple: true }, month: { type: 'string', multiple: true },
    from: { type: 'string' }, to: { type: 'string' }, contractor: { type: 'string' }, ppc: { type: 'string' },
    attacker: { type: 'string' }, review: { type: 'string' }, sort: { type: 'string' }, dataset: { type: 'string' },
    tlp: { type: 'string' },
  });
  const format = values.format;
  if (!format || !(FORMATS as readonly string[]).includes(format)) {
    throw new JikenboError('bad_input', `export: --format must be one of ${FORMATS.join(', ')}`, { subject: '--format' });
  }
  const tlp = values.tlp ?? DEFAULT_TLP;
  if (!isTlp(tlp)) throw new JikenboError('bad_input', `export: --tlp must be one of ${TLP_LEVELS.join(', ')}`, { subject: '--tlp' });
  if (values.tlp && format !== 'stix' && format !== 'misp') throw new JikenboError('bad_input', 'export: --tlp applies to --format stix and misp', { subject: '--tlp' });
  const { db: _db, format: _f, out: _o, schema: _s, tlp: _t, ...filters } = values;
  const selection = parseSelection(Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, Array.isArray(v) ? v : [v as string]])));
  if (format === 'veris' && !values.out) throw new JikenboError('bad_input', 'export: --out DIR is needed for VERIS (one file per incident)', { subject: '--out' });

  const casebook = await openCommandCasebook(values.db);
  try {
    const rows = await selectIncidents(casebook.store, selection);
    if (format === 'veris') {
      const validator = await loadVerisValidator(resolveVerisSchemaPath(values.schema));
      const report = await exportVeris(rows, values.out!, { ...casebook, validator });
      process.stdout.write(`${report.written.length} VERIS incidents written to ${values.out}, ${report.failed.length} not valid\n`);
      for (const f of report.failed) {
        process.stderr.write(`  not written: ${f.incident}: ${f.problems.slice(0, 5).map((p) => `${p.pointer || '/'} ${p.reason}`).join('; ')}\n`);
      }
      return report.failed.length ? 1 : 0;
    }
    let body: string;
    if (format === 'misp') {
      const events = await buildMispEvents(casebook.store, rows, { tlp });
      checkEvents(events);
      // A directory is a MISP feed (an <uuid>.json per event and manifest.json); a .json file or stdout one document.
      if (values.out && !values.out.endsWith('.json')) {
        await mkdir(values.out, { recursive: true });
        for (const e of events) await writeFile(join(values.out, `${e.Event.uuid}.json`), JSON.stringify(e, null, 2) + '\n');
        await writeFile(join(values.out, 'manifest.json'), JSON.stringify(mispManifest(events), null, 2) + '\n');
        process.stderr.write(`${events.length} MISP events written to ${values.out} (a feed: manifest.json and one file per event)\n`);
        return 0;
      }
      body = JSON.stringify({ response: events }, null, 2) + '\n';
    } else if (format === 'stix') {
      const bundle = await buildStixBundle(casebook.store, rows, { tlp });
      // Checked when the OASIS schemas are at hand (always in development); the bundle is written either way.
      if (values.schema || process.env.JIKENBO_STIX_SCHEMAS || existsSync(DEFAULT_STIX_SCHEMAS)) {
        const problems = (await loadStixValidator(resolveStixSchemaDir(values.schema))).validateBundle(bundle);
        for (const p of problems.slice(0, 20)) process.stderr.write(`  STIX: ${p.object} ${p.pointer || '/'} ${p.reason}\n`);
        if (problems.length) throw new JikenboError('internal', `export: the bundle does not validate (${problems.length} problems)`);
      }
      body = JSON.stringify(bundle, null, 2) + '\n';
    } else {
      body = format === 'csv' ? incidentsToCsv(rows) : incidentsToJsonl(rows);
    }
    if (values.out) {
      await writeFile(values.out, body);
      process.stderr.write(`${rows.length} incidents written to ${values.out}\n`);
    } else {
      process.stdout.write(body);
    }
    return 0;
  } finally {
    await casebook.close();
  }
}

/** Every event by the MISP format's rules before anything is written: a failure is jikenbo's bug. */
function checkEvents(events: readonly MispEvent[]): void {
  const problems = events.flatMap((e) => checkMispEvent(e).map((p) => `${e.Event.uuid}: ${p}`));
  for (const p of problems.slice(0, 20)) process.stderr.write(`  MISP: ${p}\n`);
  if (problems.length) throw new JikenboError('internal', `export: the MISP events do not follow the format (${problems.length} problems)`);
}
