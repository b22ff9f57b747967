// Where one character occurs in a text, for the nearest occurrence before or after an offset in O(log n).
// indexOf/lastIndexOf from every count or date scans the whole text when the character is absent
// (a text without 。 or line breaks), which made long texts quadratic.

export class CharPositions {
  private readonly at: Int32Array;

  /** `ch` is one UTF-16 code unit (。 or a line break). */
  constructor(text: string, ch: string) {
    const c = ch.charCodeAt(0);
    const found: number[] = [];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === c) found.push(i);
    this.at = Int32Array.from(found);
  }

  /** `text.lastIndexOf(ch, from)` for `from >= 0`: the last position at or before `from`, or -1. */
  lastAtOrBefore(from: number): number {
    const k = this.firstIndexAbove(from) - 1;
    return k >= 0 ? this.at[k]! : -1;
  }

  /** `text.indexOf(ch, from)`: the first position at or after `from`, or -1. */
  firstAtOrAfter(from: number): number {
    const k = this.firstIndexAbove(from - 1);
    return k < this.at.length ? this.at[k]! : -1;
  }

  /** Index into `at` of the first position greater than `value`. */
  private firstIndexAbove(value: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
