// A view of a store whose changes are recorded under one actor: what a signed-in request or a
// command-line run hands to the use cases, so that an ingest, a re-extraction, a watched source or a
// claims import made through it names who made it in the audit log. Changes that take a `by` of
// their own (corrections, links, confirmations) keep it.

import type { Store } from './ports.ts';

export function storeActingAs(store: Store, actor: string): Store {
  return {
    ...store,
    ingestDocument: (doc, notices) => store.ingestDocument({ ...doc, by: doc.by ?? actor }, notices),
    ingestDocuments: (batch) => store.ingestDocuments(batch.map(({ doc, notices }) => ({ doc: { ...doc, by: doc.by ?? actor }, notices }))),
    saveMachineRecord: (noticeId, record, version, by) => store.saveMachineRecord(noticeId, record, version, by ?? actor),
    addWatchSource: (input, by) => store.addWatchSource(input, by ?? actor),
    removeWatchSource: (id, by) => store.removeWatchSource(id, by ?? actor),
    pauseWatchSource: (id, paused, by) => store.pauseWatchSource(id, paused, by ?? actor),
    addClaims: (claims, by) => store.addClaims(claims, by ?? actor),
  };
}
