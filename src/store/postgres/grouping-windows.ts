// PostgreSQL's part of grouping (queries/grouping-queries.ts GroupingParts). Named difference: the
// contractor-cue windows are a tsvector of their distinct character bigrams (PostgreSQL has no trigram
// index without an extension); a key's bigrams all present find a superset of the windows holding it,
// which the caller reads. Queue positions come from the grouping_seq sequence.

import type { GroupingParts } from '../queries/grouping-queries.ts';
import { all, run } from '../sql/sql.ts';
import { quoteLexeme } from './pg-text-search.ts';

/** Each line's adjacent pairs of characters (code points, so no pair splits one), once each. */
function bigramsOf(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const chars = Array.from(line);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

/** `'ab' & 'bc'`: all the key's bigrams, every lexeme quoted; null for a key of one character. */
function keyQuery(key: string): string | null {
  const part = bigramsOf(key).map(quoteLexeme).join(' & ');
  return part === '' ? null : part;
}

export const postgresGrouping: GroupingParts = {
  *saveWindows(ids, entries) {
    if (ids.length > 0) yield* run('DELETE FROM grouping_windows WHERE notice_id = ANY (CAST(@ids AS integer[]))', { ids: [...ids] });
    if (entries.length === 0) return;
    // A notice deleted since it was read is not indexed.
    yield* run(/* sql */ `
      INSERT INTO grouping_windows (notice_id, body, grams, at)
      SELECT w.id, w.body, w.grams::tsvector, w.at
      FROM unnest(CAST(@ids AS integer[]), CAST(@bodies AS text[]), CAST(@grams AS text[]), CAST(@ats AS text[])) AS w (id, body, grams, at)
      WHERE EXISTS (SELECT 1 FROM notices n WHERE n.id = w.id)`, {
      ids: entries.map((e) => e.id), bodies: entries.map((e) => e.windows),
      grams: entries.map((e) => bigramsOf(e.windows).map(quoteLexeme).join(' ')), ats: entries.map((e) => e.at),
    });
  },
  *writersNaming(keys) {
    const wanted = keys.flatMap((k) => {
      const query = keyQuery(k.key);
      return query === null ? [] : [{ ...k, query }];
    });
    if (wanted.length === 0) return [];
    // Every key in one statement, each with its window (undated windows always match).
    return yield* all<{ id: number; windows: string; key: string }>(/* sql */ `
      SELECT w.notice_id AS id, w.body AS windows, k.key
      FROM unnest(CAST(@keys AS text[]), CAST(@queries AS text[]), CAST(@los AS text[]), CAST(@his AS text[])) AS k (key, query, lo, hi)
      JOIN grouping_windows w ON w.grams @@ k.query::tsquery
        AND (w.at IS NULL OR (w.at >= coalesce(k.lo, '') AND w.at <= coalesce(k.hi, '9999')))
      ORDER BY k.key, w.notice_id`,
    { keys: wanted.map((k) => k.key), queries: wanted.map((k) => k.query), los: wanted.map((k) => k.from), his: wanted.map((k) => k.to) });
  },
  queueSeq: () => "nextval('grouping_seq')",
};
