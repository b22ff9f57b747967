#!/usr/bin/env node
// Compiles jikenbo to JavaScript in dist/: one ESM bundle per entry point (the command and the
// decoding process), with the commands split into chunks loaded on demand so that `jikenbo --help`
// loads only what it prints. Packages under node_modules stay external (better-sqlite3 and pg are
// native or optional, pdf.js finds its CMaps next to itself): they load from node_modules as before.
// Run by `npm ci` (the `prepare` script), by `npm run build` and by the tests' global setup;
// bin/jikenbo.js never runs a dist/ older than src/ (build-stamp.mjs). Plain JavaScript, so that it
// needs nothing but esbuild.
import { build } from 'esbuild';
import { renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildState, STAMP_FILE } from '../bin/build-stamp.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
// Built beside dist/ and moved into place, so that a command started meanwhile sees the old build or
// the new one, never half of one.
const NEXT = join(ROOT, `.dist-${process.pid}`);

// --if-stale: only when dist/ is missing or older than the sources (the tests' global setup).
if (process.argv.includes('--if-stale') && buildState(ROOT) === 'fresh') process.exit(0);

const started = Date.now();
rmSync(NEXT, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'src/cli/main.ts', reader: 'src/app/ingest-reader-main.ts', 'page-worker': 'src/server/page-worker-main.ts' },
    outdir: NEXT,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The stamp's time is when the build read the sources: a source saved during the build is newer.
  const stamp = join(NEXT, STAMP_FILE);
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
  const old = join(ROOT, `.dist-old-${process.pid}`);
  try { renameSync(DIST, old); } catch { /* no dist/ yet */ }
  try {
    renameSync(NEXT, DIST);
  } catch (err) {
    // Another build put its dist/ in place meanwhile, from the same sources: keep that one.
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
  }
  rmSync(old, { recursive: true, force: true });
} finally {
  rmSync(NEXT, { recursive: true, force: true });
}
if (!process.argv.includes('--quiet')) process.stderr.write(`jikenbo: built dist/ in ${Date.now() - started} ms\n`);
