// The process's decoding processes (ingest-pool.ts) for what comes one file at a time: small ingests,
// uploads, URLs and watched sources. Started on first use, shared, and holding the process open only
// while they work; a large ingest starts readers of its own. The limits are read once from the
// environment (decode-limits.ts).
import { availableParallelism } from 'node:os';
import { decodeLimitsFrom, type DecodeLimits } from '../sources/decode-limits.ts';
import type { DocumentLimits } from '../sources/load-document.ts';
import { ReaderPool } from './ingest-pool.ts';

let limits: DecodeLimits | null = null;
let shared: ReaderPool | null = null;

/** The decoding limits in force: the defaults, and those the environment sets. */
export function decodeLimits(): DecodeLimits {
  limits ??= decodeLimitsFrom(process.env);
  return limits;
}

/** The limits on reading one document, with `maxBytes` from the caller (`--max-bytes`, an upload's cap) when it gives one. */
export function documentLimits(maxBytes?: number): DocumentLimits {
  const { maxPages, maxTextChars, maxInflatedBytes, maxHtmlDepth, maxHtmlElements, maxBytes: fallback } = decodeLimits();
  return { maxBytes: maxBytes ?? fallback, maxPages, maxTextChars, maxInflatedBytes, maxHtmlDepth, maxHtmlElements };
}

export function sharedDecoder(): ReaderPool {
  if (!shared) {
    const { memoryMb, timeoutMs } = decodeLimits();
    shared = new ReaderPool(Math.min(2, availableParallelism()), { limits: { memoryMb, timeoutMs } });
  }
  return shared;
}

/** Stops the shared readers (a command that is done, a test); the next use starts new ones. */
export async function closeSharedDecoder(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
