// The part of ingesting a file that needs no store: read it, decode it, extract its posts. Pure of the
// casebook, so it runs the same in any thread; ingest runs it in a decoding process (ingest-pool.ts).
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { JikenboError, reasonOf } from '../core/errors.ts';
import { extractDocument, EXTRACTOR_VERSION } from '../extract/extract.ts';
import { bytesText, DEFAULT_DECODE_LIMITS } from '../sources/decode-limits.ts';
import { loadDocument, type LoadOptions } from '../sources/load-document.ts';
import type { DocumentInput, NoticeInput } from '../store/store.ts';

/** A document read and extracted (notices empty when it has no post), ready to store; or why it cannot be. */
export type ReadDocument =
  | { ok: true; doc: DocumentInput; notices: NoticeInput[] }
  | { ok: false; reason: string };

/** A file read and extracted, with its bytes to archive; or why it cannot be. */
export type ReadFile =
  | { ok: true; doc: DocumentInput; bytes: Uint8Array; notices: NoticeInput[] }
  | { ok: false; reason: string };

export interface ReadOptions extends LoadOptions {
  /**
   * Blocking reads: right in a reader process, which has nothing else to do meanwhile, and it leaves
   * libuv's few I/O threads to the archive's file syncs.
   */
  sync?: boolean;
}

/** Never throws: a file that cannot be read, decoded or extracted is `{ ok: false, reason }`. */
export async function readForIngest(path: string, options: ReadOptions = {}): Promise<ReadFile> {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_DECODE_LIMITS.maxBytes;
    const size = options.sync ? statSync(path).size : (await stat(path)).size;
    if (size > maxBytes) {
      throw new JikenboError('bad_input', `${path}: ${size} bytes is over the ${maxBytes}-byte limit (${bytesText(maxBytes)})`, { subject: path });
    }
    const bytes = new Uint8Array(options.sync ? readFileSync(path) : await readFile(path));
    const read = await readBytesForIngest(path, bytes, options);
    return read.ok ? { ...read, bytes } : read;
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
}

/** As readForIngest, for bytes already in hand (a fetched page); never throws. */
export async function readBytesForIngest(source: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<ReadDocument> {
  try {
    const doc = await loadDocument(source, bytes, options);
    // No posts is a failure only for a document not stored yet: the caller decides, after its duplicate check.
    const extractions = extractDocument(doc.text);
    const notices: NoticeInput[] = extractions.map(({ post, record }, ordinal) => ({
      ordinal, start: post.start, end: post.end, text: post.text, record, extractorVersion: EXTRACTOR_VERSION,
    }));
    return {
      ok: true,
      doc: { sha256: doc.sha256, source, mediaType: doc.mediaType, encoding: doc.encoding, byteLength: bytes.byteLength, text: doc.text },
      notices,
    };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
}
