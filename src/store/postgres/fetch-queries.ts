// PostgreSQL side of URL fetches, as sqlite/fetch-queries.ts: what each HTTP answer was.

import type { FetchInput, StoredFetch } from '../source-types.ts';
import { toFetch, type FetchRow } from '../rows/fetch-row.ts';
import { isRowId, one, rows, type Pool } from './pg-database.ts';
import type { FetchStore } from '../ports.ts';

export function fetchQueries(pool: Pool): FetchStore {
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
      return found.map(toFetch);
    },
  };
}
