// The watchlist use cases shared by the CLI, the server and the job loop: make a list, import its
// organisations from CSV, find the hits of new notices and claims (incrementally: each list's cursors
// say how far it was matched), and deliver each hit to the list's webhook, retried with backoff.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { findContractorMentions, NameIndex } from '../analyze/contractor-mention.ts';
import { mappingFor } from '../analyze/japanese-victim.ts';
import { compactText, orgKey } from '../analyze/org-name.ts';
import {
  entryKeys, hasKeys, identityKeys, matchIdentityKeys, orgIdentityKeys, type IdentityKeys, type WatchMatch,
} from '../analyze/watchlist-match.ts';
import { JikenboError, reasonOf } from '../core/errors.ts';
import { hostOf } from '../core/host-name.ts';
import { MAX_NAME, parseWatchlistCsv } from '../formats/watchlist-csv.ts';
import { parseHttpUrl, refuseNonPublicHost } from '../sources/fetch-url.ts';
import { refreshOrganisations } from './organisations.ts';
import { postWebhook, type WebhookPostOptions } from '../sources/webhook-post.ts';
import type { Store, WatchlistStore } from '../store/ports.ts';
import type { ClaimDomainMapping, StoredClaim } from '../store/source-types.ts';
import type {
  DueDelivery, Watchlist, WatchlistEntry, WatchlistEntryInput, WatchlistHit, WatchlistHitInput, WatchableNotice,
} from '../store/watchlist-types.ts';

const MAX_LIST_NAME = 100;
const MIN_SECRET = 16;

export interface NewWatchlist {
  name: string;
  private?: boolean;
  webhookUrl?: string | null;
  /** The shared secret of the webhook's signature; made (and returned once) when a webhook is given without one. */
  webhookSecret?: string | null;
  allowPrivate?: boolean;
}

function checkListName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new JikenboError('bad_input', 'a watchlist needs a name', { subject: 'name' });
  if (trimmed.length > MAX_LIST_NAME) throw new JikenboError('bad_input', `a watchlist name is at most ${MAX_LIST_NAME} characters`, { subject: 'name' });
  if (/^\d+$/.test(trimmed)) throw new JikenboError('bad_input', `"${trimmed}": a watchlist name is not a number alone (numbers are its id)`, { subject: 'name' });
  return trimmed;
}

/** The webhook's URL and secret checked: http(s), a public address unless allowed, a secret of 16 characters or more. */
async function checkWebhook(url: string, secret: string | null | undefined, allowPrivate: boolean): Promise<{ webhookUrl: string; webhookSecret: string; made: boolean }> {
  parseHttpUrl(url, '--webhook');
  if (url.length > 2000) throw new JikenboError('bad_input', '--webhook: a URL of at most 2,000 characters', { subject: 'webhook' });
  if (!allowPrivate) await refuseNonPublicHost(url, {}, '--webhook');
  if (secret !== null && secret !== undefined) {
    if (secret.length < MIN_SECRET || secret.length > 200) {
      throw new JikenboError('bad_input', `--secret: the webhook's secret is ${MIN_SECRET} to 200 characters`, { subject: 'secret' });
    }
    return { webhookUrl: url, webhookSecret: secret, made: false };
  }
  return { webhookUrl: url, webhookSecret: randomBytes(24).toString('base64url'), made: true };
}

/** Makes a watchlist; `secret` is the webhook secret made for it (shown once), when one was made. */
export async function createWatchlist(store: WatchlistStore, input: NewWatchlist, by: string): Promise<{ watchlist: Watchlist; secret: string | null }> {
  const name = checkListName(input.name);
  const allowPrivate = input.allowPrivate === true;
  const hook = input.webhookUrl ? await checkWebhook(input.webhookUrl, input.webhookSecret, allowPrivate) : null;
  if (!hook && input.webhookSecret) throw new JikenboError('bad_input', '--secret without --webhook: a secret signs a webhook', { subject: 'secret' });
  const watchlist = await store.addWatchlist({
    name, private: input.private !== false, webhookUrl: hook?.webhookUrl ?? null, webhookSecret: hook?.webhookSecret ?? null, allowPrivate,
  }, by);
  return { watchlist, secret: hook?.made ? hook.webhookSecret : null };
}

/** Sets or removes (url null) a list's webhook; returns the secret made for it, when one was. */
export async function setWatchlistWebhook(store: WatchlistStore, ref: string, url: string | null, options: { secret?: string | null; allowPrivate?: boolean }, by: string) {
  const list = await resolveWatchlist(store, ref);
  if (url === null) return { watchlist: await store.changeWatchlist(list.id, { webhookUrl: null, webhookSecret: null, allowPrivate: false }, by), secret: null };
  const hook = await checkWebhook(url, options.secret, options.allowPrivate === true);
  const watchlist = await store.changeWatchlist(list.id, { webhookUrl: hook.webhookUrl, webhookSecret: hook.webhookSecret, allowPrivate: options.allowPrivate === true }, by);
  return { watchlist, secret: hook.made ? hook.webhookSecret : null };
}

/** A watchlist by its id or its name; not_found naming it otherwise. */
export async function resolveWatchlist(store: WatchlistStore, ref: string): Promise<Watchlist> {
  const trimmed = ref.trim();
  const found = /^\d+$/.test(trimmed) ? await store.getWatchlist(Number(trimmed)) : await store.findWatchlistByName(trimmed);
  if (!found) throw new JikenboError('not_found', `no watchlist "${trimmed.slice(0, 100)}" (watchlist list shows them)`, { subject: 'watchlist' });
  return found;
}

/** Checks one entry as the CSV import checks a row: a name, host names, something that can match. */
export function checkEntry(entry: WatchlistEntryInput): WatchlistEntryInput {
  const name = entry.name.trim();
  if (!name) throw new JikenboError('bad_input', 'an entry needs the organisation\'s name', { subject: 'name' });
  if (name.length > MAX_NAME) throw new JikenboError('bad_input', `an organisation's name is at most ${MAX_NAME} characters`, { subject: 'name' });
  const domains = entry.domains.map((d) => {
    const host = hostOf(d);
    if (!host) throw new JikenboError('bad_input', `--domain: "${d.slice(0, 80)}" is not a domain name`, { subject: 'domain' });
    return host;
  });
  const checked = { name, aliases: entry.aliases.map((a) => a.trim()).filter(Boolean), domains };
  if (!hasKeys(entryKeys(checked))) {
    throw new JikenboError('bad_input', `"${name.slice(0, 80)}" is made of generic words only and has no domain: it would match nothing in particular`, { subject: 'name' });
  }
  return checked;
}

export async function addWatchlistEntry(store: WatchlistStore, ref: string, entry: WatchlistEntryInput, by: string) {
  const list = await resolveWatchlist(store, ref);
  return { watchlist: list, ...(await store.addWatchlistEntries(list.id, [checkEntry(entry)], by)) };
}

export interface WatchlistImportReport {
  file: string;
  watchlist: Watchlist;
  rows: number;
  added: number;
  updated: number;
  /** Each bad row as "FILE:LINE: reason"; the other rows are imported. */
  problems: string[];
}

const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** Imports a CSV of organisations into a list (made when there is none of that name). */
export async function importWatchlistFile(store: WatchlistStore, ref: string, path: string, by: string): Promise<WatchlistImportReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new JikenboError('bad_input', `${path}: cannot read: ${reasonOf(err)}`, { subject: path, cause: err });
  }
  if (text.length > MAX_CSV_BYTES) throw new JikenboError('bad_input', `${path}: larger than 20 MB`, { subject: path });
  const parsed = parseWatchlistCsv(text);
  const watchlist = /^\d+$/.test(ref.trim()) || (await store.findWatchlistByName(ref.trim()))
    ? await resolveWatchlist(store, ref)
    : (await createWatchlist(store, { name: ref }, by)).watchlist;
  const { added, updated } = parsed.entries.length > 0
    ? await store.addWatchlistEntries(watchlist.id, parsed.entries.map((e) => e.entry), by) : { added: 0, updated: 0 };
  return {
    file: path, watchlist, rows: parsed.entries.length + parsed.problems.length, added, updated,
    problems: parsed.problems.map((p) => `${path}:${p.line}: ${p.reason}`),
  };
}

export interface WatchlistView {
  watchlist: Watchlist;
  entries: WatchlistEntry[];
  hits: WatchlistHit[];
}

export async function watchlistView(store: WatchlistStore, ref: string, options: { limit?: number } = {}): Promise<WatchlistView> {
  const watchlist = await resolveWatchlist(store, ref);
  const [entries, hits] = await Promise.all([store.listWatchlistEntries(watchlist.id), store.listWatchlistHits(watchlist.id, options)]);
  return { watchlist, entries, hits };
}

/** A watchlist as shown outside the store: never its webhook's secret. */
export function publicWatchlist(w: Watchlist) {
  const { webhookSecret: _secret, ...shown } = w;
  return shown;
}

// ---------------------------------------------------------------------------------------------
// Matching: new notices and claims against every list, from each list's cursors.

/** Notices and claims read a batch at a time. */
const BATCH = 200;

interface CompiledEntry {
  entry: WatchlistEntry;
  keys: IdentityKeys;
}

/**
 * The organisation of a notice as matching sees it: its name, the other and former names and the
 * domains people gave its organisation (the organisation table), and the URLs it was fetched from.
 */
function noticeIdentities(n: WatchableNotice): IdentityKeys {
  const urls = n.urls.filter((u) => /^https?:\/\//i.test(u));
  return orgIdentityKeys({ names: n.organization ? [n.organization] : [], aliases: n.organisationNames, domains: [...urls, ...n.organisationDomains] });
}

/** A claim's organisation: its victim, its domain, and the Japanese parent the domain map gives it. */
function claimIdentities(c: StoredClaim, mappings: readonly ClaimDomainMapping[]): IdentityKeys {
  const host = c.domain ?? hostOf(c.victim);
  const parent = mappingFor(host, mappings)?.parent;
  return identityKeys([c.victim, ...(parent ? [parent] : [])], c.domain ? [c.domain] : []);
}

function evidenceOf(m: WatchMatch): string {
  return `${m.how}: "${m.entryValue}" = "${m.orgValue}"`;
}

function noticeHits(entries: readonly CompiledEntry[], names: NameIndex, byKey: Map<string, CompiledEntry[]>, n: WatchableNotice): WatchlistHitInput[] {
  const hits: WatchlistHitInput[] = [];
  const org = noticeIdentities(n);
  const found = new Set<number>();
  for (const e of entries) {
    const m = matchIdentityKeys(e.keys, org);
    if (!m) continue;
    found.add(e.entry.id);
    hits.push({ entryId: e.entry.id, subject: 'notice', subjectId: n.id, how: m.how, evidence: evidenceOf(m) });
  }
  // A notice that names an entry as its contractor or client (委託先である株式会社X) names it too.
  if (byKey.size > 0 && n.text) {
    for (const mention of findContractorMentions(compactText(n.text), names, orgKey(n.organization))) {
      for (const e of byKey.get(mention.key) ?? []) {
        if (found.has(e.entry.id)) continue;
        found.add(e.entry.id);
        hits.push({ entryId: e.entry.id, subject: 'notice', subjectId: n.id, how: 'contractor', evidence: `contractor: "${mention.evidence.slice(0, 200)}"` });
      }
    }
  }
  return hits;
}

export interface HitsReport {
  /** Hits added, by watchlist name. */
  added: Record<string, number>;
}

/**
 * Matches the notices and claims stored since each list's cursors against its entries and records the
 * hits (a webhook delivery each where the list has a webhook), a batch at a time, each batch in one
 * transaction with the cursors: a crash loses nothing, and what another process matched first is
 * not matched twice. Costs only what is new.
 */
export async function updateWatchlistHits(store: Store): Promise<HitsReport> {
  const report: HitsReport = { added: {} };
  const lists = await store.listWatchlists();
  if (lists.length === 0) return report;
  // The organisation table first, so that new notices have their organisation's names and domains.
  await refreshOrganisations(store);
  const mappings = await store.listClaimDomainMappings();
  for (const list of lists) {
    const entries = (await store.listWatchlistEntries(list.id)).map((entry) => ({ entry, keys: entryKeys(entry) }));
    const byKey = new Map<string, CompiledEntry[]>();
    for (const e of entries) {
      for (const key of e.keys.orgKeys.keys()) byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
    const names = new NameIndex(byKey.keys());
    let { noticeCursor, claimCursor } = list;
    for (;;) {
      const [notices, claims] = await Promise.all([store.watchableNotices(noticeCursor, BATCH), store.claimsAfter(claimCursor, BATCH)]);
      if (notices.length === 0 && claims.length === 0) break;
      const hits: WatchlistHitInput[] = [];
      if (entries.length > 0) {
        for (const n of notices) hits.push(...noticeHits(entries, names, byKey, n));
        for (const c of claims) {
          const org = claimIdentities(c, mappings);
          for (const e of entries) {
            const m = matchIdentityKeys(e.keys, org);
            if (m) hits.push({ entryId: e.entry.id, subject: 'claim', subjectId: c.id, how: m.how, evidence: evidenceOf(m) });
          }
        }
      }
      const to = { notice: notices.at(-1)?.id ?? noticeCursor, claim: claims.at(-1)?.id ?? claimCursor };
      const saved = await store.saveWatchlistHits(list.id, { notice: { from: noticeCursor, to: to.notice }, claim: { from: claimCursor, to: to.claim } }, hits);
      // Another process matched this list meanwhile: it goes on from where that one left it.
      if (!saved.moved) break;
      report.added[list.name] = (report.added[list.name] ?? 0) + saved.added;
      noticeCursor = to.notice;
      claimCursor = to.claim;
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// Webhook deliveries.

/** Attempts before a delivery is given up. */
export const MAX_ATTEMPTS = 8;

/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min … at most 6 h. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 6 * 3600_000);
}

/** The JSON document POSTed for a hit. */
export function hitPayload(due: Pick<DueDelivery, 'hit' | 'watchlist' | 'delivery'>, sentAt: string) {
  const { hit } = due;
  return {
    event: 'watchlist.hit',
    delivery: due.delivery.id,
    sent_at: sentAt,
    watchlist: { id: due.watchlist.id, name: due.watchlist.name, path: `/watchlists/${due.watchlist.id}` },
    hit: {
      id: hit.id, entry: hit.entryName, subject: hit.subject, subject_id: hit.subjectId, how: hit.how, evidence: hit.evidence,
      found_at: hit.foundAt, title: hit.title, organization: hit.organization, date: hit.date, domain: hit.domain,
      incident_id: hit.incidentId,
      path: hit.subject === 'notice' ? (hit.incidentId !== null ? `/incidents/${hit.incidentId}` : `/notices/${hit.subjectId}`) : '/claims',
    },
  };
}

export interface DeliveryOptions {
  now?: () => Date;
  /** At most this many deliveries a run; default 50. */
  limit?: number;
  /** Passed to each POST (tests: a timeout, a resolver). */
  post?: Omit<WebhookPostOptions, 'allowPrivate' | 'headers'>;
}

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers the deliveries that are due, one POST each (signed: X-Jikenbo-Signature), and records the
 * attempt: a 2xx is delivered; anything else is tried again after retryDelayMs, and given up after
 * MAX_ATTEMPTS. What is due is in the store, so the job loop's next tick retries, whichever server runs it.
 */
export async function deliverWebhooks(store: WatchlistStore, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0 };
  for (const due of await store.dueWebhookDeliveries(now().toISOString(), options.limit ?? 50)) {
    const { webhookUrl, webhookSecret, allowPrivate } = due.watchlist;
    let status: number | null = null;
    let error: string | null = null;
    if (!webhookUrl || !webhookSecret) error = 'the watchlist has no webhook any more';
    else {
      const body = JSON.stringify(hitPayload(due, now().toISOString()));
      try {
        status = await postWebhook(webhookUrl, body, webhookSecret, {
          ...options.post, allowPrivate, headers: { 'X-Jikenbo-Event': 'watchlist.hit', 'X-Jikenbo-Delivery': String(due.delivery.id) },
        });
        if (status < 200 || status > 299) error = `HTTP ${status}`;
      } catch (err) {
        error = reasonOf(err);
      }
    }
    const at = now().toISOString();
    const attempts = due.delivery.attempts + 1;
    const delivered = error === null;
    const giveUp = !delivered && (attempts >= MAX_ATTEMPTS || !webhookUrl);
    await store.recordWebhookAttempt(due.delivery.id, {
      at, status, error, delivered,
      nextAttemptAt: delivered || giveUp ? null : new Date(now().getTime() + retryDelayMs(attempts)).toISOString(),
    });
    if (delivered) report.delivered++;
    else if (giveUp) report.failed++;
    else report.retrying++;
  }
  return report;
}

/** One tick of the job loop's watchlist work: the hits of what is new, then the deliveries due. */
export async function runWatchlists(store: Store, options: DeliveryOptions = {}): Promise<{ hits: HitsReport; deliveries: DeliveryReport }> {
  const hits = await updateWatchlistHits(store);
  const deliveries = await deliverWebhooks(store, options);
  return { hits, deliveries };
}
