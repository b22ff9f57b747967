// How alike two notices' texts are: Dice coefficient over character bigrams (multisets) of the compact text.

import { compactText } from './org-name.ts';

/** Bigram → count; a bigram is two UTF-16 units packed in one number, cheaper than a string key. */
export type BigramCounts = Map<number, number>;

/** Counts of `compact` text as compactText gives it (callers usually have it already). */
export function bigramCounts(compact: string): BigramCounts {
  const counts: BigramCounts = new Map();
  for (let i = 0; i + 1 < compact.length; i++) {
    const g = compact.charCodeAt(i) * 0x10000 + compact.charCodeAt(i + 1);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

export function textSimilarity(a: string, b: string): number {
  return diceSimilarity(bigramCounts(compactText(a)), bigramCounts(compactText(b)));
}

function total(counts: BigramCounts): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}

/** 2·|A∩B| / (|A|+|B|); 1 for two empty texts. */
export function diceSimilarity(a: BigramCounts, b: BigramCounts): number {
  const size = total(a) + total(b);
  if (size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [g, c] of small) shared += Math.min(c, large.get(g) ?? 0);
  return (2 * shared) / size;
}

/** The highest Dice two texts of these lengths could reach; lets callers skip hopeless pairs. */
export function diceUpperBound(lengthA: number, lengthB: number): number {
  const sum = lengthA + lengthB;
  return sum === 0 ? 1 : (2 * Math.min(lengthA, lengthB)) / sum;
}
