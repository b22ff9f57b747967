// PostgreSQL's search plan over the bigram tsvectors: the rule of ../search-ranking.ts, with the GIN index
// counting each word's candidates and ts_rank_cd reading at most SEARCH_RANK_LIMIT tsvectors.

import { spellingsOf, type QueryPhrase } from '../../core/bigram.ts';
import type { NoticeFilterSql } from '../queries/notice-queries.ts';
import { splitByFrequency } from '../search-ranking.ts';
import { compile, valuesOf, type Params } from '../sql/sql.ts';
import { inTransaction, type Client, type Pool } from './pg-database.ts';
import { tsqueryText, tsqueryTokensText } from './pg-text-search.ts';

export interface PgHit {
  id: number;
  /** Higher is better: ts_rank_cd over the ranking words, 0 for every hit when all words are common. */
  score: number;
}

export interface PgSearch {
  /** The matching notice ids best first, after the filters, `offset` skipped, at most `limit`. */
  match(phrases: readonly QueryPhrase[], filter: NoticeFilterSql, window: { limit: number; offset: number }): Promise<PgHit[]>;
}

/**
 * The planner cannot see how phrases (`a <-> b`) spread over bigram tsvectors: it takes a common phrase
 * for a rare one, and reading a tsvector (out of line, about 10 µs) is what every plan must avoid. So
 * each statement here says which plan it needs, with SET LOCAL inside a read-only transaction:
 * counting from the GIN index alone (no sequential scan), and newest first by walking the primary key
 * down (no bitmap scan that rechecks every candidate before sorting).
 */
async function readOnly<T>(pool: Pool, work: (client: Client) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query('SET LOCAL enable_seqscan = off');
    return work(client);
  }, { readOnly: true });
}

/** The largest page found by walking the primary key down; beyond it, every candidate is read anyway. */
const MAX_WALKED_PAGE = 1000;

export function pgSearch(pool: Pool, rankLimit: number): PgSearch {
  /**
   * Notices holding every token of the phrase, counted up to rankLimit+1 from the GIN index alone: an
   * upper bound of the phrase's own count (exact for a one-token word), since checking the order of
   * the tokens means reading each notice's tsvector, the very work this is meant to bound.
   */
  async function candidates(client: Client, phrase: QueryPhrase): Promise<number> {
    const tokens = tsqueryTokensText(phrase);
    if (tokens === null) return 0;
    const { rows } = await client.query<{ n: number }>(/* sql */ `
      SELECT count(*)::int AS n FROM (SELECT 1 FROM notice_search WHERE body @@ $1::tsquery LIMIT $2) c`, [tokens, rankLimit + 1]);
    return rows[0]!.n;
  }

  /** A statement with @named values (the filters' clauses name theirs), as $1, $2, … */
  async function query<R>(client: Client, text: string, params: Params): Promise<R[]> {
    const { numbered, names } = compile(text);
    return (await client.query(numbered, valuesOf({ mode: 'all', text, params }, names))).rows as R[];
  }

  return {
    async match(phrases, filter, { limit, offset }) {
      const words = phrases.filter((p) => p.tokens.length > 0);
      const all = tsqueryText(words);
      // Nothing to look for, or a token too long for PostgreSQL to index: nothing can match.
      if (all === null) return [];
      return readOnly(pool, async (client) => {
        const counts: number[] = [];
        for (const word of words) counts.push(await candidates(client, word));
        // A word in no notice: the AND of the words matches nothing.
        if (counts.includes(0)) return [];
        const { ranking } = splitByFrequency(words, (_, i) => counts[i]! > rankLimit);
        const filters = filter.clauses;
        const params = { ...filter.params, all, limit, offset };
        if (ranking.length === 0) {
          // Every word common: newest first. A phrase (two tokens or more) is checked against each
          // candidate's tsvector, so for a page the primary key is walked down until the page is full
          // rather than every candidate checked and sorted; one-token words are exact in the GIN index,
          // and so are all the ids at once (searchNoticeIds): there the index and a sort do better.
          // With filters, notices are walked down (no sort of every notice of a sector) and only those
          // that pass have their tsvector read: a scalar subquery is never turned into a join, and as
          // the costliest condition it is checked last.
          const phrase = words.some((w) => spellingsOf(w).some((s) => s.tokens.length > 1));
          if (phrase && offset + limit <= MAX_WALKED_PAGE) await client.query('SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off');
          const rows = await query<{ id: number }>(client, filters.length === 0
            ? /* sql */ `
              SELECT s.notice_id AS id FROM notice_search s WHERE s.body @@ CAST(@all AS tsquery)
              ORDER BY s.notice_id DESC LIMIT @limit OFFSET @offset`
            : /* sql */ `
              SELECT n.id FROM notices n
              WHERE ${filters.join(' AND ')} AND (SELECT s.body @@ CAST(@all AS tsquery) FROM notice_search s WHERE s.notice_id = n.id)
              ORDER BY n.id DESC LIMIT @limit OFFSET @offset`, params);
          return rows.map((r) => ({ id: r.id, score: 0 }));
        }
        // At most rankLimit candidates: each ranking word's tokens are in at most that many notices.
        // ts_rank_cd (cover density) divided by the notice's length (normalization 2) where SQLite has
        // bm25: both rank more matches in a shorter notice higher.
        const from = filters.length > 0 ? 'notice_search s JOIN notices n ON n.id = s.notice_id' : 'notice_search s';
        const rows = await query<{ id: number; rank: number }>(client, /* sql */ `
          SELECT s.notice_id AS id, ts_rank_cd(s.body, CAST(@ranking AS tsquery), 2) AS rank
          FROM ${from} WHERE ${['s.body @@ CAST(@all AS tsquery)', ...filters].join(' AND ')}
          ORDER BY rank DESC, s.notice_id LIMIT @limit OFFSET @offset`, { ...params, ranking: tsqueryText(ranking) });
        return rows.map((r) => ({ id: r.id, score: r.rank }));
      });
    },
  };
}
