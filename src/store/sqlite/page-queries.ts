// SQLite side of what the web pages read in bulk: the ids of every notice a search matches (without the
// cost of a snippet each), snippets for just the notices a page shows, and people's link decisions.

import type Database from 'better-sqlite3';
import { queryPhrases } from '../../core/bigram.ts';
import { JikenboError } from '../../core/errors.ts';
import { makeSnippet } from '../snippet.ts';
import { toDecision, type DecisionRow } from '../rows/decision-row.ts';
import type { IncidentStore, SearchStore } from '../ports.ts';
import type { FtsSearch } from './fts-search.ts';

const MAX_HITS = 100_000;

export function pageQueries(db: Database.Database, fts: FtsSearch): Pick<SearchStore, 'searchNoticeIds' | 'noticeSnippets'> & Pick<IncidentStore, 'listDecisions'> {
  // json_each keeps the statement one prepared shape whatever the number of ids.
  const texts = db.prepare<[string], { id: number; text: string }>(/* sql */ `
    SELECT n.id, n.text FROM notices n WHERE n.id IN (SELECT value FROM json_each(?))`);
  const decisions = db.prepare<[string, string], DecisionRow>(/* sql */ `
    SELECT * FROM manual_links
    WHERE notice_id IN (SELECT value FROM json_each(?)) OR other_notice_id IN (SELECT value FROM json_each(?))
    ORDER BY id`);

  return {
    async searchNoticeIds(query, options = {}) {
      if (query.trim() === '') throw new JikenboError('bad_input', 'the search query is empty', { subject: 'query' });
      const limit = Math.min(Math.max(1, options.limit ?? MAX_HITS), MAX_HITS);
      return fts.matchIds(queryPhrases(query), { clauses: [], params: {} }, { limit, offset: 0 });
    },

    async noticeSnippets(noticeIds, query) {
      const out = new Map<number, string>();
      if (noticeIds.length === 0) return out;
      for (const row of texts.all(JSON.stringify(noticeIds))) out.set(row.id, makeSnippet(row.text, query));
      return out;
    },

    async listDecisions(noticeIds) {
      const ids = JSON.stringify(noticeIds);
      return decisions.all(ids, ids).map(toDecision);
    },
  };
}
