// Store.ingestDocuments, several documents in one transaction, on every engine: each document whole or
// not at all, a refused one never takes the others down, duplicates add nothing, one audit line each.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import type { BatchIngestOutcome, DocumentToIngest } from '../../src/store/store.ts';
import type { Store } from '../../src/store/ports.ts';
import { storeActingAs } from '../../src/store/with-actor.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { NOTICES, makeDocument, makeNotice, makeRecord } from './fixtures.ts';

/** One document per fixture notice, named after its key. */
function batchOf(...keys: (keyof typeof NOTICES)[]): DocumentToIngest[] {
  return keys.map((key) => {
    const { text, record } = NOTICES[key];
    return { doc: makeDocument(text, `${key}.txt`), notices: [makeNotice(text, record)] };
  });
}

function resultOf(outcome: BatchIngestOutcome | undefined) {
  expect(outcome?.error).toBeUndefined();
  return outcome!.result!;
}

describe.each(ENGINES)('Store.ingestDocuments on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  it('stores every document of a batch, in batch order, each with its notices, incident and audit line', async () => {
    const outcomes = await store.ingestDocuments(batchOf('leak', 'lost', 'hospital'));
    const results = outcomes.map(resultOf);
    expect(results.map((r) => r.created)).toEqual([true, true, true]);
    const docIds = results.map((r) => r.documentId);
    expect([...docIds].sort((a, b) => a - b)).toEqual(docIds);
    const notices = await Promise.all(results.map((r) => store.getNotice(r.noticeIds[0]!)));
    expect(notices.map((n) => n!.organization)).toEqual(['みどり電機株式会社', 'さくら市役所', 'あおば総合病院']);
    expect(notices[0]!.record).toEqual(NOTICES.leak.record);
    expect(notices[1]!.document.source).toBe('lost.txt');
    expect(notices[0]!.incidentTypes).toEqual(['unauthorized_access', 'malware']);
    // Searchable at once, each notice in an incident of its own until regrouping.
    expect((await store.search('紛失')).map((h) => h.id)).toEqual(results[1]!.noticeIds);
    expect(await store.countIncidents()).toBe(3);
    const audit = await store.listAudit({ action: 'document.ingest' });
    expect(audit.map((a) => a.subject).sort()).toEqual(docIds.map((id) => `document:${id}`).sort());
    expect(audit.find((a) => a.subject === `document:${docIds[2]}`)!.after).toMatchObject({
      source: 'hospital.txt', notices: results[2]!.noticeIds,
    });
    // Each new incident has its export key from the start (given at insert, on the batch's path and on
    // one document's): a random version-4 UUID, all different.
    const single = await store.ingestDocument(makeDocument(NOTICES.contractor.text, 'one.txt'), [makeNotice(NOTICES.contractor.text, NOTICES.contractor.record)]);
    const keys = await Promise.all([...results.map((r) => r.noticeIds[0]!), single.noticeIds[0]!].map(async (n) => (await store.getIncident((await store.incidentOfNotice(n))!))!.exportKey));
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(4);
  });

  it('keeps the several notices of one document in ordinal order', async () => {
    const a = NOTICES.lost;
    const b = NOTICES.hospital;
    const [outcome] = await store.ingestDocuments([{
      doc: makeDocument(`${a.text}\n${b.text}`),
      notices: [makeNotice(a.text, a.record, 0, 0), makeNotice(b.text, b.record, 1, a.text.length + 1)],
    }]);
    const ids = resultOf(outcome).noticeIds;
    expect(ids).toHaveLength(2);
    expect((await store.getNotice(ids[1]!))!.ordinal).toBe(1);
    expect((await store.getNotice(ids[1]!))!.organization).toBe('あおば総合病院');
  });

  it('leaves out only the document the database refuses, and stores nothing of it', async () => {
    const batch = batchOf('leak', 'lost', 'hospital');
    // A date the schema refuses, on the second notice of the middle document: its first notice must go too.
    const c = NOTICES.contractor;
    batch[1] = {
      doc: makeDocument(`${NOTICES.lost.text}\n${c.text}`, 'broken.txt'),
      notices: [makeNotice(NOTICES.lost.text, NOTICES.lost.record, 0), makeNotice(c.text, makeRecord({ ...c.record, disclosure_date: '2023/11/02' }), 1)],
    };
    const outcomes = await store.ingestDocuments(batch);
    expect(outcomes[1]!.error).toBeInstanceOf(JikenboError);
    expect((outcomes[1]!.error as JikenboError).code).toBe('bad_input');
    expect(outcomes[1]!.error!.message).toContain('broken.txt');
    expect([outcomes[0], outcomes[2]].map((o) => resultOf(o).created)).toEqual([true, true]);
    expect(await store.hasDocument(batch[1]!.doc.sha256)).toBe(false);
    expect(await store.countNotices()).toBe(2);
    expect(await store.search('紛失')).toEqual([]);
    expect(await store.countIncidents()).toBe(2);
    expect(await store.listAudit({ action: 'document.ingest' })).toHaveLength(2);
    // The others are searchable, each under its own notice (SQLite indexes a batch after its last file).
    expect((await store.search('みどり電機')).map((h) => h.id)).toEqual(resultOf(outcomes[0]).noticeIds);
    expect((await store.search('あおば総合病院')).map((h) => h.id)).toEqual(resultOf(outcomes[2]).noticeIds);
  });

  it('indexes for search every document of a long batch but the refused ones, whichever place they take', async () => {
    // 30 documents, each with a word of its own; the 1st, 15th and 30th refused (a date the schema refuses).
    const refusedAt = new Set([0, 14, 29]);
    const batch: DocumentToIngest[] = Array.from({ length: 30 }, (_, i) => {
      const word = `架空組織${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x4e01 + i * 7)}`;
      const text = `${word}における個人情報の紛失について（${i}）`;
      const record = makeRecord({ ...NOTICES.lost.record, organization: word, ...(refusedAt.has(i) ? { disclosure_date: '2023/11/02' } : {}) });
      return { doc: makeDocument(text, `n${i}.txt`), notices: [makeNotice(text, record)] };
    });
    const outcomes = await store.ingestDocuments(batch);
    expect(outcomes.map((o, i) => (o.error ? `refused ${i}` : 'stored'))).toEqual(
      batch.map((_, i) => (refusedAt.has(i) ? `refused ${i}` : 'stored')));
    for (const [i, outcome] of outcomes.entries()) {
      const word = batch[i]!.notices[0]!.record.organization!;
      const hits = (await store.search(word)).map((h) => h.id);
      expect(hits, word).toEqual(refusedAt.has(i) ? [] : resultOf(outcome).noticeIds);
    }
    expect(await store.countNotices()).toBe(27);
  });

  it('refuses a document with two notices of one ordinal, and one with a malformed hash, alone', async () => {
    const a = NOTICES.leak;
    const b = NOTICES.lost;
    const outcomes = await store.ingestDocuments([
      { doc: makeDocument(`${a.text}\n${b.text}`), notices: [makeNotice(a.text, a.record, 0), makeNotice(b.text, b.record, 0)] },
      { doc: { ...makeDocument(b.text), sha256: 'abc' }, notices: [makeNotice(b.text, b.record)] },
      ...batchOf('hospital'),
    ]);
    expect(outcomes.map((o) => (o.error as JikenboError | undefined)?.code)).toEqual(['bad_input', 'bad_input', undefined]);
    expect(await store.countNotices()).toBe(1);
  });

  it('adds nothing for bytes stored before or twice in the batch, and answers with the stored ids', async () => {
    const [before] = await store.ingestDocuments(batchOf('lost'));
    const stored = resultOf(before);
    const again = batchOf('leak', 'lost', 'leak');
    again[2] = { ...again[2]!, doc: { ...again[2]!.doc, source: 'copy-of-leak.txt' } };
    const outcomes = (await store.ingestDocuments(again)).map(resultOf);
    expect(outcomes.map((r) => r.created)).toEqual([true, false, false]);
    expect(outcomes[1]).toEqual({ documentId: stored.documentId, created: false, noticeIds: stored.noticeIds });
    expect(outcomes[2]!.documentId).toBe(outcomes[0]!.documentId);
    expect(outcomes[2]!.noticeIds).toEqual(outcomes[0]!.noticeIds);
    expect(await store.countNotices()).toBe(2);
    expect((await store.getDocument(outcomes[0]!.documentId))!.source).toBe('leak.txt');
    expect(await store.listAudit({ action: 'document.ingest' })).toHaveLength(2);
  });

  it('audits each document under the actor of a store acting for someone', async () => {
    const outcomes = await storeActingAs(store, 'cli:tanaka').ingestDocuments(batchOf('leak', 'hospital'));
    expect(outcomes.every((o) => o.result?.created)).toBe(true);
    const audit = await store.listAudit({ action: 'document.ingest' });
    expect(audit.map((a) => a.actor)).toEqual(['cli:tanaka', 'cli:tanaka']);
  });

  it('refuses alone a document whose audit line names nobody', async () => {
    const batch = batchOf('leak', 'lost');
    batch[0] = { ...batch[0]!, doc: { ...batch[0]!.doc, by: '  ' } };
    const outcomes = await store.ingestDocuments(batch);
    expect((outcomes[0]!.error as JikenboError).code).toBe('bad_input');
    expect(resultOf(outcomes[1]).created).toBe(true);
    expect(await store.hasDocument(batch[0]!.doc.sha256)).toBe(false);
    expect(await store.countNotices()).toBe(1);
  });

  it('answers an empty batch with nothing', async () => {
    expect(await store.ingestDocuments([])).toEqual([]);
  });
});
