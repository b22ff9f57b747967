// The watchlist rows both engines read (watchlists, watchlist_entries, watchlist_hits with their
// subject and delivery, webhook_deliveries), the SELECTs that read them, and their mapping.

import type { DeliveryState, HitSubject, Watchlist, WatchlistEntry, WatchlistHit, WebhookDelivery } from '../watchlist-types.ts';

export interface WatchlistRow {
  id: number;
  name: string;
  is_private: number;
  webhook_url: string | null;
  webhook_secret: string | null;
  allow_private: number;
  notice_cursor: number;
  claim_cursor: number;
  created_by: string;
  created_at: string;
  entries: number | string;
  hits: number | string;
}

/** A watchlist with its counts (PostgreSQL's count is a bigint, read as a string: Number() below). */
export const WATCHLIST_SELECT = /* sql */ `
  SELECT w.*, (SELECT count(*) FROM watchlist_entries e WHERE e.watchlist_id = w.id) AS entries,
         (SELECT count(*) FROM watchlist_hits h WHERE h.watchlist_id = w.id) AS hits
  FROM watchlists w`;

export function toWatchlist(row: WatchlistRow): Watchlist {
  return {
    id: row.id, name: row.name, private: row.is_private === 1, webhookUrl: row.webhook_url, webhookSecret: row.webhook_secret,
    allowPrivate: row.allow_private === 1, noticeCursor: Number(row.notice_cursor), claimCursor: Number(row.claim_cursor),
    createdBy: row.created_by, createdAt: row.created_at, entries: Number(row.entries), hits: Number(row.hits),
  };
}

export interface EntryRow {
  id: number;
  watchlist_id: number;
  name: string;
  aliases_json: string;
  domains_json: string;
  added_at: string;
}

export function toEntry(row: EntryRow): WatchlistEntry {
  return {
    id: row.id, watchlistId: row.watchlist_id, name: row.name, aliases: JSON.parse(row.aliases_json) as string[],
    domains: JSON.parse(row.domains_json) as string[], addedAt: row.added_at,
  };
}

export interface DeliveryColumns {
  d_id: number | null;
  d_state: string | null;
  d_attempts: number | null;
  d_last_status: number | null;
  d_last_error: string | null;
  d_last_attempt_at: string | null;
  d_next_attempt_at: string | null;
  d_delivered_at: string | null;
}

export interface HitRow extends DeliveryColumns {
  id: number;
  watchlist_id: number;
  entry_id: number;
  subject: string;
  subject_id: number;
  how: string;
  evidence: string;
  found_at: string;
  entry_name: string;
  title: string | null;
  organization: string | null;
  hit_date: string | null;
  incident_id: number | null;
  claim_domain: string | null;
}

/** A hit with what is shown of its notice (title, organisation, date, incident) or claim, and its delivery. */
export const HIT_SELECT = /* sql */ `
  SELECT h.id, h.watchlist_id, h.entry_id, h.subject, h.subject_id, h.how, h.evidence, h.found_at, e.name AS entry_name,
         CASE WHEN h.subject = 'notice' THEN coalesce(n.title, n.header) ELSE c.group_name END AS title,
         CASE WHEN h.subject = 'notice' THEN n.organization ELSE c.victim END AS organization,
         CASE WHEN h.subject = 'notice' THEN n.disclosure_date ELSE c.discovered_date END AS hit_date,
         inn.incident_id, c.domain AS claim_domain,
         d.id AS d_id, d.state AS d_state, d.attempts AS d_attempts, d.last_status AS d_last_status, d.last_error AS d_last_error,
         d.last_attempt_at AS d_last_attempt_at, d.next_attempt_at AS d_next_attempt_at, d.delivered_at AS d_delivered_at
  FROM watchlist_hits h
  JOIN watchlist_entries e ON e.id = h.entry_id
  LEFT JOIN notices n ON h.subject = 'notice' AND n.id = h.subject_id
  LEFT JOIN incident_notices inn ON h.subject = 'notice' AND inn.notice_id = h.subject_id
  LEFT JOIN claims c ON h.subject = 'claim' AND c.id = h.subject_id
  LEFT JOIN webhook_deliveries d ON d.hit_id = h.id`;

function toDelivery(row: DeliveryColumns, hitId: number): WebhookDelivery | null {
  if (row.d_id === null) return null;
  return {
    id: row.d_id, hitId, state: row.d_state as DeliveryState, attempts: Number(row.d_attempts), lastStatus: row.d_last_status,
    lastError: row.d_last_error, lastAttemptAt: row.d_last_attempt_at, nextAttemptAt: row.d_next_attempt_at, deliveredAt: row.d_delivered_at,
  };
}

export function toHit(row: HitRow): WatchlistHit {
  return {
    id: row.id, watchlistId: row.watchlist_id, entryId: row.entry_id, entryName: row.entry_name, subject: row.subject as HitSubject,
    subjectId: row.subject_id, how: row.how, evidence: row.evidence, foundAt: row.found_at, title: row.title, organization: row.organization,
    date: row.hit_date, incidentId: row.incident_id, domain: row.claim_domain, delivery: toDelivery(row, row.id),
  };
}

/** An entry's aliases and domains as stored: trimmed, without empties or repeats. */
export function cleanList(values: readonly string[]): string {
  return JSON.stringify([...new Set(values.map((v) => v.trim()).filter(Boolean))]);
}

/** The organisation table's added names (alias, former) and domains of each notice, by notice. */
export function namesByNotice(found: ReadonlyArray<{ notice_id: number; kind: string; value: string }>): Map<number, { names: string[]; domains: string[] }> {
  const out = new Map<number, { names: string[]; domains: string[] }>();
  for (const r of found) {
    const entry = out.get(r.notice_id) ?? { names: [], domains: [] };
    (r.kind === 'domain' ? entry.domains : entry.names).push(r.value);
    out.set(r.notice_id, entry);
  }
  return out;
}
