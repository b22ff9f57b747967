// PostgreSQL side of URL fetches, as sqlite/fetch-queries.ts: what each HTTP answer was.

import type { FetchInput, StoredFetch } from '../source-types.ts';
import type { FetchPort } from '../sqlite/fetch-queries.ts';
import { isRowId, one, rows, type Pool } from './pg-database.ts';

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

export function fetchQueries(pool: Pool): FetchPort {
  return {
    async recordFetch(input: FetchInput) {
      return (await one<{ id: number }>(pool, /* sql */ `
        INSERT INTO fetches (requested_url, final_url, status, headers_json, redirects_json, sha256, byte_length, fetched_at, document_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, [
        input.requestedUrl, input.finalUrl, input.status, JSON.stringify(input.headers), JSON.stringify(input.redirects),
        input.sha256, input.byteLength, input.fetchedAt, input.documentId,
      ]))!.id;
    },
    async listFetches(documentId): Promise<StoredFetch[]> {
      if (!isRowId(documentId)) return [];
      const found = await rows<FetchRow>(pool, 'SELECT * FROM fetches WHERE document_id = $1 ORDER BY fetched_at, id', [documentId]);
      return found.map((row) => ({
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
