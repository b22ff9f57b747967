// The review use cases: a person corrects or confirms a value of a notice or an incident, or takes a
// correction back. Shared by the CLI and (later) the web page.
import { isMergedField } from '../analyze/merge-incident.ts';
import { sameValue, type Correction } from '../core/corrections.ts';
import { JikenboError } from '../core/errors.ts';
import { noticeLabel } from '../core/public-id.ts';
import type { CorrectionTarget } from '../store/store.ts';
import type { Store } from '../store/ports.ts';
import { parseFieldValue } from './field-value.ts';
import { getMergedIncident } from './incidents.ts';
import { drainGrouping } from './regroup.ts';
import type { RegroupOptions } from './regroup.ts';

export interface ReviewInput {
  target: CorrectionTarget;
  id: number;
  field: string;
  /** The value as the person typed it; parsed by the field's type. */
  value: string;
  by: string;
  /** Why: needed for every change of a value, optional when confirming the value already there. */
  reason?: string | null;
}

export const MAX_REASON = 500;

/** The trimmed reason, or null; a change without one, or one too long, is refused naming `reason`. */
export function checkReason(reason: string | null | undefined, changes: boolean): string | null {
  const r = reason?.trim() ?? '';
  if (r.length > MAX_REASON) throw new JikenboError('bad_input', `reason: at most ${MAX_REASON} characters`, { subject: 'reason', key: 'error.reason_too_long', params: { max: String(MAX_REASON) } });
  if (r === '' && changes) throw new JikenboError('bad_input', 'reason: a correction needs a reason (what the notice says, or why the machine\'s value is wrong)', { subject: 'reason', key: 'error.reason_needed' });
  return r === '' ? null : r;
}

/**
 * Stores the person's value beside the machine's. Typing the value already there confirms it: it is
 * stored the same way, so a later machine reading that differs shows up as a disagreement.
 */
export async function correctValue(store: Store, input: ReviewInput, grouping: RegroupOptions = {}): Promise<Correction> {
  const { field, value } = parseFieldValue(input.field, input.value);
  let oldValue;
  if (input.target === 'notice') {
    const notice = await store.getNotice(input.id);
    if (!notice) throw new JikenboError('not_found', `no notice ${noticeLabel(input.id)}`, { subject: String(input.id) });
    oldValue = notice.record[field];
  } else {
    if (!isMergedField(field)) {
      throw new JikenboError('bad_input', `an incident's ${field} is not merged from its notices; correct it on a notice`, { subject: field });
    }
    const incident = await getMergedIncident(store, input.id);
    if (!incident) throw new JikenboError('not_found', `no incident with id ${input.id}`, { subject: String(input.id) });
    oldValue = incident.merged[field].value;
  }
  const reason = checkReason(input.reason, !sameValue(oldValue, value));
  const correction = await store.addCorrection({ target: input.target, targetId: input.id, field, oldValue, newValue: value, by: input.by, reason });
  // A notice's corrected organisation, dates or kind can change which incident it belongs to.
  if (input.target === 'notice') await drainGrouping(store, grouping);
  return correction;
}

export async function revertCorrection(store: Store, correctionId: number, by: string): Promise<Correction> {
  const correction = await store.revertCorrection(correctionId, by);
  await drainGrouping(store);
  return correction;
}
