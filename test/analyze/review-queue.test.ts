// The review queue's weighing on hand-made incidents: low confidence, a value another notice changed
// in the merge, a leak-site claim, a duty flag; the state of each value (confirmed, corrected, or not
// looked at) and that one settled value leaves the others waiting.
import { describe, expect, it } from 'vitest';
import { fieldReviews, reviewCounts, type ReviewInput } from '../../src/analyze/review-queue.ts';
import { mergeIncident } from '../../src/analyze/merge-incident.ts';
import type { Correction } from '../../src/core/corrections.ts';
import type { IncidentRecord } from '../../src/core/record.ts';

function record(fields: Partial<IncidentRecord>): IncidentRecord {
  return {
    header: '', casebook_id: null, kind: 'incident', organization: null, title: null, disclosure_date: null, incident_types: [],
    affected_count: null, data_types: [], sector: null, reported_to_ppc: false, reported_to_police: false, contractor_involved: false,
    attacker: null, discovery: null, occurred_date: null, discovered_date: null, evidence: {}, ...fields,
  };
}

const correction = (id: number, field: Correction['field'], oldValue: Correction['oldValue'], newValue: Correction['newValue']): Correction =>
  ({ id, field, oldValue, newValue, by: 'sato', at: `2024-10-0${id}T00:00:00Z`, reason: oldValue === newValue ? null : '本文による', revertedAt: null, revertedBy: null });

function input(members: { noticeId: number; record: IncidentRecord }[], extra: Partial<ReviewInput> = {}): ReviewInput {
  const withLinks = members.map((m) => ({ ...m, links: [] }));
  return { merged: mergeIncident(withLinks), members: withLinks, incidentCorrections: [], noticeCorrections: new Map(), hasClaims: false, dutyFlag: false, ...extra };
}

const first = record({ organization: 'みなみ商会', disclosure_date: '2024-05-01', affected_count: 34000, sector: 'retail', incident_types: ['unauthorized_access'],
  confidence: { organization: 'high', disclosure_date: 'high', affected_count: 'high', sector: 'low', incident_types: 'high' } });
const second = record({ organization: 'みなみ商会', disclosure_date: '2024-06-01', affected_count: 350,
  confidence: { organization: 'high', disclosure_date: 'high', affected_count: 'medium' } });

describe('what a value needs', () => {
  it('weighs low confidence and a value another notice changed in the merge', () => {
    const reviews = fieldReviews(input([{ noticeId: 1, record: first }, { noticeId: 2, record: second }]));
    const of = (f: string) => reviews.find((r) => r.field === f)!;
    expect(of('sector')).toMatchObject({ state: 'unreviewed', reasons: ['low_confidence'], score: 4 });
    // 34,000 became 350 with the second notice, read at medium confidence.
    expect(of('affected_count')).toMatchObject({ value: 350, reasons: ['medium_confidence', 'changed_by_merge'], score: 4 });
    expect(of('organization')).toMatchObject({ reasons: [], score: 0 });
    // Values no notice states are not queued.
    expect(reviews.map((r) => r.field)).not.toContain('attacker');
  });

  it('adds a claim to the values a claim speaks to, and a duty flag to the values the duty rests on', () => {
    const reviews = fieldReviews(input([{ noticeId: 1, record: first }], { hasClaims: true, dutyFlag: true }));
    const of = (f: string) => reviews.find((r) => r.field === f)!;
    expect(of('incident_types').reasons).toEqual(['claim', 'duty']);
    expect(of('sector').reasons).toEqual(['low_confidence', 'duty']);
    expect(of('disclosure_date').reasons).toEqual([]);
  });
});

describe('review state per value', () => {
  it('settles the value a person confirmed or corrected, and only that one', () => {
    const reviews = fieldReviews(input([{ noticeId: 1, record: first }], {
      incidentCorrections: [correction(1, 'sector', 'retail', 'retail')],
      noticeCorrections: new Map([[1, [correction(2, 'affected_count', 34000, 340)]]]),
    }));
    const of = (f: string) => reviews.find((r) => r.field === f)!;
    expect(of('sector')).toMatchObject({ state: 'confirmed', reasons: [], score: 0, correction: { by: 'sato' } });
    expect(of('affected_count')).toMatchObject({ state: 'corrected', correction: { reason: '本文による' } });
    expect(of('organization').state).toBe('unreviewed');
    expect(reviewCounts(reviews)).toEqual({ confirmed: 1, corrected: 1, of: 5 });
  });

  it('does not count a reverted correction', () => {
    const reverted = { ...correction(1, 'sector', 'retail', 'retail'), revertedAt: '2024-10-05T00:00:00Z', revertedBy: 'suzuki' };
    const reviews = fieldReviews(input([{ noticeId: 1, record: first }], { incidentCorrections: [reverted] }));
    expect(reviews.find((r) => r.field === 'sector')!.state).toBe('unreviewed');
  });

  it('needs a person\'s word on every notice a merged list comes from', () => {
    const a = record({ disclosure_date: '2024-05-01', data_types: ['name'] });
    const b = record({ disclosure_date: '2024-06-01', data_types: ['email'] });
    const one = new Map([[1, [correction(1, 'data_types', ['name'], ['name'])]]]);
    expect(fieldReviews(input([{ noticeId: 1, record: a }, { noticeId: 2, record: b }], { noticeCorrections: one })).find((r) => r.field === 'data_types')!.state).toBe('unreviewed');
    const both = new Map([...one, [2, [correction(2, 'data_types', ['email'], ['email'])]]]);
    expect(fieldReviews(input([{ noticeId: 1, record: a }, { noticeId: 2, record: b }], { noticeCorrections: both })).find((r) => r.field === 'data_types')!.state).toBe('confirmed');
  });
});
