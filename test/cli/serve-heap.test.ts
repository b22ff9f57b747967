// serve's heap growth (cli/commands/serve.ts): the V8 flag it sets, unless node was started with its own.
import { describe, expect, it } from 'vitest';
import { heapGrowingFlag, SERVE_HEAP_GROWING_PERCENT } from '../../src/cli/commands/serve.ts';

describe('heapGrowingFlag', () => {
  it('sets the heap growing percent when node was given none', () => {
    expect(heapGrowingFlag([])).toBe(`--heap-growing-percent=${SERVE_HEAP_GROWING_PERCENT}`);
    expect(heapGrowingFlag(['--max-old-space-size=512', '--heap-growing-percent-other'])).toBe(`--heap-growing-percent=${SERVE_HEAP_GROWING_PERCENT}`);
  });

  it("leaves node's own setting to stand, however it is spelled", () => {
    expect(heapGrowingFlag(['--heap-growing-percent=0'])).toBeNull();
    expect(heapGrowingFlag(['--cpu-prof', '--heap_growing_percent=80'])).toBeNull();
    expect(heapGrowingFlag(['--heap-growing-percent', '30'])).toBeNull();
  });
});
