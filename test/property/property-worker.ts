// The worker-thread side of run-in-worker.ts: runs one named property with fast-check and reports.
// Before each call it posts the input, so that the main thread can name the input of a call that hangs.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import fc from 'fast-check';
import { cpuMsSince, type PropertySet } from './bounded-property.ts';

export interface RunRequest {
  name: string;
  numRuns: number;
  /** Wall time after which fast-check stops trying inputs; null tries all `numRuns`. */
  totalMs: number | null;
  /** CPU time one call may use. */
  callMs: number;
  seed?: number;
}

export type WorkerMessage =
  | { type: 'call'; input: unknown }
  | { type: 'called' }
  | { type: 'result'; ok: true; numRuns: number; interrupted: boolean; seed: number }
  | { type: 'result'; ok: false; message: string };

export function serve(properties: PropertySet): void {
  const port = parentPort!;
  port.on('message', (request: RunRequest) => {
    run(properties, request).then(
      (message) => port.postMessage(message),
      (err: unknown) => port.postMessage({ type: 'result', ok: false, message: `runner failed: ${String(err)}` }),
    );
  });
}

async function run(properties: PropertySet, request: RunRequest): Promise<WorkerMessage> {
  const property = properties[request.name];
  if (!property) return { type: 'result', ok: false, message: `no property named ${request.name}` };
  const port = parentPort!;
  if (property.warmUp) await property.warmUp();
  const timed = fc.asyncProperty(property.arbitrary, async (input: never) => {
    port.postMessage({ type: 'call', input });
    // CPU time of the process: this thread does the work while the test's thread waits.
    const started = process.cpuUsage();
    try {
      await property.check(input);
    } finally {
      port.postMessage({ type: 'called' });
    }
    const took = cpuMsSince(started);
    if (took > request.callMs) throw new Error(`one call used ${Math.round(took)} ms of CPU, more than the limit of ${request.callMs} ms`);
  });
  const details = await fc.check(timed, {
    numRuns: request.numRuns,
    ...(request.totalMs !== null ? { interruptAfterTimeLimit: request.totalMs } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
  });
  if (!details.failed) {
    return { type: 'result', ok: true, numRuns: details.numRuns, interrupted: details.interrupted, seed: details.seed };
  }
  const example = details.counterexample ? fc.stringify(details.counterexample[0]) : '(none)';
  const file = join(tmpdir(), `jikenbo-counterexample-${request.name}-${details.seed}.txt`);
  writeFileSync(file, example);
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    type: 'result',
    ok: false,
    message:
      `${request.name}: ${error}\n` +
      `seed ${details.seed}, path ${details.counterexamplePath} (JIKENBO_PROPERTY_SEED=${details.seed} reruns it)\n` +
      `counterexample (${example.length} characters, all of it in ${file}): ${preview(example)}`,
  };
}

export function preview(text: string): string {
  return text.length <= 600 ? text : `${text.slice(0, 600)}…`;
}
