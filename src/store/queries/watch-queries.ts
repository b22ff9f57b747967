// Watched feeds and news lists, on both engines: the schedule, conditional-request validators,
// failures, seen links. A change locks its source's row on PostgreSQL and writes its audit line.

import { JikenboError } from '../../core/errors.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import type { WatchStore } from '../ports.ts';
import { claimsAudit, kindConflict, toSource, type SourceRow } from '../rows/watch-source-row.ts';
import { all, get, isRowId, run, type Sql, type SqlEngine } from '../sql/sql.ts';
import { writeAudit } from './audit.ts';

const UPSERT = /* sql */ `
  INSERT INTO watch_sources (url, every_seconds, allow_private, added_at, next_check_at, kind, claim_format)
  VALUES (@url, @everySeconds, @allowPrivate, @at, '1970-01-01T00:00:00.000Z', @kind, @claimFormat) -- due at once, whatever clock the caller keeps
  ON CONFLICT (url) DO UPDATE SET every_seconds = excluded.every_seconds, allow_private = excluded.allow_private,
    claim_format = excluded.claim_format
  RETURNING *`;
const SUCCESS = /* sql */ `
  UPDATE watch_sources SET etag = @etag, last_modified = @lastModified, last_checked_at = @at, last_success_at = @at,
    next_check_at = @nextCheckAt, failures = 0, last_error = NULL,
    last_status = @status, last_added = @added, total_added = total_added + @added WHERE id = @id RETURNING *`;
const FAILURE = /* sql */ `
  UPDATE watch_sources SET last_checked_at = @at, next_check_at = @nextCheckAt, failures = failures + 1,
    last_error = @error, last_status = 'failed', last_added = 0 WHERE id = @id RETURNING *`;
const MARK_SEEN = /* sql */ `
  INSERT INTO watch_seen (source_id, url, title, outcome, reason, document_id, first_seen_at)
  VALUES (@sourceId, @url, @title, @outcome, @reason, @documentId, @at) ON CONFLICT (source_id, url) DO NOTHING`;

export function watchQueries(engine: SqlEngine, now: () => Date): WatchStore {
  const { lockRows, inList, list } = engine.dialect;
  const lockedSource = function* (id: number): Sql<SourceRow> {
    const row = isRowId(id) ? yield* get<SourceRow>(`SELECT * FROM watch_sources WHERE id = @id ${lockRows()}`, { id }) : undefined;
    if (!row) throw new JikenboError('not_found', `no watched source ${id}`, { subject: String(id) });
    return row;
  };
  const seenAmong = `SELECT url FROM watch_seen WHERE source_id = @sourceId AND url ${inList('urls', 'text')}`;

  return {
    async removeWatchSource(id, by = SYSTEM_ACTOR) {
      return engine.transaction(function* () {
        const source = toSource(yield* lockedSource(id));
        yield* run('DELETE FROM watch_seen WHERE source_id = @id', { id });
        yield* run('DELETE FROM watch_sources WHERE id = @id', { id });
        yield* writeAudit({ actor: by, action: 'watch.remove', subject: `watch:${id}`, before: { url: source.url, everySeconds: source.everySeconds }, after: null }, now);
        return source;
      });
    },
    async pauseWatchSource(id, paused, by = SYSTEM_ACTOR) {
      return engine.transaction(function* () {
        const before = toSource(yield* lockedSource(id));
        if ((before.pausedAt !== null) === paused) return before;
        const after = toSource((yield* get<SourceRow>('UPDATE watch_sources SET paused_at = @pausedAt WHERE id = @id RETURNING *',
          { id, pausedAt: paused ? now().toISOString() : null }))!);
        yield* writeAudit({ actor: by, action: paused ? 'watch.pause' : 'watch.resume', subject: `watch:${id}`, before: { url: before.url, pausedAt: before.pausedAt }, after: { url: after.url, pausedAt: after.pausedAt } }, now);
        return after;
      });
    },
    async addWatchSource(input, by = SYSTEM_ACTOR) {
      return engine.transaction(function* () {
        const before = yield* get<SourceRow>(`SELECT * FROM watch_sources WHERE url = @url ${lockRows()}`, { url: input.url });
        const kind = input.kind ?? 'page';
        if (before && before.kind !== kind) throw kindConflict(input.url, before.kind);
        const source = toSource((yield* get<SourceRow>(UPSERT, {
          url: input.url, everySeconds: input.everySeconds, allowPrivate: input.allowPrivate ? 1 : 0, at: now().toISOString(),
          kind, claimFormat: kind === 'claims' ? input.claimFormat ?? 'auto' : null,
        }))!);
        yield* writeAudit({
          actor: by, action: 'watch.add', subject: `watch:${source.id}`,
          before: before ? { url: before.url, everySeconds: before.every_seconds, allowPrivate: before.allow_private === 1, ...claimsAudit(toSource(before)) } : null,
          after: { url: source.url, everySeconds: source.everySeconds, allowPrivate: source.allowPrivate, ...claimsAudit(source) },
        }, now);
        return source;
      });
    },
    async listWatchSources() {
      return engine.each(function* () {
        return (yield* all<SourceRow>('SELECT * FROM watch_sources ORDER BY id')).map(toSource);
      });
    },
    async dueWatchSources(at) {
      return engine.each(function* () {
        return (yield* all<SourceRow>('SELECT * FROM watch_sources WHERE next_check_at <= @at AND paused_at IS NULL ORDER BY next_check_at, id', { at })).map(toSource);
      });
    },
    async recordWatchCheck(sourceId, result) {
      const row = !isRowId(sourceId) ? undefined : await engine.each(() => (result.ok
        ? get<SourceRow>(SUCCESS, {
          id: sourceId, etag: result.etag, lastModified: result.lastModified, at: result.at, nextCheckAt: result.nextCheckAt,
          status: result.status ?? 'changed', added: result.added ?? 0,
        })
        : get<SourceRow>(FAILURE, { id: sourceId, at: result.at, nextCheckAt: result.nextCheckAt, error: result.error })));
      if (!row) throw new JikenboError('not_found', `no watched source ${sourceId}`);
      return toSource(row);
    },
    async seenWatchLinks(sourceId, urls) {
      if (!isRowId(sourceId) || urls.length === 0) return new Set();
      const found = await engine.each(() => all<{ url: string }>(seenAmong, { sourceId, urls: list([...urls]) }));
      return new Set(found.map((r) => r.url));
    },
    async markWatchLinksSeen(sourceId, links) {
      const at = now().toISOString();
      await engine.transaction(function* () {
        for (const l of links) {
          yield* run(MARK_SEEN, { sourceId, url: l.url, title: l.title, outcome: l.outcome, reason: l.reason ?? null, documentId: l.documentId ?? null, at });
        }
      });
    },
  };
}
