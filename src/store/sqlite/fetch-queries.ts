// SQLite side of URL fetches: what each HTTP answer was, kept beside the archived body.

import type Database from 'better-sqlite3';
import type { FetchInput, StoredFetch } from '../source-types.ts';

interface FetchRow {
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

export interface FetchPort {
  recordFetch(input: FetchInput): Promise<number>;
  listFetches(documentId: number): Promise<StoredFetch[]>;
}

export function fetchQueries(db: Database.Database): FetchPort {
  const insert = db.prepare(/* sql */ `
    INSERT INTO fetches (requested_url, final_url, status, headers_json, redirects_json, sha256, byte_length, fetched_at, document_id)
    VALUES (@requestedUrl, @finalUrl, @status, @headersJson, @redirectsJson, @sha256, @byteLength, @fetchedAt, @documentId)`);
  const select = db.prepare<[number], FetchRow>('SELECT * FROM fetches WHERE document_id = ? ORDER BY fetched_at, id');
  return {
    async recordFetch(input) {
      const { headers, redirects, ...rest } = input;
      return Number(insert.run({ ...rest, headersJson: JSON.stringify(headers), redirectsJson: JSON.stringify(redirects) }).lastInsertRowid);
    },
    async listFetches(documentId) {
      return select.all(documentId).map((row) => ({
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
      }));
    },
  };
}
