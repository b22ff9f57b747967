// Vitest global setup: the tests that run bin/jikenbo.js (run-cli.ts) run the compiled command, as a
// user does, so dist/ is built first when it is missing or older than src/ (scripts/build.mjs).
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const run = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--quiet'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`building dist/ failed (exit ${run.status ?? run.signal}): the command tests need it`);
}
