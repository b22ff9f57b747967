// Read-ahead is bounded by the bytes of the originals it holds, not only by a count of files: a folder of
// large PDFs must not be read into memory whole while the writer is busy.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import type { ReaderPool } from '../../src/app/ingest-pool.ts';
import type { ReadFile } from '../../src/app/ingest-read.ts';

/** A pool whose reads answer only when the test says so; it records the order of what it was asked. */
class HeldPool {
  readonly size = 1;
  readonly asked: string[] = [];
  private readonly waiting: Array<(r: ReadFile) => void> = [];
  read(path: string): Promise<ReadFile> {
    this.asked.push(path);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  answerNext(): void {
    const path = this.asked[this.asked.length - this.waiting.length]!;
    this.waiting.shift()!({ ok: false, reason: `${path}: not read (test)` });
  }
  get open(): number {
    return this.waiting.length;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('ingest read-ahead', () => {
  let root: string;
  let dir: string;
  let casebook: Casebook;
  const files: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'jikenbo-ahead-'));
    dir = join(root, 'notices');
    await mkdir(dir);
    for (let i = 0; i < 12; i++) {
      const path = join(dir, `n${String(i).padStart(2, '0')}.txt`);
      await writeFile(path, 'あ'.repeat(1000)); // 3,000 bytes of UTF-8
      files.push(path);
    }
    casebook = await openCasebook(join(root, 'c.db'));
  });
  afterAll(async () => {
    await casebook.close();
    await rm(root, { recursive: true, force: true });
  });

  it('asks for no more files than the byte budget holds, and for the next one as each is taken', async () => {
    const pool = new HeldPool();
    const done = ingestPaths([dir], casebook, { pool: pool as unknown as ReaderPool, aheadBytes: 7_000 });
    await settle();
    // 3,000 + 3,000 is under 7,000, the third passes it: three files in flight, the rest wait.
    expect(pool.asked).toEqual(files.slice(0, 3));
    pool.answerNext();
    await settle();
    expect(pool.asked).toEqual(files.slice(0, 4));
    expect(pool.open).toBe(3);
    while (pool.open > 0) {
      pool.answerNext();
      await settle();
    }
    const report = await done;
    expect(pool.asked).toEqual(files);
    expect(report.failures.map((f) => f.path)).toEqual(files);
  });

  it('still reads a file larger than the whole budget, one at a time', async () => {
    const pool = new HeldPool();
    const done = ingestPaths([files[0]!, files[1]!], casebook, { pool: pool as unknown as ReaderPool, aheadBytes: 1_000 });
    await settle();
    expect(pool.asked).toEqual([files[0]]);
    pool.answerNext();
    await settle();
    expect(pool.asked).toEqual([files[0], files[1]]);
    pool.answerNext();
    expect((await done).files).toBe(2);
  });
});
