// The reports to the 個人情報保護委員会 a notice states (「3月8日に速報を行いました」「5月22日に確報を提出」):
// which report (速報, 確報, or a report it does not name), on which date when it gives one, and the
// sentence it was read from. A plan (「確報を提出する予定です」) or a denial is no report.
import { findDates, resolveYear } from '../core/japanese-date.ts';

export type ReportKind = 'sokuho' | 'kakuho' | 'report';

export interface StatedReport {
  kind: ReportKind;
  /** YYYY-MM-DD; null when the sentence gives no day. */
  date: string | null;
  noticeId: number;
  sentence: string;
}

/** The sentences of a text, NFKC, split at 。 and line ends, blank ones dropped. */
export function sentencesOf(text: string): string[] {
  return text.normalize('NFKC').split(/(?<=。)|\n/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The sentence of `text` around offsets [start, end), NFKC, clipped to `max` characters. */
export function sentenceAround(text: string, start: number, end: number, max = 200): string {
  const from = Math.max(text.lastIndexOf('。', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  const stops = [text.indexOf('。', end), text.indexOf('\n', end)].filter((i) => i >= 0);
  const to = stops.length ? Math.min(...stops) + (text[Math.min(...stops)] === '。' ? 1 : 0) : text.length;
  const s = text.slice(from, to).normalize('NFKC').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const COMMISSION = /個人情報保護委?員会|(?<![A-Za-z])PPC(?![A-Za-z])/;
const TELLING = /報告|届出|届け出|速報|確報/;
// 確報 and 速報 are the commission's own words; with a verb of handing in they need the commission unnamed.
const OWN_WORD_DONE = /(?:速報|確報)(?:を|は)?(?:提出|報告|届出|届け出|行い|行っ|実施|済)/;
const PLAN_OR_DENIAL = /予定|見込み|次第|方針|必要に応じ|してまいります|いたします(?:。|$)|します(?:。|$)|しておりません|していません|行って(?:おりません|いません)|ありません/;

const TOLD_WORD = /速報|確報|報告|届出|届け出|提出/;
// A date followed by one of these before any word of telling is when something happened, not a report.
const EVENT = /発生|発覚|判明|確認|検知|認識|覚知|受け|攻撃|感染|侵入|公表/;

/**
 * Which report a date is the date of, or null when it is no report's date: the words from the date to
 * the next date must reach a word of telling before any word of an event (「3月1日に発覚し、」).
 */
function reportAt(sentence: string, start: number, end: number): ReportKind | null {
  const segment = sentence.slice(start, end);
  const told = TOLD_WORD.exec(segment);
  if (!told || EVENT.test(segment.slice(0, told.index))) return null;
  const word = /速報|確報/.exec(segment)?.[0] ?? [...sentence.slice(0, start).matchAll(/速報|確報/g)].at(-1)?.[0];
  return word === '速報' ? 'sokuho' : word === '確報' ? 'kakuho' : 'report';
}

function undatedKind(sentence: string): ReportKind {
  const words = new Set(sentence.match(/速報|確報/g) ?? []);
  return words.size !== 1 ? 'report' : words.has('速報') ? 'sokuho' : 'kakuho';
}

/**
 * The reports one notice states. `noticeDate` (the notice's 公表日) gives year-less dates their year:
 * a report stated in a notice was made on or before the notice's date.
 */
export function statedReports(noticeId: number, text: string, noticeDate: string | null): StatedReport[] {
  const out: StatedReport[] = [];
  for (const sentence of sentencesOf(text)) {
    const told = (COMMISSION.test(sentence) && TELLING.test(sentence)) || OWN_WORD_DONE.test(sentence);
    if (!told || PLAN_OR_DENIAL.test(sentence)) continue;
    const dates = findDates(sentence).filter((d) => !d.rangeStart && !d.rangeEnd);
    const reported = dates.map((d, i) => ({ d, kind: reportAt(sentence, d.end, dates[i + 1]?.start ?? sentence.length) }));
    if (!reported.some((r) => r.kind !== null)) {
      out.push({ kind: undatedKind(sentence), date: null, noticeId, sentence });
      continue;
    }
    for (const { d, kind } of reported) {
      if (kind === null) continue;
      const date = resolveYear(d, { noticeDate });
      // A report a notice states was made by the notice's date: a later date is a plan or a misreading.
      if (date && noticeDate && date > noticeDate) continue;
      out.push({ kind, date, noticeId, sentence });
    }
  }
  return out;
}

/** The earliest dated report of a kind, else the first undated one. */
export function firstReport(reports: readonly StatedReport[], kinds: readonly ReportKind[]): StatedReport | null {
  const of = reports.filter((r) => kinds.includes(r.kind));
  const dated = of.filter((r) => r.date !== null).sort((a, b) => a.date!.localeCompare(b.date!));
  return dated[0] ?? of[0] ?? null;
}
