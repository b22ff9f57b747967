// SQLite's part of grouping (queries/grouping-queries.ts GroupingParts): the contractor-cue windows in
// an FTS5 trigram table (rowid = notice id), and queue positions after the largest given.

import type { GroupingParts } from '../queries/grouping-queries.ts';
import { all, run } from '../sql/sql.ts';

/** A quoted FTS5 phrase (quotes doubled): no key is query syntax. */
function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The windows that may hold a key: its first, middle and last trigram, each anywhere in the window
 * (AND), rather than the key as a phrase of all its trigrams in a row. Every window holding the key
 * holds these (a superset, which the caller reads anyway), and FTS5 reads three trigrams' entries
 * instead of one per character of the key: on a 100,000-post casebook, 4,000 organisation keys (12
 * characters at the median) took 380-400 ms against 900-1,170 ms as phrases, for 10 % more windows.
 */
export function writersQuery(key: string): string {
  const chars = [...key];
  const last = chars.length - 3;
  const starts = [...new Set([0, Math.floor(last / 2), last])];
  return starts.map((at) => phrase(chars.slice(at, at + 3).join(''))).join(' AND ');
}

const WRITERS = /* sql */ `
  SELECT rowid AS id, body AS windows FROM grouping_windows WHERE grouping_windows MATCH @query
    AND (at IS NULL OR (at >= coalesce(@from, '') AND at <= coalesce(@to, '9999'))) ORDER BY rowid`;

export const sqliteGrouping: GroupingParts = {
  *saveWindows(ids, entries) {
    // One statement a notice: FTS5 finds a row by `rowid =` but scans the whole table for `rowid IN (…)`.
    for (const id of ids) yield* run('DELETE FROM grouping_windows WHERE rowid = @id', { id });
    for (const e of entries) yield* run('INSERT INTO grouping_windows (rowid, body, at) VALUES (@id, @body, @at)', { id: e.id, body: e.windows, at: e.at });
  },
  *writersNaming(keys) {
    const out: Array<{ id: number; windows: string; key: string }> = [];
    // The trigram tokenizer cannot look for fewer than three characters; no key that short is looked for.
    for (const k of keys) {
      if ([...k.key].length < 3) continue;
      for (const w of yield* all<{ id: number; windows: string }>(WRITERS, { query: writersQuery(k.key), from: k.from, to: k.to })) out.push({ ...w, key: k.key });
    }
    return out;
  },
  queueSeq: (position) => `(SELECT coalesce(max(seq), 0) + 1 FROM grouping_queue) + ${position}`,
};
