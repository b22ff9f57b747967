// runningFromSource decides whether readers start from dist/ or from the TypeScript sources: a module
// loaded by tsx's tsImport (bin/jikenbo.js on a stale dist/) has a query after its path.
import { describe, expect, it } from 'vitest';
import { runningFromSource } from '../../src/app/package-root.ts';

describe('runningFromSource', () => {
  it('is true for a source module, with or without the query tsImport appends', () => {
    expect(runningFromSource('file:///opt/jikenbo/src/app/package-root.ts')).toBe(true);
    expect(runningFromSource('file:///opt/jikenbo/src/app/package-root.ts?tsx-namespace=1733312345678')).toBe(true);
    expect(runningFromSource()).toBe(true);
  });

  it('is false for the compiled bundle', () => {
    expect(runningFromSource('file:///opt/jikenbo/dist/chunks/chunk-64BD7SAP.js')).toBe(false);
    expect(runningFromSource('file:///opt/jikenbo/dist/cli.js?ts=1')).toBe(false);
  });
});
