// `npm run test:unit` stays a loop without a database, a browser or a process: no file it runs
// reaches (through its own imports and the test helpers they import) a database driver, the
// PostgreSQL cluster, the command runner, a browser, a local server or child processes. A file with a
// part that needs a casebook declares it with describeWithCasebook (test/helpers/test-loop.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNIT_TESTS } from '../../vitest.unit.config.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Packages and test helpers that start or reach what the unit loop must not. */
const FORBIDDEN = [
  /^(pg|better-sqlite3|playwright-core|autocannon)$/,
  /\/helpers\/(browser|pg-cluster|postgres-global-setup|build-global-setup)\.ts$/,
  /\/store\/engines\.ts$/, /\/sources\/local-server\.ts$/,
];
/** What opens a casebook or runs the command (dist/, built by the whole suite's setup): only inside describeWithCasebook. */
const CASEBOOK = [/\/src\/(app\/casebook|store\/(sqlite|postgres)\/[^/]+)\.ts$/, /\/helpers\/run-cli\.ts$/, /^node:child_process$/];

function unitFiles(): string[] {
  const walk = (dir: string): string[] => readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
  return UNIT_TESTS.flatMap((p) => (p.endsWith('/**/*.test.ts') ? walk(p.slice(0, -'/**/*.test.ts'.length)) : [p]));
}

/** Value imports (not `import type`) of a file, resolved when relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms), ...text.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), s)) : s));
}

/** What a test file reaches: its imports, and those of the test-side modules (test/, bench/, scripts/) it imports. */
function reach(file: string): Set<string> {
  const seen = new Set<string>();
  const queue = [file];
  while (queue.length > 0) {
    for (const spec of importsOf(queue.pop()!)) {
      if (seen.has(spec)) continue;
      seen.add(spec);
      if (/^(test|bench|scripts)\//.test(spec) && existsSync(join(ROOT, spec))) queue.push(spec);
    }
  }
  return seen;
}

/** Whether the file declares a part with describeWithCasebook (beyond importing it). */
function usesDescribeWithCasebook(file: string): boolean {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/^import [^\n]*\n/gm, '');
  return /\bdescribeWithCasebook\b/.test(text);
}

describe('the unit loop', () => {
  const files = unitFiles();

  it('runs the folders it names, each with files', () => {
    expect(files.length).toBeGreaterThan(30);
    for (const dir of ['core', 'extract', 'analyze', 'charts', 'formats']) expect(files.some((f) => f.startsWith(`test/${dir}/`)), dir).toBe(true);
  });

  it('reaches no database driver, browser, command, server or child process', () => {
    const found = files.flatMap((f) => [...reach(f)].filter((s) => FORBIDDEN.some((r) => r.test(`/${s}`) || r.test(s))).map((s) => `${f} → ${s}`));
    expect(found).toEqual([]);
  });

  it('opens a casebook or runs the command only in parts it skips there (describeWithCasebook)', () => {
    const found = files.filter((f) => [...reach(f)].some((s) => CASEBOOK.some((r) => r.test(`/${s}`) || r.test(s))) && !usesDescribeWithCasebook(f));
    expect(found).toEqual([]);
  });
});
