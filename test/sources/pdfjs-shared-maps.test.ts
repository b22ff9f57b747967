// pdf.js keeps a non-embedded CID font's maps from one document to the next (pdfjs-shared-maps.ts):
// the edits must apply to the pdf.js installed, and a document read with shared maps must read as
// one read without them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { makeJapanesePdf } from '../../scripts/make-pdf.ts';
import { pdfToText } from '../../src/sources/pdf-to-text.ts';
import { patchPdfWorker, sharedPdfMaps } from '../../src/sources/pdfjs-shared-maps.ts';

const WORKER = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');

describe('patchPdfWorker', () => {
  it('applies every edit to the pdf.js installed (an upgrade that moved them fails here, not silently)', () => {
    const source = readFileSync(WORKER, 'utf8');
    const patched = patchPdfWorker(source);
    expect(patched.missing).toEqual([]);
    expect(patched.source).not.toBe(source);
    expect(patched.source).toContain('__jikenboPdfMaps');
  });

  it('leaves a worker it cannot edit whole unchanged, and names what it did not find', () => {
    const source = readFileSync(WORKER, 'utf8').replace('amend(map) {', 'amend(mapping) {');
    const patched = patchPdfWorker(source);
    expect(patched.source).toBe(source);
    expect(patched.missing).toEqual(['a shared map is copied before it is amended']);
  });
});

describe('pdfToText with maps shared between documents', () => {
  it('reads each document as its own, the second and later from the maps the first built', async () => {
    const first = ['不正アクセスに関するお知らせ', '2024年7月12日 株式会社みなと架空商事'];
    const second = ['個人情報を含む書類の紛失について', '対象：①会員情報 ㈱架空物流 髙橋様ほか 最大3,579名'];
    expect(await pdfToText(makeJapanesePdf(first))).toBe(first.join('\n'));
    // The font of makeJapanesePdf: /Encoding /UniJIS-UTF16-H over Adobe-Japan1.
    const maps = sharedPdfMaps();
    expect([...maps.toUnicode.keys()]).toContain('UniJIS-UTF16-H|Adobe|Japan1');
    expect([...maps.fontChar.keys()]).toContain('UniJIS-UTF16-H|Adobe|Japan1');
    const shared = maps.toUnicode.get('UniJIS-UTF16-H|Adobe|Japan1');
    // The font's encoding CMap, kept by its name alone.
    expect([...maps.cMaps.keys()]).toContain('UniJIS-UTF16-H');
    const cMap = maps.cMaps.get('UniJIS-UTF16-H');
    expect(await pdfToText(makeJapanesePdf(second))).toBe(second.join('\n'));
    expect(await pdfToText(makeJapanesePdf(first))).toBe(first.join('\n'));
    // Still the one map: built once, read by the later documents.
    expect(maps.toUnicode.get('UniJIS-UTF16-H|Adobe|Japan1')).toBe(shared);
    expect(maps.cMaps.get('UniJIS-UTF16-H')).toBe(cMap);
  });
});
