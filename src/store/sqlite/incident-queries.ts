// The SQLite side of incidents: the snapshot regrouping reads, the plan it writes back in one
// transaction, people's link decisions, and incident listing.

import type Database from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';
import type { IncidentRecord } from '../../core/record.ts';
import { checkPaging } from '../filters.ts';
import type { IncidentAlias, IncidentPlan, IncidentSnapshot, ManualDecision, StoredIncident } from '../store.ts';
import type { IncidentStore } from '../ports.ts';
import { checkDecisionBy as checkBy, toDecision, type DecisionRow } from '../rows/decision-row.ts';
import { INCIDENT_COLUMNS, LATEST_RECORD, LEAN_RECORD, toIncidents, type IncidentRow, type MemberRow } from '../rows/incident-row.ts';
import type { AuditWriter } from './audit-writer.ts';
import { PLAN_BASIS } from './grouping-queries.ts';

export function incidentQueries(db: Database.Database, now: () => Date, audit: AuditWriter): Omit<IncidentStore, 'listDecisions'> {
  // Stale: another regrouping or a person's decision since the snapshot. Notices stored since then stay
  // in the incidents their ingest made until that ingest regroups after its batch (as on PostgreSQL).
  const selectBasis = db.prepare<[], { basis: string }>(PLAN_BASIS);
  const selectLinkable = db.prepare<[], { id: number; text: string; record_json: string; ingested_at: string; dataset: string }>(/* sql */ `
    SELECT n.id, n.text, coalesce(n.effective_json, r.record_json) AS record_json, d.ingested_at, d.dataset
    FROM notices n JOIN records r ON ${LATEST_RECORD} JOIN documents d ON d.id = n.document_id
    ORDER BY n.id`);
  const selectDecisions = db.prepare<[], DecisionRow>('SELECT * FROM manual_links ORDER BY id');
  const selectExisting = db.prepare<[], { id: number; casebook_number: string | null; own_number: string | null; number_assigned_at: string | null; ids: string }>(/* sql */ `
    SELECT i.id, i.casebook_number, i.own_number, i.number_assigned_at,
           (SELECT json_group_array(notice_id) FROM incident_notices WHERE incident_id = i.id) AS ids
    FROM incidents i ORDER BY i.id`);
  const selectCounters = db.prepare<[], { year: number; last: number }>('SELECT year, last FROM casebook_counters');

  const snapshot = db.transaction((): IncidentSnapshot => ({
    basis: selectBasis.get()!.basis,
    // Row by row, so that the raw rows (text and record JSON) are not all held beside their parsed
    // records; the snapshot itself still holds every notice (a million of them outgrow the default heap).
    notices: Array.from(selectLinkable.iterate(), (row) => ({
      id: row.id, text: row.text, record: JSON.parse(row.record_json) as IncidentRecord, ingestedAt: row.ingested_at, dataset: row.dataset,
    })),
    decisions: selectDecisions.all().map(toDecision),
    incidents: selectExisting.all().map((row) => ({
      id: row.id, number: row.casebook_number ?? row.own_number, numberKept: row.casebook_number !== null, ownNumber: row.own_number,
      numberAssignedAt: row.number_assigned_at, noticeIds: JSON.parse(row.ids) as number[],
    })),
    counters: new Map(selectCounters.all().map((row) => [row.year, row.last])),
  }));

  const clearMembers = db.prepare<[string]>('DELETE FROM incident_notices WHERE incident_id IN (SELECT value FROM json_each(?))');
  const deleteIncident = db.prepare('DELETE FROM incidents WHERE id = ?');
  const insertIncident = db.prepare(/* sql */ `
    INSERT INTO incidents (created_at, casebook_number, number_kept, own_number, number_assigned_at, number_clash, clash_notes, first_disclosure)
    VALUES (@at, @number, @kept, @own, CASE WHEN @own IS NULL THEN NULL ELSE @at END, @clash, @notes, @first)`);
  const updateIncident = db.prepare(/* sql */ `
    UPDATE incidents SET casebook_number = @number, number_kept = @kept, own_number = @own,
      number_assigned_at = CASE WHEN @fresh THEN @at ELSE number_assigned_at END,
      number_clash = @clash, clash_notes = @notes, first_disclosure = @first
    WHERE id = @id`);
  const insertMember = db.prepare('INSERT INTO incident_notices (incident_id, notice_id, reason_json, origin) VALUES (?, ?, ?, ?)');
  const upsertCounter = db.prepare(/* sql */ `
    INSERT INTO casebook_counters (year, last) VALUES (?, ?)
    ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last)`);
  const bumpGeneration = db.prepare('UPDATE incident_generation SET generation = generation + 1');
  const settle = db.prepare<[string, number]>('DELETE FROM grouping_queue WHERE stage = 3 AND item = ? AND seq = ?');
  // An absorbed incident's export key and numbers, and every alias it answered for, now resolve to the survivor.
  const moveAliases = db.prepare<[number, number]>('UPDATE incident_aliases SET incident_id = ? WHERE incident_id = ?');
  const recordAliases = db.prepare<{ id: number; into: number | null; at: string }>(/* sql */ `
    INSERT INTO incident_aliases (kind, alias, incident_id, reason, recorded_at)
    SELECT k.kind, k.alias, @into, 'merged', @at FROM (
      SELECT 'export_key' AS kind, export_key AS alias FROM incidents WHERE id = @id
      UNION ALL SELECT 'number', own_number FROM incidents WHERE id = @id AND own_number IS NOT NULL
      UNION ALL SELECT 'number', casebook_number FROM incidents WHERE id = @id AND casebook_number IS NOT NULL
      UNION ALL SELECT 'id', CAST(id AS TEXT) FROM incidents WHERE id = @id) k
    WHERE true
    ON CONFLICT (kind, alias) DO UPDATE SET incident_id = excluded.incident_id, reason = excluded.reason, recorded_at = excluded.recorded_at`);
  const selectByNumber = db.prepare<[string, string], { id: number }>(
    'SELECT id FROM incidents WHERE casebook_number = ? OR own_number = ? ORDER BY id');
  const selectNumberAlias = db.prepare<[string], { incident_id: number | null }>(
    "SELECT incident_id FROM incident_aliases WHERE kind = 'number' AND alias = ?");
  const selectIdAlias = db.prepare<[string], { incident_id: number | null }>(
    "SELECT incident_id FROM incident_aliases WHERE kind = 'id' AND alias = ?");
  const selectAliases = db.prepare<[], { kind: IncidentAlias['kind']; alias: string; incident_id: number | null; reason: IncidentAlias['reason']; recorded_at: string }>(
    'SELECT kind, alias, incident_id, reason, recorded_at FROM incident_aliases ORDER BY recorded_at, kind, alias');

  const replace = db.transaction((plan: IncidentPlan) => {
    const current = selectBasis.get()!.basis;
    if (current !== plan.basis) {
      throw new JikenboError('conflict', `the casebook changed while incidents were regrouped (${plan.basis} → ${current})`);
    }
    const at = now().toISOString();
    // Each incident of the plan's snapshot is kept or retired: those are the ones it regroups.
    clearMembers.run(JSON.stringify([...plan.retire, ...plan.incidents.flatMap((p) => (p.id === null ? [] : [p.id]))]));
    const into = new Map(plan.absorbed.map((a) => [a.id, a.into]));
    for (const id of plan.retire) {
      // Gone without a survivor, its export key is still recorded, answering for no incident.
      const survivor = into.get(id) ?? null;
      recordAliases.run({ id, into: survivor, at });
      if (survivor !== null) moveAliases.run(survivor, id);
      deleteIncident.run(id);
    }
    for (const p of plan.incidents) {
      const values = {
        number: p.numberKept ? p.number : null, kept: p.numberKept ? 1 : 0, own: p.ownNumber, at,
        clash: p.clashNotes ? 1 : 0, notes: p.clashNotes, first: p.firstDisclosure,
      };
      const id = p.id ?? Number(insertIncident.run(values).lastInsertRowid);
      if (p.id !== null) updateIncident.run({ ...values, id, fresh: p.numberNew ? 1 : 0 });
      for (const m of p.members) insertMember.run(id, m.noticeId, JSON.stringify(m.links), m.origin);
    }
    for (const [year, last] of plan.counters) upsertCounter.run(year, last);
    for (const s of plan.settled ?? []) settle.run(s.item, s.seq);
    bumpGeneration.run();
  });

  const selectIncidents = db.prepare<[number, number], IncidentRow>(/* sql */ `
    SELECT ${INCIDENT_COLUMNS} FROM incidents
    ORDER BY first_disclosure DESC NULLS LAST, id DESC LIMIT ? OFFSET ?`);
  const selectIncident = db.prepare<[number], IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ?`);
  const membersSql = (record: string) => /* sql */ `
    SELECT m.incident_id, n.id AS notice_id, n.header, ${record} AS record_json, d.ingested_at, m.origin, m.reason_json, d.dataset, d.external_id
    FROM incident_notices m
    JOIN notices n ON n.id = m.notice_id
    JOIN records r ON ${LATEST_RECORD}
    JOIN documents d ON d.id = n.document_id
    WHERE m.incident_id IN (SELECT value FROM json_each(?))
    ORDER BY n.id`;
  const selectMembers = db.prepare<[string], MemberRow>(membersSql('coalesce(n.effective_json, r.record_json)'));
  const selectLeanMembers = db.prepare<[string], MemberRow>(membersSql(LEAN_RECORD.sqlite));
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM incidents');
  const incidentOf = db.prepare<[number], { incident_id: number }>('SELECT incident_id FROM incident_notices WHERE notice_id = ?');
  const noticeExists = db.prepare<[number], { id: number }>('SELECT id FROM notices WHERE id = ?');
  const insertDecision = db.prepare(/* sql */ `
    INSERT INTO manual_links (action, notice_id, other_notice_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)`);
  const selectDecision = db.prepare<[number], DecisionRow>('SELECT * FROM manual_links WHERE id = ?');

  function withMembers(rows: IncidentRow[], lean = false): StoredIncident[] {
    return toIncidents(rows, (lean ? selectLeanMembers : selectMembers).all(JSON.stringify(rows.map((r) => r.id))));
  }

  const decide = db.transaction((action: 'link' | 'unlink', a: number, b: number | null, by: string): ManualDecision => {
    for (const id of b === null ? [a] : [a, b]) {
      if (!noticeExists.get(id)) throw new JikenboError('not_found', `no notice N${id}`, { subject: String(id) });
    }
    const ids = b === null ? [a] : [a, b];
    const before = Object.fromEntries(ids.map((n) => [`notice:${n}`, incidentOf.get(n)?.incident_id ?? null]));
    const id = Number(insertDecision.run(action, a, b, by, now().toISOString()).lastInsertRowid);
    audit({
      actor: by, action: action === 'link' ? 'incident.link' : 'incident.unlink', subject: `notice:${a}`,
      before: { incidents: before }, after: { decision: id, ...(b === null ? {} : { with: `notice:${b}` }) },
    });
    return toDecision(selectDecision.get(id)!);
  });

  return {
    async listIncidents(options = {}) {
      const { limit, offset } = checkPaging(options);
      return withMembers(selectIncidents.all(limit, offset), options.lean === true);
    },
    async countIncidents() {
      return countAll.get()!.n;
    },
    async getIncident(id) {
      const row = selectIncident.get(id);
      return row ? withMembers([row])[0]! : null;
    },
    async incidentOfNotice(noticeId) {
      return incidentOf.get(noticeId)?.incident_id ?? null;
    },
    async findIncidentsByNumber(number) {
      // Either form as written ('#J2024-0078'); anything else simply finds nothing.
      const n = number.trim().replace(/^#/, '');
      if (n === '') return [];
      const holding = selectByNumber.all(n, n).map((r) => r.id);
      if (holding.length > 0) return holding;
      const alias = selectNumberAlias.get(n)?.incident_id ?? null;
      return alias === null ? [] : [alias];
    },
    async incidentReplacing(id) {
      return Number.isSafeInteger(id) && id > 0 ? selectIdAlias.get(String(id))?.incident_id ?? null : null;
    },
    async listIncidentAliases() {
      return selectAliases.all().map((r) => ({ kind: r.kind, alias: r.alias, incidentId: r.incident_id, reason: r.reason, recordedAt: r.recorded_at }));
    },
    async loadIncidentSnapshot() {
      return snapshot();
    },
    async replaceAutoGroups(plan) {
      replace.immediate(plan);
    },
    async linkNotices(a, b, by) {
      if (a === b) throw new JikenboError('bad_input', `cannot link notice N${a} with itself`, { subject: String(a) });
      return decide.immediate('link', a, b, checkBy(by));
    },
    async unlinkNotice(noticeId, by) {
      return decide.immediate('unlink', noticeId, null, checkBy(by));
    },
  };
}
