// The labelled grouping set (eval/grouping) grouped as the store groups: the pairwise figures stay at the targets.
import { describe, expect, it } from 'vitest';
import { TARGET_PRECISION, TARGET_RECALL, loadGroupingSet, scoreGroupingSet } from '../../bench/grouping-set.ts';

describe('grouping set', () => {
  const score = scoreGroupingSet();

  it('reads every labelled notice, one post each, in the incidents the labels make', () => {
    const { files, labelOf } = loadGroupingSet();
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(score.notices).toBe(files.length);
    expect(score.labelledIncidents).toBe(new Set(labelOf.values()).size);
    // Enough linked pairs, of every rule, for the figures to mean something.
    expect(score.truePairs).toBeGreaterThanOrEqual(20);
    expect(Object.keys(score.linksByRule).sort()).toEqual(['client_contractor', 'follow_up', 'near_duplicate', 'same_casebook_number', 'same_event']);
  });

  it(`keeps pairwise precision at ${TARGET_PRECISION} and recall at ${TARGET_RECALL} or above`, () => {
    expect(score.falseMerges.map((p) => `${p.files.join(' + ')}: ${p.path.map((l) => `${l.rule} ${l.evidence}`).join('; ')}`)).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(TARGET_PRECISION);
    expect(score.recall).toBeGreaterThanOrEqual(TARGET_RECALL);
  });
});
