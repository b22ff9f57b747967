// A reader runs its jobs one at a time, in order, and lets the event loop turn between two of them, so
// that its answers leave the process and new jobs come in while it still holds others.
import { describe, expect, it } from 'vitest';
import { taskRunner } from '../../src/app/ingest-worker.ts';
import type { ReadTask } from '../../src/app/ingest-pool.ts';
import { DEFAULT_DECODE_LIMITS } from '../../src/sources/decode-limits.ts';

const task = (id: number): ReadTask => ({ id, job: { kind: 'file', path: `/tmp/notice-${id}.txt`, limits: DEFAULT_DECODE_LIMITS } });

describe('taskRunner', () => {
  it('answers in the order sent, one job at a time', async () => {
    const started: number[] = [];
    const answered: number[] = [];
    let running = 0;
    const run = async (job: ReadTask['job']) => {
      expect(++running).toBe(1);
      const id = Number(/(\d+)/.exec((job as { path: string }).path)![1]);
      started.push(id);
      await new Promise((resolve) => setTimeout(resolve, 3 - (id % 3)));
      running--;
      return id;
    };
    const done = new Promise<void>((resolve) => {
      const onTask = taskRunner(run, ({ result }) => {
        answered.push(result);
        if (answered.length === 6) resolve();
      });
      for (let id = 1; id <= 6; id++) onTask(task(id));
    });
    await done;
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);
    expect(answered).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lets the event loop turn between two jobs that never leave it themselves', async () => {
    // A job of promises alone (a text file read synchronously): without a turn between jobs, all of
    // them ran before anything queued on the loop (the pipe's writes and reads) could run.
    const events: string[] = [];
    const onTask = taskRunner(async (job) => {
      const id = (job as { path: string }).path;
      events.push(`run ${id}`);
      return id;
    }, ({ result }) => {
      events.push(`answer ${result}`);
      setImmediate(() => events.push(`loop after ${result}`));
    });
    const ids = [1, 2, 3];
    ids.forEach((id) => onTask(task(id)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const at = (e: string) => events.indexOf(e);
    expect(at('loop after /tmp/notice-1.txt')).toBeGreaterThan(at('answer /tmp/notice-1.txt'));
    expect(at('loop after /tmp/notice-1.txt')).toBeLessThan(at('run /tmp/notice-2.txt'));
    expect(at('loop after /tmp/notice-2.txt')).toBeLessThan(at('run /tmp/notice-3.txt'));
  });
});
