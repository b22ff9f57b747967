// How much work one file may cost to decode, in one place: what a file over a limit is refused for,
// and what the decoding process may spend on it. Every source (files, uploads, URLs, watched pages)
// decodes under these; a user with bigger files raises them with the environment variables below.
import { z } from 'zod';
import { invalidInput } from '../core/invalid-input.ts';

const MB = 1024 * 1024;

export interface DecodeLimits {
  /** Bytes of a file or a fetched body (`--max-bytes` for `ingest`). */
  maxBytes: number;
  /** Pages of a PDF: a file with more is refused before any page is read. */
  maxPages: number;
  /** Characters of text a document may decode to (PDF, HTML or plain text). */
  maxTextChars: number;
  /** Bytes a PDF's compressed (FlateDecode) streams may inflate to, all streams together. */
  maxInflatedBytes: number;
  /** Nesting depth of an HTML page (ingested or watched). */
  maxHtmlDepth: number;
  /** Elements of an HTML page (ingested or watched). */
  maxHtmlElements: number;
  /** Memory of the decoding process, MB: its JavaScript heap and, separately, its buffers. */
  memoryMb: number;
  /** Wall-clock time one file may take to decode and read, ms; the thread is stopped after it. */
  timeoutMs: number;
}

export const DEFAULT_DECODE_LIMITS: Readonly<DecodeLimits> = Object.freeze({
  maxBytes: 50 * MB,
  maxPages: 200,
  maxTextChars: 2_000_000,
  maxInflatedBytes: 256 * MB,
  maxHtmlDepth: 1000,
  maxHtmlElements: 50_000,
  memoryMb: 512,
  timeoutMs: 30_000,
});

/** The environment variable that sets each limit, and the unit it is given in. */
export const DECODE_LIMIT_ENV: Record<keyof DecodeLimits, { name: string; unit: number }> = {
  maxBytes: { name: 'JIKENBO_MAX_BYTES', unit: 1 },
  maxPages: { name: 'JIKENBO_MAX_PDF_PAGES', unit: 1 },
  maxTextChars: { name: 'JIKENBO_MAX_TEXT_CHARS', unit: 1 },
  maxInflatedBytes: { name: 'JIKENBO_MAX_INFLATED_MB', unit: MB },
  maxHtmlDepth: { name: 'JIKENBO_MAX_HTML_DEPTH', unit: 1 },
  maxHtmlElements: { name: 'JIKENBO_MAX_HTML_ELEMENTS', unit: 1 },
  memoryMb: { name: 'JIKENBO_DECODE_MEMORY_MB', unit: 1 },
  timeoutMs: { name: 'JIKENBO_DECODE_SECONDS', unit: 1000 },
};

const positive = z.coerce.number().int('expected a whole number').positive('expected a number above 0');

/** The defaults, with each limit the environment sets in place of its default; a bad value is refused by name. */
export function decodeLimitsFrom(env: Record<string, string | undefined>): DecodeLimits {
  const limits: DecodeLimits = { ...DEFAULT_DECODE_LIMITS };
  for (const [key, { name, unit }] of Object.entries(DECODE_LIMIT_ENV) as [keyof DecodeLimits, { name: string; unit: number }][]) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = positive.safeParse(raw);
    if (!parsed.success) throw invalidInput(parsed.error, { name: () => name, value: raw.slice(0, 20) });
    limits[key] = parsed.data * unit;
  }
  return limits;
}

/** 52428800 → '50 MB', 2000000 → '2,000,000': a limit as a reason states it. */
export function bytesText(n: number): string {
  return n >= MB ? `${Number((n / MB).toFixed(1))} MB` : `${n} bytes`;
}
