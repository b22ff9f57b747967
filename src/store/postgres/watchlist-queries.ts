// PostgreSQL side of watchlists, as sqlite/watchlist-queries.ts: the lists and their entries, the hits
// with the cursors that say how far matching went, and the webhook deliveries of the hits.

import { JikenboError } from '../../core/errors.ts';
import type { WatchlistStore } from '../ports.ts';
import { toClaim, type ClaimRow } from '../rows/claim-row.ts';
import {
  cleanList, HIT_SELECT, namesByNotice, toEntry, toHit, toWatchlist, WATCHLIST_SELECT, type EntryRow, type HitRow, type WatchlistRow,
} from '../rows/watchlist-row.ts';
import type { WatchlistInput } from '../watchlist-types.ts';
import { writeAudit } from './audit-writer.ts';
import { inTransaction, isRowId, one, rows, type Pool, type Queryable } from './pg-database.ts';

type DueRow = HitRow & { list_name: string; webhook_url: string | null; webhook_secret: string | null; allow_private: number };

export function watchlistQueries(pool: Pool, now: () => Date): WatchlistStore {
  const read = async (db: Queryable, id: number) =>
    isRowId(id) ? one<WatchlistRow>(db, `${WATCHLIST_SELECT} WHERE w.id = $1`, [id]) : undefined;
  const mustGet = async (db: Queryable, id: number, lock = false) => {
    if (lock && isRowId(id)) await db.query('SELECT id FROM watchlists WHERE id = $1 FOR UPDATE', [id]);
    const row = await read(db, id);
    if (!row) throw new JikenboError('not_found', `no watchlist ${id}`, { subject: 'watchlist' });
    return toWatchlist(row);
  };
  const shown = (w: WatchlistInput) => ({ name: w.name, private: w.private, webhookUrl: w.webhookUrl, allowPrivate: w.allowPrivate });

  return {
    async addWatchlist(input, by) {
      return inTransaction(pool, async (client) => {
        const row = await one<{ id: number }>(client, /* sql */ `
          INSERT INTO watchlists (name, is_private, webhook_url, webhook_secret, allow_private, notice_cursor, claim_cursor, created_by, created_at)
          VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(id), 0) FROM notices), (SELECT coalesce(max(id), 0) FROM claims), $6, $7)
          ON CONFLICT (name) DO NOTHING RETURNING id`,
        [input.name, input.private ? 1 : 0, input.webhookUrl, input.webhookSecret, input.allowPrivate ? 1 : 0, by, now().toISOString()]);
        if (!row) throw new JikenboError('conflict', `a watchlist named "${input.name}" exists already`, { subject: 'watchlist' });
        const list = await mustGet(client, row.id);
        await writeAudit(client, { actor: by, action: 'watchlist.add', subject: `watchlist:${list.id}`, before: null, after: shown(list) }, now);
        return list;
      });
    },
    async changeWatchlist(id, patch, by) {
      return inTransaction(pool, async (client) => {
        const before = await mustGet(client, id, true);
        const after = { ...before, ...patch };
        await client.query('UPDATE watchlists SET is_private = $2, webhook_url = $3, webhook_secret = $4, allow_private = $5 WHERE id = $1',
          [id, after.private ? 1 : 0, after.webhookUrl, after.webhookSecret, after.allowPrivate ? 1 : 0]);
        await writeAudit(client, { actor: by, action: 'watchlist.change', subject: `watchlist:${id}`, before: shown(before), after: shown(after) }, now);
        return mustGet(client, id);
      });
    },
    async removeWatchlist(id, by) {
      return inTransaction(pool, async (client) => {
        const list = await mustGet(client, id, true);
        await client.query('DELETE FROM watchlists WHERE id = $1', [id]);
        await writeAudit(client, { actor: by, action: 'watchlist.remove', subject: `watchlist:${id}`, before: { ...shown(list), entries: list.entries, hits: list.hits }, after: null }, now);
        return list;
      });
    },
    async getWatchlist(id) {
      const row = await read(pool, id);
      return row ? toWatchlist(row) : null;
    },
    async findWatchlistByName(name) {
      const row = await one<WatchlistRow>(pool, `${WATCHLIST_SELECT} WHERE w.name = $1`, [name]);
      return row ? toWatchlist(row) : null;
    },
    async listWatchlists() {
      return (await rows<WatchlistRow>(pool, `${WATCHLIST_SELECT} ORDER BY w.name, w.id`)).map(toWatchlist);
    },
    async addWatchlistEntries(listId, entries, by) {
      return inTransaction(pool, async (client) => {
        await mustGet(client, listId, true);
        const at = now().toISOString();
        let added = 0;
        let updated = 0;
        for (const e of entries) {
          const row = await one<{ inserted: boolean }>(client, /* sql */ `
            INSERT INTO watchlist_entries (watchlist_id, name, aliases_json, domains_json, added_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (watchlist_id, name) DO UPDATE SET aliases_json = excluded.aliases_json, domains_json = excluded.domains_json
            RETURNING (xmax = 0) AS inserted`, [listId, e.name.trim(), cleanList(e.aliases), cleanList(e.domains), at]);
          if (row!.inserted) added++;
          else updated++;
        }
        await writeAudit(client, { actor: by, action: 'watchlist.entries', subject: `watchlist:${listId}`, before: null, after: { added, updated } }, now);
        return { added, updated };
      });
    },
    async removeWatchlistEntry(listId, name, by) {
      return inTransaction(pool, async (client) => {
        await mustGet(client, listId, true);
        const row = await one<EntryRow>(client, 'DELETE FROM watchlist_entries WHERE watchlist_id = $1 AND name = $2 RETURNING *', [listId, name.trim()]);
        if (!row) throw new JikenboError('not_found', `watchlist ${listId} has no entry "${name}"`, { subject: 'entry' });
        const entry = toEntry(row);
        await writeAudit(client, { actor: by, action: 'watchlist.remove_entry', subject: `watchlist:${listId}`, before: { name: entry.name, aliases: entry.aliases, domains: entry.domains }, after: null }, now);
        return entry;
      });
    },
    async listWatchlistEntries(listId) {
      if (!isRowId(listId)) return [];
      return (await rows<EntryRow>(pool, 'SELECT * FROM watchlist_entries WHERE watchlist_id = $1 ORDER BY name, id', [listId])).map(toEntry);
    },
    async watchableNotices(afterId, limit) {
      const found = await rows<{ id: number; organization: string | null; text: string; document_id: number; source: string }>(pool, /* sql */ `
        SELECT n.id, n.organization, n.text, n.document_id, d.source FROM notices n JOIN documents d ON d.id = n.document_id
        WHERE n.id > $1 ORDER BY n.id LIMIT $2`, [afterId, limit]);
      const urls = new Map<number, string[]>();
      const fetched = await rows<{ document_id: number; requested_url: string; final_url: string }>(pool,
        'SELECT document_id, requested_url, final_url FROM fetches WHERE document_id = ANY($1::int[]) ORDER BY id', [[...new Set(found.map((n) => n.document_id))]]);
      for (const f of fetched) {
        const list = urls.get(f.document_id) ?? [];
        list.push(f.requested_url, f.final_url);
        urls.set(f.document_id, list);
      }
      // The names and domains people gave each notice's organisation (a merged one's survivor holds them).
      const names = namesByNotice(await rows<{ notice_id: number; kind: string; value: string }>(pool, /* sql */ `
        SELECT o.notice_id, m.kind, m.value FROM organisation_notices o JOIN organisation_names m ON m.organisation_id = o.organisation_id
        WHERE o.notice_id = ANY($1::int[]) ORDER BY m.id`, [found.map((n) => n.id)]));
      return found.map((n) => ({
        id: n.id, organization: n.organization, text: n.text, urls: [...new Set([n.source, ...(urls.get(n.document_id) ?? [])])],
        organisationNames: names.get(n.id)?.names ?? [], organisationDomains: names.get(n.id)?.domains ?? [],
      }));
    },
    async claimsAfter(afterId, limit) {
      return (await rows<ClaimRow>(pool, 'SELECT * FROM claims WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit])).map(toClaim);
    },
    async saveWatchlistHits(listId, cursors, hits) {
      return inTransaction(pool, async (client) => {
        const list = await one<{ webhook_url: string | null }>(client, /* sql */ `
          UPDATE watchlists SET notice_cursor = $2, claim_cursor = $4 WHERE id = $1 AND notice_cursor = $3 AND claim_cursor = $5
          RETURNING webhook_url`, [listId, cursors.notice.to, cursors.notice.from, cursors.claim.to, cursors.claim.from]);
        if (!list) return { added: 0, moved: false };
        const at = now().toISOString();
        let added = 0;
        for (const h of hits) {
          const hit = await one<{ id: number }>(client, /* sql */ `
            INSERT INTO watchlist_hits (watchlist_id, entry_id, subject, subject_id, how, evidence, found_at)
            SELECT $1, $2, $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM watchlist_entries WHERE id = $2 AND watchlist_id = $1)
            ON CONFLICT (watchlist_id, entry_id, subject, subject_id) DO NOTHING RETURNING id`,
          [listId, h.entryId, h.subject, h.subjectId, h.how, h.evidence.slice(0, 1000), at]);
          if (!hit) continue;
          added++;
          if (list.webhook_url) {
            await client.query("INSERT INTO webhook_deliveries (hit_id, state, attempts, next_attempt_at) VALUES ($1, 'pending', 0, $2)", [hit.id, at]);
          }
        }
        return { added, moved: true };
      });
    },
    async listWatchlistHits(listId, options = {}) {
      if (!isRowId(listId)) return [];
      return (await rows<HitRow>(pool, `${HIT_SELECT} WHERE h.watchlist_id = $1 ORDER BY h.id DESC LIMIT $2`, [listId, options.limit ?? 100])).map(toHit);
    },
    async dueWebhookDeliveries(at, limit) {
      const found = await rows<DueRow>(pool, /* sql */ `
        ${HIT_SELECT.replace('FROM watchlist_hits h', 'FROM webhook_deliveries dd JOIN watchlist_hits h ON h.id = dd.hit_id')
          .replace('SELECT h.id,', 'SELECT w.name AS list_name, w.webhook_url, w.webhook_secret, w.allow_private, h.id,')}
        JOIN watchlists w ON w.id = h.watchlist_id
        WHERE dd.state = 'pending' AND dd.next_attempt_at <= $1 ORDER BY dd.next_attempt_at, dd.id LIMIT $2`, [at, limit]);
      return found.map((row) => {
        const hit = toHit(row);
        return {
          delivery: hit.delivery!, hit,
          watchlist: { id: row.watchlist_id, name: row.list_name, webhookUrl: row.webhook_url, webhookSecret: row.webhook_secret, allowPrivate: row.allow_private === 1 },
        };
      });
    },
    async recordWebhookAttempt(deliveryId, attempt) {
      if (!isRowId(deliveryId)) return;
      await pool.query(/* sql */ `
        UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3, last_attempt_at = $4,
          state = CASE WHEN $5 THEN 'delivered' WHEN $6::text IS NULL THEN 'failed' ELSE 'pending' END,
          delivered_at = CASE WHEN $5 THEN $4 ELSE NULL END,
          next_attempt_at = CASE WHEN $5 THEN NULL ELSE $6::text END
        WHERE id = $1 AND state = 'pending'`,
      [deliveryId, attempt.status, attempt.error?.slice(0, 500) ?? null, attempt.at, attempt.delivered, attempt.nextAttemptAt]);
    },
  };
}
