// The publication_marks row both engines read, and its mapping to a PublicationMark.
import { JikenboError } from '../../core/errors.ts';
import type { PublicationMark, PublicationMarkInput } from '../../core/publication.ts';

export interface PublicationRow {
  id: number;
  incident_id: number;
  publishable: number;
  notice_ids: string;
  decided_by: string;
  decided_at: string;
  reason: string | null;
}

export const toPublicationMark = (row: PublicationRow): PublicationMark => ({
  id: Number(row.id),
  incidentId: Number(row.incident_id),
  publishable: Number(row.publishable) === 1,
  noticeIds: (JSON.parse(row.notice_ids) as number[]).map(Number),
  by: row.decided_by,
  at: row.decided_at,
  reason: row.reason,
});

/** The values stored for a mark: the trimmed name (a blank one is refused), the notices sorted, the reason or null. */
export function publicationValues(input: PublicationMarkInput): { by: string; noticeIds: string; reason: string | null; publishable: number } {
  const by = input.by.trim();
  if (!by) throw new JikenboError('bad_input', 'a publication mark needs the name of who made it', { subject: 'by' });
  const reason = input.reason?.trim() || null;
  if (reason !== null && reason.length > 500) throw new JikenboError('bad_input', 'reason: at most 500 characters', { subject: 'reason' });
  const ids = [...new Set(input.noticeIds)].sort((a, b) => a - b);
  return { by, noticeIds: JSON.stringify(ids), reason, publishable: input.publishable ? 1 : 0 };
}

export const publicationAudit = (mark: PublicationMark, before: PublicationMark | undefined) => ({
  actor: mark.by,
  action: mark.publishable ? 'publication.mark' as const : 'publication.unmark' as const,
  subject: `incident:${mark.incidentId}`,
  before: before ? { publishable: before.publishable, mark: before.id } : null,
  after: { publishable: mark.publishable, mark: mark.id, notices: mark.noticeIds, ...(mark.reason ? { reason: mark.reason } : {}) },
});
