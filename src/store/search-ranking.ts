// The rule both engines follow to order search matches at any casebook size: words found in few notices
// rank the matches by relevance; words found in very many only narrow them.

import { JikenboError } from '../core/errors.ts';

/**
 * A query word found in more notices than this is common: it still narrows the matches, but does not
 * rank them. Ranking (bm25 on SQLite, ts_rank_cd on PostgreSQL) reads every candidate's word positions,
 * and SQLite's bm25 also counts every notice holding each ranked word; bounding the ranked words bounds
 * that work however large the casebook grows. A common word says little about relevance anyway
 * (個人情報 is in nearly every notice; bm25 gives a word in over half of them next to no weight).
 *
 * Named difference: reading one notice's positions costs PostgreSQL (a tsvector stored out of line,
 * then the phrase checked and ranked: 20–60 µs) about ten times what it costs SQLite's FTS5 (3–4 µs),
 * so PostgreSQL ranks fewer. Each limit keeps the ranking part of a search near 5–10 ms on one core.
 */
export const SEARCH_RANK_LIMIT = { sqlite: 1000, postgres: 500 } as const;

/** The limit a store was opened with, checked: tests open stores with a small one. */
export function checkRankLimit(limit: number | undefined, engine: keyof typeof SEARCH_RANK_LIMIT): number {
  const value = limit ?? SEARCH_RANK_LIMIT[engine];
  if (!Number.isInteger(value) || value < 1) {
    throw new JikenboError('bad_input', `searchRankLimit must be a whole number from 1, got ${value}`, { subject: 'searchRankLimit' });
  }
  return value;
}

/**
 * The words that rank a search and the words that only narrow it. With no ranking word (every word
 * common), the matches come newest first: the most recently stored notice first.
 */
export function splitByFrequency<P>(phrases: readonly P[], isCommon: (phrase: P, index: number) => boolean): { ranking: P[]; narrowing: P[] } {
  const ranking: P[] = [];
  const narrowing: P[] = [];
  phrases.forEach((phrase, i) => (isCommon(phrase, i) ? narrowing : ranking).push(phrase));
  return { ranking, narrowing };
}
