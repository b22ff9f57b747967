// A reader process for ingest-pool tests: answers nothing until it holds two jobs at once, then answers
// every job it holds, saying how many it held. Against a pool that sends one job at a time it never answers.
import { readerPort } from '../../src/app/ingest-worker.ts';
import type { ReadTask } from '../../src/app/ingest-pool.ts';

export function serveReads(): void {
  const port = readerPort();
  const held: ReadTask[] = [];
  port.onTask((task) => {
    held.push(task);
    if (held.length < 2) return;
    const count = held.length;
    for (const t of held.splice(0)) port.answer({ id: t.id, result: { ok: false, reason: `held ${count}` } });
  });
  port.ready();
}
