// Two processes opening a new casebook at once (two ingests started together) both switch the new file to
// WAL. SQLite answers the one that loses SQLITE_BUSY at once, without waiting on busy_timeout: before
// openSqliteDatabase tried again, 16 of 40 pairs of threads here failed with "database is locked".
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';
import { TSX_API } from '../helpers/tsx-api.ts';

const FILES = 40;
// Plain JavaScript: the worker starts without vitest's transform, so tsx loads the TypeScript.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => api.tsImport(workerData.module, workerData.module));
`;

function opener(shared: SharedArrayBuffer, dir: string): Promise<{ failures: string[]; modes: string[] }> {
  return new Promise((resolve, reject) => {
    const module = new URL('./open-race-worker.ts', import.meta.url).href;
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { tsx: TSX_API, module, shared, dir, files: FILES } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('opening a new SQLite casebook from two connections at once', () => {
  it('opens it in WAL from both, every time', async () => {
    const dir = tempDir('jikenbo-open-race-');
    const shared = new SharedArrayBuffer(4);
    const [a, b] = await Promise.all([opener(shared, dir), opener(shared, dir)]);
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect(new Set([...a.modes, ...b.modes])).toEqual(new Set(['wal']));
    expect(a.modes.length + b.modes.length).toBe(2 * FILES);
  }, 60_000);
});
