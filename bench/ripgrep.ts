// The same searches run by ripgrep over the posts as UTF-8 files: what a person without jikenbo would do.
import { spawnSync } from 'node:child_process';

export function ripgrepVersion(): string | null {
  const run = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.split('\n')[0]!.trim() : null;
}

/**
 * Files containing every word of the query (fixed strings), and the milliseconds it took. Several words
 * take one rg run each, intersected; rg has no facets, so filters are left out (its figure is the lower bound).
 */
export function ripgrepSearch(text: string, dir: string): { ms: number; files: number } {
  const t0 = performance.now();
  let found = null as Set<string> | null;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const run = spawnSync('rg', ['--files-with-matches', '--fixed-strings', '--no-messages', '--', word, dir], {
      encoding: 'utf8',
      maxBuffer: 512 << 20,
    });
    const files = new Set(run.stdout.split('\n').filter(Boolean));
    found = found === null ? files : new Set([...found].filter((f: string) => files.has(f)));
  }
  return { ms: performance.now() - t0, files: found?.size ?? 0 };
}
