// affected_count: people (else records) whose data leaked — a stated total, the sum of disjoint groups, or the largest.
import { findCounts, type CountMention } from '../core/japanese-number.ts';
import { CharPositions } from './char-positions.ts';
import type { Found, PostContext } from './context.ts';
import { ADVICE_RE } from './cues.ts';

// Counts of staff, offenders or devices, not of the people whose data leaked.
const NOT_AFFECTED_BEFORE_RE = /(?:社員|職員|従業員|教員|担当者|医師|犯人|容疑者|男性|女性|元社員|委員|講師|スタッフ)\s*\(?\s*$/;
const NOT_AFFECTED_AFTER_RE = /^\s*(?:体制|態勢|で(?!す|し|ご|あ)|の(?:職員|社員|従業員|作業員|専門家)|が(?:担当|対応))/;
// A table row or a share (「教職員\t64名」「教職員64名分」) counts the people it names.
const ROW_AFTER_RE = /^\s*(?:[\t|]|分|$)/;
// A stated overall total: 「合計 9,571件」「｜合計（重複を除く）｜9,115名｜」「総数」.
const TOTAL_BEFORE_RE = /(?:合計|総計|総数|全体|(?<![集設会統推時])計)\s*(?:\([^)]{0,12}\))?\s*[|:：\t\s]*(?:約|およそ|最大)?\s*$|重複を除[^。\n]{0,6}$/;
// A figure an earlier report gave and this one corrects (「第1報では約5千件とお知らせしておりましたが」).
const SUPERSEDED_AFTER_RE = /^[^。]{0,30}?と(?:お知らせ|公表|ご報告|発表)(?:して)?(?:おりました|いたしました|しました|していました)(?:が|ところ)/;
// A group stated as part of another: 「(うち…)」「…を含む」「…に含まれ」.
const SUBSET_RE = /うち|内訳|内、|を含む|に含まれ|これに含まれ|含まれております|の内数/;
const COORD_RE = /^[^。\n]{0,25}?(?:と|及び|および|並びに|、)\s*[^。\n]{0,25}?$/;
const LIST_ITEM_RE = /^\s*(?:[•・*※\-]|[0-9]+[.)]|\(?[0-9]+\)|[①-⑳]|[ア-ン][\s.)])/;

/**
 * Where the text's sentences (。) and lines end, and what each sentence was found to say: looked up, not
 * scanned again from every count (a text of thousands of counts without 。 was quadratic).
 */
interface Ends {
  stops: CharPositions;
  lines: CharPositions;
  /** sentence start → the sentence gives advice and says nothing of a leak */
  advice: Map<number, boolean>;
  /** `start:end` of a sentence → it states a subset */
  subset: Map<string, boolean>;
}

interface Group {
  value: number;
  person: boolean;
  at: Array<[number, number]>;
}

function usable(ctx: PostContext, c: CountMention, text: string, ends: Ends): boolean {
  if (NOT_AFFECTED_BEFORE_RE.test(text.slice(Math.max(0, c.start - 8), c.start)) && !ROW_AFTER_RE.test(text.slice(c.end, c.end + 2))) return false;
  if (NOT_AFFECTED_AFTER_RE.test(text.slice(c.end, c.end + 10))) return false;
  const sStart = ends.stops.lastAtOrBefore(c.start) + 1;
  const sEnd = ends.stops.firstAtOrAfter(c.end);
  if (SUPERSEDED_AFTER_RE.test(text.slice(c.end, sEnd < 0 ? text.length : sEnd))) return false;
  let advice = ends.advice.get(sStart);
  if (advice === undefined) {
    const sentence = text.slice(sStart, sEnd < 0 ? text.length : sEnd);
    advice = ADVICE_RE.test(sentence) && !/漏|流出|対象/.test(sentence);
    ends.advice.set(sStart, advice);
  }
  return !advice;
}

// Disjoint groups: two counts joined by と/及び in one sentence, or consecutive list lines each with one count.
function groupSums(text: string, counts: CountMention[], from: number, ends: Ends): Group[] {
  const groups: Group[] = [];
  for (let i = 0; i + 1 < counts.length; i++) {
    const a = counts[i]!;
    const b = counts[i + 1]!;
    const between = text.slice(a.end, b.start);
    const sStart = Math.max(ends.stops.lastAtOrBefore(a.start), ends.lines.lastAtOrBefore(a.start)) + 1;
    const sEndAt = [ends.stops.firstAtOrAfter(b.end), ends.lines.firstAtOrAfter(b.end)].filter((e) => e >= 0);
    const sEnd = sEndAt.length ? Math.min(...sEndAt) : text.length;
    const subset = () => {
      const key = `${sStart}:${sEnd}`;
      let found = ends.subset.get(key);
      if (found === undefined) ends.subset.set(key, (found = SUBSET_RE.test(text.slice(sStart, sEnd))));
      return found;
    };
    if (COORD_RE.test(between) && !a.max && !b.max && !a.total && !b.total && !subset() && !/\n/.test(between)) {
      groups.push({ value: a.value + b.value, person: a.unit === 'person' || b.unit === 'person', at: [[a.start, a.end], [b.start, b.end]] });
    }
  }
  // Runs of short lines that each hold exactly one count: 「氏名のみ 109,406 件」「氏名及び住所 1,261 件」.
  const lines: Array<{ start: number; end: number; counts: CountMention[] }> = [];
  let pos = from;
  let ci = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const inLine: CountMention[] = [];
    while (ci < counts.length && counts[ci]!.start < pos) ci++;
    for (let k = ci; k < counts.length && counts[k]!.end <= nl; k++) inLine.push(counts[k]!);
    if (inLine.length > 0 || text.slice(pos, nl).trim()) lines.push({ start: pos, end: nl, counts: inLine });
    pos = nl + 1;
  }
  let run: typeof lines = [];
  const flush = () => {
    const ok = run.length >= 2 && run.every((l) => !SUBSET_RE.test(text.slice(l.start, l.end)));
    if (ok) {
      let cs = run.map((l) => l.counts[0]!);
      const sum = cs.reduce((s, c) => s + c.value, 0);
      // A run that opens with its own total (「198,200件」 then 「163,474件」「34,726件」) is that total.
      const head = cs.find((c) => c.value * 2 === sum);
      if (head) cs = [head];
      groups.push({ value: cs.reduce((s, c) => s + c.value, 0), person: cs.some((c) => c.unit === 'person'), at: cs.map((c) => [c.start, c.end]) });
    }
    run = [];
  };
  for (const l of lines) {
    const line = text.slice(l.start, l.end);
    if (l.counts.length === 1 && (line.trim().length <= 80 || LIST_ITEM_RE.test(line)) && !l.counts[0]!.total) run.push(l);
    else flush();
  }
  flush();
  return groups;
}

function best(text: string, counts: CountMention[], from: number, ends: Ends): Group | null {
  if (counts.length === 0) return null;
  const singles: Group[] = counts.map((c) => ({ value: c.value, person: c.unit === 'person', at: [[c.start, c.end]] }));
  const all = [...singles, ...groupSums(text, counts, from, ends)];
  // People are counted over records where the notice gives both (4,138名 4,740件 → 4,138).
  const people = all.filter((g) => g.person);
  const pool = people.length ? people : all;
  return pool.reduce((a, b) => (b.value > a.value ? b : a));
}

function isStatedTotal(text: string, c: CountMention, ends: Ends): boolean {
  if (c.total && /合計|総計|計/.test(text.slice(Math.max(0, c.start - 4), c.start + 4))) return true;
  const lineStart = ends.lines.lastAtOrBefore(Math.max(0, c.start - 1)) + 1;
  return TOTAL_BEFORE_RE.test(text.slice(Math.max(lineStart, c.start - 24), c.start));
}

export function extractAffectedCount(ctx: PostContext): Found<number> | null {
  const text = ctx.text;
  const ends: Ends = { stops: new CharPositions(text, '。'), lines: new CharPositions(text, '\n'), advice: new Map(), subset: new Map() };
  const counts = findCounts(text).filter((c) => c.start >= ctx.bodyStart && usable(ctx, c, text, ends));
  // A stated overall total wins over any sum (the last one: a follow-up's corrected table closes with it).
  const totals = ctx.sectionStarts.length >= 2 ? [] : counts.filter((c) => isStatedTotal(text, c, ends));
  if (totals.length > 0) {
    const people = totals.filter((c) => c.unit === 'person');
    const t = (people.length ? people : totals).reduce((a, b) => (b.value > a.value ? b : a));
    return { value: t.value, at: [[t.start, t.end]], confidence: 'high' };
  }
  if (ctx.sectionStarts.length >= 2) {
    // Several cases in one post: each case's own figure, added up.
    const bounds = [...ctx.sectionStarts, text.length];
    let total = 0;
    const at: Array<[number, number]> = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const inSection = counts.filter((c) => c.start >= bounds[k]! && c.end <= bounds[k + 1]!);
      const g = best(text, inSection, bounds[k]!, ends);
      if (g) {
        total += g.value;
        at.push(...g.at);
      }
    }
    if (total > 0) return { value: total, at, confidence: 'medium' };
  }
  const g = best(text, counts, ctx.bodyStart, ends);
  if (!g) return null;
  // One stated figure is high; a figure added up from groups, or picked among several, is medium.
  const confidence = g.at.length > 1 || counts.length > 1 ? 'medium' : 'high';
  return { value: g.value, at: g.at, confidence };
}
