// Bench worker: decodes every corpus file and writes its text as UTF-8 (for ripgrep to search the same posts),
// then times extraction alone over those texts (one core), as bench/extract.ts does for the seeds. Two passes,
// so that the garbage of HTML and PDF decoding is not collected inside the extraction figure.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractDocument } from '../src/extract/extract.ts';
import { loadDocument } from '../src/sources/load-document.ts';
import { corpusFiles } from './corpus-files.ts';
import { emit } from './worker.ts';

export interface ExtractFigures {
  files: number;
  posts: number;
  chars: number;
  extractMs: number;
  decodeMs: Record<string, number>;
  decodedFiles: Record<string, number>;
  failures: number;
}

const { values } = parseArgs({ options: { dir: { type: 'string' }, 'text-out': { type: 'string' } } });
if (!values.dir || !values['text-out']) throw new Error('measure-extract: --dir and --text-out are required');
const textOut = values['text-out'];
mkdirSync(textOut, { recursive: true });

const figures: ExtractFigures = { files: 0, posts: 0, chars: 0, extractMs: 0, decodeMs: {}, decodedFiles: {}, failures: 0 };
for (const path of corpusFiles(values.dir)) {
  const bytes = new Uint8Array(readFileSync(path));
  const t0 = performance.now();
  try {
    const doc = await loadDocument(path, bytes);
    const ms = performance.now() - t0;
    figures.decodeMs[doc.mediaType] = (figures.decodeMs[doc.mediaType] ?? 0) + ms;
    figures.decodedFiles[doc.mediaType] = (figures.decodedFiles[doc.mediaType] ?? 0) + 1;
    writeFileSync(join(textOut, basename(path) + '.txt'), doc.text);
  } catch {
    figures.failures++;
  }
}
process.stderr.write('decoded; extracting\n');
for (const name of readdirSync(textOut)) {
  const text = readFileSync(join(textOut, name), 'utf8');
  const t = performance.now();
  const records = extractDocument(text);
  figures.extractMs += performance.now() - t;
  figures.files++;
  figures.posts += records.length;
  figures.chars += text.length;
}
emit(figures);
