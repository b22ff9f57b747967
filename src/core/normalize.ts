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

function isStable(c: number): boolean {
  // The bulk of Japanese text: NFKC maps these to themselves, so they skip the per-chunk normalize call.
  return (c >= 0x20 && c <= 0x7e) || c === 0x0a || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) ||
    (c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002 || c === 0x30fc || c === 0x300c || c === 0x300d;
}

export function normalize(original: string): Normalized {
  const out: string[] = [];
  const n = original.length;
  let starts = new Int32Array(n + 8);
  let ends = new Int32Array(n + 8);
  let len = 0;
  let runStart = 0; // start of the pending run of unchanged characters
  const grow = (need: number) => {
    if (len + need <= starts.length) return;
    const size = Math.max(starts.length * 2, len + need);
    const s2 = new Int32Array(size);
    const e2 = new Int32Array(size);
    s2.set(starts.subarray(0, len));
    e2.set(ends.subarray(0, len));
    starts = s2;
    ends = e2;
  };
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1);
    while (j < n && isCombining(original.charCodeAt(j))) j++;
    if (j === i + 1 && (isStable(c) || isListMarker(c))) {
      grow(1);
      starts[len] = i;
      ends[len] = j;
      len++;
    } else {
      if (runStart < i) out.push(original.slice(runStart, i));
      const extra = j === i + 1 ? EXTRA_FOLD[c] : undefined;
      const piece = extra ?? original.slice(i, j).normalize('NFKC');
      grow(piece.length);
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
