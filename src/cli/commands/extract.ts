// `jikenbo extract --jsonl FILE...`: the extraction contract, printed; the casebook is not touched.
import { documentLimits, sharedDecoder } from '../../app/decoder.ts';
import { JikenboError, reasonOf } from '../../core/errors.ts';
import { RECORD_KEYS, type IncidentRecord } from '../../core/record.ts';
import { parseCommand } from '../options.ts';

/** The record with exactly the SPEC keys, in SPEC order, then evidence (and, when asked, confidence). */
export function contractJson(record: IncidentRecord, withConfidence = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of RECORD_KEYS) out[key] = record[key];
  out.evidence = record.evidence;
  if (withConfidence) {
    out.confidence = record.confidence ?? {};
    out.low_confidence = record.low_confidence ?? [];
  }
  return out;
}

export async function extractCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('extract', args, {
    jsonl: { type: 'boolean' },
    pretty: { type: 'boolean' },
    confidence: { type: 'boolean' },
  });
  if (positionals.length === 0) {
    process.stderr.write('usage: jikenbo extract --jsonl [--confidence] FILE...\n');
    return 2;
  }
  let failed = 0;
  for (const file of positionals) {
    try {
      // Read in a decoding process, under the limits ingest reads under (decoder.ts).
      const read = await sharedDecoder().read(file, documentLimits());
      if (!read.ok) throw new JikenboError('bad_input', read.reason, { subject: file });
      for (const { record } of read.notices) {
        const json = contractJson(record, values.confidence === true);
        process.stdout.write((values.pretty && !values.jsonl ? JSON.stringify(json, null, 2) : JSON.stringify(json)) + '\n');
      }
    } catch (err) {
      failed++;
      process.stderr.write(`${file}: ${stripSubject(reasonOf(err), file)}\n`);
    }
  }
  return failed ? 1 : 0;
}

/** Reasons often start with the file they are about; print the file once. */
export function stripSubject(reason: string, path: string): string {
  return reason.startsWith(`${path}: `) ? reason.slice(path.length + 2) : reason;
}
