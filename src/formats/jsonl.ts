// Incidents as JSON lines: one object per incident with SPEC.md's keys, for scripts and pipelines.
import { isImportedDataset } from '../core/dataset.ts';
import type { IncidentRow } from './incident-row.ts';
import { rowToRecord, type PlainRecord } from './incident-row.ts';

export interface IncidentLine extends Omit<PlainRecord, 'header' | 'kind'> {
  id: number;
  number: string | null;
  /** Fixed when the incident was first stored; the export ids are made from it. */
  export_key: string;
  organizations: string[];
  notice_ids: number[];
  review_state: 'unreviewed' | 'reviewed';
  /** An imported incident's dataset ('veris:vcdb') and its own id there; absent on the Japanese notices' incidents. */
  dataset?: string;
  external_id?: string | null;
}

export function incidentLine(row: IncidentRow): IncidentLine {
  const { header: _header, kind: _kind, ...record } = rowToRecord(row);
  const imported = isImportedDataset(row.dataset) ? { dataset: row.dataset!, external_id: row.externalId ?? null } : {};
  return { id: row.id, number: row.number, export_key: row.exportKey, ...record, organizations: [...row.organizations], notice_ids: [...row.noticeIds], review_state: row.reviewState, ...imported };
}

/** One line per incident, each ending in a newline (so files concatenate). */
export function incidentsToJsonl(rows: readonly IncidentRow[]): string {
  return rows.map((r) => JSON.stringify(incidentLine(r)) + '\n').join('');
}
