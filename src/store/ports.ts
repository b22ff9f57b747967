// The store's ports: what the use cases (app/) need of a casebook, one interface per concern, nothing
// about which engine serves them. Both engines (sqlite/, postgres/) implement every port, a file of
// queries per port; `Store` is all of them, and an app function takes the narrowest port it uses.
// Every method is async so that PostgreSQL can satisfy the same interface. The data they take and
// return is declared in store.ts (and the grouping's in analyze/grouping-types.ts).

import type { DutyMark } from '../analyze/duty-mark.ts';
import type { FacetCounts } from '../analyze/facet-counts.ts';
import type {
  ExistingIncident, GroupingItem, IncidentPlan, IncidentSnapshot, LinkableNotice, ManualDecision, NoticeLink,
} from '../analyze/grouping-types.ts';
import type { IncidentSort } from '../analyze/incident-order.ts';
import type { DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import type { Correction } from '../core/corrections.ts';
import type { IncidentFacts } from '../core/flat-incident.ts';
import type { PublicationMark, PublicationMarkInput } from '../core/publication.ts';
import type { IncidentRecord } from '../core/record.ts';
import type {
  Account, AccountChange, AccountInput, ActiveSession, ApiToken, ApiTokenInput, AuditEntry, AuditInput, AuditQuery,
  SessionInput, SignInLimit, TokenHolder,
} from './account-types.ts';
import type { IntegrityReport } from './integrity.ts';
import type {
  OrganisationAssignment, OrganisationDetail, OrganisationMergeInput, OrganisationName, OrganisationNameInput, OrganisationQuery, OrganisationSearchText,
  OrganisationSplitInput, OrganisationSummary, OrganisationWorkItem,
} from './organisation-types.ts';
import type {
  DueDelivery, Watchlist, WatchlistChange, WatchlistEntry, WatchlistEntryInput, WatchlistHit, WatchlistHitInput, WatchlistInput,
  WatchableNotice, WebhookAttempt,
} from './watchlist-types.ts';
import type { Lease } from './lease-types.ts';
import type {
  ClaimDomainMapping, ClaimInput, ClaimLink, ClaimLinkInput, ClaimUnconfirmInput, FetchInput, SeenLink, StoredClaim,
  StoredFetch, WatchCheckResult, WatchSource, WatchSourceInput,
} from './source-types.ts';
import type {
  BatchIngestOutcome, BlockLink, BlockWindow, CorrectionInput, CorrectionTarget, DocumentInput, DocumentToIngest,
  FactsView, FactsWorkItem, GroupingStage, GroupingSummary, IncidentAlias, IngestResult, ListOptions, NoticeDetail,
  NoticeIndexEntry, NoticeInput, NoticeSummary, PlanBasis, ReextractionCandidate, SearchFilters, SearchHit,
  StoredDocument, StoredIncident,
} from './store.ts';

/** Documents and their notices, as ingested and as read back. */
export interface DocumentStore {
  /**
   * Stores a document and its notices in one transaction, each notice of kind 'incident' in an
   * incident of its own until regrouping links it. When a document with the same SHA-256 is already
   * stored, adds nothing and returns created=false with the existing ids.
   */
  ingestDocument(doc: DocumentInput, notices: NoticeInput[]): Promise<IngestResult>;
  /**
   * Stores several documents in one transaction, each as `ingestDocument` would: whole or not at all.
   * A document the database refuses (bad_input) is left out with its error and the others are stored;
   * outcomes come back in the batch's order. Any other failure rejects, and then nothing is stored.
   */
  ingestDocuments(batch: readonly DocumentToIngest[]): Promise<BatchIngestOutcome[]>;
  hasDocument(sha256: string): Promise<boolean>;
  getDocument(id: number): Promise<StoredDocument | null>;
  /** The decoded text the document's posts were cut from, exactly as ingested; null when there is no such document. */
  getDocumentText(id: number): Promise<string | null>;
  getNotice(id: number): Promise<NoticeDetail | null>;
  /** Newest disclosure first; notices without a date last. */
  listNotices(options?: ListOptions): Promise<NoticeSummary[]>;
  countNotices(filters?: SearchFilters): Promise<number>;
}

/** Full-text search over the notices (bigrams; the rule and its limits: search-ranking.ts). */
export interface SearchStore {
  /**
   * Bigram full-text search, best first; each whitespace-separated word of two or more characters is a
   * phrase, and all words must match. A word ending in a lone CJK character (「社」, 「A社」) matches it
   * as a prefix. An empty query is bad_input; a query of punctuation only finds nothing. Words in few
   * notices rank the hits by relevance, commoner words only narrow them, and a query of common words
   * only lists its hits newest first (the rule and its limits: search-ranking.ts).
   */
  search(query: string, options?: ListOptions): Promise<SearchHit[]>;
  /**
   * The ids of every notice a search matches (the rules of `search`), best first, without snippets:
   * what the incidents page maps to incidents before filtering and paging. At most `limit` (100,000).
   */
  searchNoticeIds(query: string, options?: { limit?: number }): Promise<number[]>;
  /** The search snippet (marks as in SearchHit) of each given notice, for the few hits a page shows. */
  noticeSnippets(noticeIds: readonly number[], query: string): Promise<Map<number, string>>;
}

/** Incidents as grouped, their numbers and aliases, and people's link and unlink decisions. */
export interface IncidentStore {
  /**
   * Incidents, newest first disclosure first. `lean`: members' records come without their evidence and
   * confidence (evidence {}), a third of the bytes: what counting and listing need, not the incident page.
   */
  listIncidents(options?: { limit?: number; offset?: number; lean?: boolean }): Promise<StoredIncident[]>;
  countIncidents(): Promise<number>;
  getIncident(id: number): Promise<StoredIncident | null>;
  /** The incident a notice belongs to, or null for a notice that makes none (kind other than 'incident'). */
  incidentOfNotice(noticeId: number): Promise<number | null>;
  /** incidentOfNotice of many notices in one read: notice id → incident id, the notices without one left out. */
  incidentsOfNoticeIds(noticeIds: readonly number[]): Promise<Map<number, number>>;
  /**
   * The incidents a number finds: those carrying it now (a header number or their own; two when a header
   * number clashes), else the one that absorbed an incident that carried it. Either form, '#' allowed.
   */
  findIncidentsByNumber(number: string): Promise<number[]>;
  /** Export keys, numbers and row ids incidents no longer carry, oldest first. */
  listIncidentAliases(): Promise<IncidentAlias[]>;
  /** The incident that took in incident `id` when a merge retired it (through later merges too); null for any other id. */
  incidentReplacing(id: number): Promise<number | null>;
  /** What regrouping reads, in one consistent read. */
  loadIncidentSnapshot(): Promise<IncidentSnapshot>;
  /**
   * Replaces the grouping of the incidents of the plan's snapshot in one transaction. A conflict error
   * when another regrouping or a person's decision came after that snapshot (the caller plans again);
   * notices stored since then stay in the incidents their ingest made, for their ingest's regrouping.
   */
  replaceAutoGroups(plan: IncidentPlan): Promise<void>;
  /** Records a person's decision that notice B's incident is notice A's. not_found for an unknown notice. */
  linkNotices(a: number, b: number, by: string): Promise<ManualDecision>;
  /** Records a person's decision that a notice is an incident of its own. */
  unlinkNotice(noticeId: number, by: string): Promise<ManualDecision>;
  /** People's link and unlink decisions that name any of the given notices, oldest first. */
  listDecisions(noticeIds: readonly number[]): Promise<ManualDecision[]>;
}

/** People's corrections beside the machine's records, and new machine readings. */
export interface CorrectionStore {
  /**
   * Stores a person's value for one field beside the machine's, with who and when; a notice's
   * effective record and filter columns follow in the same transaction. not_found for an unknown target.
   */
  addCorrection(input: CorrectionInput): Promise<Correction>;
  /** Takes a correction back (it stays in the history); conflict when it was already reverted. */
  revertCorrection(id: number, by: string): Promise<Correction>;
  /** Every correction of a notice or incident, reverted ones included, oldest first. */
  listCorrections(target: CorrectionTarget, targetId: number): Promise<Correction[]>;
  /** Every correction of one kind of target, by target id (people make few: this stays small). */
  listAllCorrections(target: CorrectionTarget): Promise<Map<number, Correction[]>>;
  /** Notices in id order after `afterId`, with their text, for extracting again. */
  listNoticesForReextraction(options: { afterId: number; limit: number }): Promise<ReextractionCandidate[]>;
  /**
   * Keeps a new machine reading of a notice; people's corrections stay in force over it.
   * Returns the notice's live corrections so the caller can show where the machine now disagrees.
   */
  saveMachineRecord(noticeId: number, record: IncidentRecord, extractorVersion: string, by?: string): Promise<Correction[]>;
}

/** People's decisions that an incident may go into the published casebook (core/publication.ts). */
export interface PublicationStore {
  /**
   * Keeps a person's mark (publishable or not) of an incident with who and when, and its audit line, in
   * one transaction; earlier marks stay as its history. not_found for an unknown incident.
   */
  markPublication(input: PublicationMarkInput): Promise<PublicationMark>;
  /** Every mark of an incident, oldest first. */
  listPublicationMarks(incidentId: number): Promise<PublicationMark[]>;
  /** The mark in force (the latest) of every incident that has one. */
  currentPublicationMarks(): Promise<Map<number, PublicationMark>>;
}

/** What HTTP fetches returned, kept beside the documents they became. */
export interface FetchStore {
  /** Keeps what an HTTP fetch returned (URL, final URL, status, headers, redirects, body hash); returns its id. */
  recordFetch(input: FetchInput): Promise<number>;
  /** The fetches whose body became this document, oldest first. */
  listFetches(documentId: number): Promise<StoredFetch[]>;
}

/** Watched feeds and news-list pages, their checks and the links they showed. */
export interface WatchStore {
  /** Adds a feed or news-list page to watch, or changes the interval of one already watched; due at once when new. */
  addWatchSource(input: WatchSourceInput, by?: string): Promise<WatchSource>;
  /** Stops watching a source and forgets the links it showed; not_found for an unknown id. */
  removeWatchSource(id: number, by?: string): Promise<WatchSource>;
  /** Pauses a source (not checked, not due) or resumes it; not_found for an unknown id. */
  pauseWatchSource(id: number, paused: boolean, by?: string): Promise<WatchSource>;
  /** Every watched source, in the order added. */
  listWatchSources(): Promise<WatchSource[]>;
  /** Sources not paused whose next check is at or before `now` (ISO time), most overdue first. */
  dueWatchSources(now: string): Promise<WatchSource[]>;
  /** Records one check: a success resets the failure count and keeps ETag/Last-Modified; a failure counts up and keeps the error. */
  recordWatchCheck(sourceId: number, result: WatchCheckResult): Promise<WatchSource>;
  /** Which of these URLs the source has shown before. */
  seenWatchLinks(sourceId: number, urls: readonly string[]): Promise<Set<string>>;
  /** Remembers links a source showed and what became of them; a link already remembered is left as it was. */
  markWatchLinksSeen(sourceId: number, links: readonly SeenLink[]): Promise<void>;
}

/** Leases: one process at a time does a job (watching, regrouping). */
export interface LeaseStore {
  /**
   * Takes the lease `name` for `holder` for `ttlMs` when nobody holds it or its holder let it expire, or
   * renews it when `holder` holds it; atomic, so of two processes asking at once one alone gets it.
   */
  takeLease(name: string, holder: string, ttlMs: number): Promise<Lease>;
  /** Gives up the lease when `holder` holds it, so that another may take it at once. */
  releaseLease(name: string, holder: string): Promise<void>;
}

/** Leak-site claims, the domain map, and people's confirmations of a claim's incident. */
export interface ClaimStore {
  /**
   * Stores leak-site claims in one transaction; one whose natural key (group, victim, day) is stored
   * already is not added, and only fills in the description, domain or country the stored one lacks.
   */
  addClaims(claims: readonly ClaimInput[], by?: string): Promise<{ added: number; existing: number }>;
  /** Claims discovered within the range (YYYY-MM-DD, inclusive), oldest first. */
  listClaims(range?: { from?: string; to?: string }): Promise<StoredClaim[]>;
  getClaim(id: number): Promise<StoredClaim | null>;
  /** Maps a (foreign) domain to the Japanese organisation it belongs to; replaces an earlier mapping of it. */
  setClaimDomainMapping(domain: string, parent: string, by: string): Promise<ClaimDomainMapping>;
  listClaimDomainMappings(): Promise<ClaimDomainMapping[]>;
  /**
   * A person's confirmation that a claim is about an incident, anchored on the incident's first notice.
   * not_found for an unknown claim or incident; confirming the pair in force again returns its link;
   * conflict when the claim is confirmed for another incident (one claim, one incident: the schema
   * holds at most one confirmation in force per claim).
   */
  confirmClaimLink(input: ClaimLinkInput): Promise<ClaimLink>;
  /** Takes back the claim's confirmation in force, kept with who, when and why; not_found when there is none. Audited. */
  unconfirmClaimLink(input: ClaimUnconfirmInput): Promise<ClaimLink>;
  /**
   * Confirmations in force of a claim, or of the incident a notice is in now; every one when neither is
   * given. `includeUndone` adds the ones taken back, oldest first.
   */
  listClaimLinks(filter?: { claimId?: number; incidentId?: number; includeUndone?: boolean }): Promise<ClaimLink[]>;
}

/**
 * Watchlists: organisations someone follows, the notices and claims that name them (hits, found by
 * app/watchlists.ts as notices and claims arrive), and the webhook deliveries of the hits.
 */
export interface WatchlistStore {
  /**
   * Adds a watchlist; conflict when the name is taken. Matching starts after the notices and claims
   * stored now (its cursors start at their last ids). Audited.
   */
  addWatchlist(input: WatchlistInput, by: string): Promise<Watchlist>;
  /** Changes whether it is private and its webhook; not_found for an unknown id. Audited. */
  changeWatchlist(id: number, change: WatchlistChange, by: string): Promise<Watchlist>;
  /** Removes a watchlist with its entries, hits and deliveries; not_found for an unknown id. Audited. */
  removeWatchlist(id: number, by: string): Promise<Watchlist>;
  getWatchlist(id: number): Promise<Watchlist | null>;
  findWatchlistByName(name: string): Promise<Watchlist | null>;
  /** Every watchlist, by name. */
  listWatchlists(): Promise<Watchlist[]>;
  /**
   * Adds entries in one transaction; an entry whose name the list holds already takes the new aliases
   * and domains. not_found for an unknown list. Audited.
   */
  addWatchlistEntries(watchlistId: number, entries: readonly WatchlistEntryInput[], by: string): Promise<{ added: number; updated: number }>;
  /** Removes one entry (and its hits) by name; not_found when the list has none of that name. Audited. */
  removeWatchlistEntry(watchlistId: number, name: string, by: string): Promise<WatchlistEntry>;
  /** The list's entries, by name. */
  listWatchlistEntries(watchlistId: number): Promise<WatchlistEntry[]>;
  /** Notices with an id above `afterId`, in id order, at most `limit`, as the matching reads them. */
  watchableNotices(afterId: number, limit: number): Promise<WatchableNotice[]>;
  /** Claims with an id above `afterId`, in id order, at most `limit`. */
  claimsAfter(afterId: number, limit: number): Promise<StoredClaim[]>;
  /**
   * Records the hits found in the notices and claims between each cursor's `from` and `to`, and moves
   * the cursors there, in one transaction; a webhook delivery per new hit when the list has a webhook.
   * A hit stored already is not added again. When a cursor is no longer at `from` (another process
   * matched them first), nothing is written and `moved` is false.
   */
  saveWatchlistHits(watchlistId: number, cursors: { notice: { from: number; to: number }; claim: { from: number; to: number } },
    hits: readonly WatchlistHitInput[]): Promise<{ added: number; moved: boolean }>;
  /** The list's hits, newest first, at most `limit` (default 100). */
  listWatchlistHits(watchlistId: number, options?: { limit?: number }): Promise<WatchlistHit[]>;
  /** Pending deliveries whose next attempt is at or before `now`, oldest first, at most `limit`. */
  dueWebhookDeliveries(now: string, limit: number): Promise<DueDelivery[]>;
  /** Records an attempt: its status or error, delivered, or when to try again (null: given up). */
  recordWebhookAttempt(deliveryId: number, attempt: WebhookAttempt): Promise<void>;
}

/** Accounts, sessions, API tokens, sign-in limits and the audit log. */
export interface AccountStore {
  /** Adds an account; conflict when the name is taken. Audited with `by`. */
  addAccount(input: AccountInput, by: string): Promise<Account>;
  getAccountByName(name: string): Promise<(Account & { passwordHash: string }) | null>;
  listAccounts(): Promise<Account[]>;
  /**
   * Changes role, password or disabled; ends the account's sessions when its password changes or it is
   * disabled, and revokes the API tokens made in its sessions when its password changes. Conflict when
   * the change would leave no enabled admin (checked under a lock, so concurrent changes cannot race it).
   */
  changeAccount(name: string, change: AccountChange, by: string): Promise<Account>;
  createSession(input: SessionInput): Promise<void>;
  /** The live session of a token hash whose account is enabled, or null. */
  findSession(tokenHash: string, now: string): Promise<ActiveSession | null>;
  deleteSession(tokenHash: string): Promise<void>;
  addApiToken(input: ApiTokenInput, by: string): Promise<ApiToken>;
  /** The account and scope of an unrevoked token of an enabled account, or null; notes when it was last used. */
  useApiToken(tokenHash: string, now: string): Promise<TokenHolder | null>;
  listApiTokens(accountId?: number): Promise<ApiToken[]>;
  /** Revokes a token; not_found for an unknown one, conflict when it was revoked already. */
  revokeApiToken(id: number, by: string): Promise<ApiToken>;
  /**
   * Records a sign-in attempt of a name before its password is checked, atomically with counting the
   * name's attempts since `limit.since` (pending and failed): null, and nothing recorded, when there
   * are `limit.max` already. Old attempts of every name are forgotten here. Returns the attempt's id.
   */
  reserveSignIn(nameKey: string, limit: SignInLimit, now: string): Promise<number | null>;
  /**
   * Settles a reserved attempt with its audit line (if any), in one transaction: a failure is kept for
   * the window; a released attempt (a success, or a check that could not be made) gives its place back.
   */
  settleSignIn(attemptId: number, outcome: 'failed' | 'released', entry: AuditInput | null): Promise<void>;
  /** Appends what is not a change of stored data (sign-ins); every store change writes its own entry. */
  appendAudit(entry: AuditInput): Promise<AuditEntry>;
  /** Newest first. */
  listAudit(query?: AuditQuery): Promise<AuditEntry[]>;
}

/**
 * The organisations the casebook knows: one per organisation key (analyze/org-name.ts) until a person
 * splits one, each notice in one. A trigger queues a notice whenever it is added or its organisation,
 * sector or date changes; app/organisations.ts drains the queue before a read. People's changes (names,
 * domains, merges, splits) are kept with who and when, each in the audit log.
 */
export interface OrganisationStore {
  /** The queued notices, oldest change first, at most `limit`, each with its effective organisation. */
  takeOrganisationWork(limit: number): Promise<OrganisationWorkItem[]>;
  /**
   * Puts each notice in its key's organisation (made when new; a merged one's answers for it), or in
   * none when it has no key; a notice a person put in an organisation (a split) stays there while it
   * has a key. Done items leave the queue unless changed again since taken. One transaction.
   */
  saveOrganisationWork(assignments: readonly OrganisationAssignment[], done: readonly OrganisationWorkItem[]): Promise<void>;
  /** Organisations with notices, not merged away, latest notice first, `offset` skipped, at most `limit`; with how many match. */
  searchOrganisations(query: OrganisationQuery, window: { offset: number; limit: number }): Promise<{ total: number; rows: OrganisationSummary[] }>;
  /** Every listed organisation's search text, latest notice first (the order searchOrganisations pages in). */
  organisationSearchTexts(): Promise<OrganisationSearchText[]>;
  /** One organisation with its names, domains, incidents and changes (also a merged one: see mergedInto); null when unknown. */
  getOrganisation(id: number): Promise<OrganisationDetail | null>;
  /** The organisations of an incident's notices, most notices first. */
  organisationsOfIncident(incidentId: number): Promise<OrganisationSummary[]>;
  /** Adds a name or domain a person gives; adding one it has already changes nothing. not_found for an unknown organisation. Audited. */
  addOrganisationName(input: OrganisationNameInput): Promise<OrganisationName>;
  /**
   * Moves every notice, name and domain of `fromId` into `intoId`, which answers for it from then on.
   * not_found for an unknown id; bad_input when they are one; conflict when either was merged away. Audited.
   */
  mergeOrganisations(input: OrganisationMergeInput): Promise<OrganisationSummary>;
  /**
   * A new organisation with the same key and name, holding the given notices of `organisationId`, kept
   * there by a person's decision. bad_input for a notice not in it, conflict when none would be left. Audited.
   */
  splitOrganisation(input: OrganisationSplitInput): Promise<OrganisationSummary>;
}

/** The casebook's rules checked over every row. */
export interface IntegrityStore {
  /** Checks the casebook's rules over every row (what `jikenbo check` runs), in one read transaction. */
  checkIntegrity(): Promise<IntegrityReport>;
}

/**
 * Incremental grouping (app/regroup.ts drives it): a queue filled by triggers whenever a notice is
 * added or its record changes, each notice's blocks, each block's links, all found by index.
 */
export interface GroupingStore {
  /** How many items wait in each stage of the queue. */
  groupingWork(): Promise<Record<GroupingStage, number>>;
  /**
   * The oldest items of the earliest stage that has any, at most that stage's limit; null when the
   * queue is empty. One statement, without counting the queue.
   */
  takeGroupingItems(limits: Readonly<Record<GroupingStage, number>>): Promise<{ stage: GroupingStage; items: GroupingItem[] } | null>;
  /** Notices by id with their effective record; their text only when asked (else ''). Unknown ids are left out. */
  loadLinkable(ids: readonly number[], withText: boolean): Promise<LinkableNotice[]>;
  /** Each notice's blocks and date as last indexed (no blocks, date null: not indexed). */
  indexOfNotices(ids: readonly number[]): Promise<Map<number, { blocks: string[]; at: string | null }>>;
  /** For each window, in order, the notices of its block indexed within it, in id order. */
  noticesWithin(windows: readonly BlockWindow[]): Promise<number[][]>;
  /**
   * Each block's notices, in id order. With `limit`, at most that many of each: all of a block no larger,
   * and of a larger one some (not always its first), enough to tell it too large to compare.
   */
  noticesInBlocks(blocks: readonly string[], limit?: number): Promise<Map<string, number[]>>;
  /**
   * For each key, the notices indexed within its window (or undated) whose cue windows may hold it (a
   * superset: the caller reads each), with those windows and the key.
   */
  writersNaming(keys: ReadonlyArray<{ key: string; from: string | null; to: string | null }>): Promise<Array<{ id: number; windows: string; key: string }>>;
  /** The organisation keys of notices (blocks org:<key>) beginning with each prefix, by prefix (a prefix none begins with: absent). */
  orgKeysByPrefix(prefixes: readonly string[]): Promise<Map<string, string[]>>;
  /** The links the blocks gave when last linked. */
  linksOfBlocks(blocks: readonly string[]): Promise<BlockLink[]>;
  /** Every stored link with one of the notices at either end. */
  linksTouching(ids: readonly number[]): Promise<BlockLink[]>;
  /** The incidents holding any of the notices, each with all its notices. */
  incidentsOfNotices(ids: readonly number[]): Promise<ExistingIncident[]>;
  /**
   * Stage 1 done: the notices' blocks and windows replaced; the notices queued for planning (stage 3),
   * and for linking (stage 2) the blocks `mayLink` and those of `blocks` that may give links or have
   * given some: holding two notices or more once these are saved, or with links stored. (Most blocks
   * hold one notice: a block queued is written, taken, read and deleted for nothing.)
   */
  saveNoticeIndex(entries: readonly NoticeIndexEntry[], done: readonly GroupingItem[], blocks: readonly string[], mayLink: readonly string[]): Promise<void>;
  /** Stage 2 done: each block's links replaced; notices whose links changed queued for planning. */
  saveBlockLinks(entries: ReadonlyArray<{ block: string; links: NoticeLink[] }>, done: readonly GroupingItem[], notices: readonly number[]): Promise<void>;
  loadPlanBasis(): Promise<PlanBasis>;
  groupingSummary(): Promise<GroupingSummary>;
  /**
   * Incidents to show beside one, found by index: those sharing its casebook number when it clashes,
   * then those with a notice of one of its organisations (the org blocks), newest first.
   */
  relatedIncidentIds(id: number, limit: number): Promise<Array<{ id: number; reason: 'clash' | 'same_org' }>>;
}

/**
 * Each incident's merged and corrected facts, kept in the store (table incident_facts) so that pages
 * filter, count, sort and page incidents in SQL. Triggers queue an incident whenever anything its facts
 * come from changes (members, records, corrections, numbers, aliases); app/incident-facts.ts drains
 * the queue before a read.
 */
export interface IncidentFactsStore {
  /** The stale incidents, oldest change first, at most `limit`. */
  takeFactsWork(limit: number): Promise<FactsWorkItem[]>;
  /** The incidents, lean (as listIncidents with lean), in the order given; unknown ids are left out. */
  listIncidentsByIds(ids: readonly number[]): Promise<StoredIncident[]>;
  /**
   * Stores the facts and drops those of `gone` incidents, in one transaction; each done item leaves the
   * queue unless it changed again since it was taken.
   */
  saveIncidentFacts(facts: readonly IncidentFacts[], gone: readonly number[], done: readonly FactsWorkItem[], duty: ReadonlyMap<number, DutyMark>): Promise<void>;
  /** The view's incidents in `sort` order, `offset` skipped, at most `limit`; with each one's best hit when searching. */
  queryIncidentFacts(view: FactsView, sort: IncidentSort, window: { offset: number; limit: number }): Promise<{ rows: IncidentFacts[]; bestNotice: Map<number, number> }>;
  /** Every incident of the view in no particular order, in one statement (statistics: what needs them all). */
  scanIncidentFacts(view: FactsView): Promise<IncidentFacts[]>;
  /** How many incidents the view holds. */
  countIncidentFacts(view: FactsView): Promise<number>;
  /** Each facet's counts over the view, as analyze/facet-counts.ts defines them. */
  countIncidentFacets(view: FactsView): Promise<FacetCounts>;
  /** The facts of these incidents (unknown ids left out), in the order given. */
  incidentFactsByIds(ids: readonly number[]): Promise<IncidentFacts[]>;
  /** A dashboard's figures over the view, in one statement (as analyze/stats/dashboard-figures.ts defines them). */
  incidentFigures(view: FactsView): Promise<DashboardFigures>;
}

/** The whole casebook: every port, the change token readers cache under, and closing. */
export interface Store extends
  DocumentStore, SearchStore, IncidentStore, GroupingStore, IncidentFactsStore, CorrectionStore, PublicationStore, FetchStore, WatchStore,
  LeaseStore, ClaimStore, WatchlistStore, AccountStore, IntegrityStore, OrganisationStore {
  /**
   * A token that changes whenever anything a reader sees may have changed (an ingest, a regroup, a
   * correction, a new machine record): callers cache derived views under it.
   */
  changeToken(): Promise<string>;
  close(): Promise<void>;
}

/** Where original bytes live, addressed by their SHA-256. Writes are atomic and never rewrite. */
export interface Archive {
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  /**
   * Puts several originals; each that resolves to null is stored and durable, as after `put`. Cheaper
   * than one `put` each (shared syncs); the error of an item that could not be stored, by position.
   */
  putMany(items: readonly { sha256: string; bytes: Uint8Array }[]): Promise<(Error | null)[]>;
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
  /** Half-written files a crash left behind (a folder archive's temp files), for `check` to report. */
  strays?(): Promise<string[]>;
}
