// URL fetches, on both engines: what each HTTP answer was, kept beside the archived body.

import type { FetchStore } from '../ports.ts';
import { toFetch, type FetchRow } from '../rows/fetch-row.ts';
import { all, get, isRowId, type SqlEngine } from '../sql/sql.ts';

export function fetchQueries(engine: SqlEngine): FetchStore {
  return {
    async recordFetch(input) {
      const { headers, redirects, ...rest } = input;
      return engine.each(function* () {
        return (yield* get<{ id: number }>(/* sql */ `
          INSERT INTO fetches (requested_url, final_url, status, headers_json, redirects_json, sha256, byte_length, fetched_at, document_id)
          VALUES (@requestedUrl, @finalUrl, @status, @headersJson, @redirectsJson, @sha256, @byteLength, @fetchedAt, @documentId) RETURNING id`,
        { ...rest, headersJson: JSON.stringify(headers), redirectsJson: JSON.stringify(redirects) }))!.id;
      });
    },
    async listFetches(documentId) {
      if (!isRowId(documentId)) return [];
      return engine.each(function* () {
        return (yield* all<FetchRow>('SELECT * FROM fetches WHERE document_id = @documentId ORDER BY fetched_at, id', { documentId })).map(toFetch);
      });
    },
  };
}
