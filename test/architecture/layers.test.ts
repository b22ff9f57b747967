// The layer order (scripts/check-layers.mjs, docs/architecture.md) holds over src/ with no import
// cycle, and the check really fails, with file:line, on an import that points up or closes a cycle:
// planted in a copy of src/ or given as a list of files, never written into src/.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without declarations
import { checkFiles, checkLayers, LAYERS } from '../../scripts/check-layers.mjs';

type Problem = { file: string; line: number; rule: string; message: string };
const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/check-layers.mjs');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('the layer check', () => {
  it('finds no import of a higher layer, no node: module in a pure layer and no driver outside the store in src/', () => {
    expect(checkLayers(ROOT) as Problem[]).toEqual([]);
    const out = execFileSync(process.execPath, [SCRIPT, ROOT], { encoding: 'utf8' });
    expect(out).toContain(`layers ok: ${(LAYERS as string[]).join(' < ')}; no import cycles`);
  });

  it('fails with file:line on an upward import planted in a copy of src/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-layers-'));
    temps.push(dir);
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
    // analyze is below app: a type import up is as much a crossing as any other.
    writeFileSync(join(dir, 'src/analyze/planted.ts'), [
      '// planted by test/architecture/layers.test.ts',
      "import type { Store } from '../store/ports.ts';",
      "import { backupCasebook } from '../app/backup.ts';",
      'export const planted = [backupCasebook] as unknown as Store;',
      '',
    ].join('\n'));
    const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    // store is above analyze too, and both lines are named, each with its line number.
    expect(lines).toContain("src/analyze/planted.ts:2: analyze imports store ('../store/ports.ts'): store is above analyze");
    expect(lines).toContain("src/analyze/planted.ts:3: analyze imports app ('../app/backup.ts'): app is above analyze");
    expect(lines.filter((l) => /^src\//.test(l))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^2 import\(s\) break the layer order/);
  });

  it('fails with file:line on an import cycle within one layer, which the order alone allows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jikenbo-layers-'));
    temps.push(dir);
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src/app/planted-a.ts'), "import { b } from './planted-b.ts';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'src/app/planted-b.ts'), "// the other half\n\nimport type { a } from './planted-a.ts';\nexport const b = 1 as unknown as typeof a;\n");
    const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n').filter((l) => /^src\//.test(l))).toEqual([
      'src/app/planted-b.ts:3: import cycle: app/planted-a.ts > app/planted-b.ts > app/planted-a.ts',
    ]);
  });

  it('reads dynamic imports and re-exports, refuses node: in the pure layers, drivers above the store, and cycles', () => {
    const problems = checkFiles([
      { path: 'core/a.ts', text: "export { x } from '../extract/x.ts';\nimport { readFileSync } from 'node:fs';\n" },
      { path: 'report/b.ts', text: "const later = () => import('../server/app.ts');\nimport pg from 'pg';\n" },
      { path: 'cli/c.ts', text: "import { createApp } from '../server/app.ts';\nimport Database from 'better-sqlite3';\n" },
      { path: 'store/d.ts', text: "import Database from 'better-sqlite3';\nimport { x } from '../analyze/x.ts';\n" },
      { path: 'misc/e.ts', text: '' },
      { path: 'analyze/f.ts', text: "import { g } from './g.ts';\n" },
      { path: 'analyze/g.ts', text: "import { h } from './h.ts';\n" },
      { path: 'analyze/h.ts', text: "\nimport { f } from './f.ts';\n" },
    ]) as Problem[];
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([
      'core/a.ts:1 layer', 'core/a.ts:2 pure',
      'report/b.ts:1 layer', 'report/b.ts:2 driver',
      'cli/c.ts:2 driver',
      'misc/e.ts:1 layer',
      'analyze/h.ts:2 cycle',
    ]);
    expect(problems.at(-1)!.message).toBe('import cycle: analyze/f.ts > analyze/g.ts > analyze/h.ts > analyze/f.ts');
  });
});
