// Publication marks (core/publication.ts), on both engines: a person's decision per incident, appended
// with its audit line in one transaction; the latest of an incident is in force. The mark locks its
// incident's row on PostgreSQL, so two servers marking one incident at once append in a clear order.

import { JikenboError } from '../../core/errors.ts';
import type { PublicationStore } from '../ports.ts';
import { publicationAudit, publicationValues, toPublicationMark, type PublicationRow } from '../rows/publication-row.ts';
import { all, get, isRowId, type SqlEngine } from '../sql/sql.ts';
import { writeAudit } from './audit.ts';

export function publicationQueries(engine: SqlEngine, now: () => Date): PublicationStore {
  const lockedIncident = `SELECT id FROM incidents WHERE id = @id ${engine.dialect.lockRows('NO KEY UPDATE')}`;
  return {
    async markPublication(input) {
      const v = publicationValues(input);
      return engine.transaction(function* () {
        const exists = isRowId(input.incidentId) && (yield* get(lockedIncident, { id: input.incidentId })) !== undefined;
        if (!exists) throw new JikenboError('not_found', `no incident with id ${input.incidentId}`, { subject: String(input.incidentId) });
        const before = yield* get<PublicationRow>('SELECT * FROM publication_marks WHERE incident_id = @id ORDER BY id DESC LIMIT 1', { id: input.incidentId });
        const row = yield* get<PublicationRow>(/* sql */ `
          INSERT INTO publication_marks (incident_id, publishable, notice_ids, decided_by, decided_at, reason)
          VALUES (@incidentId, @publishable, @noticeIds, @by, @at, @reason) RETURNING *`,
        { incidentId: input.incidentId, ...v, at: now().toISOString() });
        const stored = toPublicationMark(row!);
        yield* writeAudit(publicationAudit(stored, before ? toPublicationMark(before) : undefined), now);
        return stored;
      });
    },
    async listPublicationMarks(incidentId) {
      if (!isRowId(incidentId)) return [];
      return engine.each(function* () {
        return (yield* all<PublicationRow>('SELECT * FROM publication_marks WHERE incident_id = @id ORDER BY id', { id: incidentId })).map(toPublicationMark);
      });
    },
    async currentPublicationMarks() {
      return engine.each(function* () {
        const latest = yield* all<PublicationRow>(/* sql */ `
          SELECT * FROM publication_marks WHERE id IN (SELECT max(id) FROM publication_marks GROUP BY incident_id) ORDER BY incident_id`);
        return new Map(latest.map((row) => [Number(row.incident_id), toPublicationMark(row)]));
      });
    },
  };
}
