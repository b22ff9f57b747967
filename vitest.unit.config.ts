// `npm run test:unit`: the fast loop — core, extract, analyze, formats, charts and the property tests
// of the Japanese readers and the extraction. No database server, no browser, no server process, no
// dist/ build: none of the global setups of vitest.config.ts run. `npm test` (vitest.config.ts) stays
// the whole suite, these files included.
import { defineConfig } from 'vitest/config';

/** The folders and files of the unit loop; a test here must not open a database or start a process. */
export const UNIT_TESTS = [
  'test/core/**/*.test.ts',
  'test/extract/**/*.test.ts',
  'test/analyze/**/*.test.ts',
  'test/charts/**/*.test.ts',
  'test/suite/**/*.test.ts',
  // The formats files' casebook parts skip in this loop (test/helpers/test-loop.ts); the STIX test is all casebook and CLI.
  'test/formats/veris.test.ts',
  'test/formats/veris-validity.test.ts',
  'test/formats/misp.test.ts',
  'test/property/japanese.test.ts',
  'test/property/extract.test.ts',
  'test/property/limits.test.ts',
];

export default defineConfig({
  test: {
    include: UNIT_TESTS,
    testTimeout: 30_000,
    // Processes (not threads: the CPU-time bounds read process.cpuUsage(), which would count the other
    // test threads) that keep their module cache from file to file. The loop's files are pure (no vi.mock,
    // no module state a test changes; the one test that stubs env and console restores both after each
    // test), so isolating every file only paid for collecting the extractor 50 times over:
    // 65 s -> 28 s wall on a quiet machine (collect 20.0 -> 7.0 s).
    pool: 'forks',
    isolate: false,
    env: { JIKENBO_TEST_LOOP: 'unit' },
  },
});
