import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    // Setup hooks build casebooks, start servers and open PostgreSQL pools: 1-3 s on a quiet machine, past
    // vitest's default 10 s at load 12 on two cores (migrate-store, review-routes). A reason, not a budget.
    hookTimeout: 120_000,
    pool: 'forks',
    // `serve` started by a test keeps quiet about each request (its own tests turn the log on).
    env: { JIKENBO_REQUEST_LOG: 'off' },
    // dist/ built when stale (the CLI tests run the compiled command), then a private PostgreSQL
    // cluster for the store suite's second engine (test/store/engines.ts).
    globalSetup: ['test/helpers/build-global-setup.ts', 'test/helpers/postgres-global-setup.ts'],
  },
});
