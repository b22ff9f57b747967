// SQLite's part of `jikenbo check` (queries/integrity-queries.ts): SQLite's own integrity check, its
// foreign keys and FTS5's own check first; then each notice probed in the FTS5 index by its own words.

import { indexTokens } from '../../core/bigram.ts';
import { probeTokens } from '../integrity.ts';
import type { EngineIntegrity } from '../queries/integrity-queries.ts';
import { all, get, run } from '../sql/sql.ts';

const PAGE = 500;
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

export const ftsIntegrity: EngineIntegrity = {
  *own(add) {
    for (const row of yield* all<{ integrity_check: string }>('PRAGMA integrity_check')) {
      if (row.integrity_check !== 'ok') add('schema', 'database', row.integrity_check);
    }
    for (const row of yield* all<{ table: string; rowid: number; parent: string }>('PRAGMA foreign_key_check')) {
      add('references', `${row.table}:${row.rowid}`, `names a missing row of ${row.parent}`);
    }
    try {
      yield* run("INSERT INTO notice_fts (notice_fts) VALUES ('integrity-check')");
    } catch (err) {
      add('search_index', 'notice_fts', `FTS5 integrity check: ${(err as Error).message}`);
    }
  },
  *searchIndex(add) {
    const indexed = new Set((yield* all<{ rowid: number }>('SELECT rowid FROM notice_fts')).map((r) => r.rowid));
    let notices = 0;
    for (let after = 0; ;) {
      const page = yield* all<{ id: number; text: string }>('SELECT id, text FROM notices WHERE id > @after ORDER BY id LIMIT @limit', { after, limit: PAGE });
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      for (const n of page) {
        notices++;
        if (!indexed.delete(n.id)) {
          add('search_index', `notice:${n.id}`, 'not in the full-text index');
          continue;
        }
        for (const tokens of probeTokens(indexTokens(n.text))) {
          const found = yield* get('SELECT 1 AS found FROM notice_fts WHERE notice_fts MATCH @match AND rowid = @id', { match: quote(tokens.join(' ')), id: n.id });
          if (found === undefined) {
            add('search_index', `notice:${n.id}`, `its own words "${tokens.join(' ')}" do not find it`);
            break;
          }
        }
      }
    }
    for (const id of indexed) add('search_index', `notice:${id}`, 'in the full-text index, but there is no such notice');
    return notices;
  },
};
