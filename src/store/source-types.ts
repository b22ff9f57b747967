// Shapes the Store port uses for where notices come from: URL fetches, watched sources, leak-site claims.

export interface FetchInput {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  redirects: string[];
  sha256: string;
  byteLength: number;
  fetchedAt: string;
  /** The document the body became; null when it was not stored as one. */
  documentId: number | null;
}

export interface StoredFetch extends FetchInput {
  id: number;
}

/** What a watched source is: a page (a feed or news list, read for notice links) or a leak-site tracker's claims. */
export type WatchKind = 'page' | 'claims';

/** How a tracker's JSON is read: ransomwatch's posts, ransomware.live's (v1 or v2), or told from each record. */
export type ClaimFormat = 'auto' | 'ransomwatch' | 'ransomware-live';
export const CLAIM_FORMATS: readonly ClaimFormat[] = ['auto', 'ransomwatch', 'ransomware-live'];

export interface WatchSourceInput {
  url: string;
  everySeconds: number;
  allowPrivate: boolean;
  /** Default 'page'. A URL is watched as one kind: adding it as the other is a conflict. */
  kind?: WatchKind;
  /** A claims source's layout (default 'auto'); null for a page. */
  claimFormat?: ClaimFormat | null;
}

export interface WatchSource extends WatchSourceInput {
  id: number;
  etag: string | null;
  lastModified: string | null;
  addedAt: string;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  nextCheckAt: string;
  /** Failures in a row since the last success. */
  failures: number;
  lastError: string | null;
  /** Set while a person has paused the source: it is not checked until resumed. */
  pausedAt: string | null;
  kind: WatchKind;
  claimFormat: ClaimFormat | null;
  /** The last check's outcome, null before the first. */
  lastStatus: 'changed' | 'not_modified' | 'failed' | null;
  /** What the last check added (notices ingested, or claims new to the casebook), null before the first. */
  lastAdded: number | null;
  /** What every check together added since the source was watched. */
  totalAdded: number;
}

/** What one check of a source left behind. */
export type WatchCheckResult =
  | {
    ok: true; at: string; etag: string | null; lastModified: string | null; nextCheckAt: string;
    /** Default 'changed'. */
    status?: 'changed' | 'not_modified';
    /** Notices ingested or claims added by this check; default 0. */
    added?: number;
  }
  | { ok: false; at: string; error: string; nextCheckAt: string };

export type SeenOutcome = 'ingested' | 'duplicate' | 'not_notice' | 'failed' | 'baseline';

export interface SeenLink {
  url: string;
  title: string | null;
  outcome: SeenOutcome;
  reason?: string | null;
  documentId?: number | null;
}

export interface ClaimInput {
  group: string;
  victim: string;
  /** Lower-case host name without www., when the record gives one. */
  domain: string | null;
  /** ISO 3166 alpha-2, upper case, when the record gives one. */
  country: string | null;
  /** The discovery time as the record gives it, normalised to ISO 8601. */
  discovered: string;
  /** YYYY-MM-DD of `discovered`. */
  discoveredDate: string;
  /** Where the claim came from: the feed's form and the file name. */
  source: string;
  /** What the leak site says of the victim (ransomware.live's description), at most 2,000 characters. */
  description?: string | null;
}

export interface StoredClaim extends ClaimInput {
  id: number;
  description: string | null;
  importedAt: string;
}

export interface ClaimDomainMapping {
  domain: string;
  parent: string;
  by: string;
  at: string;
}

export interface ClaimLinkInput {
  claimId: number;
  incidentId: number;
  score: number | null;
  reason: string;
  by: string;
}

export interface ClaimLink extends ClaimLinkInput {
  id: number;
  /** The incident the link's notice is in now (regrouping may change it). */
  noticeId: number;
  at: string;
  /** Who took the confirmation back, when and why; null while it is in force. */
  undone: { by: string; at: string; reason: string } | null;
}

export interface ClaimUnconfirmInput {
  claimId: number;
  by: string;
  reason: string;
}
