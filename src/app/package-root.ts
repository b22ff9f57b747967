// The folder that holds jikenbo's package.json, found from this module's own place. Files beside the
// package (demo/, bin/, dist/, ../shared) are named from it: the code runs from src/app/ (tests, tsx)
// and from the compiled bundle in dist/ or dist/chunks/, which sit at other depths.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JikenboError } from '../core/errors.ts';

let found: string | undefined;

export function packageRoot(): string {
  if (found !== undefined) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new JikenboError('internal', `no package.json above ${start}: is jikenbo installed whole?`);
    dir = up;
  }
  found = dir;
  return dir;
}

/**
 * True when this module runs from its TypeScript source (tests, bin/run-ts.js, bin/jikenbo.js on a stale
 * dist/), not from dist/. The path is read without the query that tsx's tsImport appends
 * (`package-root.ts?tsx-namespace=…`): with it, a stale build's readers ran the old compiled code.
 */
export function runningFromSource(url: string = import.meta.url): boolean {
  return new URL(url).pathname.endsWith('.ts');
}
