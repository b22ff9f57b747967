// PostgreSQL side of what the web pages read in bulk, as sqlite/page-queries.ts: every notice id a
// search matches, snippets for the few a page shows, and people's link decisions.

import { queryPhrases } from '../../core/bigram.ts';
import { JikenboError } from '../../core/errors.ts';
import { makeSnippet } from '../snippet.ts';
import { toDecision, type DecisionRow } from '../rows/decision-row.ts';
import { isRowId, rows, type Pool } from './pg-database.ts';
import type { PgSearch } from './pg-search.ts';
import type { IncidentStore, SearchStore } from '../ports.ts';

const MAX_HITS = 100_000;

export function pageQueries(pool: Pool, fts: PgSearch): Pick<SearchStore, 'searchNoticeIds' | 'noticeSnippets'> & Pick<IncidentStore, 'listDecisions'> {
  return {
    async searchNoticeIds(query, options = {}) {
      if (query.trim() === '') throw new JikenboError('bad_input', 'the search query is empty', { subject: 'query' });
      const limit = Math.min(Math.max(1, options.limit ?? MAX_HITS), MAX_HITS);
      return (await fts.match(queryPhrases(query), () => [], { limit, offset: 0 })).map((hit) => hit.id);
    },

    async noticeSnippets(noticeIds, query) {
      const out = new Map<number, string>();
      const ids = noticeIds.filter(isRowId);
      if (ids.length === 0) return out;
      for (const row of await rows<{ id: number; text: string }>(pool, 'SELECT id, text FROM notices WHERE id = ANY ($1::int[])', [ids])) {
        out.set(row.id, makeSnippet(row.text, query));
      }
      return out;
    },

    async listDecisions(noticeIds) {
      const ids = noticeIds.filter(isRowId);
      const found = await rows<DecisionRow>(pool, /* sql */ `
        SELECT * FROM manual_links WHERE notice_id = ANY ($1::int[]) OR other_notice_id = ANY ($1::int[]) ORDER BY id`, [ids]);
      return found.map(toDecision);
    },
  };
}
