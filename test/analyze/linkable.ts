// Fictional notices for the linking tests: every organisation, number and text here is invented.

import type { IncidentRecord } from '../../src/core/record.ts';
import type { IncidentSnapshot, LinkableNotice, ManualDecision } from '../../src/store/store.ts';
import { makeRecord } from '../store/fixtures.ts';

export function notice(id: number, text: string, record: Partial<IncidentRecord>, ingestedAt = '2024-12-01T00:00:00.000Z'): LinkableNotice {
  const header = text.split('\n', 1)[0]!;
  return { id, text, record: makeRecord({ header, title: header, ...record }), ingestedAt };
}

export function snapshot(notices: LinkableNotice[], extra: Partial<IncidentSnapshot> = {}): IncidentSnapshot {
  return { basis: 'test', notices, decisions: [], incidents: [], counters: new Map(), ...extra };
}

let decisionId = 0;
export function decision(action: 'link' | 'unlink', noticeId: number, otherNoticeId: number | null = null): ManualDecision {
  return { id: ++decisionId, action, noticeId, otherNoticeId, by: 'tester', at: '2024-12-02T00:00:00.000Z' };
}

export const FIRST_NOTICE = notice(1, `ランサムウェア被害に関するお知らせ
2024年9月12日
株式会社みなと精機
2024年9月3日、当社のファイルサーバーがランサムウェアにより暗号化されました。現在、外部の専門家とともに調査を進めております。`, {
  organization: '株式会社みなと精機', disclosure_date: '2024-09-12', occurred_date: '2024-09-03',
  incident_types: ['ransomware', 'unauthorized_access'], affected_count: null, sector: 'manufacturing',
});

export const SECOND_REPORT = notice(2, `ランサムウェア被害に関するお知らせ(第2報)
2024年10月25日
株式会社みなと精機
2024年9月12日にお知らせいたしました当社サーバーへの不正アクセスについて、調査の結果、取引先情報約1万2千件が流出した可能性があることが判明しました。`, {
  organization: '株式会社みなと精機', disclosure_date: '2024-10-25', occurred_date: '2024-09-03',
  incident_types: ['unauthorized_access'], affected_count: 12000, reported_to_ppc: true,
});
