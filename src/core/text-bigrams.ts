// Which of many short texts may hold a term, without reading them all: each pair of adjacent UTF-16
// units of each text, with the texts holding that pair. A text holding a term of two units or more holds
// every pair of it, so the texts of the term's rarest pair are the only ones to look in. The texts are
// given joined in one string, text i at joined[starts[i], starts[i + 1] - 1) (one separator unit after each).

export interface BigramPostings {
  pairs: PairSlots;
  /** The texts holding the pair of slot s are texts[start[s] .. start[s + 1]), ascending, each once. */
  start: Int32Array;
  texts: Int32Array;
}

const pairAt = (s: string, p: number) => ((s.charCodeAt(p) << 16) | s.charCodeAt(p + 1)) >>> 0;

/**
 * Each pair, as (first unit << 16 | second unit), → its slot (0, 1, 2… in the order first seen): an
 * open-addressing table in typed arrays, kept at most half full. A Map of the same took 80 ms for the
 * 1.3 million pairs of 56,000 organisations' texts.
 */
export class PairSlots {
  size = 0;
  private bits = 12;
  private keys = new Uint32Array(1 << this.bits);
  private slots = new Int32Array(1 << this.bits).fill(-1);

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
  }

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let h = this.home(key); ; h = (h + 1) & mask) {
      const slot = this.slots[h]!;
      if (slot < 0 || this.keys[h] === key) return slot;
    }
  }

  /** The key's slot, a new one when it has none. */
  slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let h = this.home(key);
    for (; ; h = (h + 1) & mask) {
      const slot = this.slots[h]!;
      if (slot < 0) break;
      if (this.keys[h] === key) return slot;
    }
    this.keys[h] = key;
    this.slots[h] = this.size;
    if (++this.size * 2 > this.keys.length) this.grow();
    return this.size - 1;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.bits++;
    this.keys = new Uint32Array(1 << this.bits);
    this.slots = new Int32Array(1 << this.bits).fill(-1);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (slots[i]! < 0) continue;
      let h = this.home(keys[i]!);
      while (this.slots[h]! >= 0) h = (h + 1) & mask;
      this.keys[h] = keys[i]!;
      this.slots[h] = slots[i]!;
    }
  }
}

/**
 * The postings of the texts' pairs, by counting: a pass to count each pair's texts, a pass to place
 * them. Texts are visited in order, so each pair's list comes out ascending, and a pair a text holds
 * twice is placed once (the last text seen for each pair is remembered).
 */
export function bigramPostings(joined: string, starts: Int32Array): BigramPostings {
  const count = starts.length - 1;
  const pairs = new PairSlots();
  let sizes = new Int32Array(1024);
  let lastText = new Int32Array(1024).fill(-1);
  for (let i = 0; i < count; i++) {
    const end = starts[i + 1]! - 1;
    for (let p = starts[i]!; p + 1 < end; p++) {
      const slot = pairs.slotOf(pairAt(joined, p));
      if (slot >= sizes.length) {
        const more = new Int32Array(sizes.length * 2);
        more.set(sizes);
        sizes = more;
        const last = new Int32Array(lastText.length * 2).fill(-1);
        last.set(lastText);
        lastText = last;
      }
      if (lastText[slot] === i) continue;
      lastText[slot] = i;
      sizes[slot]!++;
    }
  }
  const start = new Int32Array(pairs.size + 1);
  for (let s = 0; s < pairs.size; s++) start[s + 1] = start[s]! + sizes[s]!;
  const texts = new Int32Array(start[pairs.size]!);
  const next = start.slice(0, pairs.size);
  lastText.fill(-1);
  for (let i = 0; i < count; i++) {
    const end = starts[i + 1]! - 1;
    for (let p = starts[i]!; p + 1 < end; p++) {
      // Looked up again rather than kept from the first pass: a slot per character is megabytes made and dropped.
      const slot = pairs.get(pairAt(joined, p));
      if (lastText[slot] === i) continue;
      lastText[slot] = i;
      texts[next[slot]!++] = i;
    }
  }
  return { pairs, start, texts };
}

/**
 * The texts that may hold `term` (every text holding it is among them), ascending: those of its rarest
 * pair. Null for a term of fewer than two units, which has no pair to look up.
 */
export function textsWithPairsOf(postings: BigramPostings, term: string): Int32Array | null {
  if (term.length < 2) return null;
  let best: Int32Array | null = null;
  for (let p = 0; p + 1 < term.length; p++) {
    const slot = postings.pairs.get(pairAt(term, p));
    if (slot < 0) return new Int32Array(0);
    const from = postings.start[slot]!;
    const to = postings.start[slot + 1]!;
    if (best === null || to - from < best.length) best = postings.texts.subarray(from, to);
  }
  return best;
}
