// The background jobs of `jikenbo serve` log their outcomes as JSON lines on stderr (app/job-log.ts):
// a watched source that fails, a watch run that fails, the grouping queue drained.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { watchJobLog } from '../../src/app/job-log.ts';
import { createLogger } from '../../src/app/log.ts';
import { startWatchTimer } from '../../src/app/watch.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer, send, type LocalServer } from '../sources/local-server.ts';

type Line = Record<string, unknown>;
const jsonLines = (text: string): Line[] => text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Line);

describe('background jobs of serve', () => {
  const dir = tempDir();
  let server: LocalServer;
  beforeAll(async () => {
    server = await localServer();
    server.route('/broken.xml', send(500, { 'Content-Type': 'text/plain' }, 'internal error'));
  });

  it('logs a watched source that fails, with the error, and the grouping job done', async () => {
    const db = join(dir, 'watched.db');
    expect((await jikenbo(['init', '--db', db])).code).toBe(0);
    const added = await jikenbo(['watch', 'add', `${server.base}/broken.xml`, '--allow-private', '--db', db]);
    expect(added.code, added.stderr).toBe(0);
    const child = spawn(process.execPath, [resolve('bin/jikenbo.js'), 'serve', '--db', db, '--port', '0', '--public-read', '--log-level', 'info'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    try {
      const failed = await new Promise<Line>((found, fail) => {
        child.stderr!.on('data', (d: Buffer) => {
          err += d.toString();
          const line = jsonLines(err).find((l) => l.job === 'watch' && l.outcome === 'failed');
          if (line) found(line);
        });
        child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
      });
      expect(failed).toMatchObject({ level: 'error', msg: 'watch source', source: `${server.base}/broken.xml` });
      expect(String(failed.error)).toContain('500');
      expect(typeof failed.time).toBe('string');
      await new Promise<void>((done) => {
        const check = () => (jsonLines(err).some((l) => l.job === 'grouping' && l.outcome === 'ok') ? done() : setTimeout(check, 50));
        check();
      });
    } finally {
      child.kill('SIGTERM');
    }
    // Every line of stderr is JSON: nothing else is mixed in.
    expect(err.trim().split('\n').filter((l) => !l.startsWith('{')), err).toEqual([]);
  }, 60_000);

  it('logs a watch run that fails (the store cannot answer), with its stack, and goes on', async () => {
    const casebook = await openCasebook(join(dir, 'lease.db'));
    const lines: Line[] = [];
    const logger = createLogger({ level: 'warn', write: (l) => lines.push(JSON.parse(l) as Line) });
    let calls = 0;
    const store = new Proxy(casebook.store, {
      get: (target, key, receiver) => (key === 'takeLease'
        ? () => { calls++; return Promise.reject(new Error('the database is locked')); }
        : Reflect.get(target, key, receiver)),
    });
    const timer = startWatchTimer({ store, archive: casebook.archive }, { intervalMs: 20, ...watchJobLog(logger) });
    try {
      while (calls < 2) await new Promise((r) => setTimeout(r, 10));
    } finally {
      await timer.stop();
      await casebook.close();
    }
    const failures = lines.filter((l) => l.msg === 'watch run');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures[0]).toMatchObject({ level: 'error', job: 'watch', outcome: 'failed', error: 'Error: the database is locked' });
    expect(String(failures[0]!.stack)).toMatch(/^Error: the database is locked\n\s+at /);
    // The info lines (the lease) are below this logger's level.
    expect(lines.every((l) => l.level !== 'info')).toBe(true);
  });
});
