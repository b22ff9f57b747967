// Storing documents and their notices, on both engines: one per transaction, or a batch in one
// transaction where a file the database refuses is left out alone (a savepoint each) and the others
// stay. Each document is stored whole or not at all. A batch is written first as one set-based
// statement per table (records as one JSON parameter, Dialect.recordRows), and file by file with
// per-row statements only when something in it was refused. The search index is the engine's own
// (FTS5 or tsvector), handed in as EngineIngest.

import { JP_NOTICES } from '../../core/dataset.ts';
import { JikenboError } from '../../core/errors.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import { storedDocumentText } from '../document-text.ts';
import type { DocumentStore } from '../ports.ts';
import { auditValues } from '../rows/account-row.ts';
import { all, get, run, type Sql, type SqlEngine } from '../sql/sql.ts';
import type { BatchIngestOutcome, DocumentInput, IngestResult, NoticeInput } from '../store.ts';
import { writeAudit } from './audit.ts';

/** A notice's row in the engine's search index. */
export interface IndexRow {
  noticeId: number;
  body: string;
}

/** What only an engine can do for ingest. */
export interface EngineIngest {
  /** The search index's form of a notice's text (FTS5's bigram tokens, tsvector input), made before the write lock is taken. */
  indexBody(text: string): string;
  /** Writes search index rows, in the ingest's transaction after every document's savepoint. */
  writeIndex(rows: readonly IndexRow[]): Sql<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;
/** The first key of the advisory locks a batch takes on its documents' hashes (the second is the hash). */
const BATCH_LOCK_SPACE = 0x6a6b6264;

interface PreparedNotice {
  input: NoticeInput;
  recordJson: string;
  body: string;
}

interface PreparedDocument {
  doc: DocumentInput;
  notices: PreparedNotice[];
}

const INSERT_DOCUMENT = /* sql */ `
  INSERT INTO documents (sha256, source, media_type, encoding, byte_length, lead_text, whole_text, ingested_at, dataset, external_id)
  VALUES (@sha256, @source, @mediaType, @encoding, @byteLength, @leadText, @wholeText, @at, @dataset, @externalId)
  ON CONFLICT (sha256) DO NOTHING RETURNING id`;
const INSERT_NOTICE = /* sql */ `
  INSERT INTO notices (document_id, ordinal, start_offset, end_offset, text, header, organization, title,
                       disclosure_date, casebook_id, sector, affected_count, kind)
  VALUES (@documentId, @ordinal, @start, @end, @text, @header, @organization, @title,
          @disclosureDate, @casebookId, @sector, @affectedCount, @kind) RETURNING id`;
const INSERT_RECORD = 'INSERT INTO records (notice_id, record_json, extractor_version, created_at) VALUES (@noticeId, @recordJson, @version, @at)';
// The export key given here (a random UUID, as the SQLite trigger and PostgreSQL's default would make
// it): SQLite's trigger would otherwise rewrite every new incident's row, and queue its facts once more.
const INSERT_INCIDENT = 'INSERT INTO incidents (created_at, export_key) VALUES (@at, @exportKey) RETURNING id';
const INSERT_MEMBER = 'INSERT INTO incident_notices (incident_id, notice_id) VALUES (@incidentId, @noticeId)';
const NOTICE_IDS = 'SELECT id FROM notices WHERE document_id = @documentId ORDER BY ordinal';

export function documentQueries(engine: SqlEngine, now: () => Date, parts: EngineIngest): Pick<DocumentStore, 'ingestDocument' | 'ingestDocuments'> {
  const { dialect } = engine;
  const { lockRows, listRows, list, recordRows, records, nextIds, inList, isInputError } = dialect;
  const insertTypes = /* sql */ `
    INSERT INTO notice_types (notice_id, position, type) SELECT @noticeId, t.position, t.value FROM ${listRows('types', 'text')} AS t WHERE true`;

  /** The input's fault: a value the database refused, or a bad_input raised on the way (a blank audit actor). */
  const isRefusal = (err: unknown) => isInputError(err) || (err instanceof JikenboError && err.code === 'bad_input');

  /** Shares the grouping lock with other ingests: a regrouping waits for us, and we for it, so a plan never drops a notice written meanwhile. */
  function* lockGrouping(): Sql<void> {
    yield* get(`SELECT generation FROM incident_generation ${lockRows('SHARE')}`);
  }

  /** One document with per-row statements; its index rows go to `index`. */
  function* insertOne({ doc, notices }: PreparedDocument, at: string, index: IndexRow[]): Sql<IngestResult> {
    const { leadText, wholeText } = storedDocumentText(doc.text, notices.map((n) => n.input));
    // Two PostgreSQL transactions with the same bytes: the second waits here for the first, then adds nothing.
    const inserted = yield* get<{ id: number }>(INSERT_DOCUMENT, {
      sha256: doc.sha256, source: doc.source, mediaType: doc.mediaType, encoding: doc.encoding, byteLength: doc.byteLength,
      leadText, wholeText, at, dataset: doc.dataset ?? JP_NOTICES, externalId: doc.externalId ?? null,
    });
    if (!inserted) {
      const existing = (yield* get<{ id: number }>('SELECT id FROM documents WHERE sha256 = @sha256', { sha256: doc.sha256 }))!;
      const ids = yield* all<{ id: number }>(NOTICE_IDS, { documentId: existing.id });
      return { documentId: existing.id, created: false, noticeIds: ids.map((r) => r.id) };
    }
    const documentId = inserted.id;
    const noticeIds: number[] = [];
    for (const { input, recordJson, body } of notices) {
      const r = input.record;
      const noticeId = (yield* get<{ id: number }>(INSERT_NOTICE, {
        documentId, ordinal: input.ordinal, start: input.start, end: input.end, text: input.text,
        header: r.header, organization: r.organization, title: r.title, disclosureDate: r.disclosure_date,
        casebookId: r.casebook_id, sector: r.sector, affectedCount: r.affected_count, kind: r.kind,
      }))!.id;
      yield* run(INSERT_RECORD, { noticeId, recordJson, version: input.extractorVersion, at });
      // Walked with forEach between the notice's row and its types' (kill-ingest-child.ts ends the process there).
      const types: string[] = [];
      r.incident_types.forEach((type) => types.push(type));
      if (types.length > 0) yield* run(insertTypes, { noticeId, types: list(types) });
      // In the same transaction, so a crash never leaves a notice outside every incident; regrouping links it later.
      if (r.kind === 'incident') {
        const incidentId = (yield* get<{ id: number }>(INSERT_INCIDENT, { at, exportKey: crypto.randomUUID() }))!.id;
        yield* run(INSERT_MEMBER, { incidentId, noticeId });
      }
      index.push({ noticeId, body });
      noticeIds.push(noticeId);
    }
    yield* writeAudit({
      actor: doc.by ?? SYSTEM_ACTOR, action: 'document.ingest', subject: `document:${documentId}`, before: null,
      after: { sha256: doc.sha256, source: doc.source, mediaType: doc.mediaType, notices: noticeIds },
    }, () => new Date(at));
    return { documentId, created: true, noticeIds };
  }

  // The same rows as insertOne for every document of a batch, one statement per table.
  const insertDocuments = /* sql */ `
    INSERT INTO documents (sha256, source, media_type, encoding, byte_length, lead_text, whole_text, ingested_at, dataset, external_id)
    SELECT d.sha256, d.source, d.media_type, d.encoding, d.byte_length, d.lead_text, d.whole_text, @at, d.dataset, d.external_id
    FROM ${recordRows('docs', {
    k: 'integer', sha256: 'text', source: 'text', media_type: 'text', encoding: 'text', byte_length: 'integer',
    lead_text: 'text', whole_text: 'text', dataset: 'text', external_id: 'text',
  })} AS d
    WHERE true ORDER BY d.k
    ON CONFLICT (sha256) DO NOTHING RETURNING id, sha256`;
  const insertNotices = /* sql */ `
    INSERT INTO notices (document_id, ordinal, start_offset, end_offset, text, header, organization, title,
                         disclosure_date, casebook_id, sector, affected_count, kind)
    SELECT n.document_id, n.ordinal, n.start_offset, n.end_offset, n.text, n.header, n.organization, n.title,
           n.disclosure_date, n.casebook_id, n.sector, n.affected_count, n.kind
    FROM ${recordRows('notices', {
    k: 'integer', document_id: 'integer', ordinal: 'integer', start_offset: 'integer', end_offset: 'integer', text: 'text',
    header: 'text', organization: 'text', title: 'text', disclosure_date: 'text', casebook_id: 'text', sector: 'text',
    affected_count: 'bigint', kind: 'text',
  })} AS n
    WHERE true ORDER BY n.k
    RETURNING id, document_id, ordinal`;
  const insertRecords = /* sql */ `
    INSERT INTO records (notice_id, record_json, extractor_version, created_at)
    SELECT r.notice_id, r.record_json, r.extractor_version, @at
    FROM ${recordRows('records', { notice_id: 'integer', record_json: 'text', extractor_version: 'text' })} AS r WHERE true`;
  const insertAllTypes = /* sql */ `
    INSERT INTO notice_types (notice_id, position, type)
    SELECT t.notice_id, t.position, t.type FROM ${recordRows('types', { notice_id: 'integer', position: 'integer', type: 'text' })} AS t WHERE true`;
  const insertIncidents = /* sql */ `
    INSERT INTO incidents (id, created_at, export_key)
    SELECT i.id, @at, i.export_key FROM ${recordRows('incidents', { id: 'integer', export_key: 'text' })} AS i WHERE true`;
  const insertMembers = /* sql */ `
    INSERT INTO incident_notices (incident_id, notice_id)
    SELECT m.incident_id, m.notice_id FROM ${recordRows('members', { incident_id: 'integer', notice_id: 'integer' })} AS m WHERE true`;
  const insertAudit = /* sql */ `
    INSERT INTO audit_log (at, actor, action, subject, before_json, after_json)
    SELECT a.at, a.actor, a.action, a.subject, a.before_json, a.after_json
    FROM ${recordRows('entries', { k: 'integer', at: 'text', actor: 'text', action: 'text', subject: 'text', before_json: 'text', after_json: 'text' })} AS a
    WHERE true ORDER BY a.k`;
  const earlierDocuments = /* sql */ `
    SELECT d.id, d.sha256, n.id AS notice_id FROM documents d LEFT JOIN notices n ON n.document_id = d.id
    WHERE d.sha256 ${inList('hashes', 'text')} ORDER BY d.id, n.ordinal`;

  function* insertMany(items: readonly PreparedDocument[], at: string, index: IndexRow[]): Sql<IngestResult[]> {
    // In batch order, so ids follow the order the files came in. A hash stored before, or twice in the
    // batch, is skipped here and answered below.
    const created = yield* all<{ id: number; sha256: string }>(insertDocuments, {
      at,
      docs: records(items.map(({ doc, notices }, k) => {
        const { leadText, wholeText } = storedDocumentText(doc.text, notices.map((n) => n.input));
        return {
          k, sha256: doc.sha256, source: doc.source, media_type: doc.mediaType, encoding: doc.encoding, byte_length: doc.byteLength,
          lead_text: leadText, whole_text: wholeText, dataset: doc.dataset ?? JP_NOTICES, external_id: doc.externalId ?? null,
        };
      })),
    });
    const createdId = new Map(created.map((r) => [r.sha256, r.id]));
    // The first item of each new hash owns the new document; any later one is a duplicate of it.
    const firstOf = new Map<string, number>();
    items.forEach((item, k) => { if (!firstOf.has(item.doc.sha256)) firstOf.set(item.doc.sha256, k); });
    const owners = items.map((item, k) => createdId.has(item.doc.sha256) && firstOf.get(item.doc.sha256) === k);

    const notices = items.flatMap((item, k) => (owners[k] ? item.notices.map((n) => ({ documentId: createdId.get(item.doc.sha256)!, n })) : []));
    const ids: number[] = [];
    if (notices.length > 0) {
      const noticeRows = yield* all<{ id: number; document_id: number; ordinal: number }>(insertNotices, {
        notices: records(notices.map(({ documentId, n: { input } }, k) => {
          const r = input.record;
          return {
            k, document_id: documentId, ordinal: input.ordinal, start_offset: input.start, end_offset: input.end, text: input.text,
            header: r.header, organization: r.organization, title: r.title, disclosure_date: r.disclosure_date,
            casebook_id: r.casebook_id, sector: r.sector, affected_count: r.affected_count, kind: r.kind,
          };
        })),
      });
      const idOf = new Map(noticeRows.map((r) => [`${r.document_id}:${r.ordinal}`, r.id]));
      for (const x of notices) ids.push(idOf.get(`${x.documentId}:${x.n.input.ordinal}`)!);

      yield* run(insertRecords, {
        at, records: records(notices.map((x, k) => ({ notice_id: ids[k]!, record_json: x.n.recordJson, extractor_version: x.n.input.extractorVersion }))),
      });
      const types = notices.flatMap((x, k) => x.n.input.record.incident_types.map((type, position) => ({ notice_id: ids[k]!, position, type })));
      if (types.length > 0) yield* run(insertAllTypes, { types: records(types) });
      // One new incident per notice of kind 'incident', until regrouping links it; paired in id order, as one at a time would.
      const alone = ids.filter((_, k) => notices[k]!.n.input.record.kind === 'incident');
      if (alone.length > 0) {
        const incidentIds = (yield* all<{ id: number }>(nextIds('incidents'), { count: alone.length })).map((r) => r.id).sort((a, b) => a - b);
        yield* run(insertIncidents, { at, incidents: records(incidentIds.map((id) => ({ id, export_key: crypto.randomUUID() }))) });
        yield* run(insertMembers, { members: records(alone.map((noticeId, k) => ({ incident_id: incidentIds[k]!, notice_id: noticeId }))) });
      }
      notices.forEach((x, k) => index.push({ noticeId: ids[k]!, body: x.n.body }));
    }

    // Results: new documents with their notice ids; duplicates in the batch point at their first copy;
    // documents stored before the batch are read back.
    const noticeIdsOf = new Map<number, number[]>();
    notices.forEach((x, k) => (noticeIdsOf.get(x.documentId) ?? noticeIdsOf.set(x.documentId, []).get(x.documentId)!).push(ids[k]!));
    const earlier = [...new Set(items.filter((i) => !createdId.has(i.doc.sha256)).map((i) => i.doc.sha256))];
    const before = new Map<string, { id: number; noticeIds: number[] }>();
    if (earlier.length > 0) {
      for (const row of yield* all<{ id: number; sha256: string; notice_id: number | null }>(earlierDocuments, { hashes: list(earlier) })) {
        const known = before.get(row.sha256) ?? before.set(row.sha256, { id: row.id, noticeIds: [] }).get(row.sha256)!;
        if (row.notice_id !== null) known.noticeIds.push(row.notice_id);
      }
    }
    const results = items.map((item, k): IngestResult => {
      const id = createdId.get(item.doc.sha256);
      if (id !== undefined) return { documentId: id, created: owners[k]!, noticeIds: noticeIdsOf.get(id) ?? [] };
      const row = before.get(item.doc.sha256)!;
      return { documentId: row.id, created: false, noticeIds: row.noticeIds };
    });

    const entries = items.flatMap((item, k) => (owners[k] ? [auditValues({
      actor: item.doc.by ?? SYSTEM_ACTOR, action: 'document.ingest', subject: `document:${results[k]!.documentId}`, before: null,
      after: { sha256: item.doc.sha256, source: item.doc.source, mediaType: item.doc.mediaType, notices: results[k]!.noticeIds },
    }, at)] : []));
    if (entries.length > 0) {
      yield* run(insertAudit, {
        entries: records(entries.map((e, k) => ({
          k, at: e.at, actor: e.actor, action: e.action, subject: e.subject, before_json: e.beforeJson, after_json: e.afterJson,
        }))),
      });
    }
    return results;
  }

  /** One savepoint: the work's writes kept, or (when the input was refused) undone and the refusal returned. */
  function* inSavepoint<T>(work: () => Sql<T>): Sql<{ result: T } | { refusal: unknown }> {
    yield* run('SAVEPOINT ingest_one');
    try {
      const result = yield* work();
      yield* run('RELEASE SAVEPOINT ingest_one');
      return { result };
    } catch (err) {
      if (!isRefusal(err)) throw err;
      yield* run('ROLLBACK TO SAVEPOINT ingest_one');
      yield* run('RELEASE SAVEPOINT ingest_one');
      return { refusal: err };
    }
  }

  /**
   * A batch in one write transaction: all of it set-based in a savepoint (a few statements whatever
   * its size: on PostgreSQL a statement is a round trip, and on SQLite 3,000 files took 35-40% less
   * CPU than file by file with per-row statements). Should the database refuse something, that
   * savepoint is rolled back and each file runs in a savepoint of its own: a file refused is rolled
   * back alone and reported, the others stay. The search index rows of the files stored are written
   * after the last savepoint, in the batch's transaction: FTS5 flushes its pending terms to its B-tree
   * at every savepoint, which would write each file's terms separately and double the cost of
   * indexing. Should they fail, the whole batch fails and the caller stores its files one at a time
   * (ingest-batch.ts).
   */
  function* ingestBatch(items: readonly PreparedDocument[]): Sql<BatchIngestOutcome[]> {
    const at = now().toISOString();
    yield* lockGrouping();
    const lockHashes = dialect.lockEach('integer');
    if (lockHashes !== null) {
      // Two batches that share documents take their locks in one order, so neither waits on the other
      // while holding what the other needs (inserting in file order could deadlock them).
      yield* all(lockHashes, { space: BATCH_LOCK_SPACE, keys: list(items.map((i) => hashKey(i.doc.sha256))) });
    }
    const index: IndexRow[] = [];
    const whole = yield* inSavepoint(() => insertMany(items, at, index));
    let outcomes: BatchIngestOutcome[];
    if ('result' in whole) {
      outcomes = whole.result.map((result): BatchIngestOutcome => ({ result }));
    } else {
      // Something in the batch was refused: file by file finds which, and keeps the rest.
      index.length = 0;
      outcomes = [];
      for (const item of items) {
        const own: IndexRow[] = [];
        const one = yield* inSavepoint(() => insertOne(item, at, own));
        if ('result' in one) {
          index.push(...own);
          outcomes.push({ result: one.result });
        } else {
          outcomes.push({ error: refused(item.doc, one.refusal) });
        }
      }
    }
    if (index.length > 0) yield* parts.writeIndex(index);
    return outcomes;
  }

  const prepare = (input: NoticeInput): PreparedNotice => ({ input, recordJson: JSON.stringify(input.record), body: parts.indexBody(input.text) });

  return {
    async ingestDocument(doc, notices) {
      checkHash(doc);
      // The pure work happens before the write lock is taken.
      const item = { doc, notices: notices.map(prepare) };
      try {
        return await engine.transaction(function* () {
          yield* lockGrouping();
          const index: IndexRow[] = [];
          const result = yield* insertOne(item, now().toISOString(), index);
          if (index.length > 0) yield* parts.writeIndex(index);
          return result;
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
          items.push({ index, doc, notices: notices.map(prepare) });
        } catch (err) {
          outcomes[index] = { error: err as Error };
        }
      });
      if (items.length > 0) {
        const stored = await engine.transaction(() => ingestBatch(items));
        items.forEach((item, k) => (outcomes[item.index] = stored[k]!));
      }
      return outcomes as BatchIngestOutcome[];
    },
  };
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

function refused(doc: DocumentInput, err: unknown): JikenboError {
  if (err instanceof JikenboError) return err;
  return new JikenboError('bad_input', `could not store ${doc.source}: ${(err as Error).message}`, { subject: doc.source, cause: err });
}
