// Watchlists, on both engines: the lists and their entries, the hits found in notices and claims with
// the cursors that say how far matching went, and the webhook deliveries of the hits. A change locks
// its list's row on PostgreSQL and writes its audit line.

import { JikenboError } from '../../core/errors.ts';
import type { WatchlistStore } from '../ports.ts';
import { toClaim, type ClaimRow } from '../rows/claim-row.ts';
import {
  cleanList, HIT_SELECT, namesByNotice, toEntry, toHit, toWatchlist, WATCHLIST_SELECT, type EntryRow, type HitRow, type WatchlistRow,
} from '../rows/watchlist-row.ts';
import { all, get, isRowId, run, type Sql, type SqlEngine } from '../sql/sql.ts';
import type { Watchlist, WatchlistInput } from '../watchlist-types.ts';
import { writeAudit } from './audit.ts';

type DueRow = HitRow & { list_name: string; webhook_url: string | null; webhook_secret: string | null; allow_private: number };
type WatchableRow = { id: number; organization: string | null; text: string; document_id: number; source: string };

const BY_ID = `${WATCHLIST_SELECT} WHERE w.id = @id`;
const INSERT_LIST = /* sql */ `
  INSERT INTO watchlists (name, is_private, webhook_url, webhook_secret, allow_private, notice_cursor, claim_cursor, created_by, created_at)
  VALUES (@name, @private, @webhookUrl, @webhookSecret, @allowPrivate,
          (SELECT coalesce(max(id), 0) FROM notices), (SELECT coalesce(max(id), 0) FROM claims), @by, @at)
  ON CONFLICT (name) DO NOTHING RETURNING id`;
const UPSERT_ENTRY = /* sql */ `
  INSERT INTO watchlist_entries (watchlist_id, name, aliases_json, domains_json, added_at) VALUES (@listId, @name, @aliases, @domains, @at)
  ON CONFLICT (watchlist_id, name) DO UPDATE SET aliases_json = excluded.aliases_json, domains_json = excluded.domains_json`;
const INSERT_HIT = /* sql */ `
  INSERT INTO watchlist_hits (watchlist_id, entry_id, subject, subject_id, how, evidence, found_at)
  SELECT @listId, @entryId, @subject, @subjectId, @how, @evidence, @at
  WHERE EXISTS (SELECT 1 FROM watchlist_entries WHERE id = @entryId AND watchlist_id = @listId)
  ON CONFLICT (watchlist_id, entry_id, subject, subject_id) DO NOTHING RETURNING id`;
const DUE = /* sql */ `
  ${HIT_SELECT.replace('FROM watchlist_hits h', 'FROM webhook_deliveries dd JOIN watchlist_hits h ON h.id = dd.hit_id')
    .replace('SELECT h.id,', 'SELECT w.name AS list_name, w.webhook_url, w.webhook_secret, w.allow_private, h.id,')}
  JOIN watchlists w ON w.id = h.watchlist_id
  WHERE dd.state = 'pending' AND dd.next_attempt_at <= @at ORDER BY dd.next_attempt_at, dd.id LIMIT @limit`;
const RECORD_ATTEMPT = /* sql */ `
  UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = @status, last_error = @error, last_attempt_at = @at,
    state = CASE WHEN @delivered THEN 'delivered' WHEN CAST(@next AS TEXT) IS NULL THEN 'failed' ELSE 'pending' END,
    delivered_at = CASE WHEN @delivered THEN @at ELSE NULL END,
    next_attempt_at = CASE WHEN @delivered THEN NULL ELSE CAST(@next AS TEXT) END
  WHERE id = @id AND state = 'pending'`;

const shown = (w: WatchlistInput) => ({ name: w.name, private: w.private, webhookUrl: w.webhookUrl, allowPrivate: w.allowPrivate });
const settings = (w: WatchlistInput) => ({
  private: w.private ? 1 : 0, webhookUrl: w.webhookUrl, webhookSecret: w.webhookSecret, allowPrivate: w.allowPrivate ? 1 : 0,
});

export function watchlistQueries(engine: SqlEngine, now: () => Date): WatchlistStore {
  const { lockRows, inList, list } = engine.dialect;
  const lockList = `SELECT id FROM watchlists WHERE id = @id ${lockRows()}`;
  const read = function* (id: number): Sql<WatchlistRow | undefined> {
    return isRowId(id) ? yield* get<WatchlistRow>(BY_ID, { id }) : undefined;
  };
  /** The list, its row locked first on PostgreSQL when `lock`; not_found when there is none. */
  const mustGet = function* (id: number, lock = false): Sql<Watchlist> {
    if (lock && isRowId(id) && lockRows() !== '') yield* get(lockList, { id });
    const row = yield* read(id);
    if (!row) throw new JikenboError('not_found', `no watchlist ${id}`, { subject: 'watchlist' });
    return toWatchlist(row);
  };
  const fetchUrls = `SELECT document_id, requested_url, final_url FROM fetches WHERE document_id ${inList('ids', 'integer')} ORDER BY id`;
  // The names and domains people gave each notice's organisation (a merged one's survivor holds them).
  const orgNames = /* sql */ `
    SELECT o.notice_id, m.kind, m.value FROM organisation_notices o JOIN organisation_names m ON m.organisation_id = o.organisation_id
    WHERE o.notice_id ${inList('ids', 'integer')} ORDER BY m.id`;

  return {
    async addWatchlist(input, by) {
      return engine.transaction(function* () {
        const row = yield* get<{ id: number }>(INSERT_LIST, { name: input.name, ...settings(input), by, at: now().toISOString() });
        if (!row) throw new JikenboError('conflict', `a watchlist named "${input.name}" exists already`, { subject: 'watchlist' });
        const created = yield* mustGet(row.id);
        yield* writeAudit({ actor: by, action: 'watchlist.add', subject: `watchlist:${created.id}`, before: null, after: shown(created) }, now);
        return created;
      });
    },
    async changeWatchlist(id, patch, by) {
      return engine.transaction(function* () {
        const before = yield* mustGet(id, true);
        const after = { ...before, ...patch };
        yield* run('UPDATE watchlists SET is_private = @private, webhook_url = @webhookUrl, webhook_secret = @webhookSecret, allow_private = @allowPrivate WHERE id = @id',
          { id, ...settings(after) });
        yield* writeAudit({ actor: by, action: 'watchlist.change', subject: `watchlist:${id}`, before: shown(before), after: shown(after) }, now);
        return yield* mustGet(id);
      });
    },
    async removeWatchlist(id, by) {
      return engine.transaction(function* () {
        const removed = yield* mustGet(id, true);
        yield* run('DELETE FROM watchlists WHERE id = @id', { id });
        yield* writeAudit({ actor: by, action: 'watchlist.remove', subject: `watchlist:${id}`, before: { ...shown(removed), entries: removed.entries, hits: removed.hits }, after: null }, now);
        return removed;
      });
    },
    async getWatchlist(id) {
      const row = await engine.each(() => read(id));
      return row ? toWatchlist(row) : null;
    },
    async findWatchlistByName(name) {
      const row = await engine.each(() => get<WatchlistRow>(`${WATCHLIST_SELECT} WHERE w.name = @name`, { name }));
      return row ? toWatchlist(row) : null;
    },
    async listWatchlists() {
      return (await engine.each(() => all<WatchlistRow>(`${WATCHLIST_SELECT} ORDER BY w.name, w.id`))).map(toWatchlist);
    },
    async addWatchlistEntries(listId, entries, by) {
      return engine.transaction(function* () {
        // The list's row locked (PostgreSQL) or the database (SQLite): whether an entry existed cannot change before the upsert.
        yield* mustGet(listId, true);
        const at = now().toISOString();
        let added = 0;
        let updated = 0;
        for (const e of entries) {
          const name = e.name.trim();
          const existed = (yield* get('SELECT id FROM watchlist_entries WHERE watchlist_id = @listId AND name = @name', { listId, name })) !== undefined;
          yield* run(UPSERT_ENTRY, { listId, name, aliases: cleanList(e.aliases), domains: cleanList(e.domains), at });
          if (existed) updated++;
          else added++;
        }
        yield* writeAudit({ actor: by, action: 'watchlist.entries', subject: `watchlist:${listId}`, before: null, after: { added, updated } }, now);
        return { added, updated };
      });
    },
    async removeWatchlistEntry(listId, name, by) {
      return engine.transaction(function* () {
        yield* mustGet(listId, true);
        const row = yield* get<EntryRow>('DELETE FROM watchlist_entries WHERE watchlist_id = @listId AND name = @name RETURNING *', { listId, name: name.trim() });
        if (!row) throw new JikenboError('not_found', `watchlist ${listId} has no entry "${name}"`, { subject: 'entry' });
        const entry = toEntry(row);
        yield* writeAudit({ actor: by, action: 'watchlist.remove_entry', subject: `watchlist:${listId}`, before: { name: entry.name, aliases: entry.aliases, domains: entry.domains }, after: null }, now);
        return entry;
      });
    },
    async listWatchlistEntries(listId) {
      if (!isRowId(listId)) return [];
      return (await engine.each(() => all<EntryRow>('SELECT * FROM watchlist_entries WHERE watchlist_id = @listId ORDER BY name, id', { listId }))).map(toEntry);
    },
    async watchableNotices(afterId, limit) {
      const { found, fetched, names } = await engine.each(function* () {
        const found = yield* all<WatchableRow>(/* sql */ `
          SELECT n.id, n.organization, n.text, n.document_id, d.source FROM notices n JOIN documents d ON d.id = n.document_id
          WHERE n.id > @afterId ORDER BY n.id LIMIT @limit`, { afterId, limit });
        const fetched = yield* all<{ document_id: number; requested_url: string; final_url: string }>(fetchUrls, { ids: list([...new Set(found.map((n) => n.document_id))]) });
        const names = yield* all<{ notice_id: number; kind: string; value: string }>(orgNames, { ids: list(found.map((n) => n.id)) });
        return { found, fetched, names };
      });
      const urls = new Map<number, string[]>();
      for (const f of fetched) {
        const own = urls.get(f.document_id) ?? [];
        own.push(f.requested_url, f.final_url);
        urls.set(f.document_id, own);
      }
      const byNotice = namesByNotice(names);
      return found.map((n) => ({
        id: n.id, organization: n.organization, text: n.text, urls: [...new Set([n.source, ...(urls.get(n.document_id) ?? [])])],
        organisationNames: byNotice.get(n.id)?.names ?? [], organisationDomains: byNotice.get(n.id)?.domains ?? [],
      }));
    },
    async claimsAfter(afterId, limit) {
      return (await engine.each(() => all<ClaimRow>('SELECT * FROM claims WHERE id > @afterId ORDER BY id LIMIT @limit', { afterId, limit }))).map(toClaim);
    },
    async saveWatchlistHits(listId, cursors, hits) {
      return engine.transaction(function* () {
        const moved = yield* get<{ webhook_url: string | null }>(/* sql */ `
          UPDATE watchlists SET notice_cursor = @noticeTo, claim_cursor = @claimTo
          WHERE id = @id AND notice_cursor = @noticeFrom AND claim_cursor = @claimFrom RETURNING webhook_url`,
        { id: listId, noticeFrom: cursors.notice.from, noticeTo: cursors.notice.to, claimFrom: cursors.claim.from, claimTo: cursors.claim.to });
        if (!moved) return { added: 0, moved: false };
        const at = now().toISOString();
        let added = 0;
        for (const h of hits) {
          const hit = yield* get<{ id: number }>(INSERT_HIT, { listId, entryId: h.entryId, subject: h.subject, subjectId: h.subjectId, how: h.how, evidence: h.evidence.slice(0, 1000), at });
          if (!hit) continue;
          added++;
          if (moved.webhook_url) yield* run("INSERT INTO webhook_deliveries (hit_id, state, attempts, next_attempt_at) VALUES (@hitId, 'pending', 0, @at)", { hitId: hit.id, at });
        }
        return { added, moved: true };
      });
    },
    async listWatchlistHits(listId, options = {}) {
      if (!isRowId(listId)) return [];
      return (await engine.each(() => all<HitRow>(`${HIT_SELECT} WHERE h.watchlist_id = @listId ORDER BY h.id DESC LIMIT @limit`, { listId, limit: options.limit ?? 100 }))).map(toHit);
    },
    async dueWebhookDeliveries(at, limit) {
      return (await engine.each(() => all<DueRow>(DUE, { at, limit }))).map((row) => {
        const hit = toHit(row);
        return {
          delivery: hit.delivery!, hit,
          watchlist: { id: row.watchlist_id, name: row.list_name, webhookUrl: row.webhook_url, webhookSecret: row.webhook_secret, allowPrivate: row.allow_private === 1 },
        };
      });
    },
    async recordWebhookAttempt(deliveryId, attempt) {
      if (!isRowId(deliveryId)) return;
      await engine.each(() => run(RECORD_ATTEMPT, {
        id: deliveryId, status: attempt.status, error: attempt.error?.slice(0, 500) ?? null, at: attempt.at, delivered: attempt.delivered, next: attempt.nextAttemptAt,
      }));
    },
  };
}
