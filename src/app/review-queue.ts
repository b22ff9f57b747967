// The review queue: every unreviewed value of the incidents in scope, most in need of a person first
// (analyze/review-queue.ts weighs low confidence, merge changes, leak-site claims and duty flags), and
// how many values people have confirmed or corrected so far.
import { fieldReviews, type FieldReview } from '../analyze/review-queue.ts';
import type { FactRow } from '../analyze/stats/fact-row.ts';
import { isImportedDataset } from '../core/dataset.ts';
import type { Store } from '../store/ports.ts';
import { checkDuty } from './duty-check.ts';
import { withMerged } from './incidents.ts';

export interface QueueItem extends FieldReview {
  incidentId: number;
  number: string | null;
  organization: string | null;
  disclosureDate: string | null;
  /** One of the incident's notices: the review forms are anchored on one. */
  noticeId: number;
}

export interface ReviewQueue {
  /** The first `limit` unreviewed values, highest need first. */
  items: QueueItem[];
  /** Unreviewed values in scope, of which `items` is the head. */
  waiting: number;
  /** Values in scope a person confirmed / corrected, of all stated values. */
  confirmed: number;
  corrected: number;
  values: number;
}

/** Incidents read per step: one step's members are alive at a time. */
const STEP = 100;

const byNeed = (a: QueueItem, b: QueueItem) =>
  b.score - a.score || (b.disclosureDate ?? '').localeCompare(a.disclosureDate ?? '') || a.incidentId - b.incidentId || a.field.localeCompare(b.field);

export async function reviewQueue(store: Store, rows: readonly FactRow[], limit = 50): Promise<ReviewQueue> {
  const [incidentCorrections, noticeCorrections, claimLinks, duty] = await Promise.all([
    store.listAllCorrections('incident'), store.listAllCorrections('notice'), store.listClaimLinks(),
    // Duty flags are for the Japanese notices' incidents only: an imported incident owes no report here.
    checkDuty(store, rows.filter((r) => !isImportedDataset(r.dataset))),
  ]);
  const withClaims = new Set(claimLinks.map((l) => l.incidentId));
  const flagged = new Set([...duty.unmentioned, ...duty.doubtful].map((a) => a.incidentId));
  const out: ReviewQueue = { items: [], waiting: 0, confirmed: 0, corrected: 0, values: 0 };
  for (let i = 0; i < rows.length; i += STEP) {
    const step = rows.slice(i, i + STEP);
    const incidents = await Promise.all(step.map((r) => store.getIncident(r.id)));
    step.forEach((row, k) => {
      const stored = incidents[k];
      if (!stored) return;
      const incident = withMerged(stored, incidentCorrections.get(row.id) ?? []);
      const reviews = fieldReviews({
        merged: incident.merged, members: incident.members, incidentCorrections: incident.corrections, noticeCorrections,
        hasClaims: withClaims.has(row.id), dutyFlag: flagged.has(row.id),
      });
      for (const r of reviews) {
        out.values++;
        if (r.state === 'confirmed') out.confirmed++;
        else if (r.state === 'corrected') out.corrected++;
        else {
          out.waiting++;
          out.items.push({ ...r, incidentId: row.id, number: row.number, organization: row.organization, disclosureDate: row.disclosureDate, noticeId: row.noticeIds[0] ?? 0 });
        }
      }
    });
    // Only the head is kept: the queue of a large casebook never holds every value.
    out.items.sort(byNeed);
    out.items.length = Math.min(out.items.length, limit);
  }
  return out;
}
