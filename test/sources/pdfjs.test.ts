// Loading pdf.js must leave the process's builtins as Node made them (its legacy build's core-js
// replaces Array.prototype.push and JSON.parse with slower JavaScript ones).
import { describe, expect, it } from 'vitest';
import { makeJapanesePdf } from '../../scripts/make-pdf.ts';
import { pdfToText } from '../../src/sources/pdf-to-text.ts';

describe('pdf.js as loaded by pdf-to-text', () => {
  it('leaves V8\'s own push and JSON.parse in place, before and after reading a PDF', async () => {
    // core-js's push throws on an array whose length cannot change; V8's, called with nothing to push, does not.
    const frozenPush = () => Object.defineProperty([], 'length', { writable: false }).push();
    expect(frozenPush).not.toThrow();
    expect(await pdfToText(makeJapanesePdf(['架空の紛失事案について']))).toBe('架空の紛失事案について');
    expect(frozenPush).not.toThrow();
    // core-js's JSON.parse hands a reviver a third argument, the source text; V8's (Node 20) does not.
    const contexts: unknown[] = [];
    JSON.parse('[1]', (_key, value, ...rest: unknown[]) => (contexts.push(...rest), value));
    expect(contexts).toEqual([]);
  });
});
