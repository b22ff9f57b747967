// The watch_sources row both engines read, and its mapping to a WatchSource.

import type { WatchSource } from '../source-types.ts';

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
});
