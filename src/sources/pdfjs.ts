// pdf.js for Node 20 (its legacy build), without the builtins it replaces. The core-js inside that
// build swaps Array.prototype.push for a JavaScript one (V8's push does not throw on a frozen length,
// as the spec says it should) and wraps JSON.parse; once loaded they would slow every push and parse
// in the process, pdf.js's own included (push runs twice as slow in a loop). Node's are put back
// after both halves of pdf.js are loaded: the worker half now, so that it cannot polyfill them later.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { patchPdfWorker, sharedPdfMaps } from './pdfjs-shared-maps.ts';

const nativePush = Array.prototype.push;
const nativeParse = JSON.parse;

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdf.js uses this module as its in-thread worker when it finds it on globalThis (it sets that itself).
// It is loaded from its text, edited so that a non-embedded CID font's maps are built once per process
// (pdfjs-shared-maps.ts); the file imports nothing, so it runs the same from a data: URL.
const WORKER = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
// Without its source-map comment: a map named relative to a data: URL cannot be resolved.
const worker = patchPdfWorker(readFileSync(WORKER, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''));
sharedPdfMaps();
await import(`data:text/javascript;base64,${Buffer.from(worker.source).toString('base64')}`);

Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, enumerable: false, configurable: true });
Object.defineProperty(JSON, 'parse', { value: nativeParse, writable: true, enumerable: false, configurable: true });

export const { getDocument, VerbosityLevel } = pdfjs;
