// NFKC normalisation that remembers, for every normalised character, where it came from in the original.

/** Normalised text plus, per normalised index, the original `[start, end)` of the character it came from. */
export interface Normalized {
  readonly text: string;
  readonly original: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

// Characters NFKC leaves alone but notices use interchangeably with ASCII punctuation.
const EXTRA_FOLD: Record<number, string> = {
  0x301c: '~', // 〜 wave dash
  0x2212: '-', // − minus sign
  0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2014: '-', 0x2015: '-',
};

function isCombining(c: number): boolean {
  // Marks that NFKC composes with the preceding character (ｶﾞ → ガ, か + ゙ → が, e + ́ → é).
  return (c >= 0x0300 && c <= 0x036f) || c === 0x3099 || c === 0x309a || c === 0xff9e || c === 0xff9f ||
    (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f) || (c >= 0xfe00 && c <= 0xfe0f);
}

// Circled numbers mark list items (②3378件); NFKC would glue them to the next number.
function isListMarker(c: number): boolean {
  return (c >= 0x2460 && c <= 0x2473) || (c >= 0x2776 && c <= 0x2793) || c === 0x24ea;
}

// What NFKC (with the extra folds) makes of each code unit on its own, learnt the first time it is met:
// 0 not yet known, 1 itself, 2 the string in MAPPED. Notices use a few hundred distinct characters.
const SEEN = new Uint8Array(0x10000);
const MAPPED = new Map<number, string>();

/** NFKC of one BMP character that no combining mark follows; null when it is unchanged. */
function mapOne(c: number): string | null {
  let state = SEEN[c]!;
  if (state === 0) {
    const ch = String.fromCharCode(c);
    const to = EXTRA_FOLD[c] ?? ch.normalize('NFKC');
    state = to === ch || isListMarker(c) ? 1 : 2;
    if (state === 2) MAPPED.set(c, to);
    SEEN[c] = state;
  }
  return state === 1 ? null : MAPPED.get(c)!;
}

export function normalize(original: string): Normalized {
  const out: string[] = [];
  const n = original.length;
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  let len = 0;
  let runStart = 0; // start of the pending run of unchanged characters
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n;
    let j = i + (pair ? 2 : 1);
    while (j < n && isCombining(original.charCodeAt(j))) j++;
    const single = j === i + 1;
    const piece = single ? mapOne(c) : original.slice(i, j).normalize('NFKC');
    if (piece === null) {
      // Unchanged: one position for one character (the buffers hold at least n positions).
      starts[len] = i;
      ends[len] = j;
      len++;
    } else {
      if (runStart < i) out.push(original.slice(runStart, i));
      if (len + piece.length + (n - j) > starts.length) {
        // Rare: a character NFKC expands (㍻ → 平成); make room for it and every character after it.
        const size = Math.max(starts.length * 2, len + piece.length + (n - j) + 16);
        const s2 = new Int32Array(size);
        const e2 = new Int32Array(size);
        s2.set(starts.subarray(0, len));
        e2.set(ends.subarray(0, len));
        starts = s2;
        ends = e2;
      }
      for (let k = 0; k < piece.length; k++) {
        starts[len] = i;
        ends[len] = j;
        len++;
      }
      out.push(piece);
      runStart = j;
    }
    i = j;
  }
  if (runStart < n) out.push(original.slice(runStart));
  return { text: out.join(''), original, starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

/** Maps a `[start, end)` range of the normalised text back to the original text. */
export function toOriginalSpan(norm: Normalized, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.starts.length ? norm.starts[start]! : norm.original.length;
    return [at, at];
  }
  const s = norm.starts[start] ?? norm.original.length;
  const e = norm.ends[end - 1] ?? norm.original.length;
  return [s, e];
}
