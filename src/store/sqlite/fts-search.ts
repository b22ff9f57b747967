// SQLite's search plan over the FTS5 bigram index: the notice ids a query matches, best first, with the
// work bounded by SEARCH_RANK_LIMIT rather than by how many notices match (see ../search-ranking.ts).

import type Database from 'better-sqlite3';
import type { QueryPhrase } from '../../core/bigram.ts';
import { splitByFrequency } from '../search-ranking.ts';
import type { NoticeFilterSql } from '../queries/notice-queries.ts';
import { ftsMatchExpression } from './fts-query.ts';

export interface FtsHit {
  id: number;
  /** Higher is better: -bm25 over the ranking words, 0 for every hit when all words are common. */
  score: number;
}

export interface FtsSearch {
  /** The matching notice ids best first, after the filters, `offset` skipped, at most `limit`. */
  match(phrases: readonly QueryPhrase[], filter: NoticeFilterSql, window: { limit: number; offset: number }): FtsHit[];
  /** match's ids alone, in its order: a common word's many hits without an object each. */
  matchIds(phrases: readonly QueryPhrase[], filter: NoticeFilterSql, window: { limit: number; offset: number }): number[];
}

/** Windows up to this size are read a row at a time, newest first, stopping at the window's end. */
const ONE_ROW_EACH = 1000;

export function ftsSearch(db: Database.Database, rankLimit: number): FtsSearch {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  // Stops at limit+1 matches: a common word costs no more to classify than a rare one.
  const countUpTo = db.prepare<[string, number], { n: number }>(/* sql */ `
    SELECT count(*) AS n FROM (SELECT 1 FROM notice_fts WHERE notice_fts MATCH ? LIMIT ?)`);
  // bm25 counts the notices holding each phrase of its MATCH (for the idf), so only ranking words go in.
  const ranked = db.prepare<[string], { id: number; rank: number }>(/* sql */ `
    SELECT rowid AS id, bm25(notice_fts) AS rank FROM notice_fts WHERE notice_fts MATCH ? ORDER BY rank, rowid`);
  // All words ANDed: FTS5 steps through the rarest and seeks in the others, so this stays cheap.
  const matchingBetween = db.prepare<[string, number, number], number>(/* sql */ `
    SELECT rowid FROM notice_fts WHERE notice_fts MATCH ? AND rowid BETWEEN ? AND ?`).pluck();

  // Every match as one JSON array, in the index's own order: a search page's thousands of ids cost a
  // fifth less so than as a row each (2.1 against 2.7 ms for 11,500 ids at 100,000 notices).
  const everyMatch = db.prepare<[string], string>(/* sql */ `
    SELECT json_group_array(rowid) FROM (SELECT rowid FROM notice_fts WHERE notice_fts MATCH ? ORDER BY rowid)`).pluck();

  const everyMatchNewestFirst = (match: string) => (JSON.parse(everyMatch.get(match)!) as number[]).reverse();
  const takesAll = (filter: NoticeFilterSql, window: { limit: number; offset: number }) => filter.clauses.length === 0 && window.offset + window.limit > ONE_ROW_EACH;
  const windowOf = (ids: number[], window: { limit: number; offset: number }) =>
    (window.offset === 0 && ids.length <= window.limit ? ids : ids.slice(window.offset, window.offset + window.limit));

  const countOf = (phrase: QueryPhrase) => countUpTo.get(ftsMatchExpression([phrase])!, rankLimit + 1)!.n;

  /** Every word common: newest first, filters checked row by row as FTS5 walks its ids down. */
  function newest(match: string, filter: NoticeFilterSql, window: { limit: number; offset: number }): number[] {
    // A window this large takes (nearly) every match: all of them at once, turned newest first.
    if (takesAll(filter, window)) return windowOf(everyMatchNewestFirst(match), window);
    // CROSS JOIN keeps FTS5 as the outer loop, so LIMIT stops the walk early.
    const sql = filter.clauses.length === 0
      ? 'SELECT rowid FROM notice_fts WHERE notice_fts MATCH @match ORDER BY rowid DESC LIMIT @limit OFFSET @offset'
      : /* sql */ `
        SELECT f.rowid FROM notice_fts f CROSS JOIN notices n ON n.id = f.rowid
        WHERE f.notice_fts MATCH @match AND ${filter.clauses.join(' AND ')}
        ORDER BY f.rowid DESC LIMIT @limit OFFSET @offset`;
    return prepare(sql).pluck().all({ match, ...filter.params, ...window }) as number[];
  }

  function passingFilters(ids: readonly number[], filter: NoticeFilterSql): Set<number> {
    const sql = /* sql */ `
      SELECT n.id FROM notices n WHERE n.id IN (SELECT value FROM json_each(@ids)) AND ${filter.clauses.join(' AND ')}`;
    return new Set(prepare(sql).pluck().all({ ids: JSON.stringify(ids), ...filter.params }) as number[]);
  }

  /** The hits best first: bare ids, all scored 0, when every word is common (newest first). */
  function search(phrases: readonly QueryPhrase[], filter: NoticeFilterSql, window: { limit: number; offset: number }): FtsHit[] | number[] {
    const words = phrases.filter((p) => p.tokens.length > 0);
    const all = ftsMatchExpression(words);
    // A query of only punctuation has no token to look for, so nothing can match it.
    if (all === null) return [];
    let counts: number[];
    if (words.length === 1 && takesAll(filter, window)) {
      // One word, every match wanted: a single walk over them both counts them and, for a common word,
      // is the answer (counting up to the limit first walked a thousand of them once more).
      const newestFirst = everyMatchNewestFirst(all);
      if (newestFirst.length > rankLimit) return windowOf(newestFirst, window);
      counts = [newestFirst.length];
    } else {
      counts = words.map(countOf);
    }
    // A word in no notice: the AND of the words matches nothing.
    if (counts.includes(0)) return [];
    const { ranking, narrowing } = splitByFrequency(words, (_, i) => counts[i]! > rankLimit);
    if (ranking.length === 0) return newest(all, filter, window);
    // At most rankLimit rows: every ranking word is in at most that many notices.
    let hits = ranked.all(ftsMatchExpression(ranking)!);
    if (hits.length === 0) return [];
    if (narrowing.length > 0) {
      const ids = hits.map((h) => h.id);
      const keep = new Set(matchingBetween.all(all, ids.reduce((a, b) => Math.min(a, b)), ids.reduce((a, b) => Math.max(a, b))));
      hits = hits.filter((h) => keep.has(h.id));
    }
    if (filter.clauses.length > 0 && hits.length > 0) {
      const keep = passingFilters(hits.map((h) => h.id), filter);
      hits = hits.filter((h) => keep.has(h.id));
    }
    // bm25() is lower for better matches; the port's score is higher for better ones.
    return hits.slice(window.offset, window.offset + window.limit).map((h) => ({ id: h.id, score: -h.rank }));
  }
  const bare = (found: FtsHit[] | number[]): found is number[] => found.length > 0 && typeof found[0] === 'number';

  return {
    match(phrases, filter, window) {
      const found = search(phrases, filter, window);
      return bare(found) ? found.map((id) => ({ id, score: 0 })) : found;
    },
    matchIds(phrases, filter, window) {
      const found = search(phrases, filter, window);
      return bare(found) ? found : found.map((h) => h.id);
    },
  };
}
