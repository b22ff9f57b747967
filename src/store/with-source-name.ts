// A view of a store that records a document read from one local path under another name: an upload
// is read from a temporary file, and what the casebook keeps as its source is the name it was sent
// under, never the server's temporary path (which says nothing to readers and shows the server's layout).

import type { Store } from './ports.ts';

export function storeNamingSource(store: Store, path: string, name: string): Store {
  const rename = <D extends { source: string }>(doc: D): D => (doc.source === path ? { ...doc, source: name } : doc);
  return {
    ...store,
    ingestDocument: (doc, notices) => store.ingestDocument(rename(doc), notices),
    ingestDocuments: (batch) => store.ingestDocuments(batch.map(({ doc, notices }) => ({ doc: rename(doc), notices }))),
  };
}
