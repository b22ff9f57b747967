// Properties of the decoders in src/sources: bytes → text, the declared charset, HTML → text, whole documents.
import fc from 'fast-check';
import { makeJapanesePdf } from '../../scripts/make-pdf.ts';
import { JikenboError } from '../../src/core/errors.ts';
import { decodeText } from '../../src/sources/decode-text.ts';
import { htmlCharset } from '../../src/sources/html-charset.ts';
import { htmlToText } from '../../src/sources/html-to-text.ts';
import { loadDocument } from '../../src/sources/load-document.ts';
import { hostileBytes, hostileHtml, hostileText } from './arbitraries.ts';
import { assertNames, attempt, attemptAsync, bounded, type PropertySet } from './bounded-property.ts';

const ENCODINGS = new Set(['UTF-8', 'UTF-8 (BOM)', 'UTF-16LE', 'UTF-16BE', 'Shift_JIS', 'EUC-JP', 'ISO-2022-JP']);
const utf8 = (text: string) => new TextEncoder().encode(text);

const charsetLabel = fc.option(
  fc.oneof(fc.constantFrom('Shift_JIS', 'x-sjis', 'EUC-JP', 'iso-2022-jp', 'utf-16', 'UTF-8', 'latin1', 'gb18030', ''), fc.string({ maxLength: 20 })),
  { nil: undefined },
);

// A small PDF, then cut, overwritten or spliced: pdf.js must refuse it cleanly or read it.
const brokenPdf: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.array(hostileText.map((t) => t.slice(0, 80)), { minLength: 1, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })), { maxLength: 6 }),
    fc.boolean(),
  )
  .map(([lines, patches, keepEnd]) => {
    const pdf = makeJapanesePdf(lines.map((l) => l.replace(/[\ud800-\udfff]/g, '')));
    for (const [at, bytes] of patches) pdf.set(bytes.subarray(0, Math.max(0, pdf.length - 64 - (at % pdf.length))), at % pdf.length);
    return keepEnd ? pdf : pdf.subarray(0, pdf.length - 7);
  });

export const properties: PropertySet = {
  decodeText: bounded(fc.tuple(hostileBytes, charsetLabel), ([bytes, charset]) => {
    const decoded = attempt(() => decodeText(bytes, { source: 'x.txt', ...(charset !== undefined ? { charset } : {}) }));
    if (decoded instanceof JikenboError) return assertNames(decoded, 'x.txt');
    if (typeof decoded.text !== 'string') throw new Error('no text and no error');
    if (decoded.text.includes('\r')) throw new Error('a carriage return is left in the text');
    if (!ENCODINGS.has(decoded.encoding)) throw new Error(`unknown encoding name ${decoded.encoding}`);
  }),

  htmlCharset: bounded(fc.oneof(hostileBytes, hostileHtml.map(utf8)), (bytes) => {
    const label = attempt(() => htmlCharset(bytes));
    if (typeof label === 'string' && !/^[\w.:-]+$/.test(label)) throw new Error(`charset label ${JSON.stringify(label)}`);
  }),

  htmlToText: bounded(hostileHtml, (html) => {
    const text = attempt(() => htmlToText(html, { source: 'x.html' }));
    if (text instanceof JikenboError) return assertNames(text, 'x.html');
    if (typeof text !== 'string') throw new Error('not a string');
  }, 200),

  loadDocument: bounded(
    fc.tuple(
      fc.constantFrom('x.txt', 'x.html', 'x.htm', 'x.pdf', 'x', 'x.TXT'),
      fc.oneof(hostileBytes, hostileHtml.map(utf8), brokenPdf),
    ),
    async ([source, bytes]) => {
      const result = await attemptAsync(() => loadDocument(source, bytes));
      if (result instanceof JikenboError) return assertNames(result, source);
      if (!/^[0-9a-f]{64}$/.test(result.sha256)) throw new Error(`sha256 ${result.sha256}`);
      if (!result.text.trim()) throw new Error('a document without text was accepted');
    },
    150,
    // The first PDF loads pdf.js and builds its CMaps (about 2 s of CPU, 2.1 s on seed 634810118's
    // first PDF, 4 ms on the same bytes after): a cost of the first PDF, not of any input.
    async () => {
      const warm = await loadDocument('warm.pdf', makeJapanesePdf(['個人情報の漏えいについて']));
      if (!warm.text.includes('個人情報')) throw new Error(`the warm-up PDF read as ${JSON.stringify(warm.text)}`);
    },
  ),
};
