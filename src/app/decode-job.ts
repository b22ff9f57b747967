// What a decoding process is asked to do with untrusted bytes (a file to read, a fetched page, a watched
// source's listing, a watched leak-site tracker's claims) and what it answers. Run in a thread of ingest-pool.ts, under its memory and time limits.
import { reasonOf } from '../core/errors.ts';
import { parseClaims, type ParsedClaims } from '../formats/leak-claims.ts';
import { listLinks, type SourceListing } from '../sources/feed-links.ts';
import type { ClaimFormat } from '../store/source-types.ts';
import type { DocumentLimits } from '../sources/load-document.ts';
import type { NoticeInput } from '../store/store.ts';
import { readBytesForIngest, readForIngest, type ReadDocument, type ReadFile } from './ingest-read.ts';

export type DecodeJob =
  | { kind: 'file'; path: string; limits: DocumentLimits }
  | { kind: 'bytes'; source: string; bytes: Uint8Array; declaredCharset?: string; declaredMediaType?: string; limits: DocumentLimits }
  | { kind: 'links'; url: string; bytes: Uint8Array; charset?: string; limits: DocumentLimits }
  | { kind: 'claims'; source: string; bytes: Uint8Array; format: ClaimFormat };

export type ListedSource = { ok: true; listing: SourceListing } | { ok: false; reason: string };

/** A tracker's JSON read into claims (and the records that are not), or why it could not be read at all. */
export type ReadClaims = { ok: true; parsed: ParsedClaims } | { ok: false; reason: string };

export type JobResult<J extends DecodeJob> = J extends { kind: 'file' } ? ReadFile : J extends { kind: 'bytes' } ? ReadDocument
  : J extends { kind: 'claims' } ? ReadClaims : ListedSource;

/** The file or URL a job is about, named in every reason. */
export function jobSubject(job: DecodeJob): string {
  return job.kind === 'file' ? job.path : job.kind === 'bytes' || job.kind === 'claims' ? job.source : job.url;
}

/** Never throws: what cannot be decoded is `{ ok: false, reason }`. */
export async function runJob(job: DecodeJob): Promise<ReadFile | ReadDocument | ListedSource | ReadClaims> {
  if (job.kind === 'file') return readForIngest(job.path, { ...job.limits, sync: true });
  if (job.kind === 'bytes') {
    return readBytesForIngest(job.source, job.bytes, {
      ...job.limits,
      ...(job.declaredCharset ? { declaredCharset: job.declaredCharset } : {}),
      ...(job.declaredMediaType ? { declaredMediaType: job.declaredMediaType } : {}),
    });
  }
  if (job.kind === 'claims') {
    try {
      // As claims import reads a file: UTF-8, a bad byte replaced rather than the whole list refused.
      return { ok: true, parsed: parseClaims(new TextDecoder('utf-8').decode(job.bytes), job.source, job.format) };
    } catch (err) {
      return { ok: false, reason: `${job.source}: ${reasonOf(err)}` };
    }
  }
  try {
    const listing = listLinks(job.bytes, job.url, {
      ...(job.charset ? { charset: job.charset } : {}), maxDepth: job.limits.maxHtmlDepth, maxElements: job.limits.maxHtmlElements,
    });
    return { ok: true, listing };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
}

export type AnyResult = ReadFile | ReadDocument | ListedSource | ReadClaims;
type WithNotices = Extract<AnyResult, { ok: true; notices: NoticeInput[] }>;
/** A post as it goes from a reader to its parent: without its text where that is its document's, start to end. */
type WireNotice = Omit<NoticeInput, 'text'> & { text?: string };
export type WireResult = Exclude<AnyResult, WithNotices> | (Omit<WithNotices, 'notices'> & { notices: WireNotice[] });

/**
 * A result as it goes from a reader to its parent: each post's text, which is a slice of its document's
 * text, is left out (a fifth of what a reader sends, measured on the bench corpus) and cut again by
 * unpackResult. A post whose text is not that slice keeps it.
 */
export function packResult(result: AnyResult): WireResult {
  if (!result.ok || !('doc' in result)) return result;
  const text = result.doc.text;
  const notices = result.notices.map(({ text: own, ...rest }): WireNotice => (own === text.slice(rest.start, rest.end) ? rest : { ...rest, text: own }));
  return { ...result, notices };
}

/** The result packResult made, whole again. */
export function unpackResult(result: WireResult): AnyResult {
  if (!result.ok || !('doc' in result)) return result;
  const text = result.doc.text;
  const notices = result.notices.map((n): NoticeInput => ({ ...n, text: n.text ?? text.slice(n.start, n.end) }));
  return { ...result, notices } as WithNotices;
}
