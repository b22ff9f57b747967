// Runs property tests in a worker thread, so that an input that hangs a reader (a regex backtracking
// forever is synchronous: no timer in the same thread fires) fails the test with that input instead
// of stalling the suite. The worker is stopped when one call uses LIMITS.hangMs of CPU (or
// LIMITS.hangWallMs of wall time) without returning.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { TSX_API } from '../helpers/tsx-api.ts';
import { LIMITS, LONG, cpuMsSince } from './bounded-property.ts';
import { preview, type RunRequest, type WorkerMessage } from './property-worker.ts';

const WORKER = new URL('./property-worker.ts', import.meta.url).href;

// Plain JavaScript: the worker starts without vitest's transform, so tsx loads the TypeScript.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  const api = await import(workerData.tsx);
  const tsImport = api.tsImport;
  const worker = await tsImport(workerData.worker, workerData.worker);
  const properties = await tsImport(workerData.module, workerData.worker);
  worker.serve(properties.properties);
})();
`;

export interface RunSummary {
  numRuns: number;
  interrupted: boolean;
  seed: number;
}

export class PropertyWorker {
  private worker: Worker | null = null;

  /** `module` exports `properties`, a PropertySet. */
  constructor(private readonly module: URL) {}

  /** Runs the named property; rejects with the counterexample when it fails, or with the input of a hang. */
  run(name: string, runs: number): Promise<RunSummary> {
    const worker = (this.worker ??= new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { tsx: TSX_API, worker: WORKER, module: this.module.href },
    }));
    const seed = process.env.JIKENBO_PROPERTY_SEED ? Number(process.env.JIKENBO_PROPERTY_SEED) : undefined;
    const request: RunRequest = {
      name,
      numRuns: LONG ? runs * 10 : runs,
      totalMs: LIMITS.totalMs,
      callMs: LIMITS.callMs,
      ...(seed !== undefined ? { seed } : {}),
    };
    return new Promise<RunSummary>((resolve, reject) => {
      let input: unknown;
      let callStarted: { wall: number; cpu: NodeJS.CpuUsage } | null = null;
      const done = () => {
        clearInterval(watchdog);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'call') {
          input = message.input;
          callStarted = { wall: Date.now(), cpu: process.cpuUsage() };
        } else if (message.type === 'called') {
          callStarted = null;
        } else {
          done();
          if (message.ok) resolve({ numRuns: message.numRuns, interrupted: message.interrupted, seed: message.seed });
          else reject(new Error(message.message));
        }
      };
      const onError = (err: Error) => {
        done();
        this.worker = null;
        reject(new Error(`${name}: the worker failed: ${err.message}`, { cause: err }));
      };
      const onExit = (code: number) => {
        done();
        this.worker = null;
        reject(new Error(`${name}: the worker exited with code ${code}`));
      };
      const watchdog = setInterval(() => {
        if (callStarted === null) return;
        // The process's CPU time is the worker's: this thread only waits.
        const cpu = cpuMsSince(callStarted.cpu);
        const wall = Date.now() - callStarted.wall;
        if (cpu < LIMITS.hangMs && wall < LIMITS.hangWallMs) return;
        done();
        this.worker = null;
        void worker.terminate();
        const example = fc.stringify(input);
        const file = join(tmpdir(), `jikenbo-hang-${name}-${Date.now()}.txt`);
        writeFileSync(file, example);
        reject(new Error(
          `${name}: one call did not return after ${Math.round(cpu)} ms of CPU, ${Math.round(wall)} ms of wall time ` +
            `(a hang: the limits are ${LIMITS.hangMs} ms of CPU, ${LIMITS.hangWallMs} ms of wall time); ` +
            `input (${example.length} characters, all of it in ${file}): ${preview(example)}`,
        ));
      }, 250);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
