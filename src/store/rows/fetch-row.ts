// The fetches row both engines read, and its mapping to a StoredFetch.

import type { StoredFetch } from '../source-types.ts';

export interface FetchRow {
  id: number;
  requested_url: string;
  final_url: string;
  status: number;
  headers_json: string;
  redirects_json: string;
  sha256: string;
  byte_length: number;
  fetched_at: string;
  document_id: number | null;
}

export const toFetch = (row: FetchRow): StoredFetch => ({
  id: row.id,
  requestedUrl: row.requested_url,
  finalUrl: row.final_url,
  status: row.status,
  headers: JSON.parse(row.headers_json) as Record<string, string>,
  redirects: JSON.parse(row.redirects_json) as string[],
  sha256: row.sha256,
  byteLength: row.byte_length,
  fetchedAt: row.fetched_at,
  documentId: row.document_id,
});
