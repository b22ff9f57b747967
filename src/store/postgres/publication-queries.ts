// PostgreSQL side of publication marks, as sqlite/publication-queries.ts. Named difference: the mark
// locks its incident's row, so two servers marking one incident at once append in a clear order.
import { JikenboError } from '../../core/errors.ts';
import type { PublicationStore } from '../ports.ts';
import { publicationAudit, publicationValues, toPublicationMark, type PublicationRow } from '../rows/publication-row.ts';
import { writeAudit } from './account-queries.ts';
import { inTransaction, isRowId, one, rows, type Pool } from './pg-database.ts';

export function publicationQueries(pool: Pool, now: () => Date): PublicationStore {
  return {
    async markPublication(input) {
      const v = publicationValues(input);
      return inTransaction(pool, async (client) => {
        const exists = isRowId(input.incidentId)
          && (await one(client, 'SELECT id FROM incidents WHERE id = $1 FOR NO KEY UPDATE', [input.incidentId])) !== undefined;
        if (!exists) throw new JikenboError('not_found', `no incident with id ${input.incidentId}`, { subject: String(input.incidentId) });
        const before = await one<PublicationRow>(client, 'SELECT * FROM publication_marks WHERE incident_id = $1 ORDER BY id DESC LIMIT 1', [input.incidentId]);
        const row = await one<PublicationRow>(client, /* sql */ `
          INSERT INTO publication_marks (incident_id, publishable, notice_ids, decided_by, decided_at, reason)
          VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`, [input.incidentId, v.publishable, v.noticeIds, v.by, now().toISOString(), v.reason]);
        const stored = toPublicationMark(row!);
        await writeAudit(client, publicationAudit(stored, before ? toPublicationMark(before) : undefined), now);
        return stored;
      });
    },
    async listPublicationMarks(incidentId) {
      if (!isRowId(incidentId)) return [];
      return (await rows<PublicationRow>(pool, 'SELECT * FROM publication_marks WHERE incident_id = $1 ORDER BY id', [incidentId])).map(toPublicationMark);
    },
    async currentPublicationMarks() {
      const all = await rows<PublicationRow>(pool, /* sql */ `
        SELECT DISTINCT ON (incident_id) * FROM publication_marks ORDER BY incident_id, id DESC`);
      return new Map(all.map((row) => [Number(row.incident_id), toPublicationMark(row)]));
    },
  };
}
