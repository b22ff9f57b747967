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
    pool: 'forks',
    env: { JIKENBO_TEST_LOOP: 'unit' },
  },
});
