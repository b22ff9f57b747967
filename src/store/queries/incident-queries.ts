// Incidents, on both engines: the snapshot regrouping reads, the plan it writes back in one
// transaction, people's link decisions, and incident listing. The one row of incident_generation is
// locked FOR UPDATE by a regrouping and FOR SHARE by ingests and decisions on PostgreSQL, so plans made
// by two servers at once are checked one after the other (SQLite's write transaction holds the file).

import { JikenboError } from '../../core/errors.ts';
import type { IncidentRecord } from '../../core/record.ts';
import { checkPaging } from '../filters.ts';
import type { IncidentStore } from '../ports.ts';
import { checkDecisionBy as checkBy, toDecision, type DecisionRow } from '../rows/decision-row.ts';
import { INCIDENT_COLUMNS, LATEST_RECORD, LEAN_RECORD, toIncidents, type IncidentRow, type MemberRow } from '../rows/incident-row.ts';
import { all, get, isRowId, run, type Dialect, type Sql, type SqlEngine } from '../sql/sql.ts';
import type { IncidentAlias, IncidentSnapshot, ManualDecision, StoredIncident } from '../store.ts';
import { writeAudit } from './audit.ts';
import { PLAN_BASIS } from './plan-basis.ts';

// The snapshot's notices a page at a time, so that their raw rows (text and record JSON) are not all
// held beside their parsed records; the snapshot itself still holds every notice.
const LINKABLE_PAGE = 2000;
const LINKABLE = /* sql */ `
  SELECT n.id, n.text, coalesce(n.effective_json, r.record_json) AS record_json, d.ingested_at, d.dataset
  FROM notices n JOIN records r ON ${LATEST_RECORD} JOIN documents d ON d.id = n.document_id
  WHERE n.id > @after ORDER BY n.id LIMIT @limit`;
type LinkableRow = { id: number; text: string; record_json: string; ingested_at: string; dataset: string };
type AliasRow = { kind: IncidentAlias['kind']; alias: string; incident_id: number | null; reason: IncidentAlias['reason']; recorded_at: string };
const READ = { isolation: 'REPEATABLE READ', readOnly: true } as const;

/** The members of the incidents @ids (bound to `list(ids)`), their records whole or lean (without evidence and confidence). */
export function membersSql({ inList, engine }: Dialect, lean: boolean): string {
  return /* sql */ `
    SELECT m.incident_id, n.id AS notice_id, n.header, ${lean ? LEAN_RECORD[engine] : 'coalesce(n.effective_json, r.record_json)'} AS record_json,
           d.ingested_at, m.origin, m.reason_json, d.dataset, d.external_id
    FROM incident_notices m
    JOIN notices n ON n.id = m.notice_id
    JOIN records r ON ${LATEST_RECORD}
    JOIN documents d ON d.id = n.document_id
    WHERE m.incident_id ${inList('ids', 'integer')}
    ORDER BY n.id`;
}

export function incidentQueries(engine: SqlEngine, now: () => Date): Omit<IncidentStore, 'listDecisions'> {
  const { lockRows, inList, list, recordRows, records, nextIds, descNullsLast } = engine.dialect;
  const members = membersSql(engine.dialect, false);
  const leanMembers = membersSql(engine.dialect, true);

  // A retired incident's export key and numbers now resolve to its survivor (or to no incident); a
  // number two retired incidents shared goes to the later one's survivor.
  const recordAliases = /* sql */ `
    WITH r AS (
      SELECT i.id, i.export_key, i.own_number, i.casebook_number, x.survivor
      FROM ${recordRows('retired', { id: 'integer', survivor: 'integer' })} AS x JOIN incidents i ON i.id = x.id),
    a AS (
      SELECT 'export_key' AS kind, export_key AS alias, survivor, id FROM r
      UNION ALL SELECT 'number', own_number, survivor, id FROM r WHERE own_number IS NOT NULL
      UNION ALL SELECT 'number', casebook_number, survivor, id FROM r WHERE casebook_number IS NOT NULL
      UNION ALL SELECT 'id', CAST(id AS TEXT), survivor, id FROM r)
    INSERT INTO incident_aliases (kind, alias, incident_id, reason, recorded_at)
    SELECT k.kind, k.alias, k.survivor, 'merged', @at
    FROM (SELECT a.*, row_number() OVER (PARTITION BY a.kind, a.alias ORDER BY a.id DESC) AS nth FROM a) k
    WHERE k.nth = 1
    ON CONFLICT (kind, alias) DO UPDATE SET incident_id = excluded.incident_id, reason = excluded.reason, recorded_at = excluded.recorded_at`;
  // Every alias a retired incident answered for moves to its survivor.
  const moveAliases = /* sql */ `
    UPDATE incident_aliases SET incident_id = r.survivor FROM ${recordRows('retired', { id: 'integer', survivor: 'integer' })} AS r
    WHERE incident_aliases.incident_id = r.id AND r.survivor IS NOT NULL`;
  const planned = { id: 'integer', number: 'text', kept: 'integer', own: 'text', renumbered: 'boolean', clash: 'integer', notes: 'text', first: 'text' } as const;
  // Every incident kept, made and filled in a few statements, whatever the plan's size (on PostgreSQL each is a round trip).
  const updateKept = /* sql */ `
    UPDATE incidents SET casebook_number = u.number, number_kept = u.kept, own_number = u.own,
      number_assigned_at = CASE WHEN u.renumbered THEN @at ELSE incidents.number_assigned_at END,
      number_clash = u.clash, clash_notes = u.notes, first_disclosure = u.first
    FROM ${recordRows('kept', planned)} AS u
    WHERE incidents.id = u.id`;
  const insertMade = /* sql */ `
    INSERT INTO incidents (id, created_at, casebook_number, number_kept, own_number, number_assigned_at, number_clash, clash_notes, first_disclosure)
    SELECT u.id, @at, u.number, u.kept, u.own, CASE WHEN u.own IS NULL THEN NULL ELSE @at END, u.clash, u.notes, u.first
    FROM ${recordRows('made', planned)} AS u WHERE true`;
  const insertMembers = /* sql */ `
    INSERT INTO incident_notices (incident_id, notice_id, reason_json, origin)
    SELECT m.incident_id, m.notice_id, m.reason_json, m.origin
    FROM ${recordRows('members', { incident_id: 'integer', notice_id: 'integer', reason_json: 'text', origin: 'text' })} AS m WHERE true`;
  // The per-year counters only grow.
  const upsertCounters = /* sql */ `
    INSERT INTO casebook_counters (year, last) SELECT c.year, c.last FROM ${recordRows('counters', { year: 'integer', last: 'integer' })} AS c WHERE true
    ON CONFLICT (year) DO UPDATE SET last = excluded.last WHERE casebook_counters.last < excluded.last`;
  // Each settled item removed only if it was not queued again since (its seq unchanged).
  const settle = /* sql */ `
    DELETE FROM grouping_queue WHERE stage = 3
      AND (item, seq) IN (SELECT s.item, s.seq FROM ${recordRows('settled', { item: 'text', seq: 'bigint' })} AS s)`;

  const withMembers = function* (rows: IncidentRow[], lean = false): Sql<StoredIncident[]> {
    if (rows.length === 0) return [];
    return toIncidents(rows, yield* all<MemberRow>(lean ? leanMembers : members, { ids: list(rows.map((r) => r.id)) }));
  };
  const incidentOf = function* (noticeId: number): Sql<number | null> {
    if (!isRowId(noticeId)) return null;
    return (yield* get<{ incident_id: number }>('SELECT incident_id FROM incident_notices WHERE notice_id = @noticeId', { noticeId }))?.incident_id ?? null;
  };

  const decide = (action: 'link' | 'unlink', a: number, b: number | null, by: string): Promise<ManualDecision> => engine.transaction(function* () {
    yield* get(`SELECT generation FROM incident_generation ${lockRows('SHARE')}`);
    const ids = b === null ? [a] : [a, b];
    for (const id of ids) {
      // KEY SHARE on PostgreSQL: the notice cannot vanish before the decision naming it is committed.
      const exists = isRowId(id) && (yield* get(`SELECT id FROM notices WHERE id = @id ${lockRows('KEY SHARE')}`, { id })) !== undefined;
      if (!exists) throw new JikenboError('not_found', `no notice N${id}`, { subject: String(id) });
    }
    const before: Record<string, number | null> = {};
    for (const n of ids) before[`notice:${n}`] = yield* incidentOf(n);
    const row = (yield* get<DecisionRow>(/* sql */ `
      INSERT INTO manual_links (action, notice_id, other_notice_id, decided_by, decided_at) VALUES (@action, @a, @b, @by, @at)
      RETURNING *`, { action, a, b, by, at: now().toISOString() }))!;
    yield* writeAudit({
      actor: by, action: action === 'link' ? 'incident.link' : 'incident.unlink', subject: `notice:${a}`,
      before: { incidents: before }, after: { decision: row.id, ...(b === null ? {} : { with: `notice:${b}` }) },
    }, now);
    return toDecision(row);
  });

  return {
    async listIncidents(options = {}) {
      const { limit, offset } = checkPaging(options);
      return engine.transaction(function* () {
        const rows = yield* all<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents ORDER BY first_disclosure ${descNullsLast}, id DESC LIMIT @limit OFFSET @offset`,
          { limit, offset });
        return yield* withMembers(rows, options.lean === true);
      }, READ);
    },

    async countIncidents() {
      return engine.each(function* () {
        return (yield* get<{ n: number }>('SELECT count(*) AS n FROM incidents'))!.n;
      });
    },

    async getIncident(id) {
      if (!isRowId(id)) return null;
      return engine.transaction(function* () {
        const row = yield* get<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = @id`, { id });
        return row ? (yield* withMembers([row]))[0]! : null;
      }, READ);
    },

    async incidentOfNotice(noticeId) {
      return engine.each(() => incidentOf(noticeId));
    },

    async incidentsOfNoticeIds(noticeIds) {
      const ids = noticeIds.filter(isRowId);
      if (ids.length === 0) return new Map();
      const rows = await engine.each(() => all<{ notice_id: number; incident_id: number }>(
        `SELECT notice_id, incident_id FROM incident_notices WHERE notice_id ${inList('ids', 'integer')}`, { ids: list(ids) }));
      return new Map(rows.map((r) => [Number(r.notice_id), Number(r.incident_id)]));
    },

    async findIncidentsByNumber(number) {
      // Either form as written ('#J2024-0078'); anything else simply finds nothing.
      const n = number.trim().replace(/^#/, '');
      if (n === '') return [];
      return engine.each(function* () {
        const holding = yield* all<{ id: number }>('SELECT id FROM incidents WHERE casebook_number = @n OR own_number = @n ORDER BY id', { n });
        if (holding.length > 0) return holding.map((r) => r.id);
        const alias = yield* get<{ incident_id: number | null }>("SELECT incident_id FROM incident_aliases WHERE kind = 'number' AND alias = @n", { n });
        return alias?.incident_id == null ? [] : [alias.incident_id];
      });
    },

    async incidentReplacing(id) {
      if (!isRowId(id) || id <= 0) return null;
      return engine.each(function* () {
        return (yield* get<{ incident_id: number | null }>("SELECT incident_id FROM incident_aliases WHERE kind = 'id' AND alias = @alias", { alias: String(id) }))?.incident_id ?? null;
      });
    },

    async listIncidentAliases() {
      const found = await engine.each(() => all<AliasRow>('SELECT kind, alias, incident_id, reason, recorded_at FROM incident_aliases ORDER BY recorded_at, kind, alias'));
      return found.map((r) => ({ kind: r.kind, alias: r.alias, incidentId: r.incident_id, reason: r.reason, recordedAt: r.recorded_at }));
    },

    async loadIncidentSnapshot() {
      // One snapshot for every read.
      return engine.transaction(function* (): Sql<IncidentSnapshot> {
        const basis = (yield* get<{ basis: string }>(PLAN_BASIS))!.basis;
        const notices: IncidentSnapshot['notices'] = [];
        for (let after = 0; ;) {
          const page = yield* all<LinkableRow>(LINKABLE, { after, limit: LINKABLE_PAGE });
          for (const row of page) {
            notices.push({ id: row.id, text: row.text, record: JSON.parse(row.record_json) as IncidentRecord, ingestedAt: row.ingested_at, dataset: row.dataset });
          }
          if (page.length < LINKABLE_PAGE) break;
          after = page[page.length - 1]!.id;
        }
        const decisions = (yield* all<DecisionRow>('SELECT * FROM manual_links ORDER BY id')).map(toDecision);
        const incidents = (yield* all<{ id: number; casebook_number: string | null; own_number: string | null; number_assigned_at: string | null }>(
          'SELECT id, casebook_number, own_number, number_assigned_at FROM incidents ORDER BY id')).map((row) => ({
          id: row.id, number: row.casebook_number ?? row.own_number, numberKept: row.casebook_number !== null, ownNumber: row.own_number,
          numberAssignedAt: row.number_assigned_at, noticeIds: [] as number[],
        }));
        // Each incident's notices in ascending order, joined here rather than aggregated in SQL.
        const byId = new Map(incidents.map((i) => [i.id, i.noticeIds]));
        for (const m of yield* all<{ incident_id: number; notice_id: number }>('SELECT incident_id, notice_id FROM incident_notices ORDER BY incident_id, notice_id')) {
          byId.get(m.incident_id)?.push(m.notice_id);
        }
        const counters = yield* all<{ year: number; last: number }>('SELECT year, last FROM casebook_counters');
        return { basis, notices, decisions, incidents, counters: new Map(counters.map((row) => [row.year, row.last])) };
      }, READ);
    },

    async replaceAutoGroups(plan) {
      const at = now().toISOString();
      const into = new Map(plan.absorbed.map((a) => [a.id, a.into]));
      const retired = plan.retire.map((id) => ({ id, survivor: into.get(id) ?? null }));
      const values = (p: (typeof plan.incidents)[number]) => ({
        number: p.numberKept ? p.number : null, kept: p.numberKept ? 1 : 0, own: p.ownNumber, renumbered: p.numberNew,
        clash: p.clashNotes ? 1 : 0, notes: p.clashNotes, first: p.firstDisclosure,
      });
      const kept = plan.incidents.filter((p) => p.id !== null);
      const made = plan.incidents.filter((p) => p.id === null);
      await engine.transaction(function* () {
        // Waits for ingests, decisions and other regroupings in flight on PostgreSQL; after it, every
        // statement sees what they committed, so the basis check below cannot miss one.
        yield* get(`SELECT generation FROM incident_generation ${lockRows()}`);
        const current = (yield* get<{ basis: string }>(PLAN_BASIS))!.basis;
        if (current !== plan.basis) {
          throw new JikenboError('conflict', `the casebook changed while incidents were regrouped (${plan.basis} → ${current})`);
        }
        // Only the members of incidents the plan knows (each incident of its snapshot is kept or retired):
        // notices stored since then stay in the incidents their ingest made until it regroups.
        const known = [...plan.retire, ...kept.map((p) => p.id!)];
        if (known.length > 0) yield* run(`DELETE FROM incident_notices WHERE incident_id ${inList('known', 'integer')}`, { known: list(known) });
        if (retired.length > 0) {
          yield* run(recordAliases, { retired: records(retired), at });
          yield* run(moveAliases, { retired: records(retired) });
          yield* run(`DELETE FROM incidents WHERE id ${inList('retire', 'integer')}`, { retire: list(plan.retire) });
        }
        if (kept.length > 0) yield* run(updateKept, { kept: records(kept.map((p) => ({ id: p.id!, ...values(p) }))), at });
        // New incidents' ids drawn first, so that their members are written in the same statement as the others'.
        const madeIds = made.length === 0 ? [] : (yield* all<{ id: number }>(nextIds('incidents'), { count: made.length })).map((r) => r.id);
        if (made.length > 0) yield* run(insertMade, { made: records(made.map((p, i) => ({ id: madeIds[i]!, ...values(p) }))), at });
        const idOf = new Map(made.map((p, i) => [p, madeIds[i]!]));
        const memberRows = plan.incidents.flatMap((p) => p.members.map((m) => ({
          incident_id: p.id ?? idOf.get(p)!, notice_id: m.noticeId, reason_json: JSON.stringify(m.links), origin: m.origin,
        })));
        if (memberRows.length > 0) yield* run(insertMembers, { members: records(memberRows) });
        if (plan.counters.size > 0) yield* run(upsertCounters, { counters: records([...plan.counters].map(([year, last]) => ({ year, last }))) });
        if ((plan.settled ?? []).length > 0) yield* run(settle, { settled: records(plan.settled!.map((s) => ({ item: s.item, seq: s.seq }))) });
        yield* run('UPDATE incident_generation SET generation = generation + 1');
      });
    },

    async linkNotices(a, b, by) {
      if (a === b) throw new JikenboError('bad_input', `cannot link notice N${a} with itself`, { subject: String(a) });
      return decide('link', a, b, checkBy(by));
    },

    async unlinkNotice(noticeId, by) {
      return decide('unlink', noticeId, null, checkBy(by));
    },
  };
}
