// Shapes the Store port uses for watchlists: named lists of organisations someone follows, the hits
// (a notice or leak-site claim that names one of them), and the webhook deliveries of those hits.

export interface WatchlistInput {
  name: string;
  /** Shown only to people signed in (and its feed to API tokens), even when the casebook is public-read. */
  private: boolean;
  /** Where each hit is POSTed, signed with `webhookSecret`; null for none (both or neither). */
  webhookUrl: string | null;
  webhookSecret: string | null;
  /** Let the webhook reach loopback and private addresses (a server the user trusts). */
  allowPrivate: boolean;
}

export interface Watchlist extends WatchlistInput {
  id: number;
  createdBy: string;
  createdAt: string;
  /** Notices and claims up to these ids have been matched against the list. */
  noticeCursor: number;
  claimCursor: number;
  entries: number;
  hits: number;
}

export type WatchlistChange = Partial<Pick<WatchlistInput, 'private' | 'webhookUrl' | 'webhookSecret' | 'allowPrivate'>>;

export interface WatchlistEntryInput {
  name: string;
  aliases: string[];
  domains: string[];
}

export interface WatchlistEntry extends WatchlistEntryInput {
  id: number;
  watchlistId: number;
  addedAt: string;
}

export type HitSubject = 'notice' | 'claim';

export interface WatchlistHitInput {
  entryId: number;
  subject: HitSubject;
  subjectId: number;
  /** How the entry matched (analyze/watchlist-match.ts: domain, name, romaji, domain_name, contractor). */
  how: string;
  /** What matched what, in words ('"株式会社ひかり書房" = "ひかり書房（株）"'). */
  evidence: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: number;
  hitId: number;
  state: DeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** A hit with what a page, a feed or a webhook shows of its subject. */
export interface WatchlistHit extends WatchlistHitInput {
  id: number;
  watchlistId: number;
  entryName: string;
  foundAt: string;
  /** The notice's title, or the claim's group. */
  title: string | null;
  /** The notice's organisation, or the claim's victim. */
  organization: string | null;
  /** Disclosure date of the notice, discovery date of the claim. */
  date: string | null;
  /** The incident the notice is in now; null for a claim. */
  incidentId: number | null;
  /** The claim's domain; null for a notice. */
  domain: string | null;
  delivery: WebhookDelivery | null;
}

/** What the matching reads of a notice: the names and addresses it gives for its organisation. */
export interface WatchableNotice {
  id: number;
  organization: string | null;
  text: string;
  /** The document's source and, for a fetched one, every URL it was fetched from. */
  urls: string[];
  /** Other and former names people gave the notice's organisation (the organisation table). */
  organisationNames: string[];
  /** Domains people gave the notice's organisation. */
  organisationDomains: string[];
}

/** One attempt at delivering a hit. */
export interface WebhookAttempt {
  at: string;
  status: number | null;
  error: string | null;
  delivered: boolean;
  /** When to try again; null when there is nothing more to do (delivered, or given up). */
  nextAttemptAt: string | null;
}

/** A delivery due now, with its hit and where to send it. */
export interface DueDelivery {
  delivery: WebhookDelivery;
  hit: WatchlistHit;
  watchlist: Pick<Watchlist, 'id' | 'name' | 'webhookUrl' | 'webhookSecret' | 'allowPrivate'>;
}
