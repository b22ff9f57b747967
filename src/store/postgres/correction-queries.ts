// PostgreSQL side of corrections, as sqlite/correction-queries.ts: a person's values, each notice's
// effective record and filter columns kept in step with them, new machine readings saved beside them.
// Named difference: each write locks its notice row first, so two servers correcting one notice at
// once lay both corrections over it rather than the last writer's alone.

import { applyCorrections, type Correction } from '../../core/corrections.ts';
import { JikenboError } from '../../core/errors.ts';
import type { IncidentRecord } from '../../core/record.ts';
import type { CorrectionInput } from '../store.ts';
import { checkCorrectionBy as checkBy, toCorrection, type CorrectionRow } from '../rows/correction-row.ts';
import { inTransaction, isRowId, one, rows, type Client, type Pool, type Queryable } from './pg-database.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import { writeAudit } from './account-queries.ts';
import type { CorrectionStore } from '../ports.ts';

const SELECT_FOR = 'SELECT * FROM corrections WHERE target = $1 AND target_id = $2 ORDER BY decided_at, id';

/** Locks a notice's row for this transaction; false when there is no such notice. */
async function lockNotice(client: Client, id: number): Promise<boolean> {
  return isRowId(id) && (await one(client, 'SELECT id FROM notices WHERE id = $1 FOR NO KEY UPDATE', [id])) !== undefined;
}

/** Lays the notice's live corrections over its latest machine record and stores the result. */
async function refreshNotice(client: Client, noticeId: number): Promise<Correction[]> {
  const machine = await one<{ record_json: string }>(client,
    'SELECT record_json FROM records WHERE notice_id = $1 ORDER BY id DESC LIMIT 1', [noticeId]);
  if (!machine) throw new JikenboError('internal', `notice N${noticeId} has no machine record`);
  const corrections = (await rows<CorrectionRow>(client, SELECT_FOR, ['notice', noticeId])).map(toCorrection);
  const { record, corrected } = applyCorrections(JSON.parse(machine.record_json) as IncidentRecord, corrections);
  await client.query(/* sql */ `
    UPDATE notices SET effective_json = $2, header = $3, organization = $4, title = $5, disclosure_date = $6,
      casebook_id = $7, sector = $8, affected_count = $9, kind = $10
    WHERE id = $1`, [
    noticeId, Object.keys(corrected).length > 0 ? JSON.stringify(record) : null, record.header, record.organization,
    record.title, record.disclosure_date, record.casebook_id, record.sector, record.affected_count, record.kind,
  ]);
  await client.query('DELETE FROM notice_types WHERE notice_id = $1', [noticeId]);
  const types = [...new Set(record.incident_types)];
  if (types.length > 0) {
    await client.query(/* sql */ `
      INSERT INTO notice_types (notice_id, position, type)
      SELECT $1, t.position - 1, t.type FROM unnest($2::text[]) WITH ORDINALITY AS t (type, position)`, [noticeId, types]);
  }
  return corrections.filter((c) => c.revertedAt === null);
}

/** A target's corrections, oldest first, read through `db` (a transaction's client, or the pool). */
export async function correctionsOf(db: Queryable, target: CorrectionInput['target'], targetId: number): Promise<Correction[]> {
  if (!isRowId(targetId)) return [];
  return (await rows<CorrectionRow>(db, SELECT_FOR, [target, targetId])).map(toCorrection);
}

export function correctionQueries(pool: Pool, now: () => Date): CorrectionStore {
  return {
    async addCorrection(input: CorrectionInput) {
      const by = checkBy(input.by);
      return inTransaction(pool, async (client) => {
        const exists = input.target === 'notice'
          ? await lockNotice(client, input.targetId)
          : isRowId(input.targetId) && (await one(client, 'SELECT id FROM incidents WHERE id = $1', [input.targetId])) !== undefined;
        if (!exists) throw new JikenboError('not_found', `no ${input.target} #${input.targetId}`, { subject: String(input.targetId) });
        const row = await one<CorrectionRow>(client, /* sql */ `
          INSERT INTO corrections (target, target_id, field, old_json, new_json, decided_by, decided_at, reason)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`, [
          input.target, input.targetId, input.field, JSON.stringify(input.oldValue ?? null),
          JSON.stringify(input.newValue ?? null), by, now().toISOString(), input.reason ?? null,
        ]);
        if (input.target === 'notice') await refreshNotice(client, input.targetId);
        const correction = toCorrection(row!);
        await writeAudit(client, {
          actor: by, action: 'correction.add', subject: `${input.target}:${input.targetId}`,
          before: { field: input.field, value: correction.oldValue }, after: { field: input.field, value: correction.newValue, correction: correction.id, ...(correction.reason ? { reason: correction.reason } : {}) },
        }, now);
        return correction;
      });
    },

    async revertCorrection(id, by) {
      return inTransaction(pool, async (client) => {
        const peek = isRowId(id) ? await one<CorrectionRow>(client, 'SELECT * FROM corrections WHERE id = $1', [id]) : undefined;
        if (!peek) throw new JikenboError('not_found', `no correction #${id}`, { subject: String(id) });
        // The notice first, then the correction row: the same order addCorrection takes.
        if (peek.target === 'notice') await lockNotice(client, peek.target_id);
        const row = (await one<CorrectionRow>(client, 'SELECT * FROM corrections WHERE id = $1 FOR UPDATE', [id]))!;
        if (row.reverted_at !== null) {
          throw new JikenboError('conflict', `correction #${id} was already reverted by ${row.reverted_by} at ${row.reverted_at}`);
        }
        const updated = await one<CorrectionRow>(client,
          'UPDATE corrections SET reverted_by = $1, reverted_at = $2 WHERE id = $3 RETURNING *', [checkBy(by), now().toISOString(), id]);
        if (row.target === 'notice') await refreshNotice(client, row.target_id);
        const correction = toCorrection(updated!);
        await writeAudit(client, {
          actor: correction.revertedBy!, action: 'correction.revert', subject: `${row.target}:${row.target_id}`,
          before: { field: row.field, value: correction.newValue, correction: id }, after: { field: row.field, value: correction.oldValue },
        }, now);
        return correction;
      });
    },

    async listCorrections(target, targetId) {
      return correctionsOf(pool, target, targetId);
    },

    async listAllCorrections(target) {
      const byTarget = new Map<number, Correction[]>();
      for (const row of await rows<CorrectionRow>(pool, 'SELECT * FROM corrections WHERE target = $1 ORDER BY decided_at, id', [target])) {
        const list = byTarget.get(row.target_id) ?? byTarget.set(row.target_id, []).get(row.target_id)!;
        list.push(toCorrection(row));
      }
      return byTarget;
    },

    async listNoticesForReextraction({ afterId, limit }) {
      const found = await rows<{ id: number; text: string; extractor_version: string }>(pool, /* sql */ `
        SELECT n.id, n.text, r.extractor_version
        FROM notices n JOIN records r ON r.id = (SELECT max(id) FROM records WHERE notice_id = n.id)
        WHERE n.id > $1 ORDER BY n.id LIMIT $2`, [afterId, limit]);
      return found.map((r) => ({ id: r.id, text: r.text, extractorVersion: r.extractor_version }));
    },

    async saveMachineRecord(noticeId, record: IncidentRecord, extractorVersion, by = SYSTEM_ACTOR) {
      return inTransaction(pool, async (client) => {
        if (!(await lockNotice(client, noticeId))) throw new JikenboError('not_found', `no notice N${noticeId}`);
        const before = await one<{ record_json: string }>(client, 'SELECT record_json FROM records WHERE notice_id = $1 ORDER BY id DESC LIMIT 1', [noticeId]);
        await writeAudit(client, {
          actor: by, action: 'record.reextract', subject: `notice:${noticeId}`,
          before: before ? JSON.parse(before.record_json) : null, after: { ...record, extractor_version: extractorVersion },
        }, now);
        await client.query(/* sql */ `
          INSERT INTO records (notice_id, record_json, extractor_version, created_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (notice_id, extractor_version) DO UPDATE SET record_json = excluded.record_json, created_at = excluded.created_at`,
        [noticeId, JSON.stringify(record), extractorVersion, now().toISOString()]);
        return refreshNotice(client, noticeId);
      });
    },
  };
}
