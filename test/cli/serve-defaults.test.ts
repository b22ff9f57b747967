// serve's heap growth and page workers (cli/commands/serve.ts): the V8 flag it sets, unless node was
// started with its own; one page worker by default on two cores, the option and the environment over it.
import { describe, expect, it } from 'vitest';
import { heapGrowingFlag, pageWorkersOf, SERVE_HEAP_GROWING_PERCENT } from '../../src/cli/commands/serve.ts';

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

describe('pageWorkersOf', () => {
  it('gives one page worker by default on two cores or more, and none on one', () => {
    expect(pageWorkersOf({}, {}, 2)).toEqual({ count: 1, asked: false });
    expect(pageWorkersOf({}, {}, 8)).toEqual({ count: 1, asked: false });
    expect(pageWorkersOf({}, {}, 1)).toEqual({ count: 0, asked: false });
  });

  it('takes --page-workers over JIKENBO_PAGE_WORKERS, and either over the default', () => {
    expect(pageWorkersOf({ 'page-workers': '0' }, { JIKENBO_PAGE_WORKERS: '1' }, 2)).toEqual({ count: 0, asked: true });
    expect(pageWorkersOf({}, { JIKENBO_PAGE_WORKERS: '0' }, 2)).toEqual({ count: 0, asked: true });
    expect(pageWorkersOf({ 'page-workers': '1' }, {}, 2)).toEqual({ count: 1, asked: true });
    expect(pageWorkersOf({ 'page-workers': '0' }, {}, 1)).toEqual({ count: 0, asked: true });
  });

  it('refuses a worker asked for on one core, and a count it cannot do, naming the option', () => {
    expect(() => pageWorkersOf({ 'page-workers': '1' }, {}, 1)).toThrow(/page-workers 1 needs a second core/);
    expect(() => pageWorkersOf({}, { JIKENBO_PAGE_WORKERS: '1' }, 1)).toThrow(/page-workers/);
    expect(() => pageWorkersOf({ 'page-workers': '2' }, {}, 4)).toThrow(/page-workers/);
  });
});
