// Organisations, on both engines: each notice put in its key's organisation (or kept where a person
// put it), the summary the list pages by, people's names, merges and splits with who, when and the
// audit log. A change locks the organisations it touches on PostgreSQL (in id order, so that two
// changes of one pair cannot wait on each other).

import { JikenboError } from '../../core/errors.ts';
import type { OrganisationStore } from '../ports.ts';
import {
  LISTED, SUMMARY_COLUMNS, checkActor, checkLive, checkSplit, incidentsOf, toOrganisationChange, toOrganisationName,
  toOrganisationSummary, unknownOrganisation, type ChangeRow, type MemberRow, type NameRow, type OrganisationRow,
} from '../rows/organisation-row.ts';
import { all, get, isRowId, run, type Sql, type SqlEngine } from '../sql/sql.ts';
import { writeAudit } from './audit.ts';

const ASSIGNMENT_OF = 'SELECT organisation_id, assigned_by FROM organisation_notices WHERE notice_id = @noticeId';
const ASSIGN = /* sql */ `
  INSERT INTO organisation_notices (notice_id, organisation_id, org_key, name_fold, latin_key, domain)
  VALUES (@noticeId, @organisationId, @key, @nameFold, @latinKey, @domain)
  ON CONFLICT (notice_id) DO UPDATE SET organisation_id = excluded.organisation_id, org_key = excluded.org_key,
    name_fold = excluded.name_fold, latin_key = excluded.latin_key, domain = excluded.domain, assigned_by = NULL, assigned_at = NULL`;
const NAMES = /* sql */ `
  SELECT n.organization AS name, count(*) AS notices FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
  WHERE m.organisation_id = @id AND n.organization IS NOT NULL GROUP BY n.organization ORDER BY notices DESC, name`;
const MEMBERS = /* sql */ `
  SELECT i.incident_id, m.notice_id, n.disclosure_date FROM organisation_notices m
  JOIN incident_notices i ON i.notice_id = m.notice_id JOIN notices n ON n.id = m.notice_id WHERE m.organisation_id = @id`;
const OF_INCIDENT = /* sql */ `
  SELECT ${SUMMARY_COLUMNS} FROM organisations o
  WHERE o.id IN (SELECT m.organisation_id FROM incident_notices i JOIN organisation_notices m ON m.notice_id = i.notice_id WHERE i.incident_id = @incidentId)
  ORDER BY o.notice_count DESC, o.id`;
const SELECT_ROW = `SELECT ${SUMMARY_COLUMNS} FROM organisations o WHERE o.id = @id`;

export function organisationQueries(engine: SqlEngine, now: () => Date): OrganisationStore {
  const { lockRows, inList, list, listRows, descNullsLast, stringAgg } = engine.dialect;
  const refreshSummary = /* sql */ `
    UPDATE organisations SET
      name = coalesce((SELECT n.organization FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
                       WHERE m.organisation_id = @id AND n.organization IS NOT NULL
                       GROUP BY n.organization ORDER BY count(*) DESC, min(n.id) LIMIT 1), name),
      sector = (SELECT n.sector FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
                WHERE m.organisation_id = @id AND n.sector IS NOT NULL GROUP BY n.sector ORDER BY count(*) DESC, n.sector LIMIT 1),
      notice_count = (SELECT count(*) FROM organisation_notices WHERE organisation_id = @id),
      latest_date = (SELECT max(n.disclosure_date) FROM organisation_notices m JOIN notices n ON n.id = m.notice_id WHERE m.organisation_id = @id),
      search_text = org_key || CAST(@newline AS TEXT) || coalesce((SELECT ${stringAgg('t', 'CAST(@newline AS TEXT)')} FROM (
          SELECT name_fold AS t FROM organisation_notices WHERE organisation_id = @id
          UNION SELECT latin_key FROM organisation_notices WHERE organisation_id = @id AND latin_key IS NOT NULL
          UNION SELECT domain FROM organisation_notices WHERE organisation_id = @id AND domain IS NOT NULL
          UNION SELECT fold FROM organisation_names WHERE organisation_id = @id) AS texts), '')
    WHERE id = @id`;
  // Each done item (notice, seq) removed only if its notice was not queued again since.
  const doneWork = /* sql */ `
    DELETE FROM organisation_queue WHERE notice_id ${inList('noticeIds', 'integer')}
      AND seq IN (SELECT s.value FROM ${listRows('noticeIds', 'integer')} AS n JOIN ${listRows('seqs', 'bigint')} AS s ON s.position = n.position
                  WHERE n.value = organisation_queue.notice_id)`;
  const refresh = (id: number) => run(refreshSummary, { id, newline: '\n' });
  const change = (id: number, action: string, detail: Record<string, unknown>, by: string, at: string) =>
    run('INSERT INTO organisation_changes (organisation_id, action, detail_json, changed_by, changed_at) VALUES (@id, @action, @detail, @by, @at)',
      { id, action, detail: JSON.stringify(detail), by, at });
  /** The organisation, locked for the change on PostgreSQL; not_found or conflict (merged) as the port says. */
  const liveRow = function* (id: number): Sql<OrganisationRow> {
    const row = isRowId(id) ? yield* get<OrganisationRow>(`${SELECT_ROW} ${lockRows()}`, { id }) : undefined;
    if (!row) throw unknownOrganisation(id);
    checkLive(row);
    return row;
  };
  const summaryOf = function* (id: number) {
    return toOrganisationSummary((yield* get<OrganisationRow>(SELECT_ROW, { id }))!);
  };

  return {
    async takeOrganisationWork(limit) {
      const found = await engine.each(() => all<{ notice_id: number; seq: number; organization: string | null; source: string | null }>(/* sql */ `
        SELECT q.notice_id, q.seq, n.organization, d.source
        FROM organisation_queue q LEFT JOIN notices n ON n.id = q.notice_id LEFT JOIN documents d ON d.id = n.document_id
        ORDER BY q.seq LIMIT @limit`, { limit }));
      return found.map((r) => ({ noticeId: r.notice_id, seq: Number(r.seq), organization: r.organization, source: r.source ?? '' }));
    },
    async saveOrganisationWork(assignments, done) {
      const at = now().toISOString();
      await engine.transaction(function* () {
        const touched = new Set<number>();
        for (const a of assignments) {
          const current = yield* get<{ organisation_id: number; assigned_by: string | null }>(`${ASSIGNMENT_OF} ${lockRows()}`, { noticeId: a.noticeId });
          if (current) touched.add(current.organisation_id);
          if (a.key === null) {
            if (current) yield* run('DELETE FROM organisation_notices WHERE notice_id = @noticeId', { noticeId: a.noticeId });
            continue;
          }
          const row = { noticeId: a.noticeId, key: a.key, nameFold: a.nameFold, latinKey: a.latinKey, domain: a.domain };
          if (current?.assigned_by) {
            yield* run('UPDATE organisation_notices SET org_key = @key, name_fold = @nameFold, latin_key = @latinKey, domain = @domain WHERE notice_id = @noticeId', row);
            continue;
          }
          yield* run('INSERT INTO organisations (org_key, name, created_at) VALUES (@key, @name, @at) ON CONFLICT (org_key) WHERE created_by IS NULL DO NOTHING',
            { key: a.key, name: a.name ?? a.key, at });
          const own = (yield* get<{ id: number; merged_into: number | null }>('SELECT id, merged_into FROM organisations WHERE org_key = @key AND created_by IS NULL', { key: a.key }))!;
          const organisationId = own.merged_into ?? own.id;
          yield* run(ASSIGN, { ...row, organisationId });
          touched.add(organisationId);
        }
        if (done.length > 0) yield* run(doneWork, { noticeIds: list(done.map((d) => d.noticeId)), seqs: list(done.map((d) => d.seq)) });
        for (const id of [...touched].sort((a, b) => a - b)) yield* refresh(id);
      });
    },
    async searchOrganisations(query, window) {
      const where = [LISTED, ...(query.ids ? [`o.id ${inList('ids', 'integer')}`] : [])].join(' AND ');
      const params = { ...(query.ids ? { ids: list(query.ids) } : {}), limit: window.limit, offset: window.offset };
      return engine.each(function* () {
        const total = (yield* get<{ n: number }>(`SELECT count(*) AS n FROM organisations o WHERE ${where}`, params))!.n;
        // The page's ids first, by the index; its rows' incidents are counted for those alone.
        const found = yield* all<OrganisationRow>(`SELECT ${SUMMARY_COLUMNS} FROM (
            SELECT o.id FROM organisations o WHERE ${where} ORDER BY o.latest_date ${descNullsLast}, o.id DESC LIMIT @limit OFFSET @offset) AS page
          JOIN organisations o ON o.id = page.id ORDER BY o.latest_date ${descNullsLast}, o.id DESC`, params);
        return { total: Number(total), rows: found.map(toOrganisationSummary) };
      });
    },
    async organisationSearchTexts() {
      const found = await engine.each(() => all<{ id: number; search_text: string }>(
        `SELECT o.id, o.search_text FROM organisations o WHERE ${LISTED} ORDER BY o.latest_date ${descNullsLast}, o.id DESC`));
      return found.map((r) => ({ id: Number(r.id), text: r.search_text }));
    },
    async getOrganisation(id) {
      if (!isRowId(id)) return null;
      // One read transaction: the summary and its parts from one moment.
      return engine.transaction(function* () {
        const row = yield* get<OrganisationRow>(SELECT_ROW, { id });
        if (!row) return null;
        const names = yield* all<{ name: string; notices: number }>(NAMES, { id });
        const latin = yield* all<{ k: string }>('SELECT DISTINCT latin_key AS k FROM organisation_notices WHERE organisation_id = @id AND latin_key IS NOT NULL ORDER BY k', { id });
        const domains = yield* all<{ d: string }>('SELECT DISTINCT domain AS d FROM organisation_notices WHERE organisation_id = @id AND domain IS NOT NULL ORDER BY d', { id });
        const added = yield* all<NameRow>('SELECT kind, value, added_by, added_at FROM organisation_names WHERE organisation_id = @id ORDER BY id', { id });
        const members = yield* all<MemberRow>(MEMBERS, { id });
        const changes = yield* all<ChangeRow>('SELECT * FROM organisation_changes WHERE organisation_id = @id ORDER BY id', { id });
        return {
          ...toOrganisationSummary(row),
          names: names.map((n) => ({ name: n.name, notices: Number(n.notices) })),
          latinKeys: latin.map((r) => r.k),
          added: added.map(toOrganisationName),
          noticeDomains: domains.map((r) => r.d),
          incidents: incidentsOf(members),
          changes: changes.map(toOrganisationChange),
        };
      }, { isolation: 'REPEATABLE READ', readOnly: true });
    },
    async organisationsOfIncident(incidentId) {
      if (!isRowId(incidentId)) return [];
      return (await engine.each(() => all<OrganisationRow>(OF_INCIDENT, { incidentId }))).map(toOrganisationSummary);
    },
    async addOrganisationName(input) {
      const by = checkActor(input.by);
      return engine.transaction(function* () {
        yield* liveRow(input.organisationId);
        const at = now().toISOString();
        const { organisationId, kind, value, fold } = input;
        const inserted = yield* run(/* sql */ `
          INSERT INTO organisation_names (organisation_id, kind, value, fold, added_by, added_at) VALUES (@organisationId, @kind, @value, @fold, @by, @at)
          ON CONFLICT (organisation_id, kind, fold) DO NOTHING`, { organisationId, kind, value, fold, by, at });
        if (inserted.changes > 0) {
          yield* change(organisationId, kind, { value }, by, at);
          yield* writeAudit({ actor: by, action: 'organisation.name', subject: `organisation:${organisationId}`, before: null, after: { kind, value } }, now);
          yield* refresh(organisationId);
        }
        return toOrganisationName((yield* get<NameRow>(
          'SELECT kind, value, added_by, added_at FROM organisation_names WHERE organisation_id = @organisationId AND kind = @kind AND fold = @fold',
          { organisationId, kind, fold }))!);
      });
    },
    async mergeOrganisations(input) {
      const by = checkActor(input.by);
      const reason = input.reason ?? null;
      const { fromId, intoId } = input;
      if (fromId === intoId) throw new JikenboError('bad_input', `organisation ${fromId} cannot be merged into itself`, { subject: 'organisation' });
      return engine.transaction(function* () {
        const [first, second] = fromId < intoId ? [fromId, intoId] : [intoId, fromId];
        const rowsById = new Map([[first, yield* liveRow(first)], [second, yield* liveRow(second)]]);
        const from = rowsById.get(fromId)!;
        const at = now().toISOString();
        yield* run('UPDATE organisation_notices SET organisation_id = @intoId WHERE organisation_id = @fromId', { intoId, fromId });
        yield* run('UPDATE organisations SET merged_into = @intoId WHERE id = @fromId OR merged_into = @fromId', { intoId, fromId });
        yield* run(/* sql */ `
          INSERT INTO organisation_names (organisation_id, kind, value, fold, added_by, added_at)
          SELECT @intoId, kind, value, fold, added_by, added_at FROM organisation_names WHERE organisation_id = @fromId ORDER BY id
          ON CONFLICT (organisation_id, kind, fold) DO NOTHING`, { intoId, fromId });
        yield* change(intoId, 'merge', { from: fromId, name: from.name, reason }, by, at);
        yield* change(fromId, 'merged', { into: intoId, reason }, by, at);
        yield* writeAudit({
          actor: by, action: 'organisation.merge', subject: `organisation:${fromId}`,
          before: { name: from.name, notices: Number(from.notice_count) }, after: { into: intoId, ...(reason ? { reason } : {}) },
        }, now);
        yield* refresh(first);
        yield* refresh(second);
        return yield* summaryOf(intoId);
      });
    },
    async splitOrganisation(input) {
      const by = checkActor(input.by);
      const reason = input.reason ?? null;
      return engine.transaction(function* () {
        const source = yield* liveRow(input.organisationId);
        const members = yield* all<{ notice_id: number }>('SELECT notice_id FROM organisation_notices WHERE organisation_id = @id', { id: input.organisationId });
        const ids = checkSplit(input.organisationId, input.noticeIds, new Set(members.map((m) => m.notice_id)));
        const at = now().toISOString();
        const newId = (yield* get<{ id: number }>('INSERT INTO organisations (org_key, name, created_by, created_at) VALUES (@key, @name, @by, @at) RETURNING id',
          { key: source.org_key, name: source.name, by, at }))!.id;
        yield* run(`UPDATE organisation_notices SET organisation_id = @newId, assigned_by = @by, assigned_at = @at WHERE notice_id ${inList('ids', 'integer')}`,
          { newId, by, at, ids: list(ids) });
        yield* change(input.organisationId, 'split', { into: newId, notices: ids, reason }, by, at);
        yield* change(newId, 'split_from', { from: input.organisationId, notices: ids, reason }, by, at);
        yield* writeAudit({
          actor: by, action: 'organisation.split', subject: `organisation:${input.organisationId}`,
          before: { notices: ids }, after: { organisation: newId, ...(reason ? { reason } : {}) },
        }, now);
        yield* refresh(input.organisationId);
        yield* refresh(newId);
        return yield* summaryOf(newId);
      });
    },
  };
}
