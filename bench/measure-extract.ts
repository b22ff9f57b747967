// Bench worker: decodes every corpus file, then times extraction alone (one core), as bench/extract.ts does
// for the seeds; optionally writes each decoded text as UTF-8 for ripgrep to search the same posts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
if (!values.dir) throw new Error('measure-extract: --dir is required');
const textOut = values['text-out'];
if (textOut) mkdirSync(textOut, { recursive: true });

const figures: ExtractFigures = { files: 0, posts: 0, chars: 0, extractMs: 0, decodeMs: {}, decodedFiles: {}, failures: 0 };
for (const path of corpusFiles(values.dir)) {
  const bytes = new Uint8Array(readFileSync(path));
  const t0 = performance.now();
  let text: string;
  let type: string;
  try {
    const doc = await loadDocument(path, bytes);
    text = doc.text;
    type = doc.mediaType;
  } catch {
    figures.failures++;
    continue;
  }
  const t1 = performance.now();
  const records = extractDocument(text);
  figures.extractMs += performance.now() - t1;
  figures.decodeMs[type] = (figures.decodeMs[type] ?? 0) + (t1 - t0);
  figures.decodedFiles[type] = (figures.decodedFiles[type] ?? 0) + 1;
  figures.files++;
  figures.posts += records.length;
  figures.chars += text.length;
  if (textOut) writeFileSync(join(textOut, basename(path) + '.txt'), text);
}
emit(figures);
