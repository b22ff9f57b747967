// bin/jikenbo.js runs the compiled code in dist/ while it was built from the sources as they are, and
// never runs an older dist/ unnoticed: missing or stale, it says so in one line and runs src/ through tsx.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildState, STAMP_FILE } from '../../bin/build-stamp.mjs';

const REPO = resolve('.');
const COMPILED_MARK = 'this is the compiled stand-in';

let copy: string;

/** A checkout of its own: bin/ and src/ copied, node_modules shared, a dist/ whose cli.js says it ran. */
function makeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jikenbo-build-'));
  cpSync(join(REPO, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(REPO, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function writeDist(dir: string, stampTime: Date): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist/cli.js'), `export async function main() { process.stdout.write(${JSON.stringify(COMPILED_MARK + '\n')}); return 0; }\n`);
  const stamp = join(dir, 'dist', STAMP_FILE);
  writeFileSync(stamp, 'test\n');
  utimesSync(stamp, stampTime, stampTime);
}

function runHelp(dir: string) {
  const run = spawnSync(process.execPath, [join(dir, 'bin/jikenbo.js'), '--help'], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const past = new Date(Date.now() - 3_600_000);
const future = new Date(Date.now() + 3_600_000);

/** Sets every source file and folder's modification time to `when`. */
function ageSources(dir: string, when: Date): void {
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else utimesSync(child, when, when);
    }
    utimesSync(path, when, when);
  };
  walk(join(dir, 'src'));
}

describe('bin/jikenbo.js and dist/', () => {
  beforeAll(() => {
    copy = makeCopy();
    ageSources(copy, past);
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('runs dist/ when it was built after the sources last changed, and warns of nothing', () => {
    writeDist(copy, new Date());
    expect(buildState(copy)).toBe('fresh');
    const run = runHelp(copy);
    expect(run).toEqual({ code: 0, stdout: `${COMPILED_MARK}\n`, stderr: '' });
  });

  it('runs the sources through tsx, saying so in one line, when a source changed after the build', () => {
    writeDist(copy, new Date());
    const edited = join(copy, 'src/core/errors.ts');
    utimesSync(edited, future, future);
    expect(buildState(copy)).toBe('stale');
    const run = runHelp(copy);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: jikenbo COMMAND');
    expect(run.stdout).not.toContain(COMPILED_MARK);
    expect(run.stderr).toBe('jikenbo: dist/ is older than src/ (npm run build compiles it); running the sources through tsx\n');
    utimesSync(edited, past, past);
  });

  it('counts a removed source as a change (its folder is newer than the build)', () => {
    writeDist(copy, new Date(Date.now() - 60_000));
    expect(buildState(copy)).toBe('fresh');
    const extra = join(copy, 'src/core/removed-later.ts');
    writeFileSync(extra, 'export {};\n');
    utimesSync(extra, past, past);
    unlinkSync(extra);
    expect(buildState(copy)).toBe('stale');
    ageSources(copy, past);
  });

  it('runs the sources through tsx, saying so, when there is no dist/', () => {
    rmSync(join(copy, 'dist'), { recursive: true, force: true });
    expect(buildState(copy)).toBe('missing');
    const run = runHelp(copy);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: jikenbo COMMAND');
    expect(run.stderr).toBe('jikenbo: dist/ is missing (npm run build compiles it); running the sources through tsx\n');
  });
});

describe('the compiled command', () => {
  let built: string;
  const pdf = join(REPO, 'demo/notices/2025-06-30-tsukimi-univ-phishing.pdf');
  const extract = () => spawnSync(process.execPath, [join(built, 'bin/jikenbo.js'), 'extract', '--jsonl', pdf], { encoding: 'utf8', timeout: 120_000 });

  beforeAll(() => {
    built = makeCopy();
    mkdirSync(join(built, 'scripts'));
    cpSync(join(REPO, 'scripts/build.mjs'), join(built, 'scripts/build.mjs'));
    cpSync(join(REPO, 'tsconfig.json'), join(built, 'tsconfig.json'));
    const build = spawnSync(process.execPath, [join(built, 'scripts/build.mjs'), '--quiet'], { encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it('decodes in compiled decoding processes, without tsx, and prints what the sources print', () => {
    // Without bin/run-ts.js a reader started through tsx cannot start, and the file would fail.
    const runTs = join(built, 'bin/run-ts.js');
    const saved = readFileSync(runTs);
    unlinkSync(runTs);
    const compiled = extract();
    writeFileSync(runTs, saved);
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const record = JSON.parse(compiled.stdout.trim()) as Record<string, unknown>;
    expect(record.organization).toEqual(expect.any(String));

    // The same file through the sources (dist/ made stale): the same bytes, after the one-line warning.
    utimesSync(join(built, 'src/core/errors.ts'), future, future);
    const fromSource = extract();
    expect(fromSource.stderr).toBe('jikenbo: dist/ is older than src/ (npm run build compiles it); running the sources through tsx\n');
    expect(fromSource.stdout).toBe(compiled.stdout);
  });
});
