// SQLite side of watchlists: the lists and their entries, the hits found in notices and claims with
// the cursors that say how far matching went, and the webhook deliveries of the hits.

import type Database from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';
import type { WatchlistStore } from '../ports.ts';
import type { ClaimRow } from '../rows/claim-row.ts';
import { toClaim } from '../rows/claim-row.ts';
import {
  cleanList, HIT_SELECT, namesByNotice, toEntry, toHit, toWatchlist, WATCHLIST_SELECT, type EntryRow, type HitRow, type WatchlistRow,
} from '../rows/watchlist-row.ts';
import type { WatchlistEntryInput, WatchlistHitInput, WatchlistInput } from '../watchlist-types.ts';
import type { AuditWriter } from './audit-writer.ts';

export function watchlistQueries(db: Database.Database, now: () => Date, audit: AuditWriter): WatchlistStore {
  const byId = db.prepare<[number], WatchlistRow>(`${WATCHLIST_SELECT} WHERE w.id = ?`);
  const byName = db.prepare<[string], WatchlistRow>(`${WATCHLIST_SELECT} WHERE w.name = ?`);
  const all = db.prepare<[], WatchlistRow>(`${WATCHLIST_SELECT} ORDER BY w.name, w.id`);
  const insertList = db.prepare(/* sql */ `
    INSERT INTO watchlists (name, is_private, webhook_url, webhook_secret, allow_private, notice_cursor, claim_cursor, created_by, created_at)
    VALUES (@name, @private, @webhookUrl, @webhookSecret, @allowPrivate,
            (SELECT coalesce(max(id), 0) FROM notices), (SELECT coalesce(max(id), 0) FROM claims), @by, @at)`);
  const updateList = db.prepare(/* sql */ `
    UPDATE watchlists SET is_private = @private, webhook_url = @webhookUrl, webhook_secret = @webhookSecret, allow_private = @allowPrivate WHERE id = @id`);
  const deleteList = db.prepare('DELETE FROM watchlists WHERE id = ?');
  const entryByName = db.prepare<[number, string], EntryRow>('SELECT * FROM watchlist_entries WHERE watchlist_id = ? AND name = ?');
  const insertEntry = db.prepare(/* sql */ `
    INSERT INTO watchlist_entries (watchlist_id, name, aliases_json, domains_json, added_at) VALUES (@listId, @name, @aliases, @domains, @at)
    ON CONFLICT (watchlist_id, name) DO UPDATE SET aliases_json = excluded.aliases_json, domains_json = excluded.domains_json`);
  const deleteEntry = db.prepare('DELETE FROM watchlist_entries WHERE id = ?');
  const entriesOf = db.prepare<[number], EntryRow>('SELECT * FROM watchlist_entries WHERE watchlist_id = ? ORDER BY name, id');
  const notices = db.prepare<[number, number], { id: number; organization: string | null; text: string; document_id: number; source: string }>(/* sql */ `
    SELECT n.id, n.organization, n.text, n.document_id, d.source FROM notices n JOIN documents d ON d.id = n.document_id
    WHERE n.id > ? ORDER BY n.id LIMIT ?`);
  const fetchUrls = db.prepare<[string], { document_id: number; requested_url: string; final_url: string }>(
    'SELECT document_id, requested_url, final_url FROM fetches WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY id');
  // The names and domains people gave each notice's organisation (a merged one's survivor holds them).
  const orgNames = db.prepare<[string], { notice_id: number; kind: string; value: string }>(/* sql */ `
    SELECT o.notice_id, m.kind, m.value FROM organisation_notices o JOIN organisation_names m ON m.organisation_id = o.organisation_id
    WHERE o.notice_id IN (SELECT value FROM json_each(?)) ORDER BY m.id`);
  const claims = db.prepare<[number, number], ClaimRow>('SELECT * FROM claims WHERE id > ? ORDER BY id LIMIT ?');
  const moveCursors = db.prepare(/* sql */ `
    UPDATE watchlists SET notice_cursor = @noticeTo, claim_cursor = @claimTo
    WHERE id = @id AND notice_cursor = @noticeFrom AND claim_cursor = @claimFrom`);
  const insertHit = db.prepare(/* sql */ `
    INSERT INTO watchlist_hits (watchlist_id, entry_id, subject, subject_id, how, evidence, found_at)
    SELECT @listId, @entryId, @subject, @subjectId, @how, @evidence, @at
    WHERE EXISTS (SELECT 1 FROM watchlist_entries WHERE id = @entryId AND watchlist_id = @listId)
    ON CONFLICT (watchlist_id, entry_id, subject, subject_id) DO NOTHING`);
  const insertDelivery = db.prepare(/* sql */ `
    INSERT INTO webhook_deliveries (hit_id, state, attempts, next_attempt_at) VALUES (?, 'pending', 0, ?)`);
  const hitsOf = db.prepare<[number, number], HitRow>(`${HIT_SELECT} WHERE h.watchlist_id = ? ORDER BY h.id DESC LIMIT ?`);
  const due = db.prepare<[string, number], HitRow & { list_name: string; webhook_url: string | null; webhook_secret: string | null; allow_private: number }>(/* sql */ `
    ${HIT_SELECT.replace('FROM watchlist_hits h', 'FROM webhook_deliveries dd JOIN watchlist_hits h ON h.id = dd.hit_id')
      .replace('SELECT h.id,', 'SELECT w.name AS list_name, w.webhook_url, w.webhook_secret, w.allow_private, h.id,')}
    JOIN watchlists w ON w.id = h.watchlist_id
    WHERE dd.state = 'pending' AND dd.next_attempt_at <= ? ORDER BY dd.next_attempt_at, dd.id LIMIT ?`);
  const recordAttempt = db.prepare(/* sql */ `
    UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = @status, last_error = @error, last_attempt_at = @at,
      state = CASE WHEN @delivered = 1 THEN 'delivered' WHEN @next IS NULL THEN 'failed' ELSE 'pending' END,
      delivered_at = CASE WHEN @delivered = 1 THEN @at ELSE NULL END,
      next_attempt_at = CASE WHEN @delivered = 1 THEN NULL ELSE @next END
    WHERE id = @id AND state = 'pending'`);

  const mustGet = (id: number) => {
    const row = byId.get(id);
    if (!row) throw new JikenboError('not_found', `no watchlist ${id}`, { subject: 'watchlist' });
    return toWatchlist(row);
  };
  const settings = (w: WatchlistInput) => ({
    private: w.private ? 1 : 0, webhookUrl: w.webhookUrl, webhookSecret: w.webhookSecret, allowPrivate: w.allowPrivate ? 1 : 0,
  });
  const shown = (w: WatchlistInput) => ({ name: w.name, private: w.private, webhookUrl: w.webhookUrl, allowPrivate: w.allowPrivate });

  const add = db.transaction((input: WatchlistInput, by: string) => {
    if (byName.get(input.name)) throw new JikenboError('conflict', `a watchlist named "${input.name}" exists already`, { subject: 'watchlist' });
    const id = Number(insertList.run({ name: input.name, ...settings(input), by, at: now().toISOString() }).lastInsertRowid);
    const list = mustGet(id);
    audit({ actor: by, action: 'watchlist.add', subject: `watchlist:${id}`, before: null, after: shown(list) });
    return list;
  });
  const change = db.transaction((id: number, patch: Partial<WatchlistInput>, by: string) => {
    const before = mustGet(id);
    const after = { ...before, ...patch };
    updateList.run({ id, ...settings(after) });
    audit({ actor: by, action: 'watchlist.change', subject: `watchlist:${id}`, before: shown(before), after: shown(after) });
    return mustGet(id);
  });
  const remove = db.transaction((id: number, by: string) => {
    const list = mustGet(id);
    deleteList.run(id);
    audit({ actor: by, action: 'watchlist.remove', subject: `watchlist:${id}`, before: { ...shown(list), entries: list.entries, hits: list.hits }, after: null });
    return list;
  });
  const addEntries = db.transaction((listId: number, entries: readonly WatchlistEntryInput[], by: string) => {
    mustGet(listId);
    const at = now().toISOString();
    let added = 0;
    let updated = 0;
    for (const e of entries) {
      const existed = entryByName.get(listId, e.name.trim()) !== undefined;
      insertEntry.run({ listId, name: e.name.trim(), aliases: cleanList(e.aliases), domains: cleanList(e.domains), at });
      if (existed) updated++;
      else added++;
    }
    audit({ actor: by, action: 'watchlist.entries', subject: `watchlist:${listId}`, before: null, after: { added, updated } });
    return { added, updated };
  });
  const removeEntry = db.transaction((listId: number, name: string, by: string) => {
    mustGet(listId);
    const row = entryByName.get(listId, name.trim());
    if (!row) throw new JikenboError('not_found', `watchlist ${listId} has no entry "${name}"`, { subject: 'entry' });
    deleteEntry.run(row.id);
    const entry = toEntry(row);
    audit({ actor: by, action: 'watchlist.remove_entry', subject: `watchlist:${listId}`, before: { name: entry.name, aliases: entry.aliases, domains: entry.domains }, after: null });
    return entry;
  });
  const save = db.transaction((listId: number, cursors: { notice: { from: number; to: number }; claim: { from: number; to: number } }, hits: readonly WatchlistHitInput[]) => {
    const moved = moveCursors.run({ id: listId, noticeFrom: cursors.notice.from, noticeTo: cursors.notice.to, claimFrom: cursors.claim.from, claimTo: cursors.claim.to }).changes === 1;
    if (!moved) return { added: 0, moved: false };
    const list = byId.get(listId)!;
    const at = now().toISOString();
    let added = 0;
    for (const h of hits) {
      const result = insertHit.run({ listId, entryId: h.entryId, subject: h.subject, subjectId: h.subjectId, how: h.how, evidence: h.evidence.slice(0, 1000), at });
      if (result.changes === 0) continue;
      added++;
      if (list.webhook_url) insertDelivery.run(Number(result.lastInsertRowid), at);
    }
    return { added, moved: true };
  });

  return {
    async addWatchlist(input, by) {
      return add.immediate(input, by);
    },
    async changeWatchlist(id, patch, by) {
      return change.immediate(id, patch, by);
    },
    async removeWatchlist(id, by) {
      return remove.immediate(id, by);
    },
    async getWatchlist(id) {
      const row = byId.get(id);
      return row ? toWatchlist(row) : null;
    },
    async findWatchlistByName(name) {
      const row = byName.get(name);
      return row ? toWatchlist(row) : null;
    },
    async listWatchlists() {
      return all.all().map(toWatchlist);
    },
    async addWatchlistEntries(listId, entries, by) {
      return addEntries.immediate(listId, entries, by);
    },
    async removeWatchlistEntry(listId, name, by) {
      return removeEntry.immediate(listId, name, by);
    },
    async listWatchlistEntries(listId) {
      return entriesOf.all(listId).map(toEntry);
    },
    async watchableNotices(afterId, limit) {
      const found = notices.all(afterId, limit);
      const urls = new Map<number, string[]>();
      for (const f of fetchUrls.all(JSON.stringify([...new Set(found.map((n) => n.document_id))]))) {
        const list = urls.get(f.document_id) ?? [];
        list.push(f.requested_url, f.final_url);
        urls.set(f.document_id, list);
      }
      const names = namesByNotice(orgNames.all(JSON.stringify(found.map((n) => n.id))));
      return found.map((n) => ({
        id: n.id, organization: n.organization, text: n.text, urls: [...new Set([n.source, ...(urls.get(n.document_id) ?? [])])],
        organisationNames: names.get(n.id)?.names ?? [], organisationDomains: names.get(n.id)?.domains ?? [],
      }));
    },
    async claimsAfter(afterId, limit) {
      return claims.all(afterId, limit).map(toClaim);
    },
    async saveWatchlistHits(listId, cursors, hits) {
      return save.immediate(listId, cursors, hits);
    },
    async listWatchlistHits(listId, options = {}) {
      return hitsOf.all(listId, options.limit ?? 100).map(toHit);
    },
    async dueWebhookDeliveries(at, limit) {
      return due.all(at, limit).map((row) => {
        const hit = toHit(row);
        return {
          delivery: hit.delivery!, hit,
          watchlist: { id: row.watchlist_id, name: row.list_name, webhookUrl: row.webhook_url, webhookSecret: row.webhook_secret, allowPrivate: row.allow_private === 1 },
        };
      });
    },
    async recordWebhookAttempt(deliveryId, attempt) {
      recordAttempt.run({ id: deliveryId, status: attempt.status, error: attempt.error?.slice(0, 500) ?? null, at: attempt.at, delivered: attempt.delivered ? 1 : 0, next: attempt.nextAttemptAt });
    },
  };
}
