// The organisation rows both engines read, their mapping, and the checks both make before a change.

import { JikenboError } from '../../core/errors.ts';
import type {
  OrganisationAction, OrganisationChange, OrganisationDetail, OrganisationName, OrganisationNameKind, OrganisationSummary,
} from '../organisation-types.ts';

export interface OrganisationRow {
  id: number;
  org_key: string;
  name: string;
  sector: string | null;
  notice_count: number | string;
  latest_date: string | null;
  merged_into: number | null;
  created_by: string | null;
  incident_count: number | string;
}

/** The summary's columns of `organisations o`, with its incidents counted through its notices (by index). */
export const SUMMARY_COLUMNS = /* sql */ `
  o.id, o.org_key, o.name, o.sector, o.notice_count, o.latest_date, o.merged_into, o.created_by,
  (SELECT count(DISTINCT i.incident_id) FROM organisation_notices m JOIN incident_notices i ON i.notice_id = m.notice_id
   WHERE m.organisation_id = o.id) AS incident_count`;

/** Organisations a list shows: with notices, not merged away (the partial index organisations_by_latest). */
export const LISTED = 'o.merged_into IS NULL AND o.notice_count > 0';

/** A LIKE pattern (ESCAPE '\\') finding `term` anywhere: its own % and _ match only themselves. */
export const toOrganisationSummary = (row: OrganisationRow): OrganisationSummary => ({
  id: row.id,
  key: row.org_key,
  name: row.name,
  sector: row.sector,
  noticeCount: Number(row.notice_count),
  incidentCount: Number(row.incident_count),
  latestDate: row.latest_date,
  mergedInto: row.merged_into,
  createdBy: row.created_by,
});

export interface NameRow { kind: string; value: string; added_by: string; added_at: string }
export const toOrganisationName = (row: NameRow): OrganisationName =>
  ({ kind: row.kind as OrganisationNameKind, value: row.value, by: row.added_by, at: row.added_at });

export interface ChangeRow { id: number; organisation_id: number; action: string; detail_json: string; changed_by: string; changed_at: string }
export const toOrganisationChange = (row: ChangeRow): OrganisationChange => ({
  id: row.id, organisationId: row.organisation_id, action: row.action as OrganisationAction,
  detail: JSON.parse(row.detail_json) as Record<string, unknown>, by: row.changed_by, at: row.changed_at,
});

/** One incident's notices of the organisation, as the detail's incident query returns them. */
export interface MemberRow { incident_id: number; notice_id: number; disclosure_date: string | null }

/** Groups the organisation's notices by incident, the incident with the latest notice first. */
export function incidentsOf(members: readonly MemberRow[]): OrganisationDetail['incidents'] {
  const byIncident = new Map<number, { incidentId: number; noticeIds: number[]; latest: string }>();
  for (const m of members) {
    const entry = byIncident.get(m.incident_id) ?? byIncident.set(m.incident_id, { incidentId: m.incident_id, noticeIds: [], latest: '' }).get(m.incident_id)!;
    entry.noticeIds.push(m.notice_id);
    if ((m.disclosure_date ?? '') > entry.latest) entry.latest = m.disclosure_date ?? '';
  }
  return [...byIncident.values()]
    .sort((a, b) => b.latest.localeCompare(a.latest) || b.incidentId - a.incidentId)
    .map(({ incidentId, noticeIds }) => ({ incidentId, noticeIds: noticeIds.sort((x, y) => x - y) }));
}

export function checkActor(by: string): string {
  const name = by.trim();
  if (!name) throw new JikenboError('bad_input', 'a change of an organisation needs the name of who made it', { subject: 'by' });
  return name;
}

export function unknownOrganisation(id: number): JikenboError {
  return new JikenboError('not_found', `no organisation ${id}`, { subject: 'organisation' });
}

/** A merged organisation takes no changes: the one it was merged into answers for it. */
export function checkLive(row: { id: number; merged_into: number | null }): void {
  if (row.merged_into !== null) {
    throw new JikenboError('conflict', `organisation ${row.id} was merged into organisation ${row.merged_into}: change that one`, { subject: 'organisation' });
  }
}

/** The split's notices, once each, all the organisation's and not all of them. */
export function checkSplit(organisationId: number, noticeIds: readonly number[], members: ReadonlySet<number>): number[] {
  const ids = [...new Set(noticeIds)];
  if (ids.length === 0) throw new JikenboError('bad_input', 'a split needs at least one notice to move', { subject: 'notices' });
  const stranger = ids.find((id) => !members.has(id));
  if (stranger !== undefined) {
    throw new JikenboError('bad_input', `notice N${stranger} is not in organisation ${organisationId}`, { subject: 'notices' });
  }
  if (ids.length >= members.size) {
    throw new JikenboError('conflict', `a split must leave organisation ${organisationId} at least one notice`, { subject: 'notices' });
  }
  return ids;
}

export const changeAction = (kind: OrganisationNameKind): OrganisationAction => kind;
