// What a person should look at first: each merged value of an incident with its review state (a
// person confirmed it, corrected it, or nobody looked) and why it may need a person — a low-confidence
// reading, a value another notice changed in the merge, a leak-site claim on the incident, a reporting-
// duty flag. Confidence alone says little (most values read 高), so the other signs weigh as much.
import { sameValue, type Correction } from '../core/corrections.ts';
import type { Confidence, IncidentRecord } from '../core/record.ts';
import { mergedChangesByNotice } from './merge-changes.ts';
import { MERGE_RULES, type MergedField, type MergedRecord, type MergeInput, type Provenance } from './merge-incident.ts';

export type FieldReviewState = 'unreviewed' | 'confirmed' | 'corrected';
export type NeedReason = 'low_confidence' | 'medium_confidence' | 'changed_by_merge' | 'claim' | 'duty';

/** How much each sign adds to a value's need of a person. */
export const NEED_WEIGHTS: Record<NeedReason, number> = {
  low_confidence: 4, changed_by_merge: 3, duty: 3, claim: 2, medium_confidence: 1,
};

/** The values a reporting-duty flag rests on (analyze/reporting-duty.ts reads them). */
const DUTY_FIELDS: ReadonlySet<MergedField> = new Set(['organization', 'sector', 'incident_types', 'data_types', 'affected_count', 'reported_to_ppc', 'discovered_date']);
/** The values a leak-site claim speaks to. */
const CLAIM_FIELDS: ReadonlySet<MergedField> = new Set(['organization', 'incident_types', 'data_types', 'affected_count', 'attacker']);

export const REVIEW_FIELDS = Object.keys(MERGE_RULES) as MergedField[];

export interface FieldReview {
  field: MergedField;
  value: unknown;
  state: FieldReviewState;
  /** The correction that settled it (confirmed or corrected), with who, when and why. */
  correction: Correction | null;
  reasons: NeedReason[];
  /** The sum of the reasons' weights: higher first in the queue. */
  score: number;
}

export interface ReviewInput {
  merged: MergedRecord;
  members: readonly (MergeInput & { record: Pick<IncidentRecord, 'confidence'> })[];
  /** Corrections of the incident itself, reverted ones included. */
  incidentCorrections: readonly Correction[];
  /** Each member notice's corrections, reverted ones included. */
  noticeCorrections: ReadonlyMap<number, readonly Correction[]>;
  hasClaims: boolean;
  /** The duty check lists the incident (reportable and no report mentioned, or doubtful). */
  dutyFlag: boolean;
}

/** A value is stated when a notice or a person gives it: not null, not empty, not false. */
export function isStated(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
}

function latestLive(list: readonly Correction[] | undefined, field: MergedField): Correction | null {
  const live = (list ?? []).filter((c) => c.field === field && c.revertedAt === null);
  return live.sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id).at(-1) ?? null;
}

const CONFIDENCE_ORDER: Confidence[] = ['low', 'medium', 'high'];

/** Every merged field that has a value (or that a person set), with its state and its need of a person. */
export function fieldReviews(input: ReviewInput): FieldReview[] {
  const changed = new Set([...mergedChangesByNotice(input.members).values()].flat().map((c) => c.field));
  const byNotice = new Map(input.members.map((m) => [m.noticeId, m]));
  const out: FieldReview[] = [];
  for (const field of REVIEW_FIELDS) {
    const prov = input.merged[field] as Provenance<unknown>;
    const incidentLevel = latestLive(input.incidentCorrections, field);
    if (!isStated(prov.value) && incidentLevel === null) continue;
    // The notices the value rests on: a person's word on each of them settles it too.
    const sources = prov.noticeIds.length ? prov.noticeIds : prov.noticeId !== null ? [prov.noticeId] : [];
    const noticeLevel = sources.map((id) => latestLive(input.noticeCorrections.get(id), field));
    const correction = incidentLevel ?? (sources.length > 0 && noticeLevel.every((c) => c !== null)
      ? noticeLevel.sort((a, b) => a!.at.localeCompare(b!.at)).at(-1)! : null);
    const state: FieldReviewState = correction === null ? 'unreviewed' : sameValue(correction.oldValue, correction.newValue) ? 'confirmed' : 'corrected';

    const reasons: NeedReason[] = [];
    if (state === 'unreviewed') {
      const confidences = sources.map((id) => byNotice.get(id)?.record.confidence?.[field]).filter((c): c is Confidence => c !== undefined);
      const lowest = confidences.sort((a, b) => CONFIDENCE_ORDER.indexOf(a) - CONFIDENCE_ORDER.indexOf(b))[0];
      if (lowest === 'low') reasons.push('low_confidence');
      if (lowest === 'medium') reasons.push('medium_confidence');
      if (changed.has(field)) reasons.push('changed_by_merge');
      if (input.hasClaims && CLAIM_FIELDS.has(field)) reasons.push('claim');
      if (input.dutyFlag && DUTY_FIELDS.has(field)) reasons.push('duty');
    }
    out.push({ field, value: prov.value, state, correction, reasons, score: reasons.reduce((s, r) => s + NEED_WEIGHTS[r], 0) });
  }
  return out;
}

/** How many of an incident's values a person confirmed or corrected, of how many. */
export function reviewCounts(reviews: readonly FieldReview[]): { confirmed: number; corrected: number; of: number } {
  return {
    confirmed: reviews.filter((r) => r.state === 'confirmed').length,
    corrected: reviews.filter((r) => r.state === 'corrected').length,
    of: reviews.length,
  };
}
