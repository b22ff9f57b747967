// The manual_links row both engines read, and its mapping to a ManualDecision (written once for both).

import { JikenboError } from '../../core/errors.ts';
import type { ManualDecision } from '../store.ts';

export interface DecisionRow {
  id: number;
  action: 'link' | 'unlink';
  notice_id: number;
  other_notice_id: number | null;
  decided_by: string;
  decided_at: string;
}

export const toDecision = (row: DecisionRow): ManualDecision => ({
  id: row.id, action: row.action, noticeId: row.notice_id, otherNoticeId: row.other_notice_id, by: row.decided_by, at: row.decided_at,
});

/** The trimmed name of who made a link decision; a blank one is refused. */
export function checkDecisionBy(by: string): string {
  const trimmed = by.trim();
  if (trimmed === '') throw new JikenboError('bad_input', 'a decision needs the name of who made it', { subject: 'by' });
  return trimmed;
}
