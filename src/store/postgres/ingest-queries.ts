// Storing documents on PostgreSQL: one per transaction, or a batch in one transaction written with one
// set-based statement per table (a few round trips for hundreds of files instead of five per notice).
// Either way each document is stored whole or not at all.

import { indexTokens } from '../../core/bigram.ts';
import { JP_NOTICES } from '../../core/dataset.ts';
import { JikenboError } from '../../core/errors.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import { auditValues } from '../rows/account-row.ts';
import type { BatchIngestOutcome, DocumentInput, IngestResult, NoticeInput } from '../store.ts';
import type { DocumentStore } from '../ports.ts';
import { writeAudit } from './audit-writer.ts';
import { inTransaction, isInputError, one, rows, type Client, type Pool, type Queryable } from './pg-database.ts';
import { tsvectorText } from './pg-text-search.ts';
import { storedDocumentText } from '../document-text.ts';

const SHA256 = /^[0-9a-f]{64}$/;
/** The first key of the advisory locks a batch takes on its documents' hashes (the second is the hash). */
const BATCH_LOCK_SPACE = 0x6a6b6264;

interface PreparedNotice {
  input: NoticeInput;
  recordJson: string;
  vector: string;
}

interface PreparedDocument {
  doc: DocumentInput;
  notices: PreparedNotice[];
}

export function ingestQueries(pool: Pool, now: () => Date): Pick<DocumentStore, 'ingestDocument' | 'ingestDocuments'> {
  return {
    async ingestDocument(doc, notices) {
      checkHash(doc);
      const prepared = { doc, notices: notices.map(prepareNotice) };
      try {
        return await inTransaction(pool, async (client) => {
          await lockGrouping(client);
          return insertOne(client, prepared, now);
        });
      } catch (err) {
        if (!isRefusal(err)) throw err;
        throw refused(doc, err);
      }
    },

    async ingestDocuments(batch) {
      const outcomes: (BatchIngestOutcome | undefined)[] = [];
      const items: Array<PreparedDocument & { index: number }> = [];
      batch.forEach(({ doc, notices }, index) => {
        try {
          checkHash(doc);
          items.push({ index, doc, notices: notices.map(prepareNotice) });
        } catch (err) {
          outcomes[index] = { error: err as Error };
        }
      });
      if (items.length > 0) {
        const stored = await inTransaction(pool, async (client) => {
          await lockGrouping(client);
          // Two batches that share documents take their locks in one order, so neither waits on the other
          // while holding what the other needs (inserting in file order could deadlock them).
          const keys = [...new Set(items.map((i) => hashKey(i.doc.sha256)))].sort((a, b) => a - b);
          await client.query(`SELECT pg_advisory_xact_lock(${BATCH_LOCK_SPACE}, k) FROM (SELECT unnest($1::int[]) AS k ORDER BY 1) AS s`, [keys]);
          await client.query('SAVEPOINT batch');
          try {
            const results = await insertMany(client, items, now);
            await client.query('RELEASE SAVEPOINT batch');
            return results.map((result): BatchIngestOutcome => ({ result }));
          } catch (err) {
            if (!isRefusal(err)) throw err;
            await client.query('ROLLBACK TO SAVEPOINT batch');
          }
          // Something in the batch was refused: one savepoint per document finds which, and keeps the rest.
          const results: BatchIngestOutcome[] = [];
          for (const item of items) {
            await client.query('SAVEPOINT one');
            try {
              results.push({ result: await insertOne(client, item, now) });
              await client.query('RELEASE SAVEPOINT one');
            } catch (err) {
              if (!isRefusal(err)) throw err;
              await client.query('ROLLBACK TO SAVEPOINT one');
              results.push({ error: refused(item.doc, err) });
            }
          }
          return results;
        });
        items.forEach((item, k) => (outcomes[item.index] = stored[k]!));
      }
      return outcomes as BatchIngestOutcome[];
    },
  };
}

/** Shares the grouping lock with other ingests: a regrouping waits for us, and we for it, so a plan never drops a notice written meanwhile. */
async function lockGrouping(client: Client): Promise<void> {
  await client.query('SELECT generation FROM incident_generation FOR SHARE');
}

async function insertOne(client: Client, { doc, notices }: PreparedDocument, now: () => Date): Promise<IngestResult> {
  const at = now().toISOString();
  // Two processes with the same bytes: the second waits here for the first, then adds nothing.
  const { leadText, wholeText } = storedDocumentText(doc.text, notices.map((n) => n.input));
  const inserted = await one<{ id: number }>(client, /* sql */ `
    INSERT INTO documents (sha256, source, media_type, encoding, byte_length, lead_text, whole_text, ingested_at, dataset, external_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (sha256) DO NOTHING RETURNING id`,
  [doc.sha256, doc.source, doc.mediaType, doc.encoding, doc.byteLength, leadText, wholeText, at, doc.dataset ?? JP_NOTICES, doc.externalId ?? null]);
  if (!inserted) {
    const existing = (await one<{ id: number }>(client, 'SELECT id FROM documents WHERE sha256 = $1', [doc.sha256]))!;
    return { documentId: existing.id, created: false, noticeIds: await noticeIdsOf(client, existing.id) };
  }
  const noticeIds: number[] = [];
  for (const { input, recordJson, vector } of notices) {
    const r = input.record;
    const { id } = (await one<{ id: number }>(client, /* sql */ `
      INSERT INTO notices (document_id, ordinal, start_offset, end_offset, text, header, organization, title,
                           disclosure_date, casebook_id, sector, affected_count, kind)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`, [
      inserted.id, input.ordinal, input.start, input.end, input.text, r.header, r.organization, r.title,
      r.disclosure_date, r.casebook_id, r.sector, r.affected_count, r.kind,
    ]))!;
    await client.query('INSERT INTO records (notice_id, record_json, extractor_version, created_at) VALUES ($1, $2, $3, $4)',
      [id, recordJson, input.extractorVersion, at]);
    if (r.incident_types.length > 0) {
      await client.query(/* sql */ `
        INSERT INTO notice_types (notice_id, position, type)
        SELECT $1, t.position - 1, t.type FROM unnest($2::text[]) WITH ORDINALITY AS t (type, position)`, [id, [...r.incident_types]]);
    }
    // In the same transaction, so a crash never leaves a notice outside every incident; regrouping links it later.
    if (r.kind === 'incident') {
      await client.query(/* sql */ `
        WITH i AS (INSERT INTO incidents (created_at) VALUES ($2) RETURNING id)
        INSERT INTO incident_notices (incident_id, notice_id) SELECT i.id, $1 FROM i`, [id, at]);
    }
    await client.query('INSERT INTO notice_search (notice_id, body) VALUES ($1, $2::tsvector)', [id, vector]);
    noticeIds.push(id);
  }
  await writeAudit(client, {
    actor: doc.by ?? SYSTEM_ACTOR, action: 'document.ingest', subject: `document:${inserted.id}`, before: null,
    after: { sha256: doc.sha256, source: doc.source, mediaType: doc.mediaType, notices: noticeIds },
  }, now);
  return { documentId: inserted.id, created: true, noticeIds };
}

/** The same rows as insertOne for every document, one statement per table. */
async function insertMany(client: Client, items: readonly PreparedDocument[], now: () => Date): Promise<IngestResult[]> {
  const at = now().toISOString();
  const docs = items.map((i) => i.doc);
  const texts = items.map((i) => storedDocumentText(i.doc.text, i.notices.map((n) => n.input)));
  // In batch order (ORDINALITY), so ids follow the order the files came in. A hash stored before, or
  // twice in the batch, is skipped here and answered below.
  const created = await rows<{ id: number; sha256: string }>(client, /* sql */ `
    INSERT INTO documents (sha256, source, media_type, encoding, byte_length, lead_text, whole_text, ingested_at, dataset, external_id)
    SELECT d.sha256, d.source, d.media_type, d.encoding, d.byte_length, d.lead_text, d.whole_text, $8, d.dataset, d.external_id
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $9::text[], $10::text[])
      WITH ORDINALITY AS d (sha256, source, media_type, encoding, byte_length, lead_text, whole_text, dataset, external_id, n)
    ORDER BY d.n
    ON CONFLICT (sha256) DO NOTHING RETURNING id, sha256`,
  [docs.map((d) => d.sha256), docs.map((d) => d.source), docs.map((d) => d.mediaType), docs.map((d) => d.encoding),
    docs.map((d) => d.byteLength), texts.map((t) => t.leadText), texts.map((t) => t.wholeText), at,
    docs.map((d) => d.dataset ?? JP_NOTICES), docs.map((d) => d.externalId ?? null)]);
  const createdId = new Map(created.map((r) => [r.sha256, r.id]));
  // The first item of each new hash owns the new document; any later one is a duplicate of it.
  const owners = items.map((item, k) => createdId.has(item.doc.sha256) && items.findIndex((o) => o.doc.sha256 === item.doc.sha256) === k);

  const notices = items.flatMap((item, k) => (owners[k] ? item.notices.map((n) => ({ documentId: createdId.get(item.doc.sha256)!, n })) : []));
  const col = <T>(f: (x: (typeof notices)[number]) => T): T[] => notices.map(f);
  const noticeRows = notices.length === 0 ? [] : await rows<{ id: number; document_id: number; ordinal: number }>(client, /* sql */ `
    INSERT INTO notices (document_id, ordinal, start_offset, end_offset, text, header, organization, title,
                         disclosure_date, casebook_id, sector, affected_count, kind)
    SELECT n.document_id, n.ordinal, n.start_offset, n.end_offset, n.text, n.header, n.organization, n.title,
           n.disclosure_date, n.casebook_id, n.sector, n.affected_count, n.kind
    FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::text[], $11::text[], $12::bigint[], $13::text[])
      WITH ORDINALITY AS n (document_id, ordinal, start_offset, end_offset, text, header, organization, title,
                            disclosure_date, casebook_id, sector, affected_count, kind, k)
    ORDER BY n.k
    RETURNING id, document_id, ordinal`, [
    col((x) => x.documentId), col((x) => x.n.input.ordinal), col((x) => x.n.input.start), col((x) => x.n.input.end),
    col((x) => x.n.input.text), col((x) => x.n.input.record.header), col((x) => x.n.input.record.organization),
    col((x) => x.n.input.record.title), col((x) => x.n.input.record.disclosure_date), col((x) => x.n.input.record.casebook_id),
    col((x) => x.n.input.record.sector), col((x) => x.n.input.record.affected_count), col((x) => x.n.input.record.kind),
  ]);
  const idOf = new Map(noticeRows.map((r) => [`${r.document_id}:${r.ordinal}`, r.id]));
  const ids = notices.map((x) => idOf.get(`${x.documentId}:${x.n.input.ordinal}`)!);

  if (notices.length > 0) {
    await client.query(/* sql */ `
      INSERT INTO records (notice_id, record_json, extractor_version, created_at)
      SELECT r.notice_id, r.record_json, r.extractor_version, $4 FROM unnest($1::int[], $2::text[], $3::text[]) AS r (notice_id, record_json, extractor_version)`,
    [ids, col((x) => x.n.recordJson), col((x) => x.n.input.extractorVersion), at]);
    const types = notices.flatMap((x, k) => x.n.input.record.incident_types.map((type, position) => ({ id: ids[k]!, position, type })));
    if (types.length > 0) {
      await client.query('INSERT INTO notice_types (notice_id, position, type) SELECT * FROM unnest($1::int[], $2::int[], $3::text[])',
        [types.map((t) => t.id), types.map((t) => t.position), types.map((t) => t.type)]);
    }
    // One new incident per notice of kind 'incident', until regrouping links it; paired in id order, as one at a time would.
    const alone = ids.filter((_, k) => notices[k]!.n.input.record.kind === 'incident');
    if (alone.length > 0) {
      const incidents = (await rows<{ id: number }>(client, 'INSERT INTO incidents (created_at) SELECT $1 FROM generate_series(1, $2::int) RETURNING id',
        [at, alone.length])).map((r) => r.id).sort((a, b) => a - b);
      await client.query('INSERT INTO incident_notices (incident_id, notice_id) SELECT * FROM unnest($1::int[], $2::int[])', [incidents, alone]);
    }
    await client.query('INSERT INTO notice_search (notice_id, body) SELECT s.id, s.body::tsvector FROM unnest($1::int[], $2::text[]) AS s (id, body)',
      [ids, col((x) => x.n.vector)]);
  }

  // Results: new documents with their notice ids; duplicates in the batch point at their first copy;
  // documents stored before the batch are read back.
  const noticeIdsOf = new Map<number, number[]>();
  notices.forEach((x, k) => (noticeIdsOf.get(x.documentId) ?? noticeIdsOf.set(x.documentId, []).get(x.documentId)!).push(ids[k]!));
  const earlier = items.filter((i) => !createdId.has(i.doc.sha256)).map((i) => i.doc.sha256);
  const before = earlier.length === 0 ? [] : await rows<{ id: number; sha256: string; notice_ids: number[] }>(client, /* sql */ `
    SELECT d.id, d.sha256, coalesce(array_agg(n.id ORDER BY n.ordinal) FILTER (WHERE n.id IS NOT NULL), '{}') AS notice_ids
    FROM documents d LEFT JOIN notices n ON n.document_id = d.id
    WHERE d.sha256 = ANY($1::text[]) GROUP BY d.id`, [earlier]);
  const beforeBySha = new Map(before.map((r) => [r.sha256, r]));
  const results = items.map((item, k): IngestResult => {
    const id = createdId.get(item.doc.sha256);
    if (id !== undefined) return { documentId: id, created: owners[k]!, noticeIds: noticeIdsOf.get(id) ?? [] };
    const row = beforeBySha.get(item.doc.sha256)!;
    return { documentId: row.id, created: false, noticeIds: row.notice_ids };
  });

  const entries = items.flatMap((item, k) => (owners[k] ? [auditValues({
    actor: item.doc.by ?? SYSTEM_ACTOR, action: 'document.ingest', subject: `document:${results[k]!.documentId}`, before: null,
    after: { sha256: item.doc.sha256, source: item.doc.source, mediaType: item.doc.mediaType, notices: results[k]!.noticeIds },
  }, at)] : []));
  if (entries.length > 0) {
    await client.query(/* sql */ `
      INSERT INTO audit_log (at, actor, action, subject, before_json, after_json)
      SELECT a.at, a.actor, a.action, a.subject, a.before_json, a.after_json
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
        WITH ORDINALITY AS a (at, actor, action, subject, before_json, after_json, n)
      ORDER BY a.n`,
    [entries.map((e) => e.at), entries.map((e) => e.actor), entries.map((e) => e.action), entries.map((e) => e.subject),
      entries.map((e) => e.beforeJson), entries.map((e) => e.afterJson)]);
  }
  return results;
}

async function noticeIdsOf(db: Queryable, documentId: number): Promise<number[]> {
  return (await rows<{ id: number }>(db, 'SELECT id FROM notices WHERE document_id = $1 ORDER BY ordinal', [documentId])).map((r) => r.id);
}

function checkHash(doc: DocumentInput): void {
  if (!SHA256.test(doc.sha256)) {
    throw new JikenboError('bad_input', `not a lowercase hex SHA-256: "${doc.sha256}"`, { subject: doc.source });
  }
}

/** A signed 32-bit lock key from the hash's first eight hex digits. */
function hashKey(sha256: string): number {
  return Number.parseInt(sha256.slice(0, 8), 16) | 0;
}

/** The input's fault: a constraint or a malformed value (PostgreSQL), or a bad_input raised on the way (an audit actor). */
function isRefusal(err: unknown): boolean {
  return isInputError(err) || (err instanceof JikenboError && err.code === 'bad_input');
}

function refused(doc: DocumentInput, err: unknown): JikenboError {
  if (err instanceof JikenboError) return err;
  return new JikenboError('bad_input', `could not store ${doc.source}: ${(err as Error).message}`, { subject: doc.source, cause: err });
}

function prepareNotice(input: NoticeInput): PreparedNotice {
  return { input, recordJson: JSON.stringify(input.record), vector: tsvectorText(indexTokens(input.text)) };
}
