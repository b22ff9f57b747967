// Reads one notice's bytes as text: sniffs text, HTML or PDF, decodes it, and hashes the original.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { JikenboError } from '../core/errors.ts';
import { bytesText, DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decode-limits.ts';
import { decodeText } from './decode-text.ts';
import { htmlCharset } from './html-charset.ts';
import { htmlToText } from './html-to-text.ts';
import { pdfToText } from './pdf-to-text.ts';

export type MediaType = 'text/plain' | 'text/html' | 'application/pdf';

export interface LoadedDocument {
  /** Where the bytes came from: a path or URL as the user gave it. */
  source: string;
  bytes: Uint8Array;
  /** SHA-256 of the bytes, lower-case hex: the document's name in the archive. */
  sha256: string;
  mediaType: MediaType;
  /** The encoding the text was decoded from; null for PDF. */
  encoding: string | null;
  text: string;
}

/** The limits of decode-limits.ts that bound reading one document (the defaults there); the thread's own are the pool's. */
export type DocumentLimits = Pick<DecodeLimits, 'maxBytes' | 'maxPages' | 'maxTextChars' | 'maxInflatedBytes' | 'maxHtmlDepth' | 'maxHtmlElements'>;

export interface LoadOptions extends Partial<DocumentLimits> {
  /** The charset a transport declared (HTTP Content-Type); wins over <meta>, a BOM still wins over both. */
  declaredCharset?: string;
  /** The media type a transport declared (HTTP Content-Type); used when the bytes themselves do not tell. */
  declaredMediaType?: string;
}

// Formats people save by mistake next to notices, recognised so the error can say what the file is.
const FOREIGN: Array<{ magic: number[]; what: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or an Office document)' },
  { magic: [0x50, 0x4b, 0x05, 0x06], what: 'a ZIP archive' },
  { magic: [0x1f, 0x8b], what: 'a gzip file' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], what: 'a GIF image' },
  { magic: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61], what: 'a GIF image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Office document (.doc/.xls)' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)' },
];

const EXTENSIONS: Record<string, MediaType> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'text/html',
  '.pdf': 'application/pdf',
};

export async function loadDocument(source: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_DECODE_LIMITS.maxBytes;
  if (bytes.length > maxBytes) {
    throw new JikenboError('bad_input', `${source}: ${bytesText(bytes.length)}, larger than the limit of ${bytesText(maxBytes)}`, {
      subject: source,
    });
  }
  if (bytes.length === 0) throw new JikenboError('bad_input', `${source}: empty file`, { subject: source });

  const mediaType = sniffMediaType(source, bytes, options.declaredMediaType);
  const { text, encoding } = await readText(source, bytes, mediaType, options);
  if (!text.trim()) throw new JikenboError('bad_input', `${source}: no text in the document`, { subject: source });
  // Search, snippets and pages each cost time with the length of a notice; no notice is this long.
  const maxTextChars = options.maxTextChars ?? DEFAULT_DECODE_LIMITS.maxTextChars;
  if (text.length > maxTextChars) {
    throw new JikenboError('bad_input', `${source}: ${text.length.toLocaleString('en')} characters of text, more than the limit of ${maxTextChars.toLocaleString('en')}`, {
      subject: source,
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { source, bytes, sha256, mediaType, encoding, text };
}

async function readText(
  source: string,
  bytes: Uint8Array,
  mediaType: MediaType,
  options: LoadOptions,
): Promise<{ text: string; encoding: string | null }> {
  if (mediaType === 'application/pdf') {
    const text = await pdfToText(bytes, {
      source,
      ...(options.maxPages ? { maxPages: options.maxPages } : {}),
      ...(options.maxTextChars ? { maxTextChars: options.maxTextChars } : {}),
      ...(options.maxInflatedBytes ? { maxInflatedBytes: options.maxInflatedBytes } : {}),
    });
    return { text, encoding: null };
  }
  if (mediaType === 'text/html') {
    const charset = options.declaredCharset ?? htmlCharset(bytes);
    const decoded = decodeText(bytes, { source, ...(charset ? { charset } : {}) });
    const shape = {
      ...(options.maxHtmlDepth ? { maxDepth: options.maxHtmlDepth } : {}),
      ...(options.maxHtmlElements ? { maxElements: options.maxHtmlElements } : {}),
    };
    return { text: htmlToText(decoded.text, { source, ...shape }), encoding: decoded.encoding };
  }
  return decodeText(bytes, { source, ...(options.declaredCharset ? { charset: options.declaredCharset } : {}) });
}

/**
 * The content decides first; then a media type the transport declared, then the name, break the tie
 * between plain text and markup the content does not show.
 */
export function sniffMediaType(source: string, bytes: Uint8Array, declared?: string): MediaType {
  const foreign = FOREIGN.find(({ magic }) => magic.every((byte, i) => bytes[i] === byte));
  if (foreign) {
    throw new JikenboError('unsupported', `${source}: ${foreign.what}, not a notice`, { subject: source });
  }
  if (startsWithPdf(bytes)) return 'application/pdf';
  if (looksLikeHtml(bytes)) return 'text/html';
  const byHeader = declared?.trim().toLowerCase();
  if (byHeader === 'text/html' || byHeader === 'application/xhtml+xml') return 'text/html';
  if (byHeader === 'text/plain') return 'text/plain';
  const byName = EXTENSIONS[extname(pathPart(source)).toLowerCase()];
  if (byName === 'application/pdf') {
    throw new JikenboError('bad_input', `${source}: named .pdf but does not start with %PDF-`, { subject: source });
  }
  return byName ?? 'text/plain';
}

/** %PDF- at the start of a line in the first 1024 bytes, as PDF readers accept (some files carry a preamble). */
function startsWithPdf(bytes: Uint8Array): boolean {
  return /(^|[\r\n])%PDF-\d/.test(asciiHead(bytes, 1024));
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = asciiHead(bytes, 1024)
    .replace(/^(\ufeff|\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\0/g, '') // UTF-16 markup
    .replace(/<\?xml[^>]*>|<!--[\s\S]*?-->/g, '')
    .trimStart()
    .toLowerCase();
  return /^<(!doctype\s+html|html|head|body|meta|title)[\s>\/]/.test(head);
}

function asciiHead(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, length)).toString('latin1');
}

/** A URL's path, without query or fragment, so 'notice.pdf?download=1' still reads as .pdf. */
function pathPart(source: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ? source.replace(/[?#].*$/, '') : source;
}
