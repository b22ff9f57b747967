// Reporting conditions of 個人情報保護法 and the 速報/確報 due dates, worked out by hand.
import { describe, expect, it } from 'vitest';
import { addDays, assessDuty, conditionsOf, summarizeDuty } from '../../src/analyze/reporting-duty.ts';
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
