// The PostgreSQL side of incidents, as sqlite/incident-queries.ts: the snapshot regrouping reads, the
// plan it writes back in one transaction, people's link decisions, and incident listing.
// Named difference: the one row of incident_generation is locked FOR UPDATE by a regrouping and FOR
// SHARE by ingests and decisions, so plans made by two servers at once are checked one after the other.

import { JikenboError } from '../../core/errors.ts';
import type { IncidentRecord } from '../../core/record.ts';
import { checkPaging } from '../filters.ts';
import type { IncidentAlias, IncidentPlan, IncidentSnapshot, ManualDecision, StoredIncident } from '../store.ts';
import type { IncidentStore } from '../ports.ts';
import { checkDecisionBy as checkBy, toDecision, type DecisionRow } from '../rows/decision-row.ts';
import { INCIDENT_COLUMNS, LATEST_RECORD, LEAN_RECORD, toIncidents, type IncidentRow, type MemberRow } from '../rows/incident-row.ts';
import { inTransaction, isRowId, one, rows, type Pool, type Queryable } from './pg-database.ts';
import { writeAudit } from './audit-writer.ts';
import { PLAN_BASIS, settleGroupingItems } from './grouping-queries.ts';

async function withMembers(db: Queryable, incidents: IncidentRow[], lean = false): Promise<StoredIncident[]> {
  const found = await rows<MemberRow>(db, /* sql */ `
    SELECT m.incident_id, n.id AS notice_id, n.header, ${lean ? LEAN_RECORD.postgres : 'coalesce(n.effective_json, r.record_json)'} AS record_json,
           d.ingested_at, m.origin, m.reason_json, d.dataset, d.external_id
    FROM incident_notices m
    JOIN notices n ON n.id = m.notice_id
    JOIN records r ON ${LATEST_RECORD}
    JOIN documents d ON d.id = n.document_id
    WHERE m.incident_id = ANY ($1::int[])
    ORDER BY n.id`, [incidents.map((r) => r.id)]);
  return toIncidents(incidents, found);
}

export function incidentQueries(pool: Pool, now: () => Date): Omit<IncidentStore, 'listDecisions'> {
  async function decide(action: 'link' | 'unlink', a: number, b: number | null, by: string): Promise<ManualDecision> {
    return inTransaction(pool, async (client) => {
      await client.query('SELECT generation FROM incident_generation FOR SHARE');
      for (const id of b === null ? [a] : [a, b]) {
        // FOR KEY SHARE: the notice cannot vanish before the decision naming it is committed.
        const exists = isRowId(id) && (await one(client, 'SELECT id FROM notices WHERE id = $1 FOR KEY SHARE', [id]));
        if (!exists) throw new JikenboError('not_found', `no notice N${id}`, { subject: String(id) });
      }
      const before = Object.fromEntries(await Promise.all((b === null ? [a] : [a, b]).map(async (n) => [`notice:${n}`,
        (await one<{ incident_id: number }>(client, 'SELECT incident_id FROM incident_notices WHERE notice_id = $1', [n]))?.incident_id ?? null])));
      const row = await one<DecisionRow>(client, /* sql */ `
        INSERT INTO manual_links (action, notice_id, other_notice_id, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5)
        RETURNING *`, [action, a, b, by, now().toISOString()]);
      await writeAudit(client, {
        actor: by, action: action === 'link' ? 'incident.link' : 'incident.unlink', subject: `notice:${a}`,
        before: { incidents: before }, after: { decision: row!.id, ...(b === null ? {} : { with: `notice:${b}` }) },
      }, now);
      return toDecision(row!);
    });
  }

  return {
    async listIncidents(options = {}) {
      const { limit, offset } = checkPaging(options);
      return inTransaction(pool, async (client) => withMembers(client, await rows<IncidentRow>(client, /* sql */ `
        SELECT ${INCIDENT_COLUMNS} FROM incidents
        ORDER BY first_disclosure DESC NULLS LAST, id DESC LIMIT $1 OFFSET $2`, [limit, offset]), options.lean === true),
      { isolation: 'REPEATABLE READ', readOnly: true });
    },

    async countIncidents() {
      return (await one<{ n: number }>(pool, 'SELECT count(*) AS n FROM incidents'))!.n;
    },

    async getIncident(id) {
      if (!isRowId(id)) return null;
      return inTransaction(pool, async (client) => {
        const row = await one<IncidentRow>(client, `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = $1`, [id]);
        return row ? (await withMembers(client, [row]))[0]! : null;
      }, { isolation: 'REPEATABLE READ', readOnly: true });
    },

    async incidentOfNotice(noticeId) {
      if (!isRowId(noticeId)) return null;
      return (await one<{ incident_id: number }>(pool, 'SELECT incident_id FROM incident_notices WHERE notice_id = $1', [noticeId]))?.incident_id ?? null;
    },

    async findIncidentsByNumber(number) {
      // Either form as written ('#J2024-0078'); anything else simply finds nothing.
      const n = number.trim().replace(/^#/, '');
      if (n === '') return [];
      const holding = await rows<{ id: number }>(pool, 'SELECT id FROM incidents WHERE casebook_number = $1 OR own_number = $1 ORDER BY id', [n]);
      if (holding.length > 0) return holding.map((r) => r.id);
      const alias = await one<{ incident_id: number | null }>(pool, "SELECT incident_id FROM incident_aliases WHERE kind = 'number' AND alias = $1", [n]);
      return alias?.incident_id == null ? [] : [alias.incident_id];
    },

    async incidentReplacing(id) {
      if (!isRowId(id)) return null;
      return (await one<{ incident_id: number | null }>(pool, "SELECT incident_id FROM incident_aliases WHERE kind = 'id' AND alias = $1", [String(id)]))?.incident_id ?? null;
    },

    async listIncidentAliases(): Promise<IncidentAlias[]> {
      const found = await rows<{ kind: IncidentAlias['kind']; alias: string; incident_id: number | null; reason: IncidentAlias['reason']; recorded_at: string }>(pool,
        'SELECT kind, alias, incident_id, reason, recorded_at FROM incident_aliases ORDER BY recorded_at, kind, alias');
      return found.map((r) => ({ kind: r.kind, alias: r.alias, incidentId: r.incident_id, reason: r.reason, recordedAt: r.recorded_at }));
    },

    async loadIncidentSnapshot(): Promise<IncidentSnapshot> {
      // One snapshot for every read, as SQLite's read transaction gives.
      return inTransaction(pool, async (client) => {
        const basis = (await one<{ basis: string }>(client, PLAN_BASIS))!.basis;
        const notices = await rows<{ id: number; text: string; record_json: string; ingested_at: string; dataset: string }>(client, /* sql */ `
          SELECT n.id, n.text, coalesce(n.effective_json, r.record_json) AS record_json, d.ingested_at, d.dataset
          FROM notices n JOIN records r ON ${LATEST_RECORD} JOIN documents d ON d.id = n.document_id
          ORDER BY n.id`);
        const decisions = await rows<DecisionRow>(client, 'SELECT * FROM manual_links ORDER BY id');
        const incidents = await rows<{ id: number; casebook_number: string | null; own_number: string | null; number_assigned_at: string | null; ids: number[] }>(client, /* sql */ `
          SELECT i.id, i.casebook_number, i.own_number, i.number_assigned_at,
                 coalesce((SELECT array_agg(notice_id ORDER BY notice_id) FROM incident_notices WHERE incident_id = i.id), '{}') AS ids
          FROM incidents i ORDER BY i.id`);
        const counters = await rows<{ year: number; last: number }>(client, 'SELECT year, last FROM casebook_counters');
        return {
          basis,
          notices: notices.map((row) => ({
            id: row.id, text: row.text, record: JSON.parse(row.record_json) as IncidentRecord, ingestedAt: row.ingested_at, dataset: row.dataset,
          })),
          decisions: decisions.map(toDecision),
          incidents: incidents.map((row) => ({
            id: row.id, number: row.casebook_number ?? row.own_number, numberKept: row.casebook_number !== null, ownNumber: row.own_number,
            numberAssignedAt: row.number_assigned_at, noticeIds: row.ids,
          })),
          counters: new Map(counters.map((row) => [row.year, row.last])),
        };
      }, { isolation: 'REPEATABLE READ', readOnly: true });
    },

    async replaceAutoGroups(plan: IncidentPlan) {
      await inTransaction(pool, async (client) => {
        // Waits for ingests, decisions and other regroupings in flight; after it, every statement
        // sees what they committed, so the basis check below cannot miss one.
        await client.query('SELECT generation FROM incident_generation FOR UPDATE');
        const current = (await one<{ basis: string }>(client, PLAN_BASIS))!.basis;
        if (current !== plan.basis) {
          throw new JikenboError('conflict', `the casebook changed while incidents were regrouped (${plan.basis} → ${current})`);
        }
        const at = now().toISOString();
        // Only the members of incidents the plan knows (each incident of its snapshot is kept or retired):
        // notices stored since then stay in the incidents their ingest made until it regroups.
        const known = [...plan.retire, ...plan.incidents.flatMap((p) => (p.id === null ? [] : [p.id]))];
        await client.query('DELETE FROM incident_notices WHERE incident_id = ANY ($1::int[])', [known]);
        if (plan.retire.length > 0) {
          // An absorbed incident's export key and numbers, and every alias it answered for, now resolve to
          // the survivor; one gone without a survivor is still recorded, answering for no incident.
          const into = new Map(plan.absorbed.map((a) => [a.id, a.into]));
          const survivors = plan.retire.map((id) => into.get(id) ?? null);
          await client.query(/* sql */ `
            INSERT INTO incident_aliases (kind, alias, incident_id, reason, recorded_at)
            SELECT DISTINCT ON (k.kind, k.alias) k.kind, k.alias, r.survivor, 'merged', $3
            FROM unnest($1::int[], $2::int[]) AS r (id, survivor)
            JOIN incidents i ON i.id = r.id
            CROSS JOIN LATERAL (VALUES ('export_key', i.export_key), ('number', i.own_number), ('number', i.casebook_number), ('id', i.id::text)) AS k (kind, alias)
            WHERE k.alias IS NOT NULL
            ORDER BY k.kind, k.alias, r.id DESC
            ON CONFLICT (kind, alias) DO UPDATE SET incident_id = excluded.incident_id, reason = excluded.reason, recorded_at = excluded.recorded_at`,
          [plan.retire, survivors, at]);
          await client.query(/* sql */ `
            UPDATE incident_aliases a SET incident_id = r.survivor
            FROM unnest($1::int[], $2::int[]) AS r (id, survivor) WHERE a.incident_id = r.id AND r.survivor IS NOT NULL`, [plan.retire, survivors]);
          await client.query('DELETE FROM incidents WHERE id = ANY ($1::int[])', [plan.retire]);
        }
        // Every incident kept, made and filled in a few statements, whatever the plan's size: each is a round trip.
        const kept = plan.incidents.filter((p) => p.id !== null);
        if (kept.length > 0) {
          await client.query(/* sql */ `
            UPDATE incidents i SET casebook_number = u.number, number_kept = u.kept, own_number = u.own,
              number_assigned_at = CASE WHEN u.renumbered THEN $1 ELSE i.number_assigned_at END,
              number_clash = u.clash, clash_notes = u.notes, first_disclosure = u.first
            FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::boolean[], $7::int[], $8::text[], $9::text[])
              AS u (id, number, kept, own, renumbered, clash, notes, first)
            WHERE i.id = u.id`,
          [at, kept.map((p) => p.id), kept.map((p) => (p.numberKept ? p.number : null)), kept.map((p) => (p.numberKept ? 1 : 0)), kept.map((p) => p.ownNumber),
            kept.map((p) => p.numberNew), kept.map((p) => (p.clashNotes ? 1 : 0)), kept.map((p) => p.clashNotes), kept.map((p) => p.firstDisclosure)]);
        }
        const made = plan.incidents.filter((p) => p.id === null);
        // New incidents' ids drawn first, so that their members can be written in the same statement as the others'.
        const madeIds = made.length === 0 ? [] : (await rows<{ id: number }>(client,
          "SELECT nextval(pg_get_serial_sequence('incidents', 'id'))::int AS id FROM generate_series(1, $1)", [made.length])).map((r) => r.id);
        if (made.length > 0) {
          await client.query(/* sql */ `
            INSERT INTO incidents (id, created_at, casebook_number, number_kept, own_number, number_assigned_at, number_clash, clash_notes, first_disclosure)
            SELECT u.id, $1, u.number, u.kept, u.own, CASE WHEN u.own IS NULL THEN NULL ELSE $1 END, u.clash, u.notes, u.first
            FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::int[], $7::text[], $8::text[]) AS u (id, number, kept, own, clash, notes, first)`,
          [at, madeIds, made.map((p) => (p.numberKept ? p.number : null)), made.map((p) => (p.numberKept ? 1 : 0)), made.map((p) => p.ownNumber),
            made.map((p) => (p.clashNotes ? 1 : 0)), made.map((p) => p.clashNotes), made.map((p) => p.firstDisclosure)]);
        }
        const idOf = new Map(made.map((p, i) => [p, madeIds[i]!]));
        const members = plan.incidents.flatMap((p) => p.members.map((m) => ({ incident: p.id ?? idOf.get(p)!, m })));
        if (members.length > 0) {
          await client.query(/* sql */ `
            INSERT INTO incident_notices (incident_id, notice_id, reason_json, origin)
            SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[])`,
          [members.map((x) => x.incident), members.map((x) => x.m.noticeId), members.map((x) => JSON.stringify(x.m.links)), members.map((x) => x.m.origin)]);
        }
        const counters = [...plan.counters];
        if (counters.length > 0) {
          await client.query(/* sql */ `
            INSERT INTO casebook_counters (year, last) SELECT * FROM unnest($1::int[], $2::int[])
            ON CONFLICT (year) DO UPDATE SET last = greatest(casebook_counters.last, excluded.last)
            WHERE casebook_counters.last < excluded.last`, [counters.map(([y]) => y), counters.map(([, l]) => l)]);
        }
        await settleGroupingItems(client, 3, plan.settled ?? []);
        await client.query('UPDATE incident_generation SET generation = generation + 1');
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
