// SQLite side of URL fetches: what each HTTP answer was, kept beside the archived body.

import type Database from 'better-sqlite3';
import type { FetchStore } from '../ports.ts';
import { toFetch, type FetchRow } from '../rows/fetch-row.ts';

export function fetchQueries(db: Database.Database): FetchStore {
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
      return select.all(documentId).map(toFetch);
    },
  };
}
