// What the web pages read in bulk, on both engines: every notice id a search matches (without the
// cost of a snippet each; the match itself is the engine's full-text index, handed in), snippets for
// just the notices a page shows, and people's link decisions.

import { queryPhrases, type QueryPhrase } from '../../core/bigram.ts';
import { JikenboError } from '../../core/errors.ts';
import type { IncidentStore, SearchStore } from '../ports.ts';
import { toDecision, type DecisionRow } from '../rows/decision-row.ts';
import { makeSnippet } from '../snippet.ts';
import { all, isRowId, type SqlEngine } from '../sql/sql.ts';

const MAX_HITS = 100_000;

/** The ids of the notices an engine's full-text index matches, best first, at most `limit`. */
export type MatchIds = (phrases: readonly QueryPhrase[], limit: number) => Promise<number[]>;

export function pageQueries(engine: SqlEngine, matchIds: MatchIds): Pick<SearchStore, 'searchNoticeIds' | 'noticeSnippets'> & Pick<IncidentStore, 'listDecisions'> {
  const { inList, list } = engine.dialect;
  // One statement whatever the number of ids.
  const texts = `SELECT n.id, n.text FROM notices n WHERE n.id ${inList('ids', 'integer')}`;
  const decisions = `SELECT * FROM manual_links WHERE notice_id ${inList('ids', 'integer')} OR other_notice_id ${inList('ids', 'integer')} ORDER BY id`;

  return {
    async searchNoticeIds(query, options = {}) {
      if (query.trim() === '') throw new JikenboError('bad_input', 'the search query is empty', { subject: 'query' });
      const limit = Math.min(Math.max(1, options.limit ?? MAX_HITS), MAX_HITS);
      return matchIds(queryPhrases(query), limit);
    },

    async noticeSnippets(noticeIds, query) {
      const out = new Map<number, string>();
      const ids = noticeIds.filter(isRowId);
      if (ids.length === 0) return out;
      for (const row of await engine.each(() => all<{ id: number; text: string }>(texts, { ids: list(ids) }))) out.set(row.id, makeSnippet(row.text, query));
      return out;
    },

    async listDecisions(noticeIds) {
      const ids = noticeIds.filter(isRowId);
      if (ids.length === 0) return [];
      return (await engine.each(() => all<DecisionRow>(decisions, { ids: list(ids) }))).map(toDecision);
    },
  };
}
