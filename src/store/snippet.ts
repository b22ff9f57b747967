// The passage shown with a search hit, cut from the notice text itself (the index holds only bigrams).

import { normalizeForSearch } from '../core/bigram.ts';

export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

const MARK = /^\p{M}$/u;
const BREAK = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * A stretch of the normalised text and the raw text it came from: either a run that normalisation maps
 * one unit for one unit (left as it is, or a full-width digit made ASCII), or one character with its
 * marks, normalised as a whole.
 */
interface Segment {
  norm: number;
  raw: number;
  rawEnd: number;
  same: boolean;
}

/** The normalised text, and the segments that map each of its UTF-16 units back to a raw span. */
interface Normalized {
  text: string;
  segments: Segment[];
  /** How much of the raw text this covers: all of it, or a prefix ending between two characters. */
  rawEnd: number;
}

/**
 * Units that NFKC and lowercasing leave as they are: ASCII lowercase letters and digits, 、。「」 and
 * the like, kana, and the main CJK block. Most of a notice is these; they are copied in runs.
 */
const isStable = (unit: number): boolean =>
  (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x3001 && unit <= 0x3003) || (unit >= 0x3008 && unit <= 0x3011) ||
  (unit >= 0x3041 && unit <= 0x3096) || (unit >= 0x30a1 && unit <= 0x30fa) || unit === 0x30fc || (unit >= 0x4e00 && unit <= 0x9fff);

/** The first unit at or after `from` that is not stable (raw.length: none). A loop over the units: a regular expression's exec from each position cost twice as much. */
function firstUnstable(raw: string, from: number): number {
  let i = from;
  while (i < raw.length && isStable(raw.charCodeAt(i))) i++;
  return i;
}

/**
 * normalizeForSearch of one character and its marks, remembered: a page of hits repeats the same few
 * full-width digits and letters, and NFKC called once per character cost more than the search itself.
 */
const pieceCache = new Map<string, string>();
function normalizePiece(piece: string): string {
  let normalized = pieceCache.get(piece);
  if (normalized === undefined) {
    if (pieceCache.size >= 8192) pieceCache.clear();
    normalized = normalizeForSearch(piece);
    pieceCache.set(piece, normalized);
  }
  return normalized;
}

/** normalizeForSearch of one BMP unit with no mark after it, by the unit: no one-unit string is cut from the text to look it up. */
let unitCache: (string | undefined)[] | null = null;
function normalizeUnit(unit: number): string {
  unitCache ??= new Array<string | undefined>(0x10000);
  return (unitCache[unit] ??= normalizeForSearch(String.fromCharCode(unit)));
}

/** Combining marks start at U+0300 (dakuten U+3099 and U+309A sit outside the stable kana ranges). */
const isMarkAt = (raw: string, index: number): boolean => {
  const unit = raw.charCodeAt(index);
  if (unit < 0x300 || (unit >= 0x3041 && unit <= 0x3096) || (unit >= 0x30a1 && unit <= 0x30fa) || (unit >= 0x4e00 && unit <= 0x9fff)) return false;
  return MARK.test(String.fromCodePoint(raw.codePointAt(index)!));
};

/**
 * The one-for-one segment raw[from, to) continues: `run` made longer when it ends at `from`, else a new
 * one (at `norm` of the normalised text) pushed onto the segments.
 */
function oneForOne(segments: Segment[], run: Segment | null, norm: number, from: number, to: number): Segment {
  if (run !== null && run.rawEnd === from) {
    run.rawEnd = to;
    return run;
  }
  const next = { norm, raw: from, rawEnd: to, same: true };
  segments.push(next);
  return next;
}

/**
 * Normalises character by character (a stable run at a time) so every match maps back to the raw text:
 * the raw text up to `until` at least (a character and its marks are never cut), or all of it. A
 * character that normalises to one unit (a full-width digit, a bracket, a capital) continues the
 * one-for-one segment before it, so a notice's dates and punctuation add no segment each: a segment
 * object per such character was 40 % of what a search page allocated.
 */
function normalizeWithMap(raw: string, until = raw.length): Normalized {
  const out: string[] = [];
  const segments: Segment[] = [];
  let norm = 0;
  let i = 0;
  // The last segment while it maps one for one and ends where the next stretch starts (null: none).
  let run: Segment | null = null;
  while (i < raw.length && i < until) {
    let stop = firstUnstable(raw, i);
    // A mark belongs to the character before it, which then leaves the run.
    if (stop < raw.length && stop > i && isMarkAt(raw, stop)) stop--;
    if (stop > i) {
      run = oneForOne(segments, run, norm, i, stop);
      out.push(raw.slice(i, stop));
      norm += stop - i;
      i = stop;
      continue;
    }
    let end = i + (raw.codePointAt(i)! > 0xffff ? 2 : 1);
    // Keep combining marks with their base so NFKC can compose them (か + ゙ → が).
    while (end < raw.length && isMarkAt(raw, end)) {
      end += raw.codePointAt(end)! > 0xffff ? 2 : 1;
    }
    const piece = end === i + 1 ? normalizeUnit(raw.charCodeAt(i)) : normalizePiece(raw.slice(i, end));
    if (piece.length === 1 && end === i + 1) run = oneForOne(segments, run, norm, i, end);
    else {
      run = null;
      if (piece.length > 0) segments.push({ norm, raw: i, rawEnd: end, same: false });
    }
    out.push(piece);
    norm += piece.length;
    i = end;
  }
  return { text: out.join(''), segments, rawEnd: i };
}

/** The raw span of one unit of the normalised text. */
function rawSpanAt(norm: Normalized, at: number): [number, number] {
  const { segments } = norm;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.norm <= at) lo = mid;
    else hi = mid - 1;
  }
  const s = segments[lo]!;
  return s.same ? [s.raw + (at - s.norm), s.raw + (at - s.norm) + 1] : [s.raw, s.rawEnd];
}

/** A page of hits makes one snippet per hit for the same query: its needles are worked out once. */
let lastNeedles: { query: string; needles: string[] } | null = null;
function cachedNeedlesOf(query: string): string[] {
  if (lastNeedles?.query !== query) lastNeedles = { query, needles: needlesOf(query) };
  return lastNeedles.needles;
}

/** What to look for: each query word, and the pieces between its punctuation as a fallback. */
function needlesOf(query: string): string[] {
  const needles = new Set<string>();
  for (const word of normalizeForSearch(query).split(/\s+/u)) {
    const pieces = word.split(BREAK).filter((p) => p.length > 0);
    if (pieces.length === 0) continue;
    needles.add(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}\p{M}]+$/gu, ''));
    for (const piece of pieces) needles.add(piece);
  }
  needles.delete('');
  // Longest first, so a whole word wins over its pieces where both match.
  return [...needles].sort((a, b) => b.length - a.length);
}

/**
 * A snippet shows the marks of about 2 × context characters, so no needle needs more spans than
 * this: a notice repeating one word 80,000 times costs one pass over its text, not 80,000 spans.
 */
export const MAX_SPANS_PER_NEEDLE = 1000;

/**
 * Raw spans of the non-overlapping matches of the needles (a longer needle first), in text order:
 * each needle's earliest matches, up to `limit` of them. Linear: the spans taken so far are kept in
 * text order, so each match is checked against one of them (the first not ending before it), never
 * against all; a needle's new spans are then merged in.
 */
function matchSpans(norm: Normalized, needles: string[], limit = MAX_SPANS_PER_NEEDLE): Array<[number, number]> {
  let taken: Array<[number, number]> = [];
  for (const needle of needles) {
    const fresh: Array<[number, number]> = [];
    let j = 0;
    let lastEnd = -1;
    for (let from = 0; fresh.length < limit;) {
      const at = norm.text.indexOf(needle, from);
      if (at < 0) break;
      from = at + needle.length;
      const start = rawSpanAt(norm, at)[0];
      const end = rawSpanAt(norm, at + needle.length - 1)[1];
      // Two matches of one needle can share a raw character that normalises to several (㈱ → (株)).
      if (start < lastEnd) continue;
      while (j < taken.length && taken[j]![1] <= start) j++;
      if (j < taken.length && taken[j]![0] < end) continue;
      fresh.push([start, end]);
      lastEnd = end;
    }
    if (fresh.length > 0) taken = mergeByStart(taken, fresh);
  }
  return taken;
}

/** Two lists of disjoint spans, each in text order, as one list in text order. */
function mergeByStart(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  let k = 0;
  while (i < a.length || k < b.length) {
    if (k >= b.length || (i < a.length && a[i]![0] <= b[k]![0])) out.push(a[i++]!);
    else out.push(b[k++]!);
  }
  return out;
}

/** Moves an index off the second half of a surrogate pair so slicing never splits a character. */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * A one-line passage around the first match of any query word, about `context` characters either
 * side, with every match inside it wrapped in MATCH_START … MATCH_END. Without a match, the opening.
 */
export function makeSnippet(text: string, query: string, context = 40, firstPrefix = 2048): string {
  const needles = cachedNeedlesOf(query);
  // A longer needle's match that starts inside the passage wins over a shorter one's there, so the
  // prefix must reach past the passage's end by more than such a match's raw span: four times the
  // needle's length and more (only characters that normalise to nothing, inside a match, stretch it further).
  const margin = 8 + 4 * needles.reduce((n, needle) => Math.max(n, needle.length), 0);
  let spans: Array<[number, number]>;
  // Most notices name the word early: normalise a prefix, and more only when the passage may lie beyond it.
  for (let until = firstPrefix; ; until *= 4) {
    const norm = normalizeWithMap(text, until);
    spans = matchSpans(norm, needles);
    if (norm.rawEnd >= text.length) break;
    const first = spans[0];
    if (first && first[1] + context + margin <= norm.rawEnd) break;
  }
  const first = spans[0];
  const from = first ? Math.max(0, safeIndex(text, first[0] - context)) : 0;
  const to = first ? Math.min(text.length, safeIndex(text, first[1] + context)) : Math.min(text.length, safeIndex(text, context * 2));
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [s, e] of spans) {
    if (s >= to) break;
    if (s < at || e > to) continue;
    out += text.slice(at, s) + MATCH_START + text.slice(s, e) + MATCH_END;
    at = e;
  }
  out += text.slice(at, to) + (to < text.length ? '…' : '');
  return out.replace(/\s+/gu, ' ').trim();
}
