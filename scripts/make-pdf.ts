// Writes small Japanese PDFs for tests and demos: text in a non-embedded CID font that needs Adobe's CMaps.
// usage: node bin/run-ts.js scripts/make-pdf.ts IN.txt OUT.pdf
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

export interface PdfOptions {
  /** Lines per page before a new page starts; default 46 (A4, 11 pt text, 16 pt leading). */
  linesPerPage?: number;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 50;
const FONT_SIZE = 11;
const LEADING = 16;

// Text beyond the page edge is dropped by pdf.js, so long lines wrap at this many full-width characters.
const LINE_UNITS = Math.floor((PAGE_WIDTH - 2 * MARGIN) / FONT_SIZE);

/**
 * A PDF whose text is drawn in HeiseiKakuGo-W5, a Type0 font that is not embedded, with the
 * UniJIS-UTF16-H encoding: readers must map the UTF-16BE codes through Adobe-Japan1 CMaps.
 * A line wider than the page wraps onto the next line (45 full-width characters, half-width
 * ones count half), as it would in a real notice; an empty list gives one page with no text (like a scan).
 */
export function makeJapanesePdf(lines: string[], options: PdfOptions = {}): Uint8Array {
  lines = lines.flatMap(wrap);
  const perPage = options.linesPerPage ?? Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  if (pages.length === 0) pages.push([]);

  // Objects 1-5 are fixed; each page then takes two: the page and its content stream.
  const objects: string[] = [];
  const pageRef = (i: number) => `${6 + 2 * i} 0 R`;
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${pages.map((_, i) => pageRef(i)).join(' ')}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UTF16-H /DescendantFonts [4 0 R] >>');
  objects.push(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5' +
      ' /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 5 >> /FontDescriptor 5 0 R' +
      ' /DW 1000 /W [1 95 500 231 632 500] >>', // ASCII and half-width forms are half as wide
  );
  objects.push(
    '<< /Type /FontDescriptor /FontName /HeiseiKakuGo-W5 /Flags 4 /FontBBox [-92 -250 1010 922]' +
      ' /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 737 /StemV 93 >>',
  );
  pages.forEach((pageLines, i) => {
    const stream = contentStream(pageLines);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}]` +
        ` /Resources << /Font << /F1 3 0 R >> >> /Contents ${7 + 2 * i} 0 R >>`,
    );
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });

  return serializePdf(objects);
}

/**
 * Numbered objects (object 1 the catalog) with their cross-reference table and trailer; `trailer`
 * adds entries to the trailer dictionary. Every byte written is ASCII or Latin-1, so string lengths
 * are byte offsets.
 */
export function serializePdf(objects: readonly string[], options: { version?: string; trailer?: string } = {}): Uint8Array {
  let pdf = `%PDF-${options.version ?? '1.7'}\n%\xe2\xe3\xcf\xd3\n`;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${options.trailer ? ` ${options.trailer}` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function wrap(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let units = 0;
  for (const ch of line) {
    const width = /[\x20-\x7e\uff61-\uff9f]/.test(ch) ? 0.5 : 1;
    if (units + width > LINE_UNITS) {
      out.push(current);
      current = '';
      units = 0;
    }
    current += ch;
    units += width;
  }
  out.push(current);
  return out;
}

function contentStream(lines: string[]): string {
  const ops = ['BT', `/F1 ${FONT_SIZE} Tf`];
  lines.forEach((line, i) => {
    if (!line) return;
    const y = PAGE_HEIGHT - MARGIN - FONT_SIZE - i * LEADING;
    ops.push(`1 0 0 1 ${MARGIN} ${y} Tm <${utf16beHex(line)}> Tj`);
  });
  ops.push('ET');
  return ops.join('\n');
}

function utf16beHex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}

async function main(args: string[]): Promise<number> {
  const [input, output] = args;
  if (!input || !output) {
    process.stderr.write('usage: node bin/run-ts.js scripts/make-pdf.ts IN.txt OUT.pdf\n');
    return 2;
  }
  const text = await readFile(input, 'utf8');
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  await writeFile(output, makeJapanesePdf(lines));
  return 0;
}

// tsx adds a query to import.meta.url; compare the file part only.
if (process.argv[1] && import.meta.url.split('?')[0] === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
