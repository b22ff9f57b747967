// The property runner's limit on one call is CPU time, not wall time: a call that computes for longer
// than LIMITS.callMs fails, naming the CPU it used; a call that only waits that long (as every call
// does on a loaded machine, where it waits for a core) passes.
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS, LONG } from './bounded-property.ts';
import { PropertyWorker } from './run-in-worker.ts';

describe('the limit on one property call', () => {
  const worker = new PropertyWorker(new URL('./limits.props.ts', import.meta.url));
  afterAll(() => worker.close());

  it(`fails a call that uses more than ${LIMITS.callMs} ms of CPU`, async () => {
    await expect(worker.run('busyCall', 1)).rejects.toThrow(new RegExp(`^busyCall: one call used \\d+ ms of CPU, more than the limit of ${LIMITS.callMs} ms`));
  }, 120_000);

  it(`passes a call that waits ${LIMITS.callMs + 1_000} ms without computing`, async () => {
    await expect(worker.run('waitingCall', 1)).resolves.toMatchObject({ numRuns: LONG ? 10 : 1, interrupted: false });
  }, 120_000);
});
