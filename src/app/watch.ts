// The watch use cases: add a feed or news page, and check the due ones once — conditional requests,
// new notice-like links ingested, a failing source kept with its error and tried again after a backoff.
import { JikenboError, reasonOf } from '../core/errors.ts';
import { looksLikeNoticeTitle } from '../core/notice-title.ts';
import { fetchUrl, parseHttpUrl, refuseNonPublicHost, type FetchOptions } from '../sources/fetch-url.ts';
import type { Lease } from '../store/lease-types.ts';
import type { ClaimProblem } from '../formats/leak-claims.ts';
import type { ClaimFormat, SeenLink, WatchKind, WatchSource } from '../store/source-types.ts';
import type { Archive, Store, WatchStore } from '../store/ports.ts';
import { documentLimits, sharedDecoder } from './decoder.ts';
import { regroupIncidents, type RegroupReport } from './incidents.ts';
import { drainGrouping } from './regroup.ts';
import { runWatchlists, type DeliveryOptions } from './watchlists.ts';
import { leaseHolder } from './lease-holder.ts';
import { storeParsedClaims } from './claims.ts';
import { parseContentType, storeFetchedPage } from './ingest-url.ts';
import type { FileOutcome } from './ingest.ts';

export const DEFAULT_EVERY_SECONDS = 6 * 3600;
const MIN_EVERY_SECONDS = 60;
/** Notice links fetched per source per check; the rest stay unseen and come next time. */
const MAX_FETCHES_PER_CHECK = 50;
/**
 * A tracker's list of claims is one JSON file, larger than a page and slower to come (ransomware.live's
 * whole list runs to megabytes): these limits unless the run sets its own.
 */
export const CLAIMS_MAX_BYTES = 64 * 1024 * 1024;
export const CLAIMS_TIMEOUT_MS = 120_000;
const FIRST_BACKOFF_SECONDS = 15 * 60;
const MAX_BACKOFF_SECONDS = 24 * 3600;

/** '6h', '30m', '1d', '90s' → seconds; bad_input for anything else or less than a minute. */
export function parseInterval(text: string): number {
  const m = /^\s*(\d{1,6})\s*([smhd])\s*$/i.exec(text);
  if (!m) throw new JikenboError('bad_input', `--every: "${text.slice(0, 20)}" is not an interval like 30m, 6h or 1d`, { subject: 'every' });
  const seconds = Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2]!.toLowerCase() as 's' | 'm' | 'h' | 'd'];
  if (seconds < MIN_EVERY_SECONDS) throw new JikenboError('bad_input', '--every: at least 1m', { subject: 'every' });
  return seconds;
}

export interface AddWatchOptions {
  everySeconds?: number;
  allowPrivate?: boolean;
  fetch?: Pick<FetchOptions, 'resolve' | 'addressPolicy'>;
}

/**
 * Watches a URL. Unless `allowPrivate`, a host that is or resolves to a non-public address is refused
 * here (sources/fetch-url.ts's guard), not accepted to fail at every check after.
 */
export async function addWatchSource(store: WatchStore, url: string, options: AddWatchOptions = {}): Promise<WatchSource> {
  return addSource(store, url, options, 'page', null);
}

/**
 * Watches a leak-site tracker's JSON (ransomwatch's posts.json, a ransomware.live list) for claims: a
 * watched source of kind 'claims', checked by `watch run` and the server's watcher on its own schedule,
 * through the same address guard, its new claims imported as `claims import` imports a file.
 */
export async function addClaimSource(store: WatchStore, url: string, options: AddWatchOptions & { format?: ClaimFormat } = {}): Promise<WatchSource> {
  return addSource(store, url, options, 'claims', options.format ?? 'auto');
}

async function addSource(store: WatchStore, url: string, options: AddWatchOptions, kind: WatchKind, claimFormat: ClaimFormat | null): Promise<WatchSource> {
  const parsed = parseHttpUrl(url.trim());
  if (options.allowPrivate !== true) await refuseNonPublicHost(parsed.href, options.fetch);
  return store.addWatchSource({
    url: parsed.href, everySeconds: options.everySeconds ?? DEFAULT_EVERY_SECONDS, allowPrivate: options.allowPrivate === true, kind, claimFormat,
  });
}

/** The watched leak-site trackers, in the order they were added. */
export async function listClaimSources(store: WatchStore): Promise<WatchSource[]> {
  return (await store.listWatchSources()).filter((s) => s.kind === 'claims');
}

/**
 * A watched source as a person names it: its id (as `watch list` shows it) or its URL; with `kind`,
 * only a source of that kind (`claims watch remove` never removes a page).
 */
export async function findWatchSource(store: WatchStore, ref: string, kind?: WatchKind): Promise<WatchSource> {
  const text = ref.trim();
  const sources = (await store.listWatchSources()).filter((s) => kind === undefined || s.kind === kind);
  const found = /^[1-9][0-9]{0,15}$/.test(text) ? sources.find((s) => s.id === Number(text))
    : sources.find((s) => s.url === text) ?? sources.find((s) => { try { return s.url === parseHttpUrl(text).href; } catch { return false; } });
  if (!found) {
    throw new JikenboError('not_found', kind === 'claims'
      ? `no watched claims source ${text.slice(0, 200)} (jikenbo claims watch list shows them)`
      : `no watched source ${text.slice(0, 200)} (jikenbo watch list shows them)`, { subject: 'source' });
  }
  return found;
}

/** Stops watching a leak-site tracker named by id or URL; the claims it brought stay. */
export async function removeClaimSource(store: WatchStore, ref: string): Promise<WatchSource> {
  return store.removeWatchSource((await findWatchSource(store, ref, 'claims')).id);
}

/** Stops watching a source named by id or URL (findWatchSource), forgetting the links it showed. */
export async function removeWatchSource(store: WatchStore, ref: string): Promise<WatchSource> {
  return store.removeWatchSource((await findWatchSource(store, ref)).id);
}

/** Pauses (not checked, not due) or resumes a source named by id or URL. */
export async function pauseWatchSource(store: WatchStore, ref: string, paused: boolean): Promise<WatchSource> {
  return store.pauseWatchSource((await findWatchSource(store, ref)).id, paused);
}

export interface SourceCheck {
  source: WatchSource;
  status: 'changed' | 'not_modified' | 'failed';
  /** Links the source showed for the first time. */
  newLinks: number;
  /** What became of the new links that read like notices (failed ones are tried again next check). */
  notices: Array<FileOutcome & { title: string }>;
  /** A claims source's check that read a body: its records, the claims new to the casebook, those stored already, the unreadable records. */
  claims?: ClaimPoll;
  error?: string;
}

export interface ClaimPoll {
  records: number;
  added: number;
  existing: number;
  problems: ClaimProblem[];
}

export interface WatchReport {
  checked: SourceCheck[];
  incidents?: RegroupReport;
  /** `watch run`: the watchlists' hits added and webhook deliveries made after the check. */
  watchlists?: Awaited<ReturnType<typeof runWatchlists>>;
}

export interface WatchRunOptions {
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Check every source, due or not. */
  all?: boolean;
  /** Limits of every fetch; `allowPrivate` here overrides each source's own setting only to allow. */
  fetch?: FetchOptions;
  /** Count the casebook's incidents after regrouping, for a person's report (`incidents`); it reads every incident. */
  summary?: boolean;
}

/** Sources checked at once: a slow site holds up one of these, not the others. */
export const WATCH_CONCURRENCY = 4;

/**
 * Checks each due source once, WATCH_CONCURRENCY at a time (each fetch has its own time limit, so a
 * slow source holds up only its own lane); one source's failure is its line in the report, which
 * lists the sources in their order.
 */
export async function runWatch(deps: { store: Store; archive: Archive }, options: WatchRunOptions = {}): Promise<WatchReport> {
  const now = options.now ?? (() => new Date());
  // A paused source is not checked, not even by --all.
  const sources = options.all ? (await deps.store.listWatchSources()).filter((s) => s.pausedAt === null) : await deps.store.dueWatchSources(now().toISOString());
  const report: WatchReport = { checked: [] };
  const results = new Array<SourceCheck>(sources.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(WATCH_CONCURRENCY, sources.length) }, async () => {
    for (let i = next++; i < sources.length; i = next++) results[i] = await checkSource(sources[i]!, deps, options, now);
  }));
  report.checked.push(...results);
  if (report.checked.some((c) => c.notices.some((n) => n.status === 'new'))) {
    if (options.summary) report.incidents = await regroupIncidents(deps.store);
    else await drainGrouping(deps.store);
  }
  return report;
}

async function checkSource(source: WatchSource, deps: { store: Store; archive: Archive }, options: WatchRunOptions, now: () => Date): Promise<SourceCheck> {
  const claims = source.kind === 'claims';
  const fetchOptions: FetchOptions = {
    ...(claims ? { maxBytes: CLAIMS_MAX_BYTES, timeoutMs: CLAIMS_TIMEOUT_MS } : {}),
    ...options.fetch, allowPrivate: source.allowPrivate || options.fetch?.allowPrivate === true,
  };
  try {
    const conditional: Record<string, string> = {};
    if (source.etag) conditional['If-None-Match'] = source.etag;
    if (source.lastModified) conditional['If-Modified-Since'] = source.lastModified;
    const page = await fetchUrl(source.url, { ...fetchOptions, headers: { ...fetchOptions.headers, ...conditional } });
    if (page.status === 304) {
      const updated = await deps.store.recordWatchCheck(source.id, { ...success(source, now, source.etag, source.lastModified), status: 'not_modified' });
      return { source: updated, status: 'not_modified', newLinks: 0, notices: [] };
    }
    if (page.status < 200 || page.status > 299) throw new JikenboError('bad_input', `${source.url}: the server answered HTTP ${page.status}`);
    if (claims) {
      const poll = await importTrackerClaims(source, page.bytes, deps.store);
      // Validators kept only now that the body was read: a body that failed is fetched whole next time.
      const updated = await deps.store.recordWatchCheck(source.id, {
        ...success(source, now, page.headers.etag ?? null, page.headers['last-modified'] ?? null), status: 'changed', added: poll.added,
      });
      return { source: updated, status: 'changed', newLinks: 0, notices: [], claims: poll };
    }
    // Parsed in a decoding process, under the limits of an ingested page (a deep page stalled the server).
    const charset = parseContentType(page.headers['content-type']).charset;
    const listed = await sharedDecoder().run({ kind: 'links', url: page.url, bytes: page.bytes, limits: documentLimits(), ...(charset ? { charset } : {}) });
    if (!listed.ok) throw new JikenboError('bad_input', listed.reason, { subject: source.url });
    const { listing } = listed;
    const seen = await deps.store.seenWatchLinks(source.id, listing.links.map((l) => l.url));
    const fresh = listing.links.filter((l) => !seen.has(l.url));

    const remembered: SeenLink[] = [];
    const notices: SourceCheck['notices'] = [];
    let fetched = 0;
    for (const link of fresh) {
      if (!looksLikeNoticeTitle(link.title)) {
        remembered.push({ url: link.url, title: link.title, outcome: 'not_notice' });
        continue;
      }
      if (fetched >= MAX_FETCHES_PER_CHECK) continue; // left unseen: next check takes it
      fetched++;
      let outcome: FileOutcome;
      try {
        outcome = await storeFetchedPage(await fetchUrl(link.url, fetchOptions), deps, fetchOptions.maxBytes);
      } catch (err) {
        outcome = { path: link.url, status: 'failed', posts: 0, reason: reasonOf(err) };
      }
      notices.push({ ...outcome, title: link.title });
      // A failed link is not remembered, so the next check tries it again while the source still lists it.
      if (outcome.status !== 'failed') {
        remembered.push({ url: link.url, title: link.title, outcome: outcome.status === 'new' ? 'ingested' : 'duplicate', documentId: outcome.documentId ?? null });
      }
    }
    await deps.store.markWatchLinksSeen(source.id, remembered);
    // With links left for later (over the cap, or failed), a 304 next time would hide them: keep no validators then.
    const complete = fetched < MAX_FETCHES_PER_CHECK && notices.every((n) => n.status !== 'failed');
    const added = notices.filter((n) => n.status === 'new').length;
    const updated = await deps.store.recordWatchCheck(source.id, {
      ...(complete ? success(source, now, page.headers.etag ?? null, page.headers['last-modified'] ?? null) : success(source, now, null, null)),
      status: 'changed', added,
    });
    return { source: updated, status: 'changed', newLinks: fresh.length, notices };
  } catch (err) {
    const at = now();
    const delay = Math.min(FIRST_BACKOFF_SECONDS * 2 ** source.failures, MAX_BACKOFF_SECONDS);
    const updated = await deps.store.recordWatchCheck(source.id, {
      ok: false, at: at.toISOString(), error: reasonOf(err), nextCheckAt: new Date(at.getTime() + delay * 1000).toISOString(),
    });
    return { source: updated, status: 'failed', newLinks: 0, notices: [], error: reasonOf(err) };
  }
}

/**
 * A tracker's body read as `claims import` reads a file (same parser, same natural-key dedupe), the
 * parsing in a decoding process under its memory and time limits as a watched page's (a hostile or
 * huge list stalls or exhausts a reader, not the server). A body that is not JSON, or not a list of
 * claims, or none of whose records is one, is this source's failure and stores nothing; a list with
 * some unreadable records stores the readable ones and reports the rest.
 */
async function importTrackerClaims(source: WatchSource, bytes: Uint8Array, store: Store): Promise<ClaimPoll> {
  const format = source.claimFormat ?? 'auto';
  const read = await sharedDecoder().run({ kind: 'claims', source: source.url, bytes, format });
  if (!read.ok) throw new JikenboError('bad_input', read.reason, { subject: source.url });
  const { claims, problems } = read.parsed;
  // Judged before anything is stored.
  const whole = problems.find((p) => p.index < 0);
  if (whole) throw new JikenboError('bad_input', `${source.url}: ${whole.reason}`, { subject: source.url });
  if (claims.length === 0 && problems.length > 0) {
    const first = problems[0]!;
    throw new JikenboError('bad_input', `${source.url}: none of its ${problems.length} records is a ${format === 'auto' ? 'leak-site claim' : `${format} claim`} (record ${first.index}: ${first.reason})`, { subject: source.url });
  }
  const report = await storeParsedClaims(store, read.parsed, source.url);
  return { records: report.records, added: report.added, existing: report.existing, problems: report.problems };
}

function success(source: WatchSource, now: () => Date, etag: string | null, lastModified: string | null) {
  const at = now();
  return {
    ok: true as const, at: at.toISOString(), etag, lastModified,
    nextCheckAt: new Date(at.getTime() + source.everySeconds * 1000).toISOString(),
  };
}

/** The lease (see store/lease-types.ts) that lets one server of a database watch the feeds. */
export const WATCH_LEASE = 'watch';

export { leaseHolder } from './lease-holder.ts';

/** Long enough for a run of every source; a run that dies lets a server take over after it. */
export const RUN_LEASE_MS = 30 * 60_000;

/**
 * One run (runWatch) while holding the watch lease, as a server's timer holds it: one watcher per
 * database. conflict naming the holder when another process holds it; the lease is given up after.
 */
export async function runWatchOnce(deps: { store: Store; archive: Archive }, options: WatchRunOptions = {}): Promise<WatchReport> {
  const holder = leaseHolder();
  const lease = await deps.store.takeLease(WATCH_LEASE, holder, RUN_LEASE_MS);
  if (!lease.held) {
    throw new JikenboError('conflict', `watch run: ${lease.holder} is checking the watched sources of this casebook (until ${lease.expiresAt} unless renewed); not checking them twice`);
  }
  try {
    const report = await runWatch(deps, options);
    // As the server's timer does: the watchlists' hits of what is new, and the webhook deliveries due.
    report.watchlists = await runWatchlists(deps.store, options.now ? { now: options.now } : {});
    return report;
  } finally {
    await deps.store.releaseLease(WATCH_LEASE, holder);
  }
}

export interface WatchTimerOptions {
  intervalMs?: number;
  /** How long the lease lasts unless renewed (at each tick); default three intervals, at least 1 s. */
  leaseMs?: number;
  /** The name this server holds the lease under; default leaseHolder(). */
  holder?: string;
  onReport?: (report: WatchReport) => void;
  onError?: (err: unknown) => void;
  /** Options of the webhook deliveries each tick makes (tests: a clock, a resolver). */
  watchlists?: DeliveryOptions;
  /** Called after each tick's watchlist work: hits added, deliveries made. */
  onWatchlists?: (report: Awaited<ReturnType<typeof runWatchlists>>) => void;
  /** Called when this server starts or stops being the one that watches (and at the first tick). */
  onLease?: (lease: Lease) => void;
}

/**
 * Runs `runWatch` every `intervalMs` (default a minute: each source keeps its own schedule) until
 * stopped, in one server per database: each tick takes or renews the watch lease first, and only its
 * holder runs. A holder that stops (or dies) lets another take over once the lease expires; stop()
 * lets go of it at once. One run at a time, and a run's error never stops the timer.
 */
export function startWatchTimer(deps: { store: Store; archive: Archive }, options: WatchTimerOptions = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? 60_000;
  const leaseMs = options.leaseMs ?? Math.max(1000, 3 * intervalMs);
  const holder = options.holder ?? leaseHolder();
  let running = false;
  let stopped = false;
  let held: boolean | null = null;
  const tick = async () => {
    let lease: Lease;
    try {
      // Renewed even while a run goes on, so that a long run keeps its lease.
      lease = await deps.store.takeLease(WATCH_LEASE, holder, leaseMs);
    } catch (err) {
      options.onError?.(err);
      return;
    }
    if (stopped) return;
    if (lease.held !== held) {
      held = lease.held;
      options.onLease?.(lease);
    }
    if (!lease.held || running) return;
    running = true;
    try {
      const report = await runWatch(deps);
      if (report.checked.length > 0) options.onReport?.(report);
    } catch (err) {
      options.onError?.(err);
    }
    try {
      // The watchlists' hits of whatever arrived (watched sources, uploads, another process's ingest),
      // then the webhook deliveries due: first attempts and retries alike, from the store.
      const watchlists = await runWatchlists(deps.store, options.watchlists ?? {});
      options.onWatchlists?.(watchlists);
    } catch (err) {
      options.onError?.(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await deps.store.releaseLease(WATCH_LEASE, holder).catch((err: unknown) => options.onError?.(err));
    },
  };
}
