// A reader runs its jobs one at a time, in order, and lets the event loop turn between two of them, so
// that its answers leave the process and new jobs come in while it still holds others.
import { describe, expect, it } from 'vitest';
import { answerBatcher, taskRunner } from '../../src/app/ingest-worker.ts';
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

describe('taskRunner idle', () => {
  it('says when the last job held is answered, once per time the reader runs dry', async () => {
    const events: string[] = [];
    const onTask = taskRunner(async (job) => (job as { path: string }).path.replace(/\D/g, ''), ({ result }) => events.push(`answer ${result}`), () => events.push('idle'));
    [1, 2, 3].forEach((id) => onTask(task(id)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    onTask(task(4));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['answer 1', 'answer 2', 'answer 3', 'idle', 'answer 4', 'idle']);
  });
});

describe('answerBatcher', () => {
  const answer = (id: number) => ({ id, result: { ok: false as const, reason: `r${id}` } });

  it('sends answers in order, a full message at once, the rest after the hold or on flush', async () => {
    const sent: number[][] = [];
    const batcher = answerBatcher((answers) => sent.push(answers.map((a) => a.id)), { max: 4, holdMs: 30 });
    for (let id = 1; id <= 6; id++) batcher.add(answer(id));
    expect(sent).toEqual([[1, 2, 3, 4]]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sent).toEqual([[1, 2, 3, 4]]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toEqual([[1, 2, 3, 4], [5, 6]]);
    batcher.add(answer(7));
    batcher.flush();
    expect(sent).toEqual([[1, 2, 3, 4], [5, 6], [7]]);
    // Nothing held: a flush sends nothing, and the hold's timer was cleared with it.
    batcher.flush();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sent).toHaveLength(3);
  });
});
