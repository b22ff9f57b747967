// The ingest use case: paths in, each file decoded, archived, extracted and stored; a report out.
// One bad file is a line in the report, never the end of the batch (as Kysely's migrator reports).
// Reader processes decode and extract (ingest-pool.ts) while this process archives and stores a batch of
// files at a time (ingest-batch.ts); each file is still stored whole or not at all.
import { availableParallelism } from 'node:os';
import { reasonOf, type JikenboError } from '../core/errors.ts';
import { walkPaths } from '../sources/walk-paths.ts';
import type { Archive, Store } from '../store/ports.ts';
import { regroupIncidents, type RegroupReport } from './incidents.ts';
import { drainGrouping, type GroupingProgress } from './regroup.ts';
import { updateWatchlistHits } from './watchlists.ts';
import { BatchWriter, DEFAULT_BATCH, type BatchLimits, type FileOutcome, type TakenBatch } from './ingest-batch.ts';

export type { FileOutcome, FileStatus } from './ingest-batch.ts';
import { ReaderPool } from './ingest-pool.ts';
import { decodeLimits, documentLimits, sharedDecoder } from './decoder.ts';
import type { ReadFile } from './ingest-read.ts';

export interface IngestReport {
  files: number;
  posts: number;
  newRecords: number;
  duplicates: number;
  failures: FileOutcome[];
  outcomes: FileOutcome[];
  /** Set when the batch added notices and incidents were regrouped after it. */
  incidents?: RegroupReport;
  /** Set when the batch added notices and left their grouping for later (groupLater): the notices waiting to be grouped. */
  groupingLeft?: number;
}

export interface IngestOptions {
  /** Called before the batch starts with the number of files, then after each file. */
  onStart?: (total: number) => void;
  /** Called for each file in the order given, once it is stored (committed, its original durable) or has failed. */
  onFile?: (outcome: FileOutcome, done: number, total: number) => void;
  /** Files above this size are refused (bytes); default decode-limits.ts's maxBytes. */
  maxBytes?: number;
  /**
   * Reader processes of this batch's own that read, decode and extract while this process archives and
   * stores. Default: one per core when there are at least READER_MIN_FILES files; with fewer (or 0),
   * the shared decoding processes read them (decoder.ts). Nothing is decoded in this process.
   */
  readers?: number;
  /** Readers the caller started (and closes), in place of starting `readers` for this batch. */
  pool?: ReaderPool;
  /** Files per store transaction and archive sync (tests make it small). */
  batch?: Partial<BatchLimits>;
  /** Bytes of originals read ahead and not yet stored, at most (default AHEAD_BYTES; tests make it small). */
  aheadBytes?: number;
  /** Called after each step of the regrouping that follows the batch. */
  onGrouping?: (progress: GroupingProgress) => void;
  /** The wall time each step of that regrouping aims at (regroup.ts's stepTargetMs; default a server's). */
  groupingStepMs?: number;
  /** Count the casebook's incidents after regrouping, for a person's report (`incidents`); it reads every incident. */
  summary?: boolean;
  /**
   * Store the files and leave their grouping queued for the next regrouping (serve at its start and in
   * the background, the next ingest that stores notices): each new notice stands alone in an incident
   * of its own until then. For loading a backlog: the files are searchable sooner and the readers have
   * both cores; the grouping itself costs as much whenever it runs (`groupingLeft` says how much waits).
   */
  groupLater?: boolean;
}

/**
 * The wall time a regrouping step of a batch from the command line aims at: no request of its own
 * waits behind it, and a server on the same database waits at most about this long to write. Steps
 * this long write each B-tree page once for hundreds of notices (a 100,000-post first regrouping: 117 s
 * of CPU against 138 s in 50 ms steps).
 */
export const BATCH_GROUPING_STEP_MS = 1000;

// Below this many files, starting readers (about 2 s of CPU each) costs more than it saves.
export const READER_MIN_FILES = 1000;
/** Files read ahead of the writer per reader: enough to keep readers busy while a batch is written or a grouping step runs. */
const AHEAD_PER_READER = 512;
/**
 * Bytes of originals read ahead and not yet stored, at most (one file more may start when none is held):
 * read-ahead holds each file's bytes, text and records until its batch is written, and a folder of
 * large PDFs must not take the machine's memory for it.
 */
export const AHEAD_BYTES = 64 * 1024 * 1024;

export async function ingestPaths(
  paths: string[],
  deps: { store: Store; archive: Archive },
  options: IngestOptions = {},
): Promise<IngestReport> {
  const queue: { path: string; size?: number; error?: JikenboError }[] = [];
  for await (const entry of walkPaths(paths)) queue.push(entry);
  options.onStart?.(queue.length);

  const report = emptyReport();
  report.files = queue.length;
  const limits = documentLimits(options.maxBytes);
  const readers = options.pool?.size ?? options.readers ?? (queue.length >= READER_MIN_FILES ? availableParallelism() : 0);
  const ownPool = !options.pool && readers > 0 ? new ReaderPool(readers, { limits: decodeLimits() }) : null;
  const pool = options.pool ?? ownPool ?? sharedDecoder();
  let done = 0;
  const writer = new BatchWriter(deps, (outcome) => {
    tallyOutcome(report, outcome);
    options.onFile?.(outcome, ++done, queue.length);
  }, { ...DEFAULT_BATCH, ...options.batch });
  const indexWhileReading = (options.pool !== undefined || ownPool !== null) && !options.groupLater;
  const groupingStep = options.groupingStepMs ? { stepTargetMs: options.groupingStepMs } : {};
  const read = (entry: (typeof queue)[number]): Promise<ReadFile> =>
    entry.error ? Promise.resolve({ ok: false, reason: reasonOf(entry.error) }) : pool.read(entry.path, limits);
  try {
    // Files are read ahead (in reader processes) and taken in the order given, so that ids and the
    // report follow that order whichever reader finishes first.
    const ahead = AHEAD_PER_READER * pool.size;
    const reading: Promise<ReadFile>[] = [];
    let next = 0;
    let held = 0;
    const aheadBytes = options.aheadBytes ?? AHEAD_BYTES;
    const sizeOf = (entry: (typeof queue)[number]) => entry.size ?? 0;
    const readAhead = () => {
      while (next < queue.length && reading.length < ahead && (held < aheadBytes || reading.length === 0)) {
        const entry = queue[next++]!;
        held += sizeOf(entry);
        reading.push(read(entry));
      }
    };
    readAhead();
    // A batch is written while the next is being read, and its originals are archived while the batch
    // before it is stored: the archive's file syncs wait on the disk while this process stores. Each
    // batch is still stored only once its own originals are durable, and batches are stored in order.
    // With readers decoding elsewhere, this process indexes each batch's notices for grouping while
    // they work, instead of all of them after the last file; linking waits for the end. A failure
    // there is the regrouping's after the last file too, which reports it; the files go on. With
    // groupLater, nothing of grouping runs here: the queue keeps every new notice for the next regrouping.
    const index = () => (indexWhileReading ? drainGrouping(deps.store, { ...groupingStep, untilStage: 1 }).catch(() => undefined) : undefined);
    let stored: Promise<void> = Promise.resolve();
    let before: Promise<void> = Promise.resolve();
    const write = (batch: TakenBatch) => {
      const archived = batch.archive();
      before = stored;
      stored = Promise.all([stored, archived]).then(() => batch.store()).then(index);
    };
    for (let i = 0; reading.length > 0; i++) {
      const file = await reading.shift()!;
      held -= sizeOf(queue[i]!);
      readAhead();
      writer.add(queue[i]!.path, file);
      if (writer.full()) {
        // At most two batches in hand: one being archived while the one before it is stored.
        await before;
        write(writer.take()!);
      }
    }
    const last = writer.take();
    if (last) write(last);
    await stored;
  } finally {
    await ownPool?.close();
  }
  // Once per batch, not per file: regrouping reads the whole casebook. A crash before it leaves each
  // new notice in an incident of its own, and the next regroup links it.
  if (report.newRecords > 0) await regroupBatch(deps.store, report, options);
  return report;
}

/** The regrouping after a batch, and the casebook's count when a person asked for it. */
export async function regroupBatch(store: Store, report: IngestReport, options: Pick<IngestOptions, 'onGrouping' | 'summary' | 'groupingStepMs' | 'groupLater'>): Promise<void> {
  const grouping = { ...(options.onGrouping ? { onProgress: options.onGrouping } : {}), ...(options.groupingStepMs ? { stepTargetMs: options.groupingStepMs } : {}) };
  if (options.groupLater) report.groupingLeft = (await store.groupingWork())[1];
  else if (options.summary) report.incidents = await regroupIncidents(store, grouping);
  else await drainGrouping(store, grouping);
  // Then the watchlists' hits of the new notices. A failure leaves their cursors where they were, so the
  // job loop (serve) or the next ingest matches the same notices again: nothing is missed.
  await updateWatchlistHits(store).catch(() => undefined);
}

export function emptyReport(): IngestReport {
  return { files: 0, posts: 0, newRecords: 0, duplicates: 0, failures: [], outcomes: [] };
}

/** Counts one file's (or URL's) outcome into the batch report. */
export function tallyOutcome(report: IngestReport, outcome: FileOutcome): void {
  report.outcomes.push(outcome);
  if (outcome.status === 'failed') report.failures.push(outcome);
  else if (outcome.status === 'duplicate') report.duplicates++;
  else {
    report.posts += outcome.posts;
    report.newRecords += outcome.posts;
  }
}
