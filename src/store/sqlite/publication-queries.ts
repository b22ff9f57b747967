// SQLite side of publication marks (core/publication.ts): a person's decision per incident, appended
// with its audit line in one IMMEDIATE transaction; the latest of an incident is in force.
import type Database from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';
import type { PublicationMark, PublicationMarkInput } from '../../core/publication.ts';
import type { PublicationStore } from '../ports.ts';
import { publicationAudit, publicationValues, toPublicationMark, type PublicationRow } from '../rows/publication-row.ts';
import type { AuditWriter } from './account-queries.ts';

export function publicationQueries(db: Database.Database, now: () => Date, audit: AuditWriter): PublicationStore {
  const incidentExists = db.prepare<[number], { id: number }>('SELECT id FROM incidents WHERE id = ?');
  const insert = db.prepare(/* sql */ `
    INSERT INTO publication_marks (incident_id, publishable, notice_ids, decided_by, decided_at, reason)
    VALUES (@incidentId, @publishable, @noticeIds, @by, @at, @reason)`);
  const selectOne = db.prepare<[number], PublicationRow>('SELECT * FROM publication_marks WHERE id = ?');
  const selectFor = db.prepare<[number], PublicationRow>('SELECT * FROM publication_marks WHERE incident_id = ? ORDER BY id');
  const selectLatestFor = db.prepare<[number], PublicationRow>('SELECT * FROM publication_marks WHERE incident_id = ? ORDER BY id DESC LIMIT 1');
  const selectCurrent = db.prepare<[], PublicationRow>(/* sql */ `
    SELECT * FROM publication_marks WHERE id IN (SELECT max(id) FROM publication_marks GROUP BY incident_id)`);

  const mark = db.transaction((input: PublicationMarkInput): PublicationMark => {
    const v = publicationValues(input);
    if (!Number.isSafeInteger(input.incidentId) || !incidentExists.get(input.incidentId)) {
      throw new JikenboError('not_found', `no incident with id ${input.incidentId}`, { subject: String(input.incidentId) });
    }
    const before = selectLatestFor.get(input.incidentId);
    const id = Number(insert.run({ incidentId: input.incidentId, ...v, at: now().toISOString() }).lastInsertRowid);
    const stored = toPublicationMark(selectOne.get(id)!);
    audit(publicationAudit(stored, before ? toPublicationMark(before) : undefined));
    return stored;
  });

  return {
    async markPublication(input) {
      return mark.immediate(input);
    },
    async listPublicationMarks(incidentId) {
      return selectFor.all(incidentId).map(toPublicationMark);
    },
    async currentPublicationMarks() {
      return new Map(selectCurrent.all().map((row) => [Number(row.incident_id), toPublicationMark(row)]));
    },
  };
}
