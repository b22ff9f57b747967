// Corrections, on both engines: a person's values, each notice's effective record and filter columns
// kept in step with them, new machine readings saved beside them. Each write locks its notice row
// first on PostgreSQL, so two servers correcting one notice at once lay both corrections over it
// rather than the last writer's alone.

import { applyCorrections, type Correction } from '../../core/corrections.ts';
import { JikenboError } from '../../core/errors.ts';
import type { IncidentRecord } from '../../core/record.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import type { CorrectionStore } from '../ports.ts';
import { checkCorrectionBy as checkBy, toCorrection, type CorrectionRow } from '../rows/correction-row.ts';
import type { CorrectionInput } from '../store.ts';
import { all, get, isRowId, run, type Sql, type SqlEngine } from '../sql/sql.ts';
import { writeAudit } from './audit.ts';

const SELECT_FOR = 'SELECT * FROM corrections WHERE target = @target AND target_id = @targetId ORDER BY decided_at, id';
const LATEST_MACHINE = 'SELECT record_json FROM records WHERE notice_id = @noticeId ORDER BY id DESC LIMIT 1';
const UPDATE_NOTICE = /* sql */ `
  UPDATE notices SET effective_json = @effective, header = @header, organization = @organization, title = @title,
    disclosure_date = @disclosureDate, casebook_id = @casebookId, sector = @sector,
    affected_count = @affectedCount, kind = @kind
  WHERE id = @id`;
const CANDIDATES = /* sql */ `
  SELECT n.id, n.text, r.extractor_version
  FROM notices n JOIN records r ON r.id = (SELECT max(id) FROM records WHERE notice_id = n.id)
  WHERE n.id > @afterId ORDER BY n.id LIMIT @limit`;
const UPSERT_RECORD = /* sql */ `
  INSERT INTO records (notice_id, record_json, extractor_version, created_at) VALUES (@noticeId, @recordJson, @version, @at)
  ON CONFLICT (notice_id, extractor_version) DO UPDATE SET record_json = excluded.record_json, created_at = excluded.created_at`;

export function correctionQueries(engine: SqlEngine, now: () => Date): CorrectionStore {
  const { lockRows, list, listRows } = engine.dialect;
  const insertTypes = /* sql */ `
    INSERT INTO notice_types (notice_id, position, type) SELECT @noticeId, l.position, l.value FROM ${listRows('types', 'text')} AS l`;

  /** Locks a notice's row for this transaction on PostgreSQL; false when there is no such notice. */
  const lockNotice = function* (id: number): Sql<boolean> {
    return isRowId(id) && (yield* get(`SELECT id FROM notices WHERE id = @id ${lockRows('NO KEY UPDATE')}`, { id })) !== undefined;
  };

  /** Lays the notice's live corrections over its latest machine record and stores the result. */
  const refreshNotice = function* (noticeId: number): Sql<Correction[]> {
    const machine = yield* get<{ record_json: string }>(LATEST_MACHINE, { noticeId });
    if (!machine) throw new JikenboError('internal', `notice N${noticeId} has no machine record`);
    const corrections = (yield* all<CorrectionRow>(SELECT_FOR, { target: 'notice', targetId: noticeId })).map(toCorrection);
    const { record, corrected } = applyCorrections(JSON.parse(machine.record_json) as IncidentRecord, corrections);
    yield* run(UPDATE_NOTICE, {
      id: noticeId,
      effective: Object.keys(corrected).length > 0 ? JSON.stringify(record) : null,
      header: record.header, organization: record.organization, title: record.title,
      disclosureDate: record.disclosure_date, casebookId: record.casebook_id, sector: record.sector,
      affectedCount: record.affected_count, kind: record.kind,
    });
    yield* run('DELETE FROM notice_types WHERE notice_id = @noticeId', { noticeId });
    const types = [...new Set(record.incident_types)];
    if (types.length > 0) yield* run(insertTypes, { noticeId, types: list(types) });
    return corrections.filter((c) => c.revertedAt === null);
  };

  return {
    async addCorrection(input: CorrectionInput) {
      const by = checkBy(input.by);
      return engine.transaction(function* () {
        const exists = input.target === 'notice'
          ? yield* lockNotice(input.targetId)
          : isRowId(input.targetId) && (yield* get('SELECT id FROM incidents WHERE id = @id', { id: input.targetId })) !== undefined;
        if (!exists) throw new JikenboError('not_found', `no ${input.target} #${input.targetId}`, { subject: String(input.targetId) });
        const row = yield* get<CorrectionRow>(/* sql */ `
          INSERT INTO corrections (target, target_id, field, old_json, new_json, decided_by, decided_at, reason)
          VALUES (@target, @targetId, @field, @oldJson, @newJson, @by, @at, @reason) RETURNING *`, {
          target: input.target, targetId: input.targetId, field: input.field, oldJson: JSON.stringify(input.oldValue ?? null),
          newJson: JSON.stringify(input.newValue ?? null), by, at: now().toISOString(), reason: input.reason ?? null,
        });
        if (input.target === 'notice') yield* refreshNotice(input.targetId);
        const correction = toCorrection(row!);
        yield* writeAudit({
          actor: by, action: 'correction.add', subject: `${input.target}:${input.targetId}`,
          before: { field: input.field, value: correction.oldValue }, after: { field: input.field, value: correction.newValue, correction: correction.id, ...(correction.reason ? { reason: correction.reason } : {}) },
        }, now);
        return correction;
      });
    },

    async revertCorrection(id, by) {
      return engine.transaction(function* () {
        const peek = isRowId(id) ? yield* get<CorrectionRow>('SELECT * FROM corrections WHERE id = @id', { id }) : undefined;
        if (!peek) throw new JikenboError('not_found', `no correction #${id}`, { subject: String(id) });
        // The notice first, then the correction row: the same order addCorrection takes.
        if (peek.target === 'notice') yield* lockNotice(peek.target_id);
        const row = (yield* get<CorrectionRow>(`SELECT * FROM corrections WHERE id = @id ${lockRows()}`, { id }))!;
        if (row.reverted_at !== null) {
          throw new JikenboError('conflict', `correction #${id} was already reverted by ${row.reverted_by} at ${row.reverted_at}`);
        }
        const updated = yield* get<CorrectionRow>('UPDATE corrections SET reverted_by = @by, reverted_at = @at WHERE id = @id RETURNING *',
          { by: checkBy(by), at: now().toISOString(), id });
        if (row.target === 'notice') yield* refreshNotice(row.target_id);
        const correction = toCorrection(updated!);
        yield* writeAudit({
          actor: correction.revertedBy!, action: 'correction.revert', subject: `${row.target}:${row.target_id}`,
          before: { field: row.field, value: correction.newValue, correction: id }, after: { field: row.field, value: correction.oldValue },
        }, now);
        return correction;
      });
    },

    async listCorrections(target, targetId) {
      if (!isRowId(targetId)) return [];
      return engine.each(function* () {
        return (yield* all<CorrectionRow>(SELECT_FOR, { target, targetId })).map(toCorrection);
      });
    },

    async listAllCorrections(target) {
      const byTarget = new Map<number, Correction[]>();
      const found = await engine.each(() => all<CorrectionRow>('SELECT * FROM corrections WHERE target = @target ORDER BY decided_at, id', { target }));
      for (const row of found) {
        const corrections = byTarget.get(row.target_id) ?? byTarget.set(row.target_id, []).get(row.target_id)!;
        corrections.push(toCorrection(row));
      }
      return byTarget;
    },

    async listNoticesForReextraction({ afterId, limit }) {
      const found = await engine.each(() => all<{ id: number; text: string; extractor_version: string }>(CANDIDATES, { afterId, limit }));
      return found.map((r) => ({ id: r.id, text: r.text, extractorVersion: r.extractor_version }));
    },

    async saveMachineRecord(noticeId, record: IncidentRecord, extractorVersion, by = SYSTEM_ACTOR) {
      return engine.transaction(function* () {
        if (!(yield* lockNotice(noticeId))) throw new JikenboError('not_found', `no notice N${noticeId}`);
        const before = yield* get<{ record_json: string }>(LATEST_MACHINE, { noticeId });
        yield* writeAudit({
          actor: by, action: 'record.reextract', subject: `notice:${noticeId}`,
          before: before ? JSON.parse(before.record_json) : null, after: { ...record, extractor_version: extractorVersion },
        }, now);
        yield* run(UPSERT_RECORD, { noticeId, recordJson: JSON.stringify(record), version: extractorVersion, at: now().toISOString() });
        return yield* refreshNotice(noticeId);
      });
    },
  };
}
