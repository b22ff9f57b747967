// The tests that read ../shared (the seed and development corpora, the gold labels, the VERIS, VCDB
// and STIX vendor data) read it in place, never copying it into the repository. CI has it: there
// (process.env.CI set) a missing path fails the test file with a message naming it, instead of the
// tests skipping unseen. On a machine without ../shared the tests that need it skip, and say so.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared folder beside the repository (/work/shared next to /work/main). */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));

/** A path inside ../shared. */
export function sharedPath(relative: string): string {
  return SHARED_DIR + relative;
}

/** True in CI, where missing shared data is a failure (CI=true, as CI services set it; `.ci/run` sets it too). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}

/**
 * True when every path exists. When one is missing: in CI throws (the file fails, naming it);
 * elsewhere warns on stderr that `what` is skipped and returns false, for `describe.skipIf(!…)`.
 */
export function haveShared(what: string, ...paths: string[]): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  const message = `${what}: needs ../shared, and ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`;
  if (inCi()) throw new Error(`${message} (CI is set: shared data must be present)`);
  console.warn(`skipped: ${message} (CI would fail here)`);
  return false;
}
