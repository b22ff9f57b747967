// The ingest use case for URLs, and for batches that mix URLs with paths: each URL fetched within
// limits, its bytes archived with what the server said, read and stored like a file.
import { JikenboError, reasonOf } from '../core/errors.ts';
import { fetchUrl, type FetchOptions, type FetchedPage } from '../sources/fetch-url.ts';
import type { Archive, Store } from '../store/ports.ts';
import { documentLimits, sharedDecoder } from './decoder.ts';
import { emptyReport, ingestPaths, regroupBatch, tallyOutcome, type FileOutcome, type IngestOptions, type IngestReport } from './ingest.ts';

export interface UrlIngestOptions extends IngestOptions {
  /** Limits and address policy of each fetch (size cap, time limits, redirects, --allow-private). */
  fetch?: FetchOptions;
}

type Deps = { store: Store; archive: Archive };

/** true for what `ingest` should fetch rather than read from disk. */
export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

/**
 * Ingests a batch of paths and URLs, one report for all of it. A URL with another scheme than
 * http(s) is a failed line like any other bad input. Incidents are regrouped once, at the end.
 */
export async function ingestSources(inputs: string[], deps: Deps, options: UrlIngestOptions = {}): Promise<IngestReport> {
  const urls = inputs.filter(isUrl);
  const paths = inputs.filter((input) => !isUrl(input));
  const urlOutcomes: FileOutcome[] = [];
  for (const url of urls) {
    const outcome = await ingestUrl(url, deps, options.fetch ?? {});
    urlOutcomes.push(outcome);
    options.onFile?.(outcome, urlOutcomes.length, urls.length);
  }
  const added = urlOutcomes.some((o) => o.status === 'new');
  const report = paths.length > 0
    ? await ingestPaths(paths, deps, options)
    : emptyReport();
  // ingestPaths regrouped already when its files added notices; otherwise the URLs' notices need it.
  const ingested = report.newRecords > 0;
  for (const o of urlOutcomes) {
    report.files++;
    tallyOutcome(report, o);
  }
  if (added && !ingested) await regroupBatch(deps.store, report, options);
  return report;
}

/** Fetches one URL and stores it; never throws: a failure is the outcome's reason. */
export async function ingestUrl(url: string, deps: Deps, fetchOptions: FetchOptions): Promise<FileOutcome> {
  try {
    const page = await fetchUrl(url, fetchOptions);
    return await storeFetchedPage(page, deps, fetchOptions.maxBytes);
  } catch (err) {
    return { path: url, status: 'failed', posts: 0, reason: reasonOf(err) };
  }
}

/** Reads a fetched page into the casebook; the bytes and the fetch are kept even when the document is already stored. */
export async function storeFetchedPage(page: FetchedPage, deps: Deps, maxBytes?: number): Promise<FileOutcome> {
  const source = page.requestedUrl;
  if (page.status < 200 || page.status > 299) {
    throw new JikenboError('bad_input', `${source}: the server answered HTTP ${page.status}`, { subject: source });
  }
  const { mediaType, charset } = parseContentType(page.headers['content-type']);
  // Decoded and read in a decoding process, under the same limits as a file (decoder.ts).
  const read = await sharedDecoder().run({
    kind: 'bytes', source, bytes: page.bytes, limits: documentLimits(maxBytes),
    ...(charset ? { declaredCharset: charset } : {}),
    ...(mediaType ? { declaredMediaType: mediaType } : {}),
  });
  if (!read.ok) throw new JikenboError('bad_input', read.reason, { subject: source });
  const { doc, notices } = read;
  await deps.archive.put(doc.sha256, page.bytes);
  const record = (documentId: number | null) => deps.store.recordFetch({
    requestedUrl: page.requestedUrl, finalUrl: page.url, status: page.status, headers: page.headers,
    redirects: page.redirects, sha256: doc.sha256, byteLength: page.bytes.byteLength, fetchedAt: page.fetchedAt, documentId,
  });

  if (notices.length === 0) throw new JikenboError('bad_input', `${source}: no text to read`, { subject: source });
  const result = await deps.store.ingestDocument(doc, notices);
  await record(result.documentId);
  if (!result.created) return { path: source, status: 'duplicate', posts: 0, documentId: result.documentId };
  return { path: source, status: 'new', posts: notices.length, documentId: result.documentId };
}

/** 'text/html; charset=Shift_JIS' → media type and charset, each null when absent. */
export function parseContentType(header: string | undefined): { mediaType: string | null; charset: string | null } {
  if (!header) return { mediaType: null, charset: null };
  const [type, ...params] = header.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find((c) => c) ?? null;
  return { mediaType: type?.trim().toLowerCase() || null, charset };
}
