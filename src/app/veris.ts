// VERIS use cases: load the schema, export incidents as VERIS files, import VERIS files (as VCDB keeps
// them) into the casebook. One bad incident or file is a line in the report, never the end of the batch.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { datasetOfVeris, isImportedDataset } from '../core/dataset.ts';
import { JikenboError, reasonOf } from '../core/errors.ts';
import type { IncidentRecord } from '../core/record.ts';
import type { IncidentRow, PlainRecord } from '../formats/incident-row.ts';
import { verisIncidentId } from '../formats/stable-id.ts';
import { recordFromVeris, toVeris, type VerisIncident } from '../formats/veris-mapping.ts';
import { createVerisValidator, type VerisProblem, type VerisValidator } from '../formats/veris-validate.ts';
import { pathUnder } from '../sources/path-under.ts';
import { walkPaths } from '../sources/walk-paths.ts';
import type { Archive, Store } from '../store/store.ts';
import { regroupIncidents, type RegroupReport } from './incidents.ts';
import { packageRoot } from './package-root.ts';

/** The extractor version recorded for a notice read from VERIS rather than extracted from text. */
export const VERIS_IMPORT_VERSION = 'veris-import/1';
export const VERIS_MEDIA_TYPE = 'application/json';

export const DEFAULT_VERIS_SCHEMA = resolve(packageRoot(), '../shared/vendor-data/veris/verisc-merged.json');

/** The schema path from --schema, then JIKENBO_VERIS_SCHEMA, then ../shared beside the repository. */
export function resolveVerisSchemaPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const path = flag ?? env.JIKENBO_VERIS_SCHEMA ?? DEFAULT_VERIS_SCHEMA;
  if (!existsSync(path)) {
    throw new JikenboError('bad_input',
      `the VERIS schema (verisc-merged.json) is not at ${path}: pass --schema PATH or set JIKENBO_VERIS_SCHEMA`,
      { subject: 'schema' });
  }
  return resolve(path);
}

const validators = new Map<string, VerisValidator>();

export async function loadVerisValidator(path: string): Promise<VerisValidator> {
  const hit = validators.get(path);
  if (hit) return hit;
  let schema: unknown;
  try {
    schema = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new JikenboError('bad_input', `${path}: not a readable JSON schema (${reasonOf(err)})`, { subject: 'schema', cause: err });
  }
  if (typeof schema !== 'object' || schema === null || !('properties' in schema)) {
    throw new JikenboError('bad_input', `${path}: not the VERIS schema`, { subject: 'schema' });
  }
  const validator = createVerisValidator(schema as Record<string, unknown>);
  validators.set(path, validator);
  return validator;
}

/** The VERIS incident an incident was imported from, when one of its notices came from a VERIS file. */
export async function originalVeris(row: IncidentRow, deps: { store: Store; archive: Archive }): Promise<VerisIncident | null> {
  for (const noticeId of row.noticeIds) {
    const notice = await deps.store.getNotice(noticeId);
    if (!notice || notice.document.mediaType !== VERIS_MEDIA_TYPE) continue;
    const bytes = await deps.archive.get(notice.document.sha256);
    if (!bytes) continue;
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as VerisIncident;
    } catch {
      // An unreadable original: export from the current values alone.
    }
  }
  return null;
}

export interface VerisExportReport {
  written: { incident: string; file: string }[];
  failed: { incident: string; problems: VerisProblem[] }[];
}

/**
 * Writes one `<stable id>.json` per incident into `outDir`, each checked against the schema first. The
 * name is the incident's own VERIS id (from its export key), never the incident_id of an imported
 * file, which an export of an imported incident keeps inside the file but which could be `../../x`.
 */
export async function exportVeris(
  rows: IncidentRow[],
  outDir: string,
  deps: { store: Store; archive: Archive; validator: VerisValidator },
): Promise<VerisExportReport> {
  await mkdir(outDir, { recursive: true });
  const report: VerisExportReport = { written: [], failed: [] };
  for (const row of rows) {
    const label = row.number ? `#${row.number}` : `incident ${row.id}`;
    try {
      const incident = toVeris(row, { original: (await originalVeris(row, deps)) ?? undefined });
      const problems = deps.validator.validate(incident);
      if (problems.length) {
        report.failed.push({ incident: label, problems });
        continue;
      }
      const file = pathUnder(outDir, `${verisIncidentId(row.exportKey)}.json`);
      await writeFile(file, JSON.stringify(incident, null, 2) + '\n');
      report.written.push({ incident: label, file });
    } catch (err) {
      report.failed.push({ incident: label, problems: [{ pointer: '', reason: reasonOf(err) }] });
    }
  }
  return report;
}

export interface VerisImportOutcome {
  path: string;
  status: 'new' | 'duplicate' | 'failed';
  noticeId?: number;
  /** For a failure: what was wrong, each with the field (JSON pointer). */
  problems?: VerisProblem[];
}

export interface VerisImportReport {
  files: number;
  imported: number;
  duplicates: number;
  failed: number;
  outcomes: VerisImportOutcome[];
  incidents?: RegroupReport;
}

const MAX_VERIS_BYTES = 5 * 1024 * 1024;

/**
 * Reads VERIS files (one incident per file, as VCDB's data/json/validated/ holds them). Each file is a
 * document: its bytes archived under their SHA-256 (the same bytes again add nothing), one notice
 * whose text is a readable summary and whose record is read back from VERIS.
 */
export async function importVeris(
  paths: string[],
  deps: { store: Store; archive: Archive; validator: VerisValidator },
): Promise<VerisImportReport> {
  const report: VerisImportReport = { files: 0, imported: 0, duplicates: 0, failed: 0, outcomes: [] };
  for await (const entry of walkPaths(paths)) {
    report.files++;
    const outcome = 'error' in entry
      ? { path: entry.path, status: 'failed' as const, problems: [{ pointer: '', reason: reasonOf(entry.error) }] }
      : await importOne(entry.path, deps);
    report.outcomes.push(outcome);
    if (outcome.status === 'new') report.imported++;
    else if (outcome.status === 'duplicate') report.duplicates++;
    else report.failed++;
  }
  if (report.imported > 0) report.incidents = await regroupIncidents(deps.store);
  return report;
}

async function importOne(path: string, deps: { store: Store; archive: Archive; validator: VerisValidator }): Promise<VerisImportOutcome> {
  const fail = (pointer: string, reason: string): VerisImportOutcome => ({ path, status: 'failed', problems: [{ pointer, reason }] });
  try {
    const size = (await stat(path)).size;
    if (size > MAX_VERIS_BYTES) return fail('', `${size} bytes is over the ${MAX_VERIS_BYTES}-byte limit for one incident`);
    const bytes = new Uint8Array(await readFile(path));
    let incident: unknown;
    try {
      incident = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (err) {
      return fail('', `not UTF-8 JSON (${reasonOf(err)})`);
    }
    const problems = deps.validator.validate(incident);
    if (problems.length) return { path, status: 'failed', problems };

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await deps.store.hasDocument(sha256)) return { path, status: 'duplicate' };
    const plain = recordFromVeris(incident as VerisIncident);
    const text = readableSummary(incident as VerisIncident, plain);
    const record: IncidentRecord = { ...plain, header: text.split('\n', 1)[0]!, evidence: {} };
    await deps.archive.put(sha256, bytes);
    // A dataset of its own (core/dataset.ts): never grouped by the notice rules, numbered or counted as Japanese.
    const veris = incident as VerisIncident;
    const dataset = datasetOfVeris(veris);
    const incidentId = typeof veris.incident_id === 'string' && veris.incident_id.trim() ? veris.incident_id.trim().slice(0, 200) : null;
    const result = await deps.store.ingestDocument(
      { sha256, source: path, mediaType: VERIS_MEDIA_TYPE, encoding: 'UTF-8', byteLength: bytes.byteLength, text,
        dataset, externalId: isImportedDataset(dataset) ? incidentId : null },
      [{ ordinal: 0, start: 0, end: text.length, text, record, extractorVersion: VERIS_IMPORT_VERSION }],
    );
    if (!result.created) return { path, status: 'duplicate' };
    return { path, status: 'new', noticeId: result.noticeIds[0] };
  } catch (err) {
    return fail('', reasonOf(err));
  }
}

/** What a person reads on the notice page of an imported incident: the VERIS summary and the mapped values. */
export function readableSummary(incident: VerisIncident, r: PlainRecord): string {
  const id = typeof incident.incident_id === 'string' ? incident.incident_id : 'unknown';
  const lines = [
    r.header && r.header !== '' ? r.header : `VERIS ${id}`,
    `VERIS インシデント (VERIS incident) ${id}`,
  ];
  if (typeof incident.summary === 'string' && incident.summary.trim() && incident.summary.trim() !== r.header) lines.push(incident.summary.trim());
  const add = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') lines.push(`${label}: ${value}`);
  };
  add('組織 organization', r.organization);
  add('発生日 occurred', r.occurred_date);
  add('公表日 disclosed', r.disclosure_date);
  add('事案の種類 incident types', r.incident_types.join(', '));
  add('漏えい項目 data types', r.data_types.join(', '));
  add('影響人数 affected', r.affected_count);
  add('業種 sector', r.sector);
  add('攻撃者 attacker', r.attacker);
  add('発覚の経緯 discovery', r.discovery);
  if (typeof incident.notes === 'string') lines.push('', incident.notes);
  return lines.join('\n');
}
