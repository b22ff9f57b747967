// Runs one measurement in a child process (its own core, heap and profile) and reads the JSON it prints last.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface WorkerRun<T> {
  result: T;
  stderr: string;
}

/** `node [nodeFlags] bin/run-ts.js SCRIPT ARGS`; the script's last stdout line is its JSON result. */
export function runWorker<T>(script: string, args: string[], options: { nodeFlags?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<WorkerRun<T>> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), resolve('bin/run-ts.js'), resolve(script), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      if (err.length > 1_000_000) err = err.slice(-100_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolveRun({ result: JSON.parse(last) as T, stderr: err });
      } catch {
        reject(new Error(`${script} exited ${code}: ${err.trim().split('\n').slice(-5).join(' | ') || last}`));
      }
    });
  });
}

/** Prints a worker's result for runWorker to read. */
export function emit(result: unknown): void {
  process.stdout.write('\n' + JSON.stringify(result) + '\n');
}
