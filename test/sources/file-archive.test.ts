import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import { FileArchive } from '../../src/sources/file-archive.ts';

const NOTICE = new TextEncoder().encode('ランサムウェア被害に関するお知らせ（第2報）\n株式会社みなと架空商事\n');
const SHA = createHash('sha256').update(NOTICE).digest('hex');

// A disk that fills up once a file is open: the handle's writes fail with ENOSPC while diskFull.on.
const diskFull = vi.hoisted(() => ({ on: false, opened: 0 }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      if (!diskFull.on) return handle;
      diskFull.opened++;
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async () => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); },
        close: () => handle.close(),
      });
    },
  };
});

let root: string;
let archive: FileArchive;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'jikenbo-archive-'));
  archive = new FileArchive(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('FileArchive', () => {
  it('stores bytes under ab/cdef… and gives them back', async () => {
    expect(await archive.has(SHA)).toBe(false);
    expect(await archive.get(SHA)).toBeNull();
    await archive.put(SHA, NOTICE);
    expect(await archive.has(SHA)).toBe(true);
    expect(await archive.get(SHA)).toEqual(NOTICE);
    expect(await readdir(join(root, SHA.slice(0, 2)))).toEqual([SHA.slice(2)]); // no temp file left
  });

  it('never rewrites a stored file, and concurrent puts of the same bytes agree', async () => {
    await archive.put(SHA, NOTICE);
    const path = join(root, SHA.slice(0, 2), SHA.slice(2));
    const before = await stat(path);
    await Promise.all([archive.put(SHA, NOTICE), archive.put(SHA, NOTICE), new FileArchive(root).put(SHA, NOTICE)]);
    const after = await stat(path);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(await archive.get(SHA)).toEqual(NOTICE);
    expect(await readdir(join(root, SHA.slice(0, 2)))).toEqual([SHA.slice(2)]);
  });

  it('makes a folder again when it was removed after this archive wrote into it', async () => {
    const other = new TextEncoder().encode('別の通知\n');
    const otherSha = createHash('sha256').update(other).digest('hex');
    await archive.put(SHA, NOTICE);
    await rm(root, { recursive: true });
    expect(await archive.putMany([{ sha256: SHA, bytes: NOTICE }, { sha256: otherSha, bytes: other }])).toEqual([null, null]);
    expect(await archive.get(SHA)).toEqual(NOTICE);
    expect(await archive.get(otherSha)).toEqual(other);
  });

  it('races from empty to one file', async () => {
    await Promise.all(Array.from({ length: 8 }, () => new FileArchive(root).put(SHA, NOTICE)));
    expect(await readdir(join(root, SHA.slice(0, 2)))).toEqual([SHA.slice(2)]);
    expect(await archive.get(SHA)).toEqual(NOTICE);
  });

  it('refuses a name that is not a SHA-256, so no path can leave the root', async () => {
    for (const bad of ['../../etc/passwd', SHA.toUpperCase(), SHA.slice(1), `${SHA.slice(0, 62)}/x`]) {
      await expect(archive.get(bad)).rejects.toThrowError(JikenboError);
      await expect(archive.has(bad)).rejects.toThrowError(/not a SHA-256/);
    }
    await expect(archive.put('../x', NOTICE)).rejects.toThrowError(/^\.\.\/x: not a SHA-256/);
  });

  it('refuses bytes that do not hash to the name given', async () => {
    const other = '0'.repeat(64);
    await expect(archive.put(other, NOTICE)).rejects.toThrowError(`${other}: the bytes given hash to ${SHA}`);
    expect(await archive.has(other)).toBe(false);
  });
});

describe('FileArchive.putMany', () => {
  const texts = ['第1報', '第2報', '第3報', '続報'].map((t) => new TextEncoder().encode(`${t}：架空の不正アクセスについて\n`));
  const items = texts.map((bytes) => ({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes }));

  it('stores each original as put does, a copy in the same call once, and leaves no temp file', async () => {
    const errors = await archive.putMany([...items, items[0]!]);
    expect(errors).toEqual([null, null, null, null, null]);
    for (const { sha256, bytes } of items) {
      expect(await archive.get(sha256)).toEqual(bytes);
      expect((await readdir(join(root, sha256.slice(0, 2)))).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
    }
    // Again: nothing rewritten.
    const path = archive.pathOf(items[1]!.sha256);
    const before = await stat(path);
    expect(await archive.putMany(items)).toEqual([null, null, null, null]);
    expect((await stat(path)).ino).toBe(before.ino);
  });

  it('fails only the item whose bytes do not match its name', async () => {
    const wrong = { sha256: '0'.repeat(64), bytes: texts[0]! };
    const errors = await archive.putMany([items[0]!, wrong, items[2]!]);
    expect(errors[0]).toBeNull();
    expect(errors[1]).toBeInstanceOf(JikenboError);
    expect(errors[1]!.message).toContain('the bytes given hash to');
    expect(errors[2]).toBeNull();
    expect(await archive.has(wrong.sha256)).toBe(false);
    expect(await archive.get(items[2]!.sha256)).toEqual(texts[2]);
  });

  it('creates the archive folder itself when it does not exist yet', async () => {
    const fresh = new FileArchive(join(root, 'not', 'yet'));
    expect(await fresh.putMany(items.slice(0, 2))).toEqual([null, null]);
    expect(await fresh.get(items[1]!.sha256)).toEqual(texts[1]);
  });

  it('lists the temp files a stopped writer left, not those of a writer still running', async () => {
    await archive.put(SHA, NOTICE);
    const folder = join(root, SHA.slice(0, 2));
    // A pid no process has (above the kernel's maximum) and this process's own.
    const dead = join(folder, `.tmp-${SHA.slice(2, 10)}-4194305-abcdef012345`);
    const running = join(folder, `.tmp-${SHA.slice(2, 10)}-${process.pid}-abcdef012345`);
    await writeFile(dead, 'half');
    await writeFile(running, 'half');
    expect(await archive.strays()).toEqual([dead]);
  });

  it('removes its temp file when the write fails (a full disk)', async () => {
    const folder = join(root, SHA.slice(0, 2));
    diskFull.on = true;
    try {
      const err = await archive.put(SHA, NOTICE).then(() => null, (e: unknown) => e);
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      diskFull.on = false;
    }
    // The temp file was made (the folder exists) and is gone.
    expect(diskFull.opened).toBeGreaterThan(0);
    expect(await readdir(folder)).toEqual([]);
    expect(await archive.has(SHA)).toBe(false);
  });
});
