#!/usr/bin/env node
// The jikenbo command: runs the compiled code in dist/ (built by `npm ci`, or `npm run build`). When
// dist/ is missing or older than src/ (a checkout changed since the build), it says so in one line and
// runs the TypeScript sources through tsx instead, so that old code never runs unnoticed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildState } from './build-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const state = buildState(root);
let main;
if (state === 'fresh' || state === 'installed') {
  ({ main } = await import('../dist/cli.js'));
} else {
  process.stderr.write(`jikenbo: dist/ is ${state === 'missing' ? 'missing' : 'older than src/'} (npm run build compiles it); running the sources through tsx\n`);
  const { tsImport } = await import('tsx/esm/api');
  ({ main } = await tsImport('../src/cli/main.ts', import.meta.url));
}
process.exitCode = await main(process.argv.slice(2));
