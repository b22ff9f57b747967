// pdf.js for Node 20 (its legacy build), without the builtins it replaces. The core-js inside that
// build swaps Array.prototype.push for a JavaScript one (V8's push does not throw on a frozen length,
// as the spec says it should) and wraps JSON.parse; once loaded they would slow every push and parse
// in the process, pdf.js's own included (push runs twice as slow in a loop). Node's are put back
// after both halves of pdf.js are loaded: the worker half now, so that it cannot polyfill them later.
const nativePush = Array.prototype.push;
const nativeParse = JSON.parse;

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// pdf.js uses this module as its in-thread worker when it finds it on globalThis (it sets that itself).
// A string, not a literal, in the import: the worker half ships no type declarations.
const WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
await import(WORKER);

Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, enumerable: false, configurable: true });
Object.defineProperty(JSON, 'parse', { value: nativeParse, writable: true, enumerable: false, configurable: true });

export const { getDocument, VerbosityLevel } = pdfjs;
