import { describe, expect, it } from 'vitest';
import { mergeIncident } from '../../src/analyze/merge-incident.ts';
import { makeRecord } from '../store/fixtures.ts';

describe('mergeIncident', () => {
  const first = {
    noticeId: 10, links: [],
    record: makeRecord({
      organization: '株式会社みなと精機', title: 'ランサムウェア被害に関するお知らせ', disclosure_date: '2024-09-12',
      occurred_date: '2024-09-03', incident_types: ['ransomware'], data_types: ['name'], affected_count: 500,
      sector: 'manufacturing', attacker: null,
    }),
  };
  const second = {
    noticeId: 11, links: [],
    record: makeRecord({
      organization: '株式会社みなと精機', title: 'ランサムウェア被害に関するお知らせ(第2報)', disclosure_date: '2024-10-25',
      occurred_date: '2024-09-01', discovered_date: '2024-09-04', incident_types: ['unauthorized_access', 'ransomware'],
      data_types: ['name', 'email'], affected_count: 12000, reported_to_ppc: true, attacker: 'LockBit', sector: 'it',
    }),
  };
  // Ingested first but disclosed last: order is by disclosure date, not ingest.
  const third = {
    noticeId: 5, links: [],
    record: makeRecord({ organization: 'みなと精機', title: '最終報告', disclosure_date: '2025-01-20', affected_count: null, sector: 'manufacturing' }),
  };

  it('applies each field\'s rule and names the notice each value came from', () => {
    const m = mergeIncident([third, second, first]);
    expect(m.title).toEqual({ value: 'ランサムウェア被害に関するお知らせ', rule: 'earliest', noticeId: 10, noticeIds: [10] });
    expect(m.organization).toMatchObject({ value: '株式会社みなと精機', noticeId: 10 });
    expect(m.organizations).toEqual(['株式会社みなと精機', 'みなと精機']);
    expect(m.disclosure_date).toMatchObject({ value: '2024-09-12', noticeId: 10, rule: 'earliest_date' });
    expect(m.occurred_date).toMatchObject({ value: '2024-09-01', noticeId: 11 });
    expect(m.discovered_date).toMatchObject({ value: '2024-09-04', noticeId: 11 });
    // The latest notice states no count, so the latest stated count wins.
    expect(m.affected_count).toMatchObject({ value: 12000, noticeId: 11, rule: 'latest_stated' });
    expect(m.incident_types).toEqual({ value: ['ransomware', 'unauthorized_access'], rule: 'union', noticeId: 10, noticeIds: [10, 11] });
    expect(m.data_types.value).toEqual(['name', 'email']);
    expect(m.reported_to_ppc).toEqual({ value: true, rule: 'any_true', noticeId: 11, noticeIds: [11] });
    expect(m.reported_to_police).toEqual({ value: false, rule: 'any_true', noticeId: null, noticeIds: [] });
    expect(m.attacker).toMatchObject({ value: 'LockBit', noticeId: 11 });
    expect(m.sector).toMatchObject({ value: 'manufacturing', noticeId: 10, noticeIds: [10, 5] });
  });

  it('takes the organisation from the client\'s notice where a contractor link names the client', () => {
    const contractor = { noticeId: 1, links: [], record: makeRecord({ organization: '株式会社あさひデータサービス', disclosure_date: '2024-04-05' }) };
    const client = {
      noticeId: 2, record: makeRecord({ organization: 'さくら生命保険株式会社', disclosure_date: '2024-04-10' }),
      links: [{ rule: 'client_contractor' as const, evidence: '委託先である株式会社あさひデータサービス', notices: [1, 2] as [number, number], client: 2 }],
    };
    const m = mergeIncident([contractor, client]);
    expect(m.organization).toMatchObject({ value: 'さくら生命保険株式会社', noticeId: 2, rule: 'client_else_earliest' });
    expect(m.title.noticeId).toBe(1);
  });
});
