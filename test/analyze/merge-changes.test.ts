import { describe, expect, it } from 'vitest';
import { mergedChangesByNotice } from '../../src/analyze/merge-changes.ts';
import { makeRecord } from '../store/fixtures.ts';

describe('mergedChangesByNotice', () => {
  const park = { noticeId: 1, links: [], record: makeRecord({ organization: 'ひがしの公園協会', disclosure_date: '2024-11-20', affected_count: 34000, incident_types: ['unauthorized_access'] }) };
  const later = { noticeId: 2, links: [], record: makeRecord({ organization: '株式会社システム', disclosure_date: '2025-03-14', affected_count: 350, occurred_date: '2024-10-01', incident_types: ['ransomware'] }) };

  it('lists a later notice that overrides a value the others state (34,000 become 350), not what it only adds', () => {
    const changes = mergedChangesByNotice([later, park]);
    expect([...changes.keys()]).toEqual([2]);
    // The count is overridden; the occurrence date is only added (no other notice states one); types are a union.
    expect(changes.get(2)).toEqual([{ field: 'affected_count', without: 34000, with: 350 }]);
  });

  it('lists nothing for a notice alone, nor for a later notice that agrees', () => {
    expect(mergedChangesByNotice([park]).size).toBe(0);
    const agreeing = { ...later, record: makeRecord({ ...later.record, organization: 'ひがしの公園協会', affected_count: 34000, occurred_date: null }) };
    expect(mergedChangesByNotice([park, agreeing]).size).toBe(0);
  });
});
