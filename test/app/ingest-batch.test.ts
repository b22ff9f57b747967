// Ingest in batches and reader processes: the report and the store are what one file at a time would
// give, a file the archive or the store refuses fails alone, and what is reported stored survives a
// crash with its original.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { archiveDirFor, openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { READER_NICE, ReaderPool, STARVED_LIMITS, TASKS_PER_READER } from '../../src/app/ingest-pool.ts';
import { DEFAULT_DECODE_LIMITS } from '../../src/sources/decode-limits.ts';
import { ingestPaths, type FileOutcome } from '../../src/app/ingest.ts';
import type { Archive, Store } from '../../src/store/ports.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir();

/** Twelve distinct notices, a binary file under a notice's name, and a copy of the fourth notice. */
function writeInbox(name: string): { folder: string; files: string[] } {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const bases = [USB_NOTICE, BCC_NOTICE, RANSOM_NOTICE];
  for (let i = 0; i < 12; i++) {
    const text = bases[i % 3]!.replace(/\n\n/, `\n架空の第${i + 1}事業所\n\n`);
    writeFileSync(join(folder, `n${String(i).padStart(2, '0')}.txt`), text);
  }
  writeFileSync(join(folder, 'n03b-copy.txt'), readFileSync(join(folder, 'n03.txt')));
  writeFileSync(join(folder, 'junk.txt'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  return { folder, files: readdirSync(folder).sort().map((f) => join(folder, f)) };
}

async function withCasebook<T>(name: string, work: (casebook: Casebook) => Promise<T>): Promise<T> {
  const casebook = await openCasebook(join(dir, `${name}.db`));
  try {
    return await work(casebook);
  } finally {
    await casebook.close();
  }
}

const statuses = (outcomes: FileOutcome[]) => outcomes.map((o) => [o.path.replace(/.*\//, ''), o.status]);

describe('ingest in batches with reader processes', () => {
  const inbox = writeInbox('inbox');

  it('reports every file in order once stored, ids in file order, originals archived, with readers and small batches', async () => {
    // Readers of its own, not the shared decoding processes.
    const pool = new ReaderPool(2);
    await pool.ready();
    await withCasebook('readers', async (casebook) => {
      const seen: Array<[string, number]> = [];
      const report = await ingestPaths([inbox.folder], casebook, {
        pool, batch: { files: 4 }, summary: true,
        onFile: (outcome, done, total) => {
          expect(total).toBe(14);
          seen.push([outcome.path, done]);
        },
      });
      expect(seen).toEqual(inbox.files.map((f, i) => [f, i + 1]));
      expect(report.outcomes.map((o) => o.path)).toEqual(inbox.files);
      expect(report).toMatchObject({ files: 14, newRecords: 12, duplicates: 1 });
      expect(report.failures.map((f) => f.path)).toEqual([join(inbox.folder, 'junk.txt')]);
      const copy = report.outcomes.find((o) => o.path.endsWith('n03b-copy.txt'))!;
      const original = report.outcomes.find((o) => o.path.endsWith('n03.txt'))!;
      expect(copy).toMatchObject({ status: 'duplicate', documentId: original.documentId });
      const ids = report.outcomes.filter((o) => o.status === 'new').map((o) => o.documentId!);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(await casebook.store.countNotices()).toBe(12);
      for (const o of report.outcomes.filter((x) => x.status === 'new')) {
        const doc = (await casebook.store.getDocument(o.documentId!))!;
        expect(doc.source).toBe(o.path);
        expect(Buffer.from((await casebook.archive.get(doc.sha256))!).equals(readFileSync(o.path))).toBe(true);
      }
      expect(report.incidents?.incidents).toBeGreaterThan(0);
    }).finally(() => pool.close());
  });

  it('gives the same report reading in this thread, and adds nothing the second time', async () => {
    await withCasebook('inline', async (casebook) => {
      const first = await ingestPaths([inbox.folder], casebook, { readers: 0 });
      const threaded = await withCasebook('threaded', (other) => ingestPaths([inbox.folder], other, { readers: 1, batch: { files: 5 } }));
      expect(statuses(first.outcomes)).toEqual(statuses(threaded.outcomes));
      const again = await ingestPaths([inbox.folder], casebook, { readers: 2 });
      expect(again).toMatchObject({ newRecords: 0, duplicates: 13 });
      expect(await casebook.store.countNotices()).toBe(12);
    });
  });

  it('archives a batch while the one before it is stored, and stores each only once its originals are durable', async () => {
    await withCasebook('overlap', async (casebook) => {
      const events: string[] = [];
      let archives = 0;
      let stores = 0;
      const archive: Archive = {
        put: (sha, bytes) => casebook.archive.put(sha, bytes),
        has: (sha) => casebook.archive.has(sha),
        get: (sha) => casebook.archive.get(sha),
        putMany: async (items) => {
          const k = ++archives;
          events.push(`archive ${k} start`);
          const result = await casebook.archive.putMany(items);
          events.push(`archive ${k} durable`);
          return result;
        },
      };
      const store: Store = {
        ...casebook.store,
        ingestDocuments: async (batch) => {
          const k = ++stores;
          events.push(`store ${k} start`);
          // A transaction that takes a while: the next batch's originals are written meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 40));
          const result = await casebook.store.ingestDocuments(batch);
          events.push(`store ${k} done`);
          return result;
        },
      };
      // One file a batch: the copy of n03 comes in the batch after n03's, archived while n03 is stored.
      const report = await ingestPaths([inbox.folder], { store, archive }, { batch: { first: 1, files: 1 }, readers: 1 });
      expect(report).toMatchObject({ files: 14, newRecords: 12, duplicates: 1 });
      expect(report.outcomes.find((o) => o.path.endsWith('n03b-copy.txt'))).toMatchObject({ status: 'duplicate', posts: 0 });
      expect(await casebook.store.countNotices()).toBe(12);
      const at = (e: string) => events.indexOf(e);
      // Each store after its own originals are durable, in order; some archive ran during a store.
      for (let k = 1; k <= stores; k++) {
        expect(at(`archive ${k} durable`)).toBeLessThan(at(`store ${k} start`));
        if (k > 1) expect(at(`store ${k - 1} done`)).toBeLessThan(at(`store ${k} start`));
      }
      const overlapped = Array.from({ length: stores - 1 }, (_, i) => i + 1)
        .filter((k) => at(`archive ${k + 1} start`) < at(`store ${k} done`));
      expect(overlapped.length).toBeGreaterThan(0);
      const ids = report.outcomes.filter((o) => o.status === 'new').map((o) => o.documentId!);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    });
  });

  it('stores file by file when the batch transaction fails as a whole', async () => {
    await withCasebook('fallback', async (casebook) => {
      let batches = 0;
      const store: Store = {
        ...casebook.store,
        ingestDocuments: () => {
          batches++;
          return Promise.reject(new Error('database is locked'));
        },
      };
      const report = await ingestPaths([inbox.folder], { store, archive: casebook.archive }, { batch: { files: 5 } });
      expect(batches).toBeGreaterThan(1);
      expect(report).toMatchObject({ newRecords: 12, duplicates: 1 });
      expect(await casebook.store.countNotices()).toBe(12);
    });
  });

  it('fails only the file the store refuses, and only the file whose original cannot be archived', async () => {
    await withCasebook('refusals', async (casebook) => {
      const refusedPath = join(inbox.folder, 'n05.txt');
      const unarchivable = join(inbox.folder, 'n08.txt');
      const store: Store = {
        ...casebook.store,
        async ingestDocuments(batch) {
          const keep = batch.filter((b) => b.doc.source !== refusedPath);
          const stored = await casebook.store.ingestDocuments(keep);
          return batch.map((b) => (b.doc.source === refusedPath ? { error: new Error('CHECK constraint failed: n05') } : stored.shift()!));
        },
      };
      const archive: Archive = {
        ...casebook.archive,
        put: (s, b) => casebook.archive.put(s, b),
        get: (s) => casebook.archive.get(s),
        has: (s) => casebook.archive.has(s),
        async putMany(items) {
          const wanted = readFileSync(unarchivable);
          const bad = items.map((i) => Buffer.from(i.bytes).equals(wanted));
          const errors = await casebook.archive.putMany(items.filter((_, k) => !bad[k]));
          return bad.map((b) => (b ? new Error('ENOSPC: no space left on device') : errors.shift()!));
        },
      };
      const report = await ingestPaths([inbox.folder], { store, archive }, { batch: { files: 4 } });
      expect(report.failures.map((f) => [f.path, f.reason])).toEqual([
        [join(inbox.folder, 'junk.txt'), expect.any(String)],
        [refusedPath, 'Error: CHECK constraint failed: n05'],
        [unarchivable, 'Error: ENOSPC: no space left on device'],
      ]);
      expect(report.newRecords).toBe(10);
      const findOffice = (path: string) => casebook.store.search(readFileSync(path, 'utf8').match(/架空の第\d+事業所/)![0]);
      expect(await findOffice(refusedPath)).toEqual([]);
      expect(await findOffice(unarchivable)).toEqual([]);
      expect(await findOffice(join(inbox.folder, 'n06.txt'))).toHaveLength(1);
    });
  });

  it('keeps every file it reported stored, with its original, when the process is killed mid-ingest', () => {
    const child = fileURLToPath(new URL('./ingest-kill-child.ts', import.meta.url));
    for (const readers of ['0', '2']) {
      const db = join(dir, `killed-${readers}.db`);
      const run = spawnSync(process.execPath, ['--import', 'tsx', child, db, inbox.folder, readers], { encoding: 'utf8', timeout: 60_000 });
      expect(run.signal, run.stderr + run.stdout).toBe('SIGKILL');
      expect(run.stdout).not.toContain('survived');
      const reported = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as FileOutcome);
      expect(reported).toHaveLength(5);
      const stored = reported.filter((o) => o.status === 'new');
      expect(stored.length).toBeGreaterThan(0);
      // Checked with a fresh process's view of the files, as after a restart.
      const check = spawnSync(process.execPath, ['--import', 'tsx', '-e', `
        import('${new URL('../../src/app/casebook.ts', import.meta.url).href}').then(async ({ openCasebook }) => {
          const c = await openCasebook(${JSON.stringify(db)});
          const docs = [];
          for (let id = 1; id < 100; id++) { const d = await c.store.getDocument(id); if (d) docs.push(d); }
          console.log(JSON.stringify(docs));
          await c.close();
        });`], { encoding: 'utf8', timeout: 60_000 });
      const docs = JSON.parse(check.stdout.trim()) as Array<{ id: number; sha256: string; source: string }>;
      for (const o of stored) expect(docs.find((d) => d.id === o.documentId)?.source).toBe(o.path);
      // No stored document without its original, byte for byte.
      for (const d of docs) {
        const original = readFileSync(join(archiveDirFor(db), d.sha256.slice(0, 2), d.sha256.slice(2)));
        expect(original.equals(readFileSync(d.source))).toBe(true);
      }
    }
  });
});

describe('ReaderPool', () => {
  const LIMITS = { ...DEFAULT_DECODE_LIMITS, maxBytes: 1e6 };
  const inbox = writeInbox('pool');

  it('fails only the file that brings its reader down, and goes on with a new reader', async () => {
    const crash = join(dir, 'pool', 'crash-me.txt');
    writeFileSync(crash, USB_NOTICE);
    const pool = new ReaderPool(1, { module: new URL('./crashing-reader.ts', import.meta.url).href });
    try {
      const results = await Promise.all([inbox.files[1]!, crash, inbox.files[2]!, inbox.files[3]!].map((f) => pool.read(f, LIMITS)));
      expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
      expect(results[1]).toEqual({ ok: false, reason: `${crash}: the reader stopped on this file (exit code 7)` });
    } finally {
      await pool.close();
    }
  });

  it('fails only the crashing file among several a reader held at once, wherever it stood', async () => {
    const crash = join(dir, 'pool', 'crash-me-too.txt');
    writeFileSync(crash, USB_NOTICE);
    const pool = new ReaderPool(1, { module: new URL('./crashing-reader.ts', import.meta.url).href });
    try {
      // Thirteen files, all sent to the one reader at once (it holds up to TASKS_PER_READER), the crashing one sixth.
      const notices = inbox.files.filter((f) => /\/n\d+\.txt$/.test(f));
      const files = [...notices.slice(0, 5), crash, ...notices.slice(5)];
      expect(files.length).toBeLessThanOrEqual(TASKS_PER_READER);
      const results = await Promise.all(files.map((f) => pool.read(f, LIMITS)));
      expect(results.map((r) => r.ok)).toEqual(files.map((f) => f !== crash));
      expect(results[5]).toEqual({ ok: false, reason: `${crash}: the reader stopped on this file (exit code 7)` });
    } finally {
      await pool.close();
    }
  });

  it('fails only the file over the time limit, not one before it whose answer was held to go with others', async () => {
    const slow = join(dir, 'pool', 'slow-one.txt');
    writeFileSync(slow, USB_NOTICE);
    const pool = new ReaderPool(1, { module: new URL('./slow-reader.ts', import.meta.url).href, limits: { timeoutMs: 1500 } });
    try {
      // The two files before the slow one are read before it starts; their answers wait for the next
      // turn of the loop, which never comes while it runs. Which held file was running is not known:
      // each of them is read again alone, and only the slow one runs out of time.
      const notices = inbox.files.filter((f) => /\/n\d+\.txt$/.test(f));
      const files = [notices[0]!, notices[1]!, slow, notices[2]!];
      const results = await Promise.all(files.map((f) => pool.read(f, LIMITS)));
      expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
      expect(results[2]).toEqual({ ok: false, reason: `${slow}: took longer than the decoding time limit of 1.5 s` });
      // Each post's text left the reader as a place in its document's text, and arrives whole.
      const first = results[0]!;
      if (!first.ok) throw new Error('unreachable');
      expect(first.notices[0]!.text).toContain('USBメモリ');
      expect(first.notices[0]!.text).toBe(first.doc.text.slice(first.notices[0]!.start, first.notices[0]!.end));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('stops a reader that does not run at all once four times the time limit has passed', async () => {
    const pool = new ReaderPool(1, { module: new URL('./sleeping-reader.ts', import.meta.url).href, limits: { timeoutMs: 500 } });
    try {
      const started = Date.now();
      const answer = await pool.read(inbox.files[0]!, LIMITS);
      expect(answer).toEqual({ ok: false, reason: `${inbox.files[0]}: took longer than the decoding time limit of 0.5 s` });
      // The limit counts the reader's own time, which never grew: the wall-clock bound stopped it.
      expect(Date.now() - started).toBeGreaterThanOrEqual(STARVED_LIMITS * 500);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('runs its readers at a lower priority than this process, so that storing and pages come first', async () => {
    const pool = new ReaderPool(1, { module: new URL('./priority-reader.ts', import.meta.url).href });
    try {
      const answer = await pool.read(inbox.files[0]!, LIMITS);
      expect(answer).toEqual({ ok: false, reason: `nice ${Math.min(19, getPriority() + READER_NICE)}` });
      expect(READER_NICE).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('sends a reader its next jobs before it answers the one it runs', async () => {
    const pool = new ReaderPool(1, { module: new URL('./holding-reader.ts', import.meta.url).href });
    try {
      // The reader answers only once it holds two jobs: one job at a time would never be answered.
      const results = await Promise.all(inbox.files.slice(0, 2).map((f) => pool.read(f, LIMITS)));
      expect(results).toEqual([{ ok: false, reason: 'held 2' }, { ok: false, reason: 'held 2' }]);
    } finally {
      await pool.close();
    }
  });

  it('holds the process open until its readers have exited when it is closed (a command goes on after)', () => {
    const child = spawnSync(process.execPath, [fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url)),
      fileURLToPath(new URL('./close-pool-child.ts', import.meta.url)), inbox.files.find((f) => f.endsWith('n00.txt'))!], { encoding: 'utf8' });
    expect(child.stdout).toBe('closed after reading: true\n');
    expect(child.status).toBe(0);
  });

  it('never decodes in this thread: when no reader can start, each file fails saying so', async () => {
    const pool = new ReaderPool(2, { module: new URL('./no-such-reader.ts', import.meta.url).href });
    try {
      const results = await Promise.all(inbox.files.slice(0, 6).map((f) => pool.read(f, LIMITS)));
      expect(results).toEqual(inbox.files.slice(0, 6).map((f) => ({
        ok: false, reason: `${f}: not read: no decoding process could start (decoding runs only in a process with memory and time limits)`,
      })));
      const late = await pool.read(inbox.files[7]!, LIMITS);
      expect(late.ok).toBe(false);
    } finally {
      await pool.close();
    }
  });
});
