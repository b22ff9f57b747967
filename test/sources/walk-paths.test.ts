import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import { walkPaths, type WalkEntry } from '../../src/sources/walk-paths.ts';

let root: string;

async function collect(paths: string[]): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  for await (const entry of walkPaths(paths)) entries.push(entry);
  return entries;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'jikenbo-walk-'));
  await mkdir(join(root, 'b', 'deeper'), { recursive: true });
  await mkdir(join(root, '.git'));
  await writeFile(join(root, 'c.html'), '<p>お知らせ</p>');
  await writeFile(join(root, 'a.txt'), 'お詫び');
  await writeFile(join(root, '.hidden.txt'), '隠し');
  await writeFile(join(root, '.git', 'config'), 'x');
  await writeFile(join(root, 'b', 'z.pdf'), '%PDF-');
  await writeFile(join(root, 'b', 'deeper', 'y.txt'), '続報');
  await symlink(root, join(root, 'b', 'loop')); // a folder link back up the tree
  await symlink(join(root, 'self'), join(root, 'self')); // a link to itself
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('walkPaths', () => {
  it('walks folders recursively in sorted order, skipping hidden entries; links inside are refused by name, not followed', async () => {
    const entries = await collect([root]);
    const paths = entries.map((entry) => entry.path.slice(root.length + 1));
    expect(paths).toEqual(['a.txt', 'b/deeper/y.txt', 'b/loop', 'b/z.pdf', 'c.html', 'self']);
    const refused = entries.filter((e) => 'error' in e).map((e) => 'error' in e ? e.error.message : '');
    expect(refused).toEqual([
      `${join(root, 'b', 'loop')}: a symbolic link inside a folder is not followed (name it directly to read what it points to)`,
      `${join(root, 'self')}: a symbolic link inside a folder is not followed (name it directly to read what it points to)`,
    ]);
  });

  it('follows a link named directly, and refuses the links inside the folder it leads to', async () => {
    const named = join(root, 'named-link');
    await symlink(join(root, 'b'), named);
    try {
      const entries = await collect([named]);
      expect(entries.map((e) => [e.path.slice(root.length + 1), 'error' in e])).toEqual([
        ['named-link/deeper/y.txt', false], ['named-link/loop', true], ['named-link/z.pdf', false],
      ]);
    } finally {
      await rm(named);
    }
  });

  it('reports a missing path as an entry and goes on', async () => {
    const missing = join(root, 'no-such-notice.txt');
    const entries = await collect([missing, join(root, 'a.txt')]);
    expect(entries).toHaveLength(2);
    const [first, second] = entries;
    expect(first && 'error' in first && first.error).toBeInstanceOf(JikenboError);
    if (!first || !('error' in first)) throw new Error('expected an error entry');
    expect(first.path).toBe(missing);
    expect(first.error.message).toBe(`${missing}: no such file or folder`);
    expect(first.error.subject).toBe(missing);
    // Each file comes with its size (ingest bounds its read-ahead by it): お詫び is 9 bytes of UTF-8.
    expect(second).toEqual({ path: join(root, 'a.txt'), size: 9 });
  });

  it('reads a hidden file when it is named directly', async () => {
    expect(await collect([join(root, '.hidden.txt')])).toEqual([{ path: join(root, '.hidden.txt'), size: 6 }]);
  });
});
