// PostgreSQL side of organisations, as sqlite/organisation-queries.ts: each notice put in its key's
// organisation (or kept where a person put it), the summary the list pages by, people's names, merges
// and splits with who, when and the audit log.

import { JikenboError } from '../../core/errors.ts';
import type { OrganisationStore } from '../ports.ts';
import {
  LISTED, SUMMARY_COLUMNS, checkActor, checkLive, checkSplit, incidentsOf, toOrganisationChange, toOrganisationName,
  toOrganisationSummary, unknownOrganisation, type ChangeRow, type MemberRow, type NameRow, type OrganisationRow,
} from '../rows/organisation-row.ts';
import { writeAudit } from './audit-writer.ts';
import { inTransaction, isRowId, one, rows, type Client, type Pool, type Queryable } from './pg-database.ts';

const REFRESH_SUMMARY = /* sql */ `
  UPDATE organisations SET
    name = coalesce((SELECT n.organization FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
                     WHERE m.organisation_id = $1 AND n.organization IS NOT NULL
                     GROUP BY n.organization ORDER BY count(*) DESC, min(n.id) LIMIT 1), name),
    sector = (SELECT n.sector FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
              WHERE m.organisation_id = $1 AND n.sector IS NOT NULL GROUP BY n.sector ORDER BY count(*) DESC, n.sector LIMIT 1),
    notice_count = (SELECT count(*) FROM organisation_notices WHERE organisation_id = $1),
    latest_date = (SELECT max(n.disclosure_date) FROM organisation_notices m JOIN notices n ON n.id = m.notice_id WHERE m.organisation_id = $1),
    search_text = org_key || chr(10) || coalesce((SELECT string_agg(t, chr(10)) FROM (
        SELECT name_fold AS t FROM organisation_notices WHERE organisation_id = $1
        UNION SELECT latin_key FROM organisation_notices WHERE organisation_id = $1 AND latin_key IS NOT NULL
        UNION SELECT domain FROM organisation_notices WHERE organisation_id = $1 AND domain IS NOT NULL
        UNION SELECT fold FROM organisation_names WHERE organisation_id = $1) AS texts), '')
  WHERE id = $1`;

const selectRow = (db: Queryable, id: number, lock = false) =>
  one<OrganisationRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM organisations o WHERE o.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);

export function organisationQueries(pool: Pool, now: () => Date): OrganisationStore {
  const refresh = (client: Client, id: number) => client.query(REFRESH_SUMMARY, [id]);
  const change = (client: Client, id: number, action: string, detail: Record<string, unknown>, by: string, at: string) =>
    client.query('INSERT INTO organisation_changes (organisation_id, action, detail_json, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)',
      [id, action, JSON.stringify(detail), by, at]);
  /** The organisation, locked for the change; not_found or conflict (merged) as the port says. */
  const liveRow = async (client: Client, id: number) => {
    const row = isRowId(id) ? await selectRow(client, id, true) : undefined;
    if (!row) throw unknownOrganisation(id);
    checkLive(row);
    return row;
  };
  const summaryOf = async (client: Client, id: number) => toOrganisationSummary((await selectRow(client, id))!);

  return {
    async takeOrganisationWork(limit) {
      const found = await rows<{ notice_id: number; seq: string; organization: string | null; source: string | null }>(pool, /* sql */ `
        SELECT q.notice_id, q.seq, n.organization, d.source
        FROM organisation_queue q LEFT JOIN notices n ON n.id = q.notice_id LEFT JOIN documents d ON d.id = n.document_id
        ORDER BY q.seq LIMIT $1`, [limit]);
      return found.map((r) => ({ noticeId: r.notice_id, seq: Number(r.seq), organization: r.organization, source: r.source ?? '' }));
    },
    async saveOrganisationWork(assignments, done) {
      const at = now().toISOString();
      await inTransaction(pool, async (client) => {
        const touched = new Set<number>();
        for (const a of assignments) {
          const current = await one<{ organisation_id: number; assigned_by: string | null }>(client,
            'SELECT organisation_id, assigned_by FROM organisation_notices WHERE notice_id = $1 FOR UPDATE', [a.noticeId]);
          if (current) touched.add(current.organisation_id);
          if (a.key === null) {
            if (current) await client.query('DELETE FROM organisation_notices WHERE notice_id = $1', [a.noticeId]);
            continue;
          }
          if (current?.assigned_by) {
            await client.query('UPDATE organisation_notices SET org_key = $2, name_fold = $3, latin_key = $4, domain = $5 WHERE notice_id = $1',
              [a.noticeId, a.key, a.nameFold, a.latinKey, a.domain]);
            continue;
          }
          await client.query(`INSERT INTO organisations (org_key, name, created_at) VALUES ($1, $2, $3)
            ON CONFLICT (org_key) WHERE created_by IS NULL DO NOTHING`, [a.key, a.name ?? a.key, at]);
          const own = (await one<{ id: number; merged_into: number | null }>(client,
            'SELECT id, merged_into FROM organisations WHERE org_key = $1 AND created_by IS NULL', [a.key]))!;
          const organisationId = own.merged_into ?? own.id;
          await client.query(/* sql */ `
            INSERT INTO organisation_notices (notice_id, organisation_id, org_key, name_fold, latin_key, domain)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (notice_id) DO UPDATE SET organisation_id = excluded.organisation_id, org_key = excluded.org_key,
              name_fold = excluded.name_fold, latin_key = excluded.latin_key, domain = excluded.domain, assigned_by = NULL, assigned_at = NULL`,
          [a.noticeId, organisationId, a.key, a.nameFold, a.latinKey, a.domain]);
          touched.add(organisationId);
        }
        if (done.length > 0) {
          await client.query(`DELETE FROM organisation_queue q USING unnest($1::int[], $2::bigint[]) AS d(notice_id, seq)
            WHERE q.notice_id = d.notice_id AND q.seq = d.seq`, [done.map((d) => d.noticeId), done.map((d) => d.seq)]);
        }
        for (const id of [...touched].sort((a, b) => a - b)) await refresh(client, id);
      });
    },
    async searchOrganisations(query, window) {
      const params: unknown[] = query.ids ? [query.ids] : [];
      const where = [LISTED, ...(query.ids ? ['o.id = ANY($1::bigint[])'] : [])].join(' AND ');
      const total = (await one<{ n: string }>(pool, `SELECT count(*) AS n FROM organisations o WHERE ${where}`, params))!.n;
      // The page's ids first, by the index; its rows' incidents are counted for those alone.
      const found = await rows<OrganisationRow>(pool, `SELECT ${SUMMARY_COLUMNS} FROM (
          SELECT o.id FROM organisations o WHERE ${where} ORDER BY o.latest_date DESC NULLS LAST, o.id DESC
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}) AS page
        JOIN organisations o ON o.id = page.id ORDER BY o.latest_date DESC NULLS LAST, o.id DESC`,
      [...params, window.limit, window.offset]);
      return { total: Number(total), rows: found.map(toOrganisationSummary) };
    },
    async organisationSearchTexts() {
      const found = await rows<{ id: string | number; search_text: string }>(pool,
        `SELECT o.id, o.search_text FROM organisations o WHERE ${LISTED} ORDER BY o.latest_date DESC NULLS LAST, o.id DESC`, []);
      return found.map((r) => ({ id: Number(r.id), text: r.search_text }));
    },
    async getOrganisation(id) {
      if (!isRowId(id)) return null;
      return inTransaction(pool, async (client) => {
        const row = await selectRow(client, id);
        if (!row) return null;
        const names = await rows<{ name: string; notices: string }>(client, /* sql */ `
          SELECT n.organization AS name, count(*) AS notices FROM organisation_notices m JOIN notices n ON n.id = m.notice_id
          WHERE m.organisation_id = $1 AND n.organization IS NOT NULL GROUP BY n.organization ORDER BY notices DESC, name`, [id]);
        const latin = await rows<{ k: string }>(client,
          'SELECT DISTINCT latin_key AS k FROM organisation_notices WHERE organisation_id = $1 AND latin_key IS NOT NULL ORDER BY k', [id]);
        const domains = await rows<{ d: string }>(client,
          'SELECT DISTINCT domain AS d FROM organisation_notices WHERE organisation_id = $1 AND domain IS NOT NULL ORDER BY d', [id]);
        const added = await rows<NameRow>(client, 'SELECT kind, value, added_by, added_at FROM organisation_names WHERE organisation_id = $1 ORDER BY id', [id]);
        const members = await rows<MemberRow>(client, /* sql */ `
          SELECT i.incident_id, m.notice_id, n.disclosure_date FROM organisation_notices m
          JOIN incident_notices i ON i.notice_id = m.notice_id JOIN notices n ON n.id = m.notice_id WHERE m.organisation_id = $1`, [id]);
        const changes = await rows<ChangeRow>(client, 'SELECT * FROM organisation_changes WHERE organisation_id = $1 ORDER BY id', [id]);
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
      const found = await rows<OrganisationRow>(pool, /* sql */ `
        SELECT ${SUMMARY_COLUMNS} FROM organisations o
        WHERE o.id IN (SELECT m.organisation_id FROM incident_notices i JOIN organisation_notices m ON m.notice_id = i.notice_id WHERE i.incident_id = $1)
        ORDER BY o.notice_count DESC, o.id`, [incidentId]);
      return found.map(toOrganisationSummary);
    },
    async addOrganisationName(input) {
      const by = checkActor(input.by);
      return inTransaction(pool, async (client) => {
        await liveRow(client, input.organisationId);
        const at = now().toISOString();
        const inserted = await client.query(/* sql */ `
          INSERT INTO organisation_names (organisation_id, kind, value, fold, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6)
          ON CONFLICT (organisation_id, kind, fold) DO NOTHING`, [input.organisationId, input.kind, input.value, input.fold, by, at]);
        if (inserted.rowCount) {
          await change(client, input.organisationId, input.kind, { value: input.value }, by, at);
          await writeAudit(client, { actor: by, action: 'organisation.name', subject: `organisation:${input.organisationId}`, before: null, after: { kind: input.kind, value: input.value } }, now);
          await refresh(client, input.organisationId);
        }
        return toOrganisationName((await one<NameRow>(client,
          'SELECT kind, value, added_by, added_at FROM organisation_names WHERE organisation_id = $1 AND kind = $2 AND fold = $3',
          [input.organisationId, input.kind, input.fold]))!);
      });
    },
    async mergeOrganisations(input) {
      const by = checkActor(input.by);
      const reason = input.reason ?? null;
      const { fromId, intoId } = input;
      if (fromId === intoId) throw new JikenboError('bad_input', `organisation ${fromId} cannot be merged into itself`, { subject: 'organisation' });
      return inTransaction(pool, async (client) => {
        // Locked in id order, so that two merges of one pair cannot wait on each other.
        const [first, second] = fromId < intoId ? [fromId, intoId] : [intoId, fromId];
        const rowsById = new Map([[first, await liveRow(client, first)], [second, await liveRow(client, second)]]);
        const from = rowsById.get(fromId)!;
        const at = now().toISOString();
        await client.query('UPDATE organisation_notices SET organisation_id = $1 WHERE organisation_id = $2', [intoId, fromId]);
        await client.query('UPDATE organisations SET merged_into = $1 WHERE id = $2 OR merged_into = $2', [intoId, fromId]);
        await client.query(/* sql */ `
          INSERT INTO organisation_names (organisation_id, kind, value, fold, added_by, added_at)
          SELECT $1, kind, value, fold, added_by, added_at FROM organisation_names WHERE organisation_id = $2 ORDER BY id
          ON CONFLICT (organisation_id, kind, fold) DO NOTHING`, [intoId, fromId]);
        await change(client, intoId, 'merge', { from: fromId, name: from.name, reason }, by, at);
        await change(client, fromId, 'merged', { into: intoId, reason }, by, at);
        await writeAudit(client, {
          actor: by, action: 'organisation.merge', subject: `organisation:${fromId}`,
          before: { name: from.name, notices: Number(from.notice_count) }, after: { into: intoId, ...(reason ? { reason } : {}) },
        }, now);
        await refresh(client, Math.min(fromId, intoId));
        await refresh(client, Math.max(fromId, intoId));
        return summaryOf(client, intoId);
      });
    },
    async splitOrganisation(input) {
      const by = checkActor(input.by);
      const reason = input.reason ?? null;
      return inTransaction(pool, async (client) => {
        const source = await liveRow(client, input.organisationId);
        const members = await rows<{ notice_id: number }>(client, 'SELECT notice_id FROM organisation_notices WHERE organisation_id = $1', [input.organisationId]);
        const ids = checkSplit(input.organisationId, input.noticeIds, new Set(members.map((m) => m.notice_id)));
        const at = now().toISOString();
        const newId = (await one<{ id: number }>(client,
          'INSERT INTO organisations (org_key, name, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
          [source.org_key, source.name, by, at]))!.id;
        await client.query('UPDATE organisation_notices SET organisation_id = $1, assigned_by = $2, assigned_at = $3 WHERE notice_id = ANY ($4::int[])',
          [newId, by, at, ids]);
        await change(client, input.organisationId, 'split', { into: newId, notices: ids, reason }, by, at);
        await change(client, newId, 'split_from', { from: input.organisationId, notices: ids, reason }, by, at);
        await writeAudit(client, {
          actor: by, action: 'organisation.split', subject: `organisation:${input.organisationId}`,
          before: { notices: ids }, after: { organisation: newId, ...(reason ? { reason } : {}) },
        }, now);
        await refresh(client, input.organisationId);
        await refresh(client, newId);
        return summaryOf(client, newId);
      });
    },
  };
}
