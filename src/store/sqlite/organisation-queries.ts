// SQLite side of organisations: each notice put in its key's organisation (or kept where a person put
// it), the summary the list pages by, people's names, merges and splits with who, when and the audit log.

import type Database from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';
import type { OrganisationStore } from '../ports.ts';
import type { OrganisationAssignment, OrganisationWorkItem } from '../organisation-types.ts';
import {
  LISTED, SUMMARY_COLUMNS, checkActor, checkLive, checkSplit, incidentsOf, toOrganisationChange, toOrganisationName,
  toOrganisationSummary, unknownOrganisation, type ChangeRow, type MemberRow, type NameRow, type OrganisationRow,
} from '../rows/organisation-row.ts';
import type { AuditWriter } from './audit-writer.ts';

export function organisationQueries(db: Database.Database, now: () => Date, audit: AuditWriter): OrganisationStore {
  const takeWork = db.prepare<[number], { notice_id: number; seq: number; organization: string | null; source: string | null }>(/* sql */ `
    SELECT q.notice_id, q.seq, n.organization, d.source
    FROM organisation_queue q LEFT JOIN notices n ON n.id = q.notice_id LEFT JOIN documents d ON d.id = n.document_id
    ORDER BY q.seq LIMIT ?`);
  const doneWork = db.prepare('DELETE FROM organisation_queue WHERE notice_id = ? AND seq = ?');
  const assignmentOf = db.prepare<[number], { organisation_id: number; assigned_by: string | null }>(
    'SELECT organisation_id, assigned_by FROM organisation_notices WHERE notice_id = ?');
  const unassign = db.prepare('DELETE FROM organisation_notices WHERE notice_id = ?');
  const keepPersonal = db.prepare(/* sql */ `
    UPDATE organisation_notices SET org_key = @key, name_fold = @nameFold, latin_key = @latinKey, domain = @domain WHERE notice_id = @noticeId`);
  const insertOwn = db.prepare(/* sql */ `
    INSERT INTO organisations (org_key, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`);
  const ownOf = db.prepare<[string], { id: number; merged_into: number | null }>(
    'SELECT id, merged_into FROM organisations WHERE org_key = ? AND created_by IS NULL');
  const assign = db.prepare(/* sql */ `
    INSERT INTO organisation_notices (notice_id, organisation_id, org_key, name_fold, latin_key, domain)
    VALUES (@noticeId, @organisationId, @key, @nameFold, @latinKey, @domain)
    ON CONFLICT (notice_id) DO UPDATE SET organisation_id = excluded.organisation_id, org_key = excluded.org_key,
      name_fold = excluded.name_fold, latin_key = excluded.latin_key, domain = excluded.domain, assigned_by = NULL, assigned_at = NULL`);
  const refreshSummary = db.prepare(/* sql */ `
    UPDATE organisations SET
      name = coalesce((SELECT n.organization FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
                       WHERE m.organisation_id = @id AND n.organization IS NOT NULL
                       GROUP BY n.organization ORDER BY count(*) DESC, min(n.id) LIMIT 1), name),
      sector = (SELECT n.sector FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
                WHERE m.organisation_id = @id AND n.sector IS NOT NULL GROUP BY n.sector ORDER BY count(*) DESC, n.sector LIMIT 1),
      notice_count = (SELECT count(*) FROM organisation_notices WHERE organisation_id = @id),
      latest_date = (SELECT max(n.disclosure_date) FROM organisation_notices m JOIN notices n ON n.id = m.notice_id WHERE m.organisation_id = @id),
      search_text = org_key || char(10) || coalesce((SELECT group_concat(t, char(10)) FROM (
          SELECT name_fold AS t FROM organisation_notices WHERE organisation_id = @id
          UNION SELECT latin_key FROM organisation_notices WHERE organisation_id = @id AND latin_key IS NOT NULL
          UNION SELECT domain FROM organisation_notices WHERE organisation_id = @id AND domain IS NOT NULL
          UNION SELECT fold FROM organisation_names WHERE organisation_id = @id)), '')
    WHERE id = @id`);
  const selectRow = db.prepare<[number], OrganisationRow>(`SELECT ${SUMMARY_COLUMNS} FROM organisations o WHERE o.id = ?`);
  const selectNames = db.prepare<[number], { name: string; notices: number }>(/* sql */ `
    SELECT n.organization AS name, count(*) AS notices FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
    WHERE m.organisation_id = ? AND n.organization IS NOT NULL GROUP BY n.organization ORDER BY notices DESC, name`);
  const selectLatin = db.prepare<[number], { k: string }>(
    'SELECT DISTINCT latin_key AS k FROM organisation_notices WHERE organisation_id = ? AND latin_key IS NOT NULL ORDER BY k');
  const selectDomains = db.prepare<[number], { d: string }>(
    'SELECT DISTINCT domain AS d FROM organisation_notices WHERE organisation_id = ? AND domain IS NOT NULL ORDER BY d');
  const selectAdded = db.prepare<[number], NameRow>('SELECT kind, value, added_by, added_at FROM organisation_names WHERE organisation_id = ? ORDER BY id');
  const selectMembers = db.prepare<[number], MemberRow>(/* sql */ `
    SELECT i.incident_id, m.notice_id, n.disclosure_date FROM organisation_notices m
    JOIN incident_notices i ON i.notice_id = m.notice_id JOIN notices n ON n.id = m.notice_id WHERE m.organisation_id = ?`);
  const selectChanges = db.prepare<[number], ChangeRow>('SELECT * FROM organisation_changes WHERE organisation_id = ? ORDER BY id');
  const ofIncident = db.prepare<[number], OrganisationRow>(/* sql */ `
    SELECT ${SUMMARY_COLUMNS} FROM organisations o
    WHERE o.id IN (SELECT m.organisation_id FROM incident_notices i JOIN organisation_notices m ON m.notice_id = i.notice_id WHERE i.incident_id = ?)
    ORDER BY o.notice_count DESC, o.id`);
  const insertName = db.prepare(/* sql */ `
    INSERT INTO organisation_names (organisation_id, kind, value, fold, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (organisation_id, kind, fold) DO NOTHING`);
  const existingName = db.prepare<[number, string, string], NameRow>(
    'SELECT kind, value, added_by, added_at FROM organisation_names WHERE organisation_id = ? AND kind = ? AND fold = ?');
  const insertChange = db.prepare(/* sql */ `
    INSERT INTO organisation_changes (organisation_id, action, detail_json, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)`);
  const moveNotices = db.prepare('UPDATE organisation_notices SET organisation_id = ? WHERE organisation_id = ?');
  const markMerged = db.prepare('UPDATE organisations SET merged_into = @into WHERE id = @from OR merged_into = @from');
  const copyNames = db.prepare(/* sql */ `
    INSERT INTO organisation_names (organisation_id, kind, value, fold, added_by, added_at)
    SELECT ?, kind, value, fold, added_by, added_at FROM organisation_names WHERE organisation_id = ? ORDER BY id
    ON CONFLICT (organisation_id, kind, fold) DO NOTHING`);
  const memberIds = db.prepare<[number], { notice_id: number }>('SELECT notice_id FROM organisation_notices WHERE organisation_id = ?');
  const insertSplit = db.prepare('INSERT INTO organisations (org_key, name, created_by, created_at) VALUES (?, ?, ?, ?)');
  const moveNotice = db.prepare('UPDATE organisation_notices SET organisation_id = ?, assigned_by = ?, assigned_at = ? WHERE notice_id = ?');

  const liveRow = (id: number): OrganisationRow => {
    const row = Number.isSafeInteger(id) ? selectRow.get(id) : undefined;
    if (!row) throw unknownOrganisation(id);
    checkLive(row);
    return row;
  };
  const summaryOf = (id: number) => toOrganisationSummary(selectRow.get(id)!);
  const change = (id: number, action: string, detail: Record<string, unknown>, by: string, at: string) =>
    insertChange.run(id, action, JSON.stringify(detail), by, at);

  const save = db.transaction((assignments: readonly OrganisationAssignment[], done: readonly OrganisationWorkItem[]) => {
    const touched = new Set<number>();
    const at = now().toISOString();
    for (const a of assignments) {
      const current = assignmentOf.get(a.noticeId);
      if (current) touched.add(current.organisation_id);
      if (a.key === null) {
        if (current) unassign.run(a.noticeId);
        continue;
      }
      const row = { noticeId: a.noticeId, key: a.key, nameFold: a.nameFold, latinKey: a.latinKey, domain: a.domain };
      if (current?.assigned_by) {
        keepPersonal.run(row);
        continue;
      }
      insertOwn.run(a.key, a.name ?? a.key, at);
      const own = ownOf.get(a.key)!;
      const organisationId = own.merged_into ?? own.id;
      assign.run({ ...row, organisationId });
      touched.add(organisationId);
    }
    for (const d of done) doneWork.run(d.noticeId, d.seq);
    for (const id of touched) refreshSummary.run({ id });
  });

  const addName = db.transaction((organisationId: number, kind: string, value: string, fold: string, by: string) => {
    liveRow(organisationId);
    const at = now().toISOString();
    if (insertName.run(organisationId, kind, value, fold, by, at).changes > 0) {
      change(organisationId, kind, { value }, by, at);
      audit({ actor: by, action: 'organisation.name', subject: `organisation:${organisationId}`, before: null, after: { kind, value } });
      refreshSummary.run({ id: organisationId });
    }
    return toOrganisationName(existingName.get(organisationId, kind, fold)!);
  });

  const merge = db.transaction((fromId: number, intoId: number, by: string, reason: string | null) => {
    if (fromId === intoId) throw new JikenboError('bad_input', `organisation ${fromId} cannot be merged into itself`, { subject: 'organisation' });
    const from = liveRow(fromId);
    liveRow(intoId);
    const at = now().toISOString();
    moveNotices.run(intoId, fromId);
    markMerged.run({ from: fromId, into: intoId });
    copyNames.run(intoId, fromId);
    change(intoId, 'merge', { from: fromId, name: from.name, reason }, by, at);
    change(fromId, 'merged', { into: intoId, reason }, by, at);
    audit({
      actor: by, action: 'organisation.merge', subject: `organisation:${fromId}`,
      before: { name: from.name, notices: Number(from.notice_count) }, after: { into: intoId, ...(reason ? { reason } : {}) },
    });
    refreshSummary.run({ id: fromId });
    refreshSummary.run({ id: intoId });
    return summaryOf(intoId);
  });

  const split = db.transaction((organisationId: number, noticeIds: readonly number[], by: string, reason: string | null) => {
    const source = liveRow(organisationId);
    const ids = checkSplit(organisationId, noticeIds, new Set(memberIds.all(organisationId).map((r) => r.notice_id)));
    const at = now().toISOString();
    const newId = Number(insertSplit.run(source.org_key, source.name, by, at).lastInsertRowid);
    for (const id of ids) moveNotice.run(newId, by, at, id);
    change(organisationId, 'split', { into: newId, notices: ids, reason }, by, at);
    change(newId, 'split_from', { from: organisationId, notices: ids, reason }, by, at);
    audit({
      actor: by, action: 'organisation.split', subject: `organisation:${organisationId}`,
      before: { notices: ids }, after: { organisation: newId, ...(reason ? { reason } : {}) },
    });
    refreshSummary.run({ id: organisationId });
    refreshSummary.run({ id: newId });
    return summaryOf(newId);
  });

  const selectSearchTexts = db.prepare<[], { id: number; search_text: string }>(
    `SELECT o.id, o.search_text FROM organisations o WHERE ${LISTED} ORDER BY o.latest_date DESC, o.id DESC`);

  return {
    async takeOrganisationWork(limit) {
      return takeWork.all(limit).map((r) => ({ noticeId: r.notice_id, seq: r.seq, organization: r.organization, source: r.source ?? '' }));
    },
    async saveOrganisationWork(assignments, done) {
      save.immediate(assignments, done);
    },
    async searchOrganisations(query, window) {
      const where = [LISTED, ...(query.ids ? ['o.id IN (SELECT value FROM json_each(?))'] : [])].join(' AND ');
      const params: unknown[] = query.ids ? [JSON.stringify(query.ids)] : [];
      const total = (db.prepare(`SELECT count(*) AS n FROM organisations o WHERE ${where}`).get(...params) as { n: number }).n;
      // The page's ids first, by the index; its rows' incidents are counted for those alone.
      const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM (
          SELECT o.id FROM organisations o WHERE ${where} ORDER BY o.latest_date DESC, o.id DESC LIMIT ? OFFSET ?) AS page
        JOIN organisations o ON o.id = page.id ORDER BY o.latest_date DESC, o.id DESC`).all(...params, window.limit, window.offset) as OrganisationRow[];
      return { total, rows: rows.map(toOrganisationSummary) };
    },
    async organisationSearchTexts() {
      return selectSearchTexts.all().map((r) => ({ id: r.id, text: r.search_text }));
    },
    async getOrganisation(id) {
      const row = Number.isSafeInteger(id) ? selectRow.get(id) : undefined;
      if (!row) return null;
      return {
        ...toOrganisationSummary(row),
        names: selectNames.all(id),
        latinKeys: selectLatin.all(id).map((r) => r.k),
        added: selectAdded.all(id).map(toOrganisationName),
        noticeDomains: selectDomains.all(id).map((r) => r.d),
        incidents: incidentsOf(selectMembers.all(id)),
        changes: selectChanges.all(id).map(toOrganisationChange),
      };
    },
    async organisationsOfIncident(incidentId) {
      return Number.isSafeInteger(incidentId) ? ofIncident.all(incidentId).map(toOrganisationSummary) : [];
    },
    async addOrganisationName(input) {
      return addName.immediate(input.organisationId, input.kind, input.value, input.fold, checkActor(input.by));
    },
    async mergeOrganisations(input) {
      return merge.immediate(input.fromId, input.intoId, checkActor(input.by), input.reason ?? null);
    },
    async splitOrganisation(input) {
      return split.immediate(input.organisationId, input.noticeIds, checkActor(input.by), input.reason ?? null);
    },
  };
}
