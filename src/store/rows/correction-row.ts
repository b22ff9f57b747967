// The corrections row both engines read, and its mapping to a Correction.

import type { Correction } from '../../core/corrections.ts';
import { JikenboError } from '../../core/errors.ts';
import type { RecordKey } from '../../core/record.ts';
import type { CorrectionTarget } from '../store.ts';

export interface CorrectionRow {
  id: number;
  target: CorrectionTarget;
  target_id: number;
  field: string;
  old_json: string;
  new_json: string;
  decided_by: string;
  decided_at: string;
  reverted_by: string | null;
  reverted_at: string | null;
  /** Absent on a database not yet at schema version 12. */
  reason?: string | null;
}

export const toCorrection = (row: CorrectionRow): Correction => ({
  id: row.id,
  field: row.field as RecordKey,
  oldValue: JSON.parse(row.old_json) as Correction['oldValue'],
  newValue: JSON.parse(row.new_json) as Correction['newValue'],
  by: row.decided_by,
  at: row.decided_at,
  reason: row.reason ?? null,
  revertedAt: row.reverted_at,
  revertedBy: row.reverted_by,
});

/** The trimmed name of who made or reverted a correction; a blank one is refused. */
export function checkCorrectionBy(by: string): string {
  const name = by.trim();
  if (!name) throw new JikenboError('bad_input', 'a correction needs the name of who made it', { subject: 'by' });
  return name;
}
