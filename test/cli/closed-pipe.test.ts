// The CLI piped into a reader that closes early (issue 19, item 9): no EPIPE stack trace, exit code 0;
// a command that changes the casebook still finishes its work. Real child processes, real pipes.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { USB_NOTICE } from '../helpers/notices.ts';

const BIN = resolve('bin/jikenbo.js');

/** Runs jikenbo with its stdout a pipe whose reading end this process closes before the command writes. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stderr }));
  });
}

describe('a closed pipe', () => {
  const dir = tempDir();
  const notices = join(dir, 'notices');
  const db = join(dir, 'pipe.db');

  beforeAll(async () => {
    mkdirSync(notices);
    // Forty notices: `list` and `extract` write far more lines than `head -n 1` reads.
    for (let i = 1; i <= 40; i++) writeFileSync(join(notices, `n${i}.txt`), USB_NOTICE.replace('USBメモリ', `USBメモリ${i}号`));
    const r = await jikenbo(['ingest', notices, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  it.each([
    ['list', ['list', '--db', db]],
    ['search', ['search', 'USBメモリ', '--db', db]],
    ['incidents', ['incidents', '--db', db]],
    ['extract', ['extract', '--jsonl', join(notices, 'n1.txt'), join(notices, 'n2.txt')]],
    ['--help', ['--help']],
  ])('`%s` into a pipe already closed ends quietly with exit code 0', async (_name, args) => {
    const r = await runIntoClosedPipe(args as string[]);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 0, signal: null });
  });

  it('`jikenbo list | head -n 1` and `| grep -m 1` in a shell: one line out, exit code 0 for jikenbo', async () => {
    const run = promisify(execFile);
    for (const reader of ['head -n 1', 'grep -m 1 USB']) {
      const { stdout, stderr } = await run('bash', ['-c', `"${process.execPath}" "${BIN}" list --db "${db}" | ${reader}; echo "jikenbo exit \${PIPESTATUS[0]}"`]);
      expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(stdout).toMatch(/^[^\n]+\njikenbo exit 0\n$/);
    }
  });

  it('`ingest` whose reader left still stores every file, and says nothing about the pipe', async () => {
    const more = join(dir, 'more');
    mkdirSync(more);
    for (let i = 1; i <= 5; i++) writeFileSync(join(more, `m${i}.txt`), USB_NOTICE.replace('USBメモリ', `USBメモリ別件${i}`));
    const r = await runIntoClosedPipe(['ingest', more, '--db', db]);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.code).toBe(0);
    const casebook = await openCasebook(db, { create: false });
    try {
      expect(await casebook.store.countNotices()).toBe(45);
    } finally {
      await casebook.close();
    }
  });
});
