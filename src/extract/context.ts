// The normalised view of one post that every field extractor reads: text, sentences, dates, offset mapping.
import type { Span } from '../core/record.ts';
import { normalize, toOriginalSpan, type Normalized } from '../core/normalize.ts';
import { unwrapPdfLines } from '../core/unwrap.ts';
import { findDates, resolveYear, toIso, type DateMention } from '../core/japanese-date.ts';
import type { Post } from './post.ts';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** index of the line (paragraph) the sentence sits in */
  line: number;
}

export interface PostContext {
  post: Post;
  norm: Normalized;
  /** the post's text after NFKC */
  text: string;
  /** the normalised header line */
  header: string;
  /** where the body starts in `text` (after the header line) */
  bodyStart: number;
  /** body sentences, cut at 。 and line ends */
  sentences: Sentence[];
  /** every date in the text, header included */
  dates: DateMention[];
  /** year of the casebook number (#2023-042), the fallback year for year-less dates */
  casebookYear: number | null;
  /** where the first case ends when a post reports several (【事案1】…【事案2】) */
  focusEnd: number;
  /** start offsets of numbered case sections; empty when the post reports one case */
  sectionStarts: number[];
  /** the notice's own date once known: gives year-less dates their year (set by the notice-year step) */
  readonly noticeDate: string | null;
  /** rule ids left out of this run (the rule-example tests remove one rule at a time) */
  readonly without: ReadonlySet<string>;
}

export interface ExtractOptions {
  /** rule ids to leave out */
  without?: ReadonlySet<string>;
}

const NO_RULES_LEFT_OUT: ReadonlySet<string> = new Set();

// Leading blanks within the line only: a `\s` that crossed line breaks (\n, and \r, U+2028, U+2029 that
// `^` also starts a line after) rescanned every blank line below each line start: quadratic.
const SECTION_RE = /^(?:[^\S\n\r\u2028\u2029]|[【\[(<])*(?:事案|案件|事例)\s*[0-9①-⑨][^\n]{0,40}$/gm;

function splitSentences(text: string, from: number): Sentence[] {
  const out: Sentence[] = [];
  let line = 0;
  let i = from;
  while (i < text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    let s = i;
    for (let k = i; k < nl; k++) {
      if (text.charCodeAt(k) === 0x3002 /* 。 */) {
        pushSentence(out, text, s, k + 1, line);
        s = k + 1;
      }
    }
    pushSentence(out, text, s, nl, line);
    line++;
    i = nl + 1;
  }
  return out;
}

function pushSentence(out: Sentence[], text: string, start: number, end: number, line: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end), line });
}

export function buildContext(post: Post, casebookId: string | null, opts: ExtractOptions = {}): PostContext {
  // Extractors read a view where PDF line breaks inside sentences are gone; offsets still map to the original.
  const norm = unwrapPdfLines(normalize(post.text));
  const text = norm.text;
  let headerEnd = text.indexOf('\n');
  if (headerEnd < 0) headerEnd = text.length;
  const bodyStart = Math.min(text.length, headerEnd + 1);
  const sectionStarts: number[] = [];
  SECTION_RE.lastIndex = 0;
  for (let m = SECTION_RE.exec(text); m; m = SECTION_RE.exec(text)) if (m.index >= bodyStart) sectionStarts.push(m.index);
  const year = casebookId ? Number(casebookId.slice(0, 4)) : NaN;
  return {
    post,
    norm,
    text,
    header: text.slice(0, headerEnd),
    bodyStart,
    sentences: splitSentences(text, bodyStart),
    dates: findDates(text),
    casebookYear: Number.isFinite(year) && year > 1900 ? year : null,
    focusEnd: sectionStarts.length >= 2 ? sectionStarts[1]! : text.length,
    sectionStarts: sectionStarts.length >= 2 ? sectionStarts : [],
    noticeDate: null,
    without: opts.without ?? NO_RULES_LEFT_OUT,
  };
}

/** The same context with the notice's own date known: year-less dates then take its year. */
export function withNoticeDate(ctx: PostContext, noticeDate: string | null): PostContext {
  return { ...ctx, noticeDate };
}

/** Maps a normalised range to an evidence span in the post's text as stored. */
export function spanOf(ctx: PostContext, start: number, end: number): Span {
  return toOriginalSpan(ctx.norm, start, end);
}

/** ISO date of a mention, giving a year-less one the notice's year (or the casebook year where weekdays agree). */
export function isoOf(ctx: PostContext, d: DateMention): string | null {
  const iso = resolveYear(d, { noticeDate: ctx.noticeDate, fallbackYear: ctx.casebookYear });
  if (iso || d.year !== null || ctx.noticeDate || ctx.casebookYear) return iso;
  // No notice date and no casebook number: 「2025年6月2日…6月3日」 — the nearest full date before gives the year.
  const prev = lastDatedBefore(ctx.dates, d.start);
  if (!prev) return null;
  const y = Number(prev.iso!.slice(0, 4));
  const same = toIso(y, d.month, d.day);
  // A date that would fall before the one it follows has crossed into the next year.
  return same && same < prev.iso! ? toIso(y + 1, d.month, d.day) : same;
}

/** Dates inside a range of the normalised text. */
export function datesIn(ctx: PostContext, start: number, end: number): DateMention[] {
  // ctx.dates is in order of start: a binary search, not a scan of every date for every sentence
  // (quadratic in a text of thousands of dated lines).
  const dates = ctx.dates;
  const out: DateMention[] = [];
  for (let i = firstStartingAt(dates, start); i < dates.length && dates[i]!.start < end; i++) {
    if (dates[i]!.end <= end) out.push(dates[i]!);
  }
  return out;
}

/** Index of the first date starting at or after `at`. */
function firstStartingAt(dates: DateMention[], at: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Memo per date list: for each index, the last index at or before it holding a full (ISO) date, or -1.
const LAST_DATED = new WeakMap<DateMention[], Int32Array>();

/** The last date (in text order) that ends by `at` and has a full date. */
function lastDatedBefore(dates: DateMention[], at: number): DateMention | undefined {
  let last = LAST_DATED.get(dates);
  if (!last) {
    last = new Int32Array(dates.length);
    for (let i = 0, j = -1; i < dates.length; i++) last[i] = j = dates[i]!.iso ? i : j;
    LAST_DATED.set(dates, last);
  }
  // Only dates starting before `at` can end by it; one whose weekday note runs past `at` is passed over.
  for (let i = last[firstStartingAt(dates, at) - 1] ?? -1; i >= 0; i = i > 0 ? last[i - 1]! : -1) {
    if (dates[i]!.end <= at) return dates[i];
  }
  return undefined;
}

/** A value with the places in the normalised text that state it. */
export interface Found<T> {
  value: T;
  /** normalised `[start, end)` ranges; converted to stored offsets by the engine */
  at: Array<[number, number]>;
  /** how sure the rule that produced the value is; the engine supplies a default per field when absent */
  confidence?: Confidence;
  /** ids of the rules the value came from */
  rules?: string[];
}

export type { Confidence } from '../core/record.ts';
import type { Confidence } from '../core/record.ts';
