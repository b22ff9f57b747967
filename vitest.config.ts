import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // A private PostgreSQL cluster for the store suite's second engine (test/store/engines.ts).
    globalSetup: ['test/helpers/postgres-global-setup.ts'],
  },
});
