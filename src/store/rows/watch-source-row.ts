// The watch_sources row both engines read, and its mapping to a WatchSource.

import { JikenboError } from '../../core/errors.ts';
import type { ClaimFormat, WatchSource } from '../source-types.ts';

export interface SourceRow {
  id: number;
  url: string;
  every_seconds: number;
  allow_private: number;
  etag: string | null;
  last_modified: string | null;
  added_at: string;
  last_checked_at: string | null;
  last_success_at: string | null;
  next_check_at: string;
  failures: number;
  last_error: string | null;
  paused_at: string | null;
  kind: string;
  claim_format: string | null;
  last_status: string | null;
  last_added: number | null;
  total_added: number;
}

export const toSource = (row: SourceRow): WatchSource => ({
  id: row.id,
  url: row.url,
  everySeconds: row.every_seconds,
  allowPrivate: row.allow_private === 1,
  etag: row.etag,
  lastModified: row.last_modified,
  addedAt: row.added_at,
  lastCheckedAt: row.last_checked_at,
  lastSuccessAt: row.last_success_at,
  nextCheckAt: row.next_check_at,
  failures: row.failures,
  lastError: row.last_error,
  pausedAt: row.paused_at ?? null,
  kind: row.kind === 'claims' ? 'claims' : 'page',
  claimFormat: (row.claim_format as ClaimFormat | null) ?? null,
  lastStatus: (row.last_status as WatchSource['lastStatus']) ?? null,
  lastAdded: row.last_added === null || row.last_added === undefined ? null : Number(row.last_added),
  totalAdded: Number(row.total_added ?? 0),
});

/** A URL is watched as one kind: adding a page that is watched for claims (or the reverse) is refused. */
export function kindConflict(url: string, kind: string): JikenboError {
  return new JikenboError('conflict', kind === 'claims'
    ? `${url} is watched for leak-site claims (jikenbo claims watch list); remove it there first to watch it as a page`
    : `${url} is watched as a page (jikenbo watch list); remove it there first to watch it for claims`, { subject: url });
}

/** What the audit log keeps of a claims source beyond a page's fields. */
export function claimsAudit(source: WatchSource): { kind?: 'claims'; claimFormat?: ClaimFormat | null } {
  return source.kind === 'claims' ? { kind: 'claims', claimFormat: source.claimFormat } : {};
}
