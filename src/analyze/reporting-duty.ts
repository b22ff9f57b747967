// Reporting duty under 個人情報保護法 (第26条, 施行規則 第7条・第8条), read from an incident's record:
// which conditions it meets, whether its notice says it was reported to the 個人情報保護委員会,
// when the 速報 and the 確報 were due, and whether disclosure came after the 確報 deadline.
import type { DataType, IncidentType } from '../core/record.ts';
import { median } from './stats/affected-people.ts';
import { daysBetween } from './stats/delays.ts';
import type { FactRow } from './stats/fact-row.ts';

export type DutyCondition = 'sensitive_data' | 'financial_harm' | 'unlawful_purpose' | 'many_people';

/** 施行規則 第7条 第1号〜第4号, in their order. */
export const DUTY_CONDITION_LABELS: Record<DutyCondition, string> = {
  sensitive_data: '要配慮個人情報 (第1号)',
  financial_harm: '財産的被害のおそれ (第2号)',
  unlawful_purpose: '不正の目的によるおそれ (第3号)',
  many_people: '1,000人超 (第4号)',
};

/** 要配慮個人情報 among our data types: medical data (病歴, 診療・調剤の情報). */
const SENSITIVE: readonly DataType[] = ['medical'];

/**
 * Data whose misuse can cause financial harm (第2号): card numbers, security codes, bank accounts.
 * Login credentials count only where the login can pay (PPC guidelines: "送金や決済機能のある
 * ウェブサービスのログインIDとパスワード"); the record cannot say that, so a password counts at
 * e-commerce and finance organisations only, whose accounts nearly always hold a payment method.
 */
const FINANCIAL: readonly DataType[] = ['credit_card', 'card_security_code', 'bank_account'];
const PAYING_SECTORS = new Set(['ecommerce', 'finance']);

/**
 * Types that are acts done with an unlawful purpose (第3号): attacks from outside, taking by staff or
 * contractors, theft. Web skimming takes data as it is entered, which 第3号 covers only from
 * 2024-04-01 (改正施行規則); before that date it counts only through its card data (第2号).
 * Misdelivery, misconfiguration and loss are mistakes; DDoS and outages take no data.
 */
const UNLAWFUL: readonly IncidentType[] = [
  'ransomware', 'unauthorized_access', 'sql_injection', 'credential_stuffing', 'account_takeover', 'phishing',
  'malware', 'support_scam', 'insider', 'theft',
];
export const SKIMMING_COVERED_FROM = '2024-04-01';

/** 第4号: more than 1,000 people; a public body (行政機関等, our sector `government`) reports above 100 (法 第68条, 規則 第43条). */
export const PEOPLE_THRESHOLD = 1000;
export const PUBLIC_BODY_THRESHOLD = 100;

/**
 * 速報 (規則 第8条第1項): "速やかに", which the PPC guidelines read as about 3–5 days of learning of
 * the event. We take the outer end, 5 calendar days after the discovery date: flagging only what is
 * late by every reading. 確報 (同第2項): 30 days, 60 for 第3号. Days are counted from the day after
 * discovery (初日不算入, 民法 第140条): discovered 2024-01-31 + 30 = 2024-03-01. Weekends and holidays
 * do not move the date here (the PPC's Q&A moves a 確報 deadline that falls on a closed day; we do not
 * know the holiday calendar, so a few deadlines read up to three days early).
 */
export const SOKUHO_DAYS = 5;
export const KAKUHO_DAYS = 30;
export const KAKUHO_DAYS_UNLAWFUL = 60;

export interface MetCondition {
  condition: DutyCondition;
  label: string;
  /** Why, from the record: the data types, types or count that meet it. */
  because: string;
}

export interface DutyAssessment {
  incidentId: number;
  number: string | null;
  organization: string | null;
  conditions: MetCondition[];
  reportable: boolean;
  /** The notice says it was reported to the 個人情報保護委員会. */
  reportedToPpc: boolean;
  discoveredDate: string | null;
  disclosureDate: string | null;
  /** Null without a discovery date or when not reportable. */
  sokuhoDue: string | null;
  kakuhoDue: string | null;
  kakuhoDays: 30 | 60 | null;
  /** Disclosure came after the 確報 deadline; null when a date is missing or not reportable. */
  disclosedAfterKakuho: boolean | null;
}

/** YYYY-MM-DD plus whole days, in UTC: month ends and leap years fall out of the calendar. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function conditionsOf(row: FactRow): MetCondition[] {
  const met: MetCondition[] = [];
  const at = (c: DutyCondition, because: string) => met.push({ condition: c, label: DUTY_CONDITION_LABELS[c], because });

  const sensitive = row.dataTypes.filter((d) => SENSITIVE.includes(d));
  if (sensitive.length) at('sensitive_data', sensitive.join(', '));

  const financial = row.dataTypes.filter((d) => FINANCIAL.includes(d));
  if (row.dataTypes.includes('password') && row.sector && PAYING_SECTORS.has(row.sector)) financial.push('password');
  if (financial.length) at('financial_harm', row.sector && financial.includes('password') ? `${financial.join(', ')} (${row.sector})` : financial.join(', '));

  const unlawful: string[] = row.incidentTypes.filter((t) => UNLAWFUL.includes(t));
  if (row.incidentTypes.includes('web_skimming') && (row.discoveredDate === null || row.discoveredDate >= SKIMMING_COVERED_FROM)) {
    unlawful.push('web_skimming');
  }
  if (unlawful.length) at('unlawful_purpose', unlawful.join(', '));

  const limit = row.sector === 'government' ? PUBLIC_BODY_THRESHOLD : PEOPLE_THRESHOLD;
  if (row.affectedCount !== null && row.affectedCount > limit) {
    at('many_people', `${row.affectedCount.toLocaleString('en-US')} > ${limit.toLocaleString('en-US')}${row.sector === 'government' ? ' (public body)' : ''}`);
  }
  return met;
}

export function assessDuty(row: FactRow): DutyAssessment {
  const conditions = conditionsOf(row);
  const reportable = conditions.length > 0;
  const kakuhoDays = !reportable ? null : conditions.some((c) => c.condition === 'unlawful_purpose') ? KAKUHO_DAYS_UNLAWFUL : KAKUHO_DAYS;
  const d = row.discoveredDate;
  const kakuhoDue = d && kakuhoDays ? addDays(d, kakuhoDays) : null;
  return {
    incidentId: row.id, number: row.number, organization: row.organization,
    conditions, reportable, reportedToPpc: row.reportedToPpc,
    discoveredDate: d, disclosureDate: row.disclosureDate,
    sokuhoDue: d && reportable ? addDays(d, SOKUHO_DAYS) : null,
    kakuhoDue, kakuhoDays,
    disclosedAfterKakuho: kakuhoDue && row.disclosureDate ? row.disclosureDate > kakuhoDue : null,
  };
}

export interface DutySummary {
  incidents: number;
  reportable: number;
  /** Reportable incidents whose notices say they were reported. */
  reported: number;
  /** Reportable incidents whose notices do not mention a report to the 個人情報保護委員会. */
  unmentioned: DutyAssessment[];
  /** Of reportable incidents with both dates (`of`), how many were disclosed after the 確報 deadline. */
  lateDisclosure: { late: number; of: number; share: number | null; medianDaysLate: number | null };
  byCondition: { condition: DutyCondition; label: string; count: number }[];
  assessments: DutyAssessment[];
}

export function summarizeDuty(rows: readonly FactRow[]): DutySummary {
  const assessments = rows.map(assessDuty);
  const reportable = assessments.filter((a) => a.reportable);
  const dated = reportable.filter((a) => a.disclosedAfterKakuho !== null);
  const lateOnes = dated.filter((a) => a.disclosedAfterKakuho);
  const daysLate = lateOnes.map((a) => daysBetween(a.kakuhoDue!, a.disclosureDate!)).sort((x, y) => x - y);
  return {
    incidents: rows.length,
    reportable: reportable.length,
    reported: reportable.filter((a) => a.reportedToPpc).length,
    unmentioned: reportable.filter((a) => !a.reportedToPpc),
    lateDisclosure: { late: lateOnes.length, of: dated.length, share: dated.length ? lateOnes.length / dated.length : null, medianDaysLate: median(daysLate) },
    byCondition: (Object.keys(DUTY_CONDITION_LABELS) as DutyCondition[]).map((condition) => ({
      condition, label: DUTY_CONDITION_LABELS[condition],
      count: reportable.filter((a) => a.conditions.some((c) => c.condition === condition)).length,
    })),
    assessments,
  };
}
