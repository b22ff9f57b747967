// VERIS use cases: load the schema, export incidents as VERIS files, import VERIS files (as VCDB keeps
// them) into the casebook. One bad incident or file is a line in the report, never the end of the batch.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { datasetOfVeris, isImportedDataset } from '../core/dataset.ts';
import { JikenboError, reasonOf } from '../core/errors.ts';
import type { IncidentRecord } from '../core/record.ts';
import type { IncidentRow, PlainRecord } from '../formats/incident-row.ts';
import { verisIncidentId } from '../formats/stable-id.ts';
import { recordFromVeris, toVeris, type VerisIncident } from '../formats/veris-mapping.ts';
import { createVerisValidator, type VerisProblem, type VerisValidator } from '../formats/veris-validate.ts';
import { upgradeVeris, verisVersionOf } from '../formats/veris-versions.ts';
import { pathUnder } from '../sources/path-under.ts';
import { walkPaths } from '../sources/walk-paths.ts';
import type { Archive, Store } from '../store/ports.ts';
import { regroupIncidents, type RegroupReport } from './incidents.ts';
import { packageRoot } from './package-root.ts';
import { updateWatchlistHits } from './watchlists.ts';

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

/** A VERIS file an incident holds: its original converted to 1.4.1, and the SHA-256 of the file's bytes. */
export interface VerisOriginal {
  incident: VerisIncident;
  sha256: string;
}

/** Every VERIS file among an incident's notices (one, unless grouping put several together), each in its 1.4.1 form. */
export async function verisOriginals(
  row: IncidentRow,
  deps: { store: Store; archive: Archive; validator: VerisValidator },
): Promise<VerisOriginal[]> {
  const out: VerisOriginal[] = [];
  for (const noticeId of row.noticeIds) {
    const notice = await deps.store.getNotice(noticeId);
    if (!notice || notice.document.mediaType !== VERIS_MEDIA_TYPE) continue;
    const bytes = await deps.archive.get(notice.document.sha256);
    if (!bytes) continue;
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) continue;
      const version = verisVersionOf(parsed);
      const incident = version ? upgradeVeris(parsed as VerisIncident, version, deps.validator.current) : (parsed as VerisIncident);
      out.push({ incident, sha256: notice.document.sha256 });
    } catch {
      // An unreadable original: export from the current values alone.
    }
  }
  return out;
}

/** The first VERIS file an incident was imported from, in its 1.4.1 form. */
export async function originalVeris(
  row: IncidentRow,
  deps: { store: Store; archive: Archive; validator: VerisValidator },
): Promise<VerisIncident | null> {
  return (await verisOriginals(row, deps))[0]?.incident ?? null;
}

export interface VerisExportReport {
  written: { incident: string; file: string }[];
  failed: { incident: string; problems: VerisProblem[] }[];
}

/** An imported incident_id that may name a file as it is (VCDB's are UUIDs); anything else is named by the stable id. */
const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** A file to write: its name before any tie-break, and what tells two files of one name apart. */
interface ExportFile {
  label: string;
  incident: VerisIncident;
  name: string;
  /** The original's SHA-256, or the export key's for an own incident. */
  tieBreak: string;
}

/**
 * Writes one JSON file per VERIS incident into `outDir`, each checked first: jikenbo's own incidents
 * against the 1.4.1 schema and the house rules, an imported one against the 1.4.1 schema (what VERIS
 * accepts, as it was accepted on import). An imported incident is named by its own `incident_id`
 * when that is a plain name (never a path: `../../x` is named by the stable id), an own incident by
 * its stable VERIS id (from its export key). VCDB repeats incident_ids across files: every file of a
 * name another file also takes (by case too) is named `<name>-` and the first 12 hex digits of its
 * SHA-256, the first one renamed when the second comes, so no file overwrites another and the names
 * do not depend on the order. An incident that holds several VERIS files (grouping put them together)
 * writes each of them, as imported.
 */
export async function exportVeris(
  rows: IncidentRow[],
  outDir: string,
  deps: { store: Store; archive: Archive; validator: VerisValidator },
): Promise<VerisExportReport> {
  await mkdir(outDir, { recursive: true });
  const report: VerisExportReport = { written: [], failed: [] };
  const place = filePlacer(outDir, report);
  for (const row of rows) {
    const label = row.number ? `#${row.number}` : `incident ${row.id}`;
    try {
      const originals = await verisOriginals(row, deps);
      const files: (ExportFile & { problems: VerisProblem[] })[] = [];
      if (originals.length === 0) {
        const incident = toVeris(row);
        files.push({ label, incident, problems: deps.validator.validate(incident), name: verisIncidentId(row.exportKey), tieBreak: sha256Hex(row.exportKey) });
      }
      for (const original of originals) {
        const incident = toVeris(row, { original: original.incident, asImported: originals.length > 1 });
        const id = original.incident.incident_id;
        const name = typeof id === 'string' && PLAIN_FILE_NAME.test(id) ? id : verisIncidentId(row.exportKey);
        files.push({ label, incident, problems: deps.validator.validateAsItsVersion(incident).problems, name, tieBreak: original.sha256 });
      }
      for (const file of files) {
        if (file.problems.length) report.failed.push({ incident: label, problems: file.problems });
        else await place(file);
      }
    } catch (err) {
      report.failed.push({ incident: label, problems: [{ pointer: '', reason: reasonOf(err) }] });
    }
  }
  return report;
}

/** Writes each file under its name, or, when another file takes the name too, both under a tie-broken one. */
function filePlacer(outDir: string, report: VerisExportReport): (file: ExportFile) => Promise<void> {
  const taken = new Map<string, { file: ExportFile; entry: { file: string }; moved: boolean }>();
  const tieBroken = (f: ExportFile) => `${f.name}-${f.tieBreak.slice(0, 12)}`;
  return async (f) => {
    const first = taken.get(f.name.toLowerCase());
    if (first && !first.moved) {
      const moved = pathUnder(outDir, `${tieBroken(first.file)}.json`);
      await rename(first.entry.file, moved);
      first.entry.file = moved;
      first.moved = true;
    }
    const name = first ? tieBroken(f) : f.name;
    const path = pathUnder(outDir, `${name}.json`);
    await writeFile(path, JSON.stringify(f.incident, null, 2) + '\n');
    const entry = { incident: f.label, file: path };
    report.written.push(entry);
    if (!first) taken.set(name.toLowerCase(), { file: f, entry, moved: false });
    else taken.set(name.toLowerCase(), { file: { ...f, name }, entry, moved: true });
  };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface VerisImportOutcome {
  path: string;
  status: 'new' | 'duplicate' | 'failed';
  noticeId?: number;
  /** For a failure: what was wrong, each with the field (JSON pointer) and the rule. */
  problems?: VerisProblem[];
  /** For a file jikenbo failed to store: the store's own words, for a log, never the reason shown. */
  internal?: string;
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
  if (report.imported > 0) {
    report.incidents = await regroupIncidents(deps.store);
    await updateWatchlistHits(deps.store).catch(() => undefined);
  }
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
    // By the rules of its own version; then in the 1.4.1 form the casebook reads (the bytes stay as they are).
    const { version, problems } = deps.validator.validateAsItsVersion(incident);
    if (problems.length || !version) return { path, status: 'failed', problems };
    const current = upgradeVeris(incident as VerisIncident, version, deps.validator.current);
    const after = deps.validator.validateAsItsVersion(current).problems;
    if (after.length) {
      return { path, status: 'failed', problems: after.map((p) => ({ ...p, reason: `valid in VERIS ${version}, but its 1.4.1 form ${p.reason}` })) };
    }

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await deps.store.hasDocument(sha256)) return { path, status: 'duplicate' };
    const plain = recordFromVeris(current);
    const text = readableSummary(current, plain);
    const record: IncidentRecord = { ...plain, header: text.split('\n', 1)[0]!, evidence: {} };
    // A dataset of its own (core/dataset.ts): never grouped by the notice rules, numbered or counted as Japanese.
    const dataset = datasetOfVeris(current);
    const incidentId = typeof current.incident_id === 'string' && current.incident_id.trim() ? current.incident_id.trim().slice(0, 200) : null;
    let result: Awaited<ReturnType<Store['ingestDocument']>>;
    try {
      await deps.archive.put(sha256, bytes);
      result = await deps.store.ingestDocument(
        { sha256, source: path, mediaType: VERIS_MEDIA_TYPE, encoding: 'UTF-8', byteLength: bytes.byteLength, text,
          dataset, externalId: isImportedDataset(dataset) ? incidentId : null },
        [{ ordinal: 0, start: 0, end: text.length, text, record, extractorVersion: VERIS_IMPORT_VERSION }],
      );
    } catch (err) {
      // The file is valid VERIS: what the store said is jikenbo's fault, not the file's, and no reason to give.
      if (err instanceof JikenboError && err.code === 'unavailable') throw err;
      return { ...fail('', 'valid VERIS that jikenbo could not store (an internal error: please report it with this file)'), internal: reasonOf(err) };
    }
    if (!result.created) return { path, status: 'duplicate' };
    return { path, status: 'new', noticeId: result.noticeIds[0] };
  } catch (err) {
    if (err instanceof JikenboError && err.code === 'unavailable') throw err;
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
