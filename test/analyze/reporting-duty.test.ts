// Reporting conditions of 個人情報保護法 and the 速報/確報 due dates, worked out by hand.
import { describe, expect, it } from 'vitest';
import { addDays, assessDuty, conditionsOf, summarizeDuty, type DutyNotice } from '../../src/analyze/reporting-duty.ts';
import { CASEBOOK, fact } from './fact-rows.ts';

const conditions = (row: Parameters<typeof conditionsOf>[0]) => conditionsOf(row).map((c) => c.condition);

describe('due-date arithmetic', () => {
  it('adds days over month ends and leap years', () => {
    expect(addDays('2024-01-31', 30)).toBe('2024-03-01'); // leap year: 29 days of February
    expect(addDays('2023-01-31', 30)).toBe('2023-03-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // divisible by 100: no leap day
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29'); // divisible by 400: leap day
    expect(addDays('2024-12-15', 30)).toBe('2025-01-14');
    expect(addDays('2024-11-30', 60)).toBe('2025-01-29');
  });
});

describe('reporting conditions', () => {
  it('names 要配慮 (medical), financial harm (cards, accounts) and the count', () => {
    expect(conditions(fact(1, { dataTypes: ['name', 'medical'] }))).toEqual(['sensitive_data']);
    expect(conditions(fact(1, { dataTypes: ['bank_account'] }))).toEqual(['financial_harm']);
    expect(conditions(fact(1, { dataTypes: ['card_security_code'] }))).toEqual(['financial_harm']);
    expect(conditionsOf(fact(1, { dataTypes: ['name', 'credit_card'] }))[0]).toMatchObject({ label: '財産的被害のおそれ (第2号)', because: 'credit_card' });
    expect(conditions(fact(1, { dataTypes: ['name', 'email'], affectedCount: 1000 }))).toEqual([]);
    expect(conditions(fact(1, { dataTypes: ['name', 'email'], affectedCount: 1001 }))).toEqual(['many_people']);
  });

  it('counts passwords as financial harm only where the login can pay', () => {
    expect(conditions(fact(1, { dataTypes: ['login_id', 'password'], sector: 'ecommerce' }))).toEqual(['financial_harm']);
    expect(conditions(fact(1, { dataTypes: ['login_id', 'password'], sector: 'finance' }))).toEqual(['financial_harm']);
    expect(conditions(fact(1, { dataTypes: ['login_id', 'password'], sector: 'education' }))).toEqual([]);
  });

  it('sets the threshold for public bodies at more than 100', () => {
    expect(conditions(fact(1, { sector: 'government', affectedCount: 101 }))).toEqual(['many_people']);
    expect(conditions(fact(1, { sector: 'government', affectedCount: 100 }))).toEqual([]);
    expect(conditions(fact(1, { sector: 'education', affectedCount: 101 }))).toEqual([]);
  });

  it('reads attacks, insiders and theft as an unlawful purpose, mistakes not', () => {
    for (const t of ['ransomware', 'unauthorized_access', 'insider', 'theft', 'phishing'] as const) {
      expect(conditions(fact(1, { incidentTypes: [t] }))).toEqual(['unlawful_purpose']);
    }
    for (const t of ['misdelivery', 'misconfiguration', 'loss', 'ddos', 'outage'] as const) {
      expect(conditions(fact(1, { incidentTypes: [t] }))).toEqual([]);
    }
  });

  it('counts web skimming of entered data from 2024-04-01 on', () => {
    expect(conditions(fact(1, { incidentTypes: ['web_skimming'], discoveredDate: '2024-04-01' }))).toEqual(['unlawful_purpose']);
    expect(conditions(fact(1, { incidentTypes: ['web_skimming'], discoveredDate: '2024-03-31' }))).toEqual([]);
  });
});

describe('due dates', () => {
  it('gives 速報 5 days and 確報 30 days after discovery', () => {
    const a = assessDuty(fact(1, { dataTypes: ['medical'], discoveredDate: '2024-01-31', disclosureDate: '2024-03-02' }));
    expect(a).toMatchObject({ reportable: true, sokuhoDue: '2024-02-05', kakuhoDue: '2024-03-01', kakuhoDays: 30, disclosedAfterKakuho: true });
  });

  it('gives 60 days for an unlawful purpose, over a month end', () => {
    const a = assessDuty(fact(1, { incidentTypes: ['ransomware'], discoveredDate: '2023-12-31', disclosureDate: '2024-02-29' }));
    // 31 Dec + 60: 31 days of January, 29 of February → 29 Feb 2024; disclosed that day is on time.
    expect(a).toMatchObject({ kakuhoDays: 60, sokuhoDue: '2024-01-05', kakuhoDue: '2024-02-29', disclosedAfterKakuho: false });
  });

  it('gives no dates without a discovery date or a condition', () => {
    expect(assessDuty(fact(1, { dataTypes: ['medical'] }))).toMatchObject({ reportable: true, sokuhoDue: null, kakuhoDue: null, disclosedAfterKakuho: null });
    expect(assessDuty(fact(1, { dataTypes: ['email'], discoveredDate: '2024-01-01' }))).toMatchObject({ reportable: false, kakuhoDue: null, kakuhoDays: null });
  });
});

describe('over the casebook', () => {
  it('lists reportable incidents whose notices do not mention a report, and the share disclosed late', () => {
    const s = summarizeDuty(CASEBOOK);
    // A (unlawful, 12,000), C (medical), D (cards, 5,000; skimming before 2024-04), G (insider).
    expect(s.reportable).toBe(4);
    expect(s.reported).toBe(1); // A
    expect(s.unmentioned.map((a) => a.incidentId)).toEqual([3, 4, 7]);
    const byId = new Map(s.assessments.map((a) => [a.incidentId, a]));
    expect(byId.get(1)).toMatchObject({ kakuhoDays: 60, sokuhoDue: '2024-01-10', kakuhoDue: '2024-03-05' });
    expect(byId.get(3)).toMatchObject({ kakuhoDays: 30, kakuhoDue: '2024-03-13', disclosedAfterKakuho: false });
    expect(byId.get(4)).toMatchObject({ kakuhoDays: 30, kakuhoDue: '2024-02-09', disclosedAfterKakuho: true });
    expect(byId.get(7)).toMatchObject({ kakuhoDays: 60, kakuhoDue: '2024-06-24' });
    // D disclosed 2024-04-10, 61 days after its 確報 deadline: 1 of the 4 dated reportable incidents.
    expect(s.lateDisclosure).toEqual({ late: 1, of: 4, share: 0.25, medianDaysLate: 61 });
    expect(s.byCondition.find((c) => c.condition === 'many_people')!.count).toBe(2);
  });
});

/** An invented notice whose evidence marks the first occurrence of each given phrase for a field. */
function notice(id: number, text: string, marks: Partial<Record<'data_types' | 'incident_types' | 'affected_count', string>> = {}, extra: Partial<DutyNotice> = {}): DutyNotice {
  const evidence: Record<string, [number, number][]> = {};
  for (const [field, phrase] of Object.entries(marks)) {
    const at = text.indexOf(phrase!);
    if (at < 0) throw new Error(`${phrase} is not in the notice`);
    evidence[field] = [[at, at + phrase!.length]];
  }
  return { id, text, record: { organization: null, disclosure_date: null, evidence }, mediaType: 'text/plain', ...extra };
}

describe('what the notices state', () => {
  it('holds an attack that states leaked personal data, naming the condition\'s sentence', () => {
    const text = '不正アクセスに関するお知らせ\n当社サーバーが第三者による不正アクセスを受けました。\nお客様の氏名、住所、クレジットカード番号が流出した可能性があります。';
    const a = assessDuty(fact(1, { organization: '株式会社みなみ商会', incidentTypes: ['unauthorized_access'], dataTypes: ['name', 'address', 'credit_card'] }),
      [notice(11, text, { data_types: 'クレジットカード番号', incident_types: '第三者による不正アクセス' })]);
    expect(a).toMatchObject({ status: 'reportable', reportable: true, doubts: [] });
    expect(a.conditions.map((c) => [c.condition, c.sentence, c.noticeId])).toEqual([
      ['financial_harm', 'お客様の氏名、住所、クレジットカード番号が流出した可能性があります。', 11],
      ['unlawful_purpose', '当社サーバーが第三者による不正アクセスを受けました。', 11],
    ]);
  });

  it('doubts an SNS account taken over with no personal data stated, rather than listing a non-reporter', () => {
    const text = '公式アカウントの乗っ取りについて\n当町の公式X(旧Twitter)アカウントが第三者に乗っ取られ、不審な投稿が行われました。\nアカウントは復旧しております。';
    const a = assessDuty(fact(2, { organization: 'ひがし町', sector: 'government', incidentTypes: ['account_takeover', 'unauthorized_access'] }), [notice(12, text)]);
    expect(a.status).toBe('doubtful');
    expect(a.reportable).toBe(false);
    expect(a.doubts.map((d) => [d.kind, d.sentence])).toEqual([
      ['account_only', '当町の公式X(旧Twitter)アカウントが第三者に乗っ取られ、不審な投稿が行われました。'],
      ['no_personal_data', null],
    ]);
  });

  it('doubts a spam-mail notice that says no personal data leak is known, citing that sentence', () => {
    const text = '迷惑メール送信に関するお詫び\n職員のメールアカウントが不正利用され、外部へ迷惑メールが大量送信されました。\nなお、現時点で個人情報の漏えいは確認されておりません。';
    const a = assessDuty(fact(3, { organization: 'きた信用組合', incidentTypes: ['unauthorized_access'] }), [notice(13, text)]);
    expect(a.status).toBe('doubtful');
    expect(a.doubts.find((d) => d.kind === 'no_personal_data')).toMatchObject({ rule: 'no_personal_data/none-confirmed', sentence: 'なお、現時点で個人情報の漏えいは確認されておりません。', noticeId: 13 });
  });

  it('does not doubt an SNS or mail misuse when a leak of personal data is stated', () => {
    const text = '職員のメールアカウントが不正利用され、迷惑メールが大量送信されました。\nメールボックス内のお客様の氏名、メールアドレスが閲覧された可能性があります。';
    const a = assessDuty(fact(4, { organization: 'にし物産株式会社', incidentTypes: ['unauthorized_access'], dataTypes: ['name', 'email'] }), [notice(14, text)]);
    expect(a).toMatchObject({ status: 'reportable', doubts: [] });
  });

  it('doubts an international body and a post retelling a foreign article', () => {
    const court = assessDuty(fact(5, { organization: '国際海洋裁判所', incidentTypes: ['unauthorized_access'], dataTypes: ['name'], affectedCount: 3000 }),
      [notice(15, '国際海洋裁判所のシステムが侵害されました。職員の氏名が流出した可能性があります。')]);
    expect(court.status).toBe('doubtful');
    expect(court.doubts).toMatchObject([{ kind: 'foreign_body', rule: 'foreign_body/international-name', sentence: '国際海洋裁判所' }]);
    const retold = assessDuty(fact(6, { organization: 'ノースウィンド社', incidentTypes: ['ransomware'], dataTypes: ['name', 'medical'] }),
      [notice(16, 'ノースウィンド社の病院網がランサムウェア攻撃を受け、患者の氏名と病歴が流出した。\n出典:Hospital network confirms patient data stolen in ransomware attack')]);
    expect(retold.doubts.map((d) => d.rule)).toEqual(['foreign_body/foreign-source']);
  });

  it('doubts an incident imported from VERIS: no Japanese notice was read', () => {
    const a = assessDuty(fact(7, { organization: 'Contoso Retail', incidentTypes: ['web_skimming'], dataTypes: ['credit_card'], discoveredDate: '2024-05-01' }),
      [notice(17, 'Contoso Retail\nVERIS インシデント (VERIS incident) 0000', {}, { mediaType: 'application/json' })]);
    expect(a.status).toBe('doubtful');
    expect(a.doubts.map((d) => d.kind)).toEqual(['imported']);
  });

  it('reads the stated 速報 and 確報 dates and compares them with the due dates', () => {
    const text = '第2報\n2024年4月1日に不正アクセスを確認しました。\n4月5日に個人情報保護委員会へ速報を行い、6月20日に確報を提出しました。\n患者の氏名と病歴が閲覧された可能性があります。';
    const a = assessDuty(fact(8, { organization: 'みなと病院', incidentTypes: ['unauthorized_access'], dataTypes: ['name', 'medical'], discoveredDate: '2024-04-01', disclosureDate: '2024-07-01' }),
      [notice(18, text, { data_types: '病歴' }, { record: { organization: null, disclosure_date: '2024-07-01', evidence: { data_types: [[text.indexOf('病歴'), text.indexOf('病歴') + 2]] } } })]);
    // Discovered 1 April: 速報 due 6 April, 確報 (不正の目的: 60 days) due 31 May.
    expect(a).toMatchObject({ status: 'reportable', reportedToPpc: true, sokuhoDue: '2024-04-06', kakuhoDue: '2024-05-31' });
    expect(a.sokuho).toMatchObject({ report: { kind: 'sokuho', date: '2024-04-05', noticeId: 18 }, due: '2024-04-06', late: false });
    expect(a.kakuho).toMatchObject({ report: { kind: 'kakuho', date: '2024-06-20' }, due: '2024-05-31', late: true });
  });

  it('doubts a bare attack when no notice was read and no personal data is on record', () => {
    expect(assessDuty(fact(9, { incidentTypes: ['ransomware'] }))).toMatchObject({ status: 'doubtful', doubts: [{ rule: 'facts/no-personal-data' }] });
    expect(assessDuty(fact(9, { incidentTypes: ['ransomware'], affectedCount: 40 }))).toMatchObject({ status: 'reportable' });
  });
});

describe('the summary over notices', () => {
  it('names as non-reporters only what holds; doubtful ones are apart, and stated late reports counted', () => {
    const rows = [
      fact(1, { organization: 'みなみ商会', incidentTypes: ['unauthorized_access'], dataTypes: ['credit_card'], noticeIds: [1] }),
      fact(2, { organization: 'ひがし町', incidentTypes: ['account_takeover'], noticeIds: [2] }),
      fact(3, { organization: 'みなと病院', dataTypes: ['medical'], discoveredDate: '2024-04-01', disclosureDate: '2024-07-01', noticeIds: [3] }),
    ];
    const notices = new Map([
      [1, notice(1, 'お客様のクレジットカード番号が流出した可能性があります。')],
      [2, notice(2, '当町の公式Instagramアカウントに何者かが不正ログインしました。')],
      [3, notice(3, '2024年5月10日に個人情報保護委員会へ確報を提出しました。')],
    ]);
    const s = summarizeDuty(rows, (r) => r.noticeIds.map((id) => notices.get(id)!));
    expect(s.reportable).toBe(2);
    expect(s.unmentioned.map((a) => a.organization)).toEqual(['みなみ商会']);
    expect(s.doubtful.map((a) => a.organization)).toEqual(['ひがし町']);
    expect(s.reported).toBe(1);
    // Discovered 1 April, 30 days: 確報 due 1 May; stated 10 May.
    expect(s.lateReports).toEqual({ sokuho: { late: 0, of: 0 }, kakuho: { late: 1, of: 1 } });
  });
});

describe('a body that says it reported', () => {
  it('is not doubted for stating no personal data: it took the event for a reportable one itself', () => {
    const text = '当社サーバーがランサムウェアに感染しました。\n3月8日、個人情報保護委員会に速報を行いました。';
    const a = assessDuty(fact(1, { organization: 'みどり包装株式会社', incidentTypes: ['ransomware'], disclosureDate: '2024-03-20' }), [notice(1, text)]);
    expect(a).toMatchObject({ status: 'reportable', reportedToPpc: true, doubts: [] });
    expect(a.sokuho.report).toMatchObject({ date: '2024-03-08' });
  });
});
