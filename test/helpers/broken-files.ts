// Writes a corpus of broken notice files into a folder, each with the problem its ingest error must name.
// Everything is generated (nothing large is committed); the 200 MB file is sparse and takes no disk space.
import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import type { Encoding as EncodingName } from 'encoding-japanese';
import { makeJapanesePdf, serializePdf } from '../../scripts/make-pdf.ts';
import { RANSOM_NOTICE } from './notices.ts';

export interface BrokenFile {
  name: string;
  /** What the one error about this file must say, besides its path. */
  problem: RegExp;
}

export interface BrokenCorpusOptions {
  /** Full size: 20,000 pages, 40 MB of HTML (else 2,000 pages and 3 MB). */
  long?: boolean;
}

const MB = 1024 * 1024;

export function writeBrokenFiles(dir: string, options: BrokenCorpusOptions = {}): BrokenFile[] {
  const files: Array<BrokenFile & { bytes?: Uint8Array; size?: number }> = [];
  const add = (name: string, problem: RegExp, bytes: Uint8Array) => files.push({ name, problem, bytes });
  const lines = RANSOM_NOTICE.trimEnd().split('\n');

  const pdf = makeJapanesePdf(lines);
  add('truncated.pdf', /truncated PDF/, pdf.subarray(0, Math.floor(pdf.length * 0.6)));
  add('encrypted.pdf', /encrypted with a password/, encryptedPdf());
  const pages = options.long ? 20_000 : 2_000;
  add('thousands-of-pages.pdf', new RegExp(`${pages} pages, more than the limit`), makeJapanesePdf(
    Array.from({ length: pages }, (_, i) => `第${i + 1}頁 ${lines[i % lines.length]!.slice(0, 20)}`),
    { linesPerPage: 1 },
  ));
  files.push({ name: 'huge.txt', problem: /209715200 bytes is over the \d+-byte limit/, size: 200 * MB });
  add('binary-junk.txt', /not text/, junk(64 * 1024));
  add('invalid-utf8.txt', /not text: invalid byte sequences/, spoiled('UTF8', [0xc3, 0x28, 0x80]));
  add('invalid-shift_jis.txt', /not text: invalid byte sequences/, spoiled('SJIS', [0x81, 0x20, 0xff]));
  add('invalid-euc-jp.txt', /not text: invalid byte sequences/, spoiled('EUCJP', [0xa4, 0x20, 0x8e]));
  add('invalid-iso-2022-jp.txt', /not text: invalid byte sequences: \d+ of \d+ characters do not decode as ISO-2022-JP/, spoiledJis());
  add('deeply-nested.html', /HTML nested 100000 levels deep/, utf8(
    `<!doctype html><html><body><h1>${lines[0]}</h1>${'<div>'.repeat(100_000)}${lines[3]}${'</div>'.repeat(100_000)}</body></html>`,
  ));
  add('enormous.html', /HTML \d+ elements, more than the limit/, enormousHtml(options.long ? 40 * MB : 3 * MB));
  const zip = tinyZip();
  add('archive-zip.txt', /a ZIP archive/, zip);
  add('archive-zip.html', /a ZIP archive/, zip);
  add('archive-zip.pdf', /a ZIP archive/, zip);

  for (const file of files) {
    const path = join(dir, file.name);
    if (file.bytes) writeFileSync(path, file.bytes);
    else sparse(path, file.size!);
  }
  return files.map(({ name, problem }) => ({ name, problem }));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const encode = (text: string, to: EncodingName) =>
  Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));

/** A file of the given size that is all hole: 200 MB on the name, nothing on the disk or in memory. */
function sparse(path: string, size: number): void {
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** Bytes of every value, NULs included, from a fixed sequence (the same file on every run). */
function junk(length: number): Uint8Array {
  let x = 0x2545f491;
  return Uint8Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

/** The notice in one encoding with an invalid sequence of that encoding after every sixth character. */
function spoiled(to: EncodingName, invalid: number[]): Uint8Array {
  const out: number[] = [];
  [...RANSOM_NOTICE].forEach((ch, i) => {
    out.push(...encode(ch, to));
    if (i % 6 === 5) out.push(...invalid);
  });
  return Uint8Array.from(out);
}

/** ISO-2022-JP lines (escapes kept per line) with SO, SI and an unknown escape (ESC Z) after each. */
function spoiledJis(): Uint8Array {
  const out: number[] = [];
  for (const line of RANSOM_NOTICE.split('\n')) out.push(...encode(line, 'JIS'), 0x0e, 0x0f, 0x1b, 0x5a, 0x0a);
  return Uint8Array.from(out);
}

/** A page of short paragraphs, `bytes` long: far more elements than any notice. */
function enormousHtml(bytes: number): Uint8Array {
  const paragraph = '<p>個人情報</p>\n';
  const count = Math.ceil(bytes / utf8(paragraph).length);
  return utf8(`<!doctype html><html><body><h1>お知らせ</h1>\n${paragraph.repeat(count)}</body></html>`);
}

/**
 * A one-page PDF encrypted with the standard security handler (RC4, revision 2) whose user password
 * is not empty: the /O and /U entries match no password a reader can guess.
 */
function encryptedPdf(): Uint8Array {
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 8 >>\nstream\n(secret)\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(32, 1)}> /U <${hex(32, 2)}> >>`,
  ];
  return serializePdf(objects, { version: '1.4', trailer: `/Encrypt 5 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>]` });
}

/** A ZIP archive holding one stored (uncompressed) notice.txt: local header, data, central directory, end. */
function tinyZip(): Uint8Array {
  const name = utf8('notice.txt');
  const data = utf8(RANSOM_NOTICE);
  const crc = crc32(data);
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  const local = [...u32(0x04034b50), ...u16(10), ...u16(0x0800), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0), ...name];
  const central = [...u32(0x02014b50), ...u16(20), ...u16(10), ...u16(0x0800), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...name];
  const centralAt = local.length + data.length;
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(1), ...u16(1), ...u32(central.length), ...u32(centralAt), ...u16(0)];
  return Uint8Array.from([...local, ...data, ...central, ...end]);
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
