// SQLite side of corrections: stores a person's values, keeps each notice's effective record and its
// filter columns in step with them, and saves new machine readings without touching what people decided.

import type Database from 'better-sqlite3';
import { applyCorrections, type Correction } from '../../core/corrections.ts';
import { JikenboError } from '../../core/errors.ts';
import type { IncidentRecord } from '../../core/record.ts';
import type { CorrectionInput } from '../store.ts';
import type { CorrectionStore } from '../ports.ts';
import { checkCorrectionBy as checkBy, toCorrection, type CorrectionRow } from '../rows/correction-row.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import type { AuditWriter } from './account-queries.ts';

export function correctionQueries(db: Database.Database, now: () => Date, audit: AuditWriter): CorrectionStore {
  const insert = db.prepare(/* sql */ `
    INSERT INTO corrections (target, target_id, field, old_json, new_json, decided_by, decided_at, reason)
    VALUES (@target, @targetId, @field, @oldJson, @newJson, @by, @at, @reason)`);
  const selectOne = db.prepare<[number], CorrectionRow>('SELECT * FROM corrections WHERE id = ?');
  const selectFor = db.prepare<[string, number], CorrectionRow>(
    'SELECT * FROM corrections WHERE target = ? AND target_id = ? ORDER BY decided_at, id');
  const selectAllFor = db.prepare<[string], CorrectionRow>('SELECT * FROM corrections WHERE target = ? ORDER BY decided_at, id');
  const markReverted = db.prepare('UPDATE corrections SET reverted_by = ?, reverted_at = ? WHERE id = ? AND reverted_at IS NULL');
  const noticeExists = db.prepare<[number], { id: number }>('SELECT id FROM notices WHERE id = ?');
  const incidentExists = db.prepare<[number], { id: number }>('SELECT id FROM incidents WHERE id = ?');
  const latestMachine = db.prepare<[number], { record_json: string }>(
    'SELECT record_json FROM records WHERE notice_id = ? ORDER BY id DESC LIMIT 1');
  const updateNotice = db.prepare(/* sql */ `
    UPDATE notices SET effective_json = @effective, header = @header, organization = @organization, title = @title,
      disclosure_date = @disclosureDate, casebook_id = @casebookId, sector = @sector,
      affected_count = @affectedCount, kind = @kind
    WHERE id = @id`);
  const clearTypes = db.prepare('DELETE FROM notice_types WHERE notice_id = ?');
  const insertType = db.prepare('INSERT INTO notice_types (notice_id, position, type) VALUES (?, ?, ?)');
  const upsertRecord = db.prepare(/* sql */ `
    INSERT INTO records (notice_id, record_json, extractor_version, created_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (notice_id, extractor_version) DO UPDATE SET record_json = excluded.record_json, created_at = excluded.created_at`);
  const selectCandidates = db.prepare<[number, number], { id: number; text: string; extractor_version: string }>(/* sql */ `
    SELECT n.id, n.text, r.extractor_version
    FROM notices n JOIN records r ON r.id = (SELECT max(id) FROM records WHERE notice_id = n.id)
    WHERE n.id > ? ORDER BY n.id LIMIT ?`);

  /** Lays the notice's live corrections over its latest machine record and stores the result. */
  function refreshNotice(noticeId: number): Correction[] {
    const machine = latestMachine.get(noticeId);
    if (!machine) throw new JikenboError('internal', `notice N${noticeId} has no machine record`);
    const corrections = selectFor.all('notice', noticeId).map(toCorrection);
    const { record, corrected } = applyCorrections(JSON.parse(machine.record_json) as IncidentRecord, corrections);
    updateNotice.run({
      id: noticeId,
      effective: Object.keys(corrected).length > 0 ? JSON.stringify(record) : null,
      header: record.header, organization: record.organization, title: record.title,
      disclosureDate: record.disclosure_date, casebookId: record.casebook_id, sector: record.sector,
      affectedCount: record.affected_count, kind: record.kind,
    });
    clearTypes.run(noticeId);
    [...new Set(record.incident_types)].forEach((type, position) => insertType.run(noticeId, position, type));
    return corrections.filter((c) => c.revertedAt === null);
  }

  const add = db.transaction((input: CorrectionInput): Correction => {
    const exists = input.target === 'notice' ? noticeExists.get(input.targetId) : incidentExists.get(input.targetId);
    if (!exists) throw new JikenboError('not_found', `no ${input.target} #${input.targetId}`, { subject: String(input.targetId) });
    const id = Number(insert.run({
      target: input.target, targetId: input.targetId, field: input.field,
      oldJson: JSON.stringify(input.oldValue ?? null), newJson: JSON.stringify(input.newValue ?? null),
      by: checkBy(input.by), at: now().toISOString(), reason: input.reason ?? null,
    }).lastInsertRowid);
    if (input.target === 'notice') refreshNotice(input.targetId);
    const correction = toCorrection(selectOne.get(id)!);
    audit({
      actor: correction.by, action: 'correction.add', subject: `${input.target}:${input.targetId}`,
      before: { field: input.field, value: correction.oldValue }, after: { field: input.field, value: correction.newValue, correction: id, ...(correction.reason ? { reason: correction.reason } : {}) },
    });
    return correction;
  });

  const revert = db.transaction((id: number, by: string): Correction => {
    const row = selectOne.get(id);
    if (!row) throw new JikenboError('not_found', `no correction #${id}`, { subject: String(id) });
    if (row.reverted_at !== null) throw new JikenboError('conflict', `correction #${id} was already reverted by ${row.reverted_by} at ${row.reverted_at}`);
    markReverted.run(checkBy(by), now().toISOString(), id);
    if (row.target === 'notice') refreshNotice(row.target_id);
    const correction = toCorrection(selectOne.get(id)!);
    audit({
      actor: correction.revertedBy!, action: 'correction.revert', subject: `${row.target}:${row.target_id}`,
      before: { field: row.field, value: correction.newValue, correction: id }, after: { field: row.field, value: correction.oldValue },
    });
    return correction;
  });

  const save = db.transaction((noticeId: number, recordJson: string, version: string, by: string): Correction[] => {
    if (!noticeExists.get(noticeId)) throw new JikenboError('not_found', `no notice N${noticeId}`);
    const before = latestMachine.get(noticeId);
    upsertRecord.run(noticeId, recordJson, version, now().toISOString());
    audit({
      actor: by, action: 'record.reextract', subject: `notice:${noticeId}`,
      before: before ? JSON.parse(before.record_json) : null, after: { ...JSON.parse(recordJson), extractor_version: version },
    });
    return refreshNotice(noticeId);
  });

  return {
    async addCorrection(input) {
      return add.immediate(input);
    },
    async revertCorrection(id, by) {
      return revert.immediate(id, by);
    },
    async listCorrections(target, targetId) {
      return selectFor.all(target, targetId).map(toCorrection);
    },
    async listAllCorrections(target) {
      const byTarget = new Map<number, Correction[]>();
      for (const row of selectAllFor.all(target)) {
        const list = byTarget.get(row.target_id) ?? byTarget.set(row.target_id, []).get(row.target_id)!;
        list.push(toCorrection(row));
      }
      return byTarget;
    },
    async listNoticesForReextraction({ afterId, limit }) {
      return selectCandidates.all(afterId, limit).map((r) => ({ id: r.id, text: r.text, extractorVersion: r.extractor_version }));
    },
    async saveMachineRecord(noticeId, record, extractorVersion, by = SYSTEM_ACTOR) {
      return save.immediate(noticeId, JSON.stringify(record), extractorVersion, by);
    },
  };
}
