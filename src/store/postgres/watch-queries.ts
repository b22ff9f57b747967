// PostgreSQL side of watched feeds and news lists, as sqlite/watch-queries.ts: the schedule,
// conditional-request validators, failures and seen links.

import { JikenboError } from '../../core/errors.ts';
import { claimsAudit, kindConflict, toSource, type SourceRow } from '../rows/watch-source-row.ts';
import { inTransaction, isRowId, one, rows, type Pool } from './pg-database.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import { writeAudit } from './account-queries.ts';
import type { WatchStore } from '../ports.ts';

export function watchQueries(pool: Pool, now: () => Date): WatchStore {
  const lockedSource = async (client: Pick<Pool, 'query'>, id: number): Promise<SourceRow> => {
    const row = isRowId(id) ? await one<SourceRow>(client, 'SELECT * FROM watch_sources WHERE id = $1 FOR UPDATE', [id]) : undefined;
    if (!row) throw new JikenboError('not_found', `no watched source ${id}`, { subject: String(id) });
    return row;
  };
  return {
    async removeWatchSource(id, by = SYSTEM_ACTOR) {
      return inTransaction(pool, async (client) => {
        const source = toSource(await lockedSource(client, id));
        await client.query('DELETE FROM watch_seen WHERE source_id = $1', [id]);
        await client.query('DELETE FROM watch_sources WHERE id = $1', [id]);
        await writeAudit(client, { actor: by, action: 'watch.remove', subject: `watch:${id}`, before: { url: source.url, everySeconds: source.everySeconds }, after: null }, now);
        return source;
      });
    },
    async pauseWatchSource(id, paused, by = SYSTEM_ACTOR) {
      return inTransaction(pool, async (client) => {
        const before = toSource(await lockedSource(client, id));
        if ((before.pausedAt !== null) === paused) return before;
        const after = toSource((await one<SourceRow>(client, 'UPDATE watch_sources SET paused_at = $2 WHERE id = $1 RETURNING *', [id, paused ? now().toISOString() : null]))!);
        await writeAudit(client, { actor: by, action: paused ? 'watch.pause' : 'watch.resume', subject: `watch:${id}`, before: { url: before.url, pausedAt: before.pausedAt }, after: { url: after.url, pausedAt: after.pausedAt } }, now);
        return after;
      });
    },
    async addWatchSource(input, by = SYSTEM_ACTOR) {
      return inTransaction(pool, async (client) => {
        const before = await one<SourceRow>(client, 'SELECT * FROM watch_sources WHERE url = $1 FOR UPDATE', [input.url]);
        const kind = input.kind ?? 'page';
        if (before && before.kind !== kind) throw kindConflict(input.url, before.kind);
        const row = await one<SourceRow>(client, /* sql */ `
          INSERT INTO watch_sources (url, every_seconds, allow_private, added_at, next_check_at, kind, claim_format)
          VALUES ($1, $2, $3, $4, '1970-01-01T00:00:00.000Z', $5, $6) -- due at once, whatever clock the caller keeps
          ON CONFLICT (url) DO UPDATE SET every_seconds = excluded.every_seconds, allow_private = excluded.allow_private,
            claim_format = excluded.claim_format
          RETURNING *`, [input.url, input.everySeconds, input.allowPrivate ? 1 : 0, now().toISOString(), kind, kind === 'claims' ? input.claimFormat ?? 'auto' : null]);
        const source = toSource(row!);
        await writeAudit(client, {
          actor: by, action: 'watch.add', subject: `watch:${source.id}`,
          before: before ? { url: before.url, everySeconds: before.every_seconds, allowPrivate: before.allow_private === 1, ...claimsAudit(toSource(before)) } : null,
          after: { url: source.url, everySeconds: source.everySeconds, allowPrivate: source.allowPrivate, ...claimsAudit(source) },
        }, now);
        return source;
      });
    },
    async listWatchSources() {
      return (await rows<SourceRow>(pool, 'SELECT * FROM watch_sources ORDER BY id')).map(toSource);
    },
    async dueWatchSources(at) {
      return (await rows<SourceRow>(pool, 'SELECT * FROM watch_sources WHERE next_check_at <= $1 AND paused_at IS NULL ORDER BY next_check_at, id', [at])).map(toSource);
    },
    async recordWatchCheck(sourceId, result) {
      const row = !isRowId(sourceId) ? undefined : result.ok
        ? await one<SourceRow>(pool, /* sql */ `
            UPDATE watch_sources SET etag = $2, last_modified = $3, last_checked_at = $4, last_success_at = $4,
              next_check_at = $5, failures = 0, last_error = NULL,
              last_status = $6, last_added = $7, total_added = total_added + $7 WHERE id = $1 RETURNING *`,
          [sourceId, result.etag, result.lastModified, result.at, result.nextCheckAt, result.status ?? 'changed', result.added ?? 0])
        : await one<SourceRow>(pool, /* sql */ `
            UPDATE watch_sources SET last_checked_at = $2, next_check_at = $3, failures = failures + 1, last_error = $4,
              last_status = 'failed', last_added = 0
            WHERE id = $1 RETURNING *`, [sourceId, result.at, result.nextCheckAt, result.error]);
      if (!row) throw new JikenboError('not_found', `no watched source ${sourceId}`);
      return toSource(row);
    },
    async seenWatchLinks(sourceId, urls) {
      if (!isRowId(sourceId) || urls.length === 0) return new Set();
      const found = await rows<{ url: string }>(pool, 'SELECT url FROM watch_seen WHERE source_id = $1 AND url = ANY ($2::text[])', [sourceId, [...urls]]);
      return new Set(found.map((r) => r.url));
    },
    async markWatchLinksSeen(sourceId, links) {
      const at = now().toISOString();
      await inTransaction(pool, async (client) => {
        for (const l of links) {
          await client.query(/* sql */ `
            INSERT INTO watch_seen (source_id, url, title, outcome, reason, document_id, first_seen_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (source_id, url) DO NOTHING`,
          [sourceId, l.url, l.title, l.outcome, l.reason ?? null, l.documentId ?? null, at]);
        }
      });
    },
  };
}
