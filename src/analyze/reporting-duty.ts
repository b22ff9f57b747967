// Reporting duty under 個人情報保護法 (第26条, 施行規則 第7条・第8条), read from an incident's record and
// what its notices state: which conditions it meets and the sentence each was read from, whether the duty
// is in doubt (a foreign body, an imported record, an SNS account, no personal data stated), the reports
// to the 個人情報保護委員会 the notices state and whether they came by the 速報 and 確報 due dates.
import type { DataType, IncidentRecord, IncidentType, RecordKey } from '../core/record.ts';
import { leakStatedIn, signsIn, type DoubtKind } from './duty-signs.ts';
import { firstReport, sentenceAround, sentencesOf, statedReports, type StatedReport } from './ppc-reports.ts';
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
  /** The sentence of a notice the value was read from; null when no notice was read or none marks it. */
  sentence?: string | null;
  noticeId?: number | null;
}

/**
 * reportable: a condition holds and nothing the notices state puts the duty in doubt. doubtful: a
 * condition holds on the values, but the body may not be bound by the law or no personal data is
 * stated; such an incident is neither listed as reportable nor cleared. not_reportable: no condition.
 */
export type DutyStatus = 'reportable' | 'doubtful' | 'not_reportable';

export interface DutyDoubt {
  kind: DoubtKind;
  /** The rule's id (analyze/duty-signs.ts) or `facts/...` for a doubt read from the values alone. */
  rule: string;
  why: string;
  sentence: string | null;
  noticeId: number | null;
}

/** What the duty check reads of one notice: its text, its effective record, and whether it was imported. */
export interface DutyNotice {
  id: number;
  text: string;
  record: Pick<IncidentRecord, 'organization' | 'disclosure_date' | 'evidence'>;
  mediaType: string;
}

/** A stated report against its due date: late when dated after it, null when either date is unknown. */
export interface ReportAgainstDue {
  report: StatedReport | null;
  due: string | null;
  late: boolean | null;
}

export interface DutyAssessment {
  incidentId: number;
  number: string | null;
  organization: string | null;
  conditions: MetCondition[];
  status: DutyStatus;
  /** status === 'reportable' */
  reportable: boolean;
  doubts: DutyDoubt[];
  /** The notice says it was reported to the 個人情報保護委員会 (the extracted value, or a stated report). */
  reportedToPpc: boolean;
  /** Every report to the commission the notices state, in notice order. */
  reports: StatedReport[];
  /** The first 速報 (or report not named as a 確報) and the first 確報, each against its due date. */
  sokuho: ReportAgainstDue;
  kakuho: ReportAgainstDue;
  discoveredDate: string | null;
  disclosureDate: string | null;
  /** Null without a discovery date or when no condition holds. */
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

/** Which field a condition was read from, and the words that pick its sentence among the field's spans. */
const CONDITION_SOURCE: Record<DutyCondition, { field: RecordKey; words: RegExp | null }> = {
  sensitive_data: { field: 'data_types', words: /病|診|薬|健康|医療|カルテ|障害|信条|犯罪/ },
  financial_harm: { field: 'data_types', words: /カード|口座|セキュリティコード|パスワード|暗証/ },
  unlawful_purpose: { field: 'incident_types', words: null },
  many_people: { field: 'affected_count', words: null },
};

function sentenceOf(condition: DutyCondition, notices: readonly DutyNotice[]): { sentence: string; noticeId: number } | null {
  const { field, words } = CONDITION_SOURCE[condition];
  let fallback: { sentence: string; noticeId: number } | null = null;
  for (const n of notices) {
    for (const [start, end] of n.record.evidence?.[field] ?? []) {
      const sentence = sentenceAround(n.text, start, end);
      if (!words || words.test(sentence)) return { sentence, noticeId: n.id };
      fallback ??= { sentence, noticeId: n.id };
    }
  }
  return fallback;
}

/** What casts doubt on the duty, from the values and from what the notices state. */
function doubtsOf(row: FactRow, conditions: readonly MetCondition[], notices: readonly DutyNotice[], reported: boolean): DutyDoubt[] {
  const doubts: DutyDoubt[] = [];
  if (notices.length > 0 && notices.every((n) => n.mediaType === 'application/json')) {
    doubts.push({ kind: 'imported', rule: 'facts/imported-record', noticeId: notices[0]!.id, sentence: null,
      why: 'The record was imported (VERIS), not read from a Japanese notice: who must report, and whether the notice mentions a report, is not known.' });
  }
  const perNotice = notices.map((n) => ({ n, sentences: sentencesOf(n.text) }));
  const orgs = [row.organization, ...notices.map((n) => n.record.organization)].filter((o, i, all): o is string => o !== null && all.indexOf(o) === i);
  const seen = new Set<string>();
  const add = (d: DutyDoubt) => {
    if (seen.has(d.rule)) return;
    seen.add(d.rule);
    doubts.push(d);
  };
  for (const org of orgs) {
    for (const hit of signsIn([], org)) add({ kind: hit.rule.kind, rule: hit.rule.id, why: hit.rule.why, sentence: hit.sentence, noticeId: null });
  }
  const hits = perNotice.flatMap(({ n, sentences }) => signsIn(sentences, null).map((hit) => ({ hit, noticeId: n.id })));
  for (const { hit, noticeId } of hits.filter((h) => h.hit.rule.kind === 'foreign_body')) {
    add({ kind: 'foreign_body', rule: hit.rule.id, why: hit.rule.why, sentence: hit.sentence, noticeId });
  }
  // Data types, a count or a leak sentence state personal data; a 第3号 incident without any is about something else.
  // A body that says it reported to the commission took the event for a reportable 漏えい等 itself.
  const onlyUnlawful = conditions.every((c) => c.condition === 'unlawful_purpose') && !reported;
  const leak = perNotice.map(({ sentences }) => leakStatedIn(sentences)).find((x) => x !== null) ?? null;
  if (onlyUnlawful && leak === null) {
    for (const { hit, noticeId } of hits.filter((h) => h.hit.rule.kind === 'account_only')) {
      add({ kind: 'account_only', rule: hit.rule.id, why: hit.rule.why, sentence: hit.sentence, noticeId });
    }
    if (row.dataTypes.length === 0 && row.affectedCount === null) {
      const denial = hits.find((h) => h.hit.rule.kind === 'no_personal_data');
      add(denial
        ? { kind: 'no_personal_data', rule: denial.hit.rule.id, why: denial.hit.rule.why, sentence: denial.hit.sentence, noticeId: denial.noticeId }
        : { kind: 'no_personal_data', rule: 'facts/no-personal-data', sentence: null, noticeId: null,
            why: 'Only the kind of attack meets a condition (第3号); the notices name no personal data, no count of people and no leak of personal data.' });
    }
  }
  return doubts;
}

function against(report: StatedReport | null, due: string | null): ReportAgainstDue {
  return { report, due, late: report?.date && due ? report.date > due : null };
}

/**
 * The duty of one incident. Without `notices` only the values are read: the sentences, the doubts the
 * notices' text would raise, and the reports they state are then unknown.
 */
export function assessDuty(row: FactRow, notices: readonly DutyNotice[] = []): DutyAssessment {
  const conditions = conditionsOf(row).map((c) => {
    const at = sentenceOf(c.condition, notices);
    return { ...c, sentence: at?.sentence ?? null, noticeId: at?.noticeId ?? null };
  });
  const any = conditions.length > 0;
  const reports = notices.flatMap((n) => statedReports(n.id, n.text, n.record.disclosure_date ?? row.disclosureDate));
  const reportedToPpc = row.reportedToPpc || reports.length > 0;
  const doubts = any ? doubtsOf(row, conditions, notices, reportedToPpc) : [];
  const status: DutyStatus = !any ? 'not_reportable' : doubts.length ? 'doubtful' : 'reportable';
  const kakuhoDays = !any ? null : conditions.some((c) => c.condition === 'unlawful_purpose') ? KAKUHO_DAYS_UNLAWFUL : KAKUHO_DAYS;
  const d = row.discoveredDate;
  const kakuhoDue = d && kakuhoDays ? addDays(d, kakuhoDays) : null;
  const sokuhoDue = d && any ? addDays(d, SOKUHO_DAYS) : null;
  return {
    incidentId: row.id, number: row.number, organization: row.organization,
    conditions, status, reportable: status === 'reportable', doubts,
    reportedToPpc, reports,
    sokuho: against(firstReport(reports, ['sokuho', 'report']), sokuhoDue),
    kakuho: against(firstReport(reports, ['kakuho']), kakuhoDue),
    discoveredDate: d, disclosureDate: row.disclosureDate,
    sokuhoDue, kakuhoDue, kakuhoDays,
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
  /** Incidents a condition would cover, in doubt for a reason the notices give: counted, never named as non-reporters. */
  doubtful: DutyAssessment[];
  /** Of reportable incidents with both dates (`of`), how many were disclosed after the 確報 deadline. */
  lateDisclosure: { late: number; of: number; share: number | null; medianDaysLate: number | null };
  /** Of reportable incidents whose notices date a 速報 / 確報 (`of`), how many came after its due date. */
  lateReports: { sokuho: { late: number; of: number }; kakuho: { late: number; of: number } };
  byCondition: { condition: DutyCondition; label: string; count: number }[];
  assessments: DutyAssessment[];
}

/** `noticesOf` gives each incident's notices; without it only the values are read (see assessDuty). */
export function summarizeDuty(rows: readonly FactRow[], noticesOf: (row: FactRow) => readonly DutyNotice[] = () => []): DutySummary {
  const assessments = rows.map((row) => assessDuty(row, noticesOf(row)));
  const reportable = assessments.filter((a) => a.reportable);
  const dated = reportable.filter((a) => a.disclosedAfterKakuho !== null);
  const lateOnes = dated.filter((a) => a.disclosedAfterKakuho);
  const daysLate = lateOnes.map((a) => daysBetween(a.kakuhoDue!, a.disclosureDate!)).sort((x, y) => x - y);
  const lateOf = (pick: (a: DutyAssessment) => ReportAgainstDue) => {
    const known = reportable.filter((a) => pick(a).late !== null);
    return { late: known.filter((a) => pick(a).late).length, of: known.length };
  };
  return {
    incidents: rows.length,
    reportable: reportable.length,
    reported: reportable.filter((a) => a.reportedToPpc).length,
    unmentioned: reportable.filter((a) => !a.reportedToPpc),
    doubtful: assessments.filter((a) => a.status === 'doubtful'),
    lateDisclosure: { late: lateOnes.length, of: dated.length, share: dated.length ? lateOnes.length / dated.length : null, medianDaysLate: median(daysLate) },
    lateReports: { sokuho: lateOf((a) => a.sokuho), kakuho: lateOf((a) => a.kakuho) },
    byCondition: (Object.keys(DUTY_CONDITION_LABELS) as DutyCondition[]).map((condition) => ({
      condition, label: DUTY_CONDITION_LABELS[condition],
      count: reportable.filter((a) => a.conditions.some((c) => c.condition === condition)).length,
    })),
    assessments,
  };
}
