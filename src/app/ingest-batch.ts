// Archives and stores files a batch at a time: the originals of a batch made durable together (their
// syncs at once, each folder synced once per batch), then one store transaction for the batch. A file
// is reported stored only after both; a file the archive or the store refuses fails alone. Batches
// start small and double up to the limit: the first files show up stored at once, and two processes
// ingesting side by side take turns rather than one storing everything before the other starts. A
// batch taken (take()) is archived and stored in two halves, so that an ingest archives one batch
// while it stores the one before.
import { reasonOf } from '../core/errors.ts';
import type { BatchIngestOutcome, IngestResult } from '../store/store.ts';
import type { Archive, Store } from '../store/ports.ts';
import type { ReadFile } from './ingest-read.ts';

export type FileStatus = 'new' | 'duplicate' | 'failed';

export interface FileOutcome {
  path: string;
  status: FileStatus;
  /** Posts found in the file (0 for a duplicate or a failure). */
  posts: number;
  documentId?: number;
  reason?: string;
}

export interface BatchLimits {
  /** Files in the first transaction; each next one may hold twice as many, up to `files`. */
  first: number;
  /** Files per transaction at most. */
  files: number;
  /** Bytes of originals per batch (memory, and the size of one archive write). */
  bytes: number;
  /** The oldest file of a batch waits no longer than this before the batch is written (progress stays live). */
  ms: number;
}

export const DEFAULT_BATCH: BatchLimits = { first: 8, files: 200, bytes: 32 * 1024 * 1024, ms: 250 };

type Pending = { path: string; read: ReadFile };

export class BatchWriter {
  private items: Pending[] = [];
  private bytes = 0;
  private since = 0;
  private size: number;

  constructor(
    private readonly deps: { store: Store; archive: Archive },
    /** Called for each file in the order added, once its fate is final. */
    private readonly report: (outcome: FileOutcome) => void,
    private readonly limits: BatchLimits = DEFAULT_BATCH,
  ) {
    this.size = Math.min(limits.first, limits.files);
  }

  add(path: string, read: ReadFile): void {
    if (this.items.length === 0) this.since = performance.now();
    this.items.push({ path, read });
    if (read.ok) this.bytes += read.bytes.byteLength;
  }

  /** true when the batch should be written now. */
  full(): boolean {
    return this.items.length >= this.size || this.bytes >= this.limits.bytes
      || (this.items.length > 0 && performance.now() - this.since >= this.limits.ms);
  }

  /** Writes what was added so far: its originals, then its notices; never rejects (whatever fails is each file's outcome). */
  async flush(): Promise<void> {
    const batch = this.take();
    if (!batch) return;
    await batch.archive();
    await batch.store();
  }

  /**
   * What was added so far, as a batch of its own whose two halves its caller runs: archive() makes the
   * originals durable (the disk's time, file syncs), store() then stores the notices in one transaction
   * and reports each file (this process's CPU on SQLite). An ingest archives one batch while it stores
   * the one before. Neither rejects: whatever fails is each file's outcome.
   */
  take(): TakenBatch | null {
    const items = this.items;
    this.items = [];
    this.bytes = 0;
    if (items.length === 0) return null;
    this.size = Math.min(this.size * 2, this.limits.files);
    const batch = new Batch(this.deps, items);
    let archived: Promise<void> | null = null;
    const archive = () => (archived ??= batch.archive());
    return {
      archive,
      store: async () => {
        await archive();
        for (const outcome of await batch.store()) this.report(outcome);
      },
    };
  }
}

/** A batch taken from a BatchWriter: archive() first, then store(), which also reports its files. */
export interface TakenBatch {
  archive(): Promise<void>;
  store(): Promise<void>;
}

class Batch {
  private readonly outcomes: (FileOutcome | undefined)[];
  /** The first file of each distinct content not stored before, whose original is now durable. */
  private archivedIdx: number[] = [];
  private copies: Array<[number, number]> = [];

  constructor(private readonly deps: { store: Store; archive: Archive }, private readonly items: Pending[]) {
    this.outcomes = items.map(({ path, read }) => (read.ok ? undefined : { path, status: 'failed', posts: 0, reason: read.reason }));
  }

  async archive(): Promise<void> {
    const { store, archive } = this.deps;
    const { items, outcomes } = this;
    // Unsure (the lookup failed) counts as not stored: the store's own check, in the transaction, decides.
    // A copy of a file of the batch being stored meanwhile is not seen here; that check makes it a duplicate.
    const stored = await Promise.all(items.map(({ read }) => (read.ok ? store.hasDocument(read.doc.sha256).catch(() => false) : false)));
    // The first file with given bytes goes on; a later copy in the same batch is its duplicate.
    const firstOf = new Map<string, number>();
    const toStore: number[] = [];
    items.forEach(({ path, read }, i) => {
      if (!read.ok) return;
      const first = firstOf.get(read.doc.sha256);
      if (stored[i]) outcomes[i] = { path, status: 'duplicate', posts: 0 };
      else if (first !== undefined) this.copies.push([i, first]);
      else if (read.notices.length === 0) {
        outcomes[i] = { path, status: 'failed', posts: 0, reason: `${path}: no text to read` };
      } else {
        firstOf.set(read.doc.sha256, i);
        toStore.push(i);
      }
    });

    // The originals first: an orphan original after a crash is harmless (content-addressed, written
    // atomically), a stored notice without its original is not.
    const ready = ok(items, toStore);
    const archived = await archive.putMany(ready.map(({ doc, bytes }) => ({ sha256: doc.sha256, bytes })))
      .catch((err: unknown) => ready.map(() => (err instanceof Error ? err : new Error(String(err)))));
    this.archivedIdx = toStore.filter((i, k) => {
      const err = archived[k];
      if (err) outcomes[i] = { path: items[i]!.path, status: 'failed', posts: 0, reason: reasonOf(err) };
      return !err;
    });
  }

  async store(): Promise<FileOutcome[]> {
    const { store } = this.deps;
    const { items, outcomes, archivedIdx } = this;
    const batch = ok(items, archivedIdx).map(({ doc, notices }) => ({ doc, notices }));
    let results: BatchIngestOutcome[];
    try {
      results = await store.ingestDocuments(batch);
    } catch {
      // The batch transaction failed as a whole (not one file's fault, as far as the store can tell):
      // each file on its own, so that whatever it was takes down only the files it concerns.
      results = await sequentially(batch, ({ doc, notices }) => store.ingestDocument(doc, notices));
    }
    archivedIdx.forEach((i, k) => {
      const path = items[i]!.path;
      const outcome = results[k]!;
      if (outcome.error) outcomes[i] = { path, status: 'failed', posts: 0, reason: reasonOf(outcome.error) };
      else if (!outcome.result.created) outcomes[i] = { path, status: 'duplicate', posts: 0, documentId: outcome.result.documentId };
      else outcomes[i] = { path, status: 'new', posts: outcome.result.noticeIds.length, documentId: outcome.result.documentId };
    });
    for (const [i, first] of this.copies) {
      const of = outcomes[first]!;
      outcomes[i] = of.status === 'failed'
        ? { path: items[i]!.path, status: 'failed', posts: 0, reason: `${items[i]!.path}: the same bytes as ${of.path}, which failed` }
        : { path: items[i]!.path, status: 'duplicate', posts: 0, ...(of.documentId !== undefined ? { documentId: of.documentId } : {}) };
    }
    return outcomes.map((o) => o!);
  }
}

function ok(items: Pending[], indexes: number[]): Array<Extract<ReadFile, { ok: true }>> {
  return indexes.map((i) => items[i]!.read as Extract<ReadFile, { ok: true }>);
}

async function sequentially<T>(list: T[], store: (item: T) => Promise<IngestResult>): Promise<BatchIngestOutcome[]> {
  const results: BatchIngestOutcome[] = [];
  for (const item of list) {
    try {
      results.push({ result: await store(item) });
    } catch (err) {
      results.push({ error: err instanceof Error ? err : new Error(String(err)) });
    }
  }
  return results;
}
