// The passage shown with a search hit, cut from the notice text itself (the index holds only bigrams).

import { normalizeForSearch } from '../core/bigram.ts';

export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

const MARK = /^\p{M}$/u;
const BREAK = /[^\p{L}\p{N}\p{M}]+/u;

/** The normalised text, and for each of its UTF-16 units the raw span it came from. */
interface Normalized {
  text: string;
  rawStart: number[];
  rawEnd: number[];
}

/** Normalises character by character so that every match in the normalised text maps back to the raw text. */
function normalizeWithMap(raw: string): Normalized {
  const out: string[] = [];
  const rawStart: number[] = [];
  const rawEnd: number[] = [];
  let i = 0;
  while (i < raw.length) {
    let end = i + (raw.codePointAt(i)! > 0xffff ? 2 : 1);
    // Keep combining marks with their base so NFKC can compose them (か + ゙ → が).
    while (end < raw.length && MARK.test(String.fromCodePoint(raw.codePointAt(end)!))) {
      end += raw.codePointAt(end)! > 0xffff ? 2 : 1;
    }
    const piece = normalizeForSearch(raw.slice(i, end));
    for (let k = 0; k < piece.length; k++) {
      rawStart.push(i);
      rawEnd.push(end);
    }
    out.push(piece);
    i = end;
  }
  return { text: out.join(''), rawStart, rawEnd };
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

/** Raw spans of every non-overlapping match of the needles, in text order. */
function matchSpans(norm: Normalized, needles: string[]): Array<[number, number]> {
  const taken: Array<[number, number]> = [];
  for (const needle of needles) {
    let from = 0;
    for (;;) {
      const at = norm.text.indexOf(needle, from);
      if (at < 0) break;
      from = at + needle.length;
      const span: [number, number] = [norm.rawStart[at]!, norm.rawEnd[at + needle.length - 1]!];
      if (!taken.some(([s, e]) => span[0] < e && s < span[1])) taken.push(span);
    }
  }
  return taken.sort((a, b) => a[0] - b[0]);
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
export function makeSnippet(text: string, query: string, context = 40): string {
  const spans = matchSpans(normalizeWithMap(text), needlesOf(query));
  const first = spans[0];
  const from = first ? Math.max(0, safeIndex(text, first[0] - context)) : 0;
  const to = first ? Math.min(text.length, safeIndex(text, first[1] + context)) : Math.min(text.length, safeIndex(text, context * 2));
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [s, e] of spans) {
    if (s < at || e > to) continue;
    out += text.slice(at, s) + MATCH_START + text.slice(s, e) + MATCH_END;
    at = e;
  }
  out += text.slice(at, to) + (to < text.length ? '…' : '');
  return out.replace(/\s+/gu, ' ').trim();
}
