// Reads the text layer of a PDF with pdf.js: one line per text line, a blank line between pages.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { JikenboError } from '../core/errors.ts';
import { bytesText, DEFAULT_DECODE_LIMITS } from './decode-limits.ts';
import { inflatedSize } from './pdf-streams.ts';

export interface PdfOptions {
  /** The file or URL the bytes came from; named in every error. */
  source?: string;
  /** Refuse PDFs with more pages than this (decode-limits.ts has the defaults of all three). */
  maxPages?: number;
  /** Refuse PDFs whose text layer runs past this many characters; reading stops there. */
  maxTextChars?: number;
  /** Refuse PDFs whose FlateDecode streams inflate past this many bytes, before pdf.js reads them. */
  maxInflatedBytes?: number;
}

// pdf.js in Node reads CMaps and standard fonts with fs, so these are directory paths, resolved from
// this module rather than the working directory. Without the CMaps, text in non-embedded Japanese
// CID fonts (UniJIS-UCS2-H and friends) comes out empty.
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_ROOT, 'cmaps') + '/';
const STANDARD_FONT_DATA_URL = join(PDFJS_ROOT, 'standard_fonts') + '/';

/** The part of pdf.js's TextItem that line joining reads. */
interface LineItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export async function pdfToText(bytes: Uint8Array, options: PdfOptions = {}): Promise<string> {
  const source = options.source ?? '(input)';
  const maxPages = options.maxPages ?? DEFAULT_DECODE_LIMITS.maxPages;
  const maxTextChars = options.maxTextChars ?? DEFAULT_DECODE_LIMITS.maxTextChars;
  const maxInflated = options.maxInflatedBytes ?? DEFAULT_DECODE_LIMITS.maxInflatedBytes;
  // pdf.js rebuilds a cut-off file from what is left and would hand back part of the notice as if
  // it were all of it; a download that stopped early must be fetched again instead.
  if (!hasEndMarker(bytes)) {
    throw new JikenboError('bad_input', `${source}: truncated PDF (no %%EOF at the end)`, { subject: source });
  }
  if ((await inflatedSize(bytes, maxInflated)) === null) {
    throw new JikenboError('bad_input', `${source}: its compressed streams inflate to more than the limit of ${bytesText(maxInflated)} (a PDF bomb?)`, {
      subject: source,
    });
  }
  // Loaded on the first PDF: pdf.js is a quarter of a server's resident memory (130 MB), and most
  // processes that can read a PDF (serve, watch) seldom or never do.
  const { getDocument, VerbosityLevel } = await import('./pdfjs.ts');
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js may detach the buffer it is given; the caller keeps its bytes
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise.catch((err: unknown) => {
      throw openError(source, err);
    });
    if (pdf.numPages > maxPages) {
      throw new JikenboError('bad_input', `${source}: ${pdf.numPages} pages, more than the limit of ${maxPages}`, {
        subject: source,
      });
    }
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      let text: string;
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        text = joinLines(content.items.flatMap((item) => ('str' in item ? [item] : [])));
        page.cleanup();
      } catch (err) {
        throw new JikenboError('bad_input', `${source}: cannot read page ${n} of the PDF: ${messageOf(err)}`, {
          subject: source,
          cause: err,
        });
      }
      // Counted page by page, so that a page drawn hundreds of times stops the reading where it passes the limit.
      chars += text.length;
      if (chars > maxTextChars) {
        throw new JikenboError('bad_input', `${source}: more than the limit of ${maxTextChars.toLocaleString('en')} characters of text (by page ${n} of ${pdf.numPages})`, {
          subject: source,
        });
      }
      pages.push(text);
    }
    const text = pages.join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
    if (!text) {
      throw new JikenboError('bad_input', `${source}: no text layer (scanned PDF?)`, { subject: source });
    }
    return text;
  } finally {
    await task.destroy();
  }
}

function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-2048);
  return tail.includes('%%EOF', 0, 'latin1');
}

function openError(source: string, err: unknown): JikenboError {
  const name = err instanceof Error ? err.name : '';
  const why =
    name === 'PasswordException'
      ? 'the PDF is encrypted with a password'
      : name === 'InvalidPDFException'
        ? 'not a valid PDF (truncated or damaged?)'
        : `cannot read the PDF: ${messageOf(err)}`;
  return new JikenboError('bad_input', `${source}: ${why}`, { subject: source, cause: err });
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Items come in content-stream order. A new line starts after an item marked hasEOL or when the
 * baseline moves by more than half the text height; a visible gap on one line becomes a space.
 */
function joinLines(items: LineItem[]): string {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  let lastEndX = 0;
  let breakNext = false;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || 10;
    if (item.str) {
      const moved = lastY !== null && Math.abs(y - lastY) > size / 2;
      if (breakNext || moved) {
        lines.push(line);
        line = '';
      } else if (line && x - lastEndX > size * 0.3 && !/\s$/.test(line) && !/^\s/.test(item.str)) {
        line += ' ';
      }
      line += item.str;
      lastY = y;
      lastEndX = x + item.width;
      breakNext = false;
    }
    if (item.hasEOL) breakNext = true;
  }
  lines.push(line);
  return lines
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
}
