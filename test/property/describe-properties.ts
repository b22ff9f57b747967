// One vitest test per property of a *.props.ts module, all run in one worker thread (run-in-worker.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS, PROPERTY_TIMEOUT_MS, type PropertySet } from './bounded-property.ts';
import { PropertyWorker } from './run-in-worker.ts';

export function describeProperties(title: string, module: URL, properties: PropertySet): void {
  describe(title, () => {
    const worker = new PropertyWorker(module);
    afterAll(() => worker.close());

    for (const [name, property] of Object.entries(properties)) {
      it(`${name}: returns or raises a JikenboError, within ${LIMITS.callMs} ms of CPU a call, its invariants kept`, async () => {
        const summary = await worker.run(name, property.runs);
        if (LIMITS.totalMs === null) {
          // The short run tries every input, however slowly a loaded machine runs them.
          expect(summary).toMatchObject({ numRuns: property.runs, interrupted: false });
        } else {
          // A long run cut short by its time budget must still have tried a fair number of inputs.
          expect(summary.numRuns).toBeGreaterThanOrEqual(Math.min(property.runs, 50));
        }
      }, PROPERTY_TIMEOUT_MS);
    }
  });
}
