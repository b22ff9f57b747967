// The incidents and incident_notices rows both engines read, and their mapping to a StoredIncident.

import { incidentDataset, isImportedDataset } from '../../core/dataset.ts';
import type { IncidentRecord } from '../../core/record.ts';
import type { IncidentMember, LinkOrigin, NoticeLink, StoredIncident } from '../store.ts';

export interface IncidentRow {
  id: number;
  casebook_number: string | null;
  number_kept: number;
  own_number: string | null;
  export_key: string;
  number_clash: number;
  clash_notes: string | null;
  first_disclosure: string | null;
}

export interface MemberRow {
  incident_id: number;
  notice_id: number;
  header: string;
  record_json: string;
  ingested_at: string;
  origin: LinkOrigin;
  reason_json: string;
  /** The member's document's dataset and external id (core/dataset.ts). */
  dataset: string;
  external_id: string | null;
}

/** A member's record without its evidence and confidence, in SQL (the same expression on both engines' JSON text). */
export const LEAN_RECORD = {
  sqlite: "json_set(json_remove(coalesce(n.effective_json, r.record_json), '$.confidence', '$.low_confidence'), '$.evidence', json('{}'))",
  postgres: "(coalesce(n.effective_json, r.record_json)::jsonb - 'confidence' - 'low_confidence' || '{\"evidence\": {}}'::jsonb)::text",
};

/** The latest machine record of notice `n`, joined as `r`. */
export const LATEST_RECORD = 'r.id = (SELECT max(id) FROM records WHERE notice_id = n.id)';

/** Each incident with its members, in the order of `incidents`; members keep the order of `found`. */
export function toIncidents(incidents: readonly IncidentRow[], found: Iterable<MemberRow>): StoredIncident[] {
  const members = new Map<number, IncidentMember[]>();
  for (const row of found) {
    const list = members.get(row.incident_id) ?? members.set(row.incident_id, []).get(row.incident_id)!;
    list.push({
      noticeId: row.notice_id, header: row.header, record: JSON.parse(row.record_json) as IncidentRecord,
      ingestedAt: row.ingested_at, origin: row.origin, links: JSON.parse(row.reason_json) as NoticeLink[],
      dataset: row.dataset, externalId: row.external_id,
    });
  }
  return incidents.map((row) => {
    const list = members.get(row.id) ?? [];
    const dataset = incidentDataset(list);
    return {
      // An imported incident shows no casebook number (its VERIS id instead), even one given before migration 14.
      id: row.id, number: isImportedDataset(dataset) ? row.casebook_number : row.casebook_number ?? row.own_number, numberKept: row.casebook_number !== null,
      ownNumber: row.own_number, exportKey: row.export_key, numberClash: row.number_clash === 1,
      clashNotes: row.clash_notes, firstDisclosure: row.first_disclosure, members: list,
      dataset, externalId: isImportedDataset(dataset) ? list.find((m) => m.externalId)?.externalId ?? null : null,
    };
  });
}

/** The incidents columns both engines select for a StoredIncident. */
export const INCIDENT_COLUMNS = 'id, casebook_number, number_kept, own_number, export_key, number_clash, clash_notes, first_disclosure';
