// Whether dist/ (scripts/build.mjs) was built from the sources as they are now: a checkout whose src/
// changed after the build must not run the old code. Plain JavaScript, read before anything else
// loads; it costs a stat per source file and folder (a few milliseconds).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Written last by the build; its modification time is when the build read the sources. */
export const STAMP_FILE = 'build-stamp';
/** What the build reads besides src/. */
const INPUTS = ['scripts/build.mjs', 'tsconfig.json'];

/** The newest modification time under a folder, itself included (a removed file changes its folder). */
function newest(path) {
  const info = statSync(path);
  let latest = info.mtimeMs;
  if (info.isDirectory()) {
    for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

/**
 * 'fresh' when dist/ was built from the sources as they are; 'missing' or 'stale' otherwise; 'installed'
 * when there are no sources to compare with (a package without src/): dist/ is then all there is.
 */
export function buildState(root) {
  let stamp;
  try {
    stamp = statSync(join(root, 'dist', STAMP_FILE)).mtimeMs;
  } catch {
    return 'missing';
  }
  let sources;
  try {
    sources = newest(join(root, 'src'));
  } catch {
    return 'installed';
  }
  for (const input of INPUTS) {
    try { sources = Math.max(sources, statSync(join(root, input)).mtimeMs); } catch { /* not in this copy */ }
  }
  return sources > stamp ? 'stale' : 'fresh';
}
