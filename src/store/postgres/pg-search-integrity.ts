// PostgreSQL's part of `jikenbo check` (queries/integrity-queries.ts): foreign keys are enforced by the
// server (no check of its own to run), and the search index is compared exactly: each notice's
// tsvector against the one its text makes.

import { tokenize } from '../../core/bigram.ts';
import type { EngineIntegrity } from '../queries/integrity-queries.ts';
import { all } from '../sql/sql.ts';
import { tsvectorText } from './pg-text-search.ts';

const PAGE = 500;

export const pgSearchIntegrity: EngineIntegrity = {
  *own() {},
  *searchIndex(add) {
    let notices = 0;
    for (let after = 0; ;) {
      const page = yield* all<{ id: number; text: string }>('SELECT id, text FROM notices WHERE id > @after ORDER BY id LIMIT @limit', { after, limit: PAGE });
      if (page.length === 0) break;
      notices += page.length;
      after = page[page.length - 1]!.id;
      const wrong = yield* all<{ id: number; indexed: boolean }>(/* sql */ `
        SELECT e.id, s.notice_id IS NOT NULL AS indexed
        FROM unnest(CAST(@ids AS int[]), CAST(@vectors AS tsvector[])) AS e (id, v)
        LEFT JOIN notice_search s ON s.notice_id = e.id
        WHERE s.body IS DISTINCT FROM e.v`, { ids: page.map((n) => n.id), vectors: page.map((n) => tsvectorText(tokenize(n.text))) });
      for (const w of wrong) add('search_index', `notice:${w.id}`, w.indexed ? 'its index entry does not hold its words' : 'not in the full-text index');
    }
    for (const s of yield* all<{ notice_id: number }>('SELECT s.notice_id FROM notice_search s WHERE NOT EXISTS (SELECT 1 FROM notices n WHERE n.id = s.notice_id)')) {
      add('search_index', `notice:${s.notice_id}`, 'in the full-text index, but there is no such notice');
    }
    return notices;
  },
};
