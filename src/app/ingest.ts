// The ingest use case: paths in, each file decoded, archived, extracted and stored; a report out.
// One bad file is a line in the report, never the end of the batch (as Kysely's migrator reports).
import { readFile, stat } from 'node:fs/promises';
import { JikenboError, reasonOf } from '../core/errors.ts';
import { extractDocument, EXTRACTOR_VERSION } from '../extract/extract.ts';
import { loadDocument } from '../sources/load-document.ts';
import { walkPaths } from '../sources/walk-paths.ts';
import type { Archive, NoticeInput, Store } from '../store/store.ts';
import { regroupIncidents, type RegroupReport } from './incidents.ts';

export type FileStatus = 'new' | 'duplicate' | 'failed';

export interface FileOutcome {
  path: string;
  status: FileStatus;
  /** Posts found in the file (0 for a duplicate or a failure). */
  posts: number;
  documentId?: number;
  reason?: string;
}

export interface IngestReport {
  files: number;
  posts: number;
  newRecords: number;
  duplicates: number;
  failures: FileOutcome[];
  outcomes: FileOutcome[];
  /** Set when the batch added notices and incidents were regrouped after it. */
  incidents?: RegroupReport;
}

export interface IngestOptions {
  /** Called before the batch starts with the number of files, then after each file. */
  onStart?: (total: number) => void;
  onFile?: (outcome: FileOutcome, done: number, total: number) => void;
  /** Files above this size are refused (bytes). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export async function ingestPaths(
  paths: string[],
  deps: { store: Store; archive: Archive },
  options: IngestOptions = {},
): Promise<IngestReport> {
  const queue: { path: string; error?: JikenboError }[] = [];
  for await (const entry of walkPaths(paths)) queue.push(entry);
  options.onStart?.(queue.length);

  const report = emptyReport();
  report.files = queue.length;
  let done = 0;
  for (const entry of queue) {
    const outcome = entry.error
      ? { path: entry.path, status: 'failed' as const, posts: 0, reason: reasonOf(entry.error) }
      : await ingestFile(entry.path, deps, options.maxBytes ?? DEFAULT_MAX_BYTES);
    tallyOutcome(report, outcome);
    options.onFile?.(outcome, ++done, queue.length);
  }
  // Once per batch, not per file: regrouping reads the whole casebook. A crash before it leaves each
  // new notice in an incident of its own, and the next regroup links it.
  if (report.newRecords > 0) report.incidents = await regroupIncidents(deps.store);
  return report;
}

async function ingestFile(path: string, deps: { store: Store; archive: Archive }, maxBytes: number): Promise<FileOutcome> {
  try {
    const size = (await stat(path)).size;
    if (size > maxBytes) {
      throw new JikenboError('bad_input', `${path}: ${size} bytes is over the ${maxBytes}-byte limit`, { subject: path });
    }
    const bytes = new Uint8Array(await readFile(path));
    const doc = await loadDocument(path, bytes, { maxBytes });
    if (await deps.store.hasDocument(doc.sha256)) return { path, status: 'duplicate', posts: 0 };

    const extractions = extractDocument(doc.text);
    if (extractions.length === 0) {
      throw new JikenboError('bad_input', `${path}: no text to read`, { subject: path });
    }
    const notices: NoticeInput[] = extractions.map(({ post, record }, ordinal) => ({
      ordinal, start: post.start, end: post.end, text: post.text, record, extractorVersion: EXTRACTOR_VERSION,
    }));
    // The original goes to the archive first: an orphan original after a crash is harmless
    // (content-addressed, written atomically), a stored notice without its original is not.
    await deps.archive.put(doc.sha256, bytes);
    const result = await deps.store.ingestDocument(
      { sha256: doc.sha256, source: path, mediaType: doc.mediaType, encoding: doc.encoding, byteLength: bytes.byteLength, text: doc.text },
      notices,
    );
    if (!result.created) return { path, status: 'duplicate', posts: 0, documentId: result.documentId };
    return { path, status: 'new', posts: notices.length, documentId: result.documentId };
  } catch (err) {
    return { path, status: 'failed', posts: 0, reason: reasonOf(err) };
  }
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
