// SQLite side of watched feeds and news lists: the schedule, conditional-request validators, failures, seen links.

import type Database from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';
import type { SeenLink, WatchSourceInput } from '../source-types.ts';
import type { WatchStore } from '../ports.ts';
import { claimsAudit, kindConflict, toSource, type SourceRow } from '../rows/watch-source-row.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import type { AuditWriter } from './account-queries.ts';

export function watchQueries(db: Database.Database, now: () => Date, audit: AuditWriter): WatchStore {
  const upsert = db.prepare(/* sql */ `
    INSERT INTO watch_sources (url, every_seconds, allow_private, added_at, next_check_at, kind, claim_format)
    VALUES (@url, @everySeconds, @allowPrivate, @at, '1970-01-01T00:00:00.000Z', @kind, @claimFormat) -- due at once, whatever clock the caller keeps
    ON CONFLICT (url) DO UPDATE SET every_seconds = excluded.every_seconds, allow_private = excluded.allow_private,
      claim_format = excluded.claim_format`);
  const byUrl = db.prepare<[string], SourceRow>('SELECT * FROM watch_sources WHERE url = ?');
  const byId = db.prepare<[number], SourceRow>('SELECT * FROM watch_sources WHERE id = ?');
  const all = db.prepare<[], SourceRow>('SELECT * FROM watch_sources ORDER BY id');
  const due = db.prepare<[string], SourceRow>('SELECT * FROM watch_sources WHERE next_check_at <= ? AND paused_at IS NULL ORDER BY next_check_at, id');
  const success = db.prepare(/* sql */ `
    UPDATE watch_sources SET etag = @etag, last_modified = @lastModified, last_checked_at = @at, last_success_at = @at,
      next_check_at = @nextCheckAt, failures = 0, last_error = NULL,
      last_status = @status, last_added = @added, total_added = total_added + @added WHERE id = @id`);
  const failure = db.prepare(/* sql */ `
    UPDATE watch_sources SET last_checked_at = @at, next_check_at = @nextCheckAt, failures = failures + 1,
      last_error = @error, last_status = 'failed', last_added = 0 WHERE id = @id`);
  const seen = db.prepare<[number, string], { url: string }>('SELECT url FROM watch_seen WHERE source_id = ? AND url = ?');
  const insertSeen = db.prepare(/* sql */ `
    INSERT OR IGNORE INTO watch_seen (source_id, url, title, outcome, reason, document_id, first_seen_at)
    VALUES (@sourceId, @url, @title, @outcome, @reason, @documentId, @at)`);
  const markAll = db.transaction((sourceId: number, links: readonly SeenLink[], at: string) => {
    for (const l of links) {
      insertSeen.run({ sourceId, url: l.url, title: l.title, outcome: l.outcome, reason: l.reason ?? null, documentId: l.documentId ?? null, at });
    }
  });

  const addSource = db.transaction((input: WatchSourceInput, by: string) => {
    const before = byUrl.get(input.url);
    const kind = input.kind ?? 'page';
    if (before && before.kind !== kind) throw kindConflict(input.url, before.kind);
    upsert.run({
      url: input.url, everySeconds: input.everySeconds, allowPrivate: input.allowPrivate ? 1 : 0, at: now().toISOString(),
      kind, claimFormat: kind === 'claims' ? input.claimFormat ?? 'auto' : null,
    });
    const source = toSource(byUrl.get(input.url)!);
    audit({
      actor: by, action: 'watch.add', subject: `watch:${source.id}`,
      before: before ? { url: before.url, everySeconds: before.every_seconds, allowPrivate: before.allow_private === 1, ...claimsAudit(toSource(before)) } : null,
      after: { url: source.url, everySeconds: source.everySeconds, allowPrivate: source.allowPrivate, ...claimsAudit(source) },
    });
    return source;
  });

  const deleteSeen = db.prepare<[number]>('DELETE FROM watch_seen WHERE source_id = ?');
  const deleteSource = db.prepare<[number]>('DELETE FROM watch_sources WHERE id = ?');
  const setPaused = db.prepare<[string | null, number]>('UPDATE watch_sources SET paused_at = ? WHERE id = ?');
  const existing = (id: number) => {
    const row = byId.get(id);
    if (!row) throw new JikenboError('not_found', `no watched source ${id}`, { subject: String(id) });
    return toSource(row);
  };
  const removeSource = db.transaction((id: number, by: string) => {
    const source = existing(id);
    deleteSeen.run(id);
    deleteSource.run(id);
    audit({ actor: by, action: 'watch.remove', subject: `watch:${id}`, before: { url: source.url, everySeconds: source.everySeconds }, after: null });
    return source;
  });
  const pauseSource = db.transaction((id: number, paused: boolean, by: string) => {
    const before = existing(id);
    if ((before.pausedAt !== null) === paused) return before;
    setPaused.run(paused ? now().toISOString() : null, id);
    const after = existing(id);
    audit({ actor: by, action: paused ? 'watch.pause' : 'watch.resume', subject: `watch:${id}`, before: { url: before.url, pausedAt: before.pausedAt }, after: { url: after.url, pausedAt: after.pausedAt } });
    return after;
  });

  return {
    async removeWatchSource(id, by = SYSTEM_ACTOR) {
      return removeSource.immediate(id, by);
    },
    async pauseWatchSource(id, paused, by = SYSTEM_ACTOR) {
      return pauseSource.immediate(id, paused, by);
    },
    async addWatchSource(input, by = SYSTEM_ACTOR) {
      return addSource.immediate(input, by);
    },
    async listWatchSources() {
      return all.all().map(toSource);
    },
    async dueWatchSources(at) {
      return due.all(at).map(toSource);
    },
    async recordWatchCheck(sourceId, result) {
      if (!byId.get(sourceId)) throw new JikenboError('not_found', `no watched source ${sourceId}`);
      if (result.ok) {
        success.run({
          id: sourceId, etag: result.etag, lastModified: result.lastModified, at: result.at, nextCheckAt: result.nextCheckAt,
          status: result.status ?? 'changed', added: result.added ?? 0,
        });
      } else {
        failure.run({ id: sourceId, at: result.at, nextCheckAt: result.nextCheckAt, error: result.error });
      }
      return toSource(byId.get(sourceId)!);
    },
    async seenWatchLinks(sourceId, urls) {
      return new Set(urls.filter((url) => seen.get(sourceId, url) !== undefined));
    },
    async markWatchLinksSeen(sourceId, links) {
      markAll.immediate(sourceId, links, now().toISOString());
    },
  };
}
