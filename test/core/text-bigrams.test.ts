// bigramPostings / textsWithPairsOf: each pair of adjacent units with the texts holding it, checked
// against a plain search of every text.
import { describe, expect, it } from 'vitest';
import { bigramPostings, PairSlots, textsWithPairsOf } from '../../src/core/text-bigrams.ts';

function joinAll(texts: string[]): { joined: string; starts: Int32Array } {
  const starts = new Int32Array(texts.length + 1);
  let at = 0;
  texts.forEach((t, i) => { starts[i] = at; at += t.length + 1; });
  starts[texts.length] = at;
  return { joined: texts.join('\u0000'), starts };
}

describe('text bigrams', () => {
  const texts = ['フジクラ', 'ほしぞら病院', '病院病院', '', 'a', 'fujikura.co.jp', '𠮷野家'];
  const { joined, starts } = joinAll(texts);
  const postings = bigramPostings(joined, starts);
  const candidates = (term: string) => {
    const found = textsWithPairsOf(postings, term);
    return found === null ? null : [...found];
  };

  it("gives the texts of a term's rarest pair, ascending, each once", () => {
    expect(candidates('病院')).toEqual([1, 2]);
    expect(candidates('しぞら病院')).toEqual([1]);
    expect(candidates('院病')).toEqual([2]);
    expect(candidates('.co')).toEqual([5]);
    // A surrogate pair is two units: its halves make a pair like any other.
    expect(candidates('𠮷野')).toEqual([6]);
  });

  it('gives nothing for a pair no text holds, or one that only spans two texts, and null below two units', () => {
    expect(candidates('病棟')).toEqual([]);
    expect(candidates('院ほ')).toEqual([]);
    expect(candidates('ラほ')).toEqual([]);
    expect(candidates('病')).toBeNull();
    expect(candidates('')).toBeNull();
  });

  it('holds every text that holds the term, over many random texts', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const letters = [...'あいうえお病院ABcd1'];
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
    const many = Array.from({ length: 500 }, () => word(Math.floor(rand() * 10)));
    const all = joinAll(many);
    const p = bigramPostings(all.joined, all.starts);
    for (let k = 0; k < 300; k++) {
      const term = word(2 + Math.floor(rand() * 3));
      const got = [...textsWithPairsOf(p, term)!];
      const holding = many.flatMap((t, i) => (t.includes(term) ? [i] : []));
      for (const i of holding) expect(got).toContain(i);
      expect(got).toEqual([...new Set(got)].sort((a, b) => a - b));
      // Every candidate holds the term's rarest pair, so holds at least one of its pairs.
      for (const i of got) expect([...Array(term.length - 1).keys()].some((j) => many[i]!.includes(term.slice(j, j + 2)))).toBe(true);
    }
  });
});

describe('PairSlots', () => {
  it('gives each key one slot in the order first seen, across growth, and -1 for a key never given', () => {
    const slots = new PairSlots();
    const keys = Array.from({ length: 20000 }, (_, i) => ((i * 2654435761) >>> 0));
    keys.forEach((k, i) => expect(slots.slotOf(k)).toBe(i));
    keys.forEach((k, i) => expect(slots.get(k)).toBe(i));
    expect(slots.slotOf(keys[123]!)).toBe(123);
    expect(slots.size).toBe(20000);
    expect(slots.get(0xffffffff)).toBe(-1);
  });
});
