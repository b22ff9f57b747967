// Full-text search on both engines: the engine's own index finds the notice ids, best first (FTS5 on
// SQLite, tsvector on PostgreSQL, handed in as `match`); the rows of the page's hits are read here, once.

import { queryPhrases, type QueryPhrase } from '../../core/bigram.ts';
import { JikenboError } from '../../core/errors.ts';
import { checkFilters, checkPaging } from '../filters.ts';
import type { SearchStore } from '../ports.ts';
import { makeSnippet } from '../snippet.ts';
import { all, type SqlEngine } from '../sql/sql.ts';
import type { ListOptions, SearchHit } from '../store.ts';
import { noticeFilterSql, summaryColumns, toSummary, type NoticeFilterSql, type SummaryRow } from './notice-queries.ts';

export interface MatchHit {
  id: number;
  /** Higher is better; 0 for every hit when all the words are common (newest first). */
  score: number;
}

/**
 * The engine's search plan (search-ranking.ts's rule over its own index): the notice ids every phrase
 * matches, after the filters (clauses over `notices n` with @named values), best first, `offset`
 * skipped, at most `limit`.
 */
export type MatchNotices = (phrases: readonly QueryPhrase[], filter: NoticeFilterSql, window: { limit: number; offset: number }) => Promise<MatchHit[]>;

export function searchQueries(engine: SqlEngine, match: MatchNotices): Pick<SearchStore, 'search'> {
  const { inList, list } = engine.dialect;
  const hitRows = `SELECT ${summaryColumns(engine.dialect)}, n.text FROM notices n WHERE n.id ${inList('ids', 'integer')}`;
  return {
    async search(query, options: ListOptions = {}) {
      if (query.trim() === '') throw new JikenboError('bad_input', 'the search query is empty', { subject: 'query' });
      const filters = checkFilters(options);
      const paging = checkPaging(options);
      // Ids first, then columns and text for the page only.
      const hits = await match(queryPhrases(query), noticeFilterSql(filters), paging);
      if (hits.length === 0) return [];
      const found = await engine.each(() => all<SummaryRow & { text: string }>(hitRows, { ids: list(hits.map((h) => h.id)) }));
      const rows = new Map(found.map((row) => [row.id, row]));
      return hits.map((hit): SearchHit => {
        const row = rows.get(hit.id)!;
        return { ...toSummary(row), snippet: makeSnippet(row.text, query), score: hit.score };
      });
    },
  };
}
