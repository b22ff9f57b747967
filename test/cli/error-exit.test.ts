// The command line's one error handler (src/cli/error-exit.ts): one line on stderr naming the command
// and what was wrong, exit 2 for bad input and 1 for any other failure, never a stack unless asked.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JikenboError } from '../../src/core/errors.ts';
import { invalidInput } from '../../src/core/invalid-input.ts';
import { exitCodeOf, reportCommandError } from '../../src/cli/error-exit.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function said(command: string, err: unknown): { code: number; text: string } {
  let text = '';
  const code = reportCommandError(command, err, { write: (s: string) => { text += s; return true; } });
  return { code, text };
}

describe('the CLI error handler', () => {
  it('says a bad input in one line naming the option and exits 2', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.db');
    expect((await jikenbo(['init', '--db', db])).code).toBe(0);
    for (const args of [['list', '--limit', 'many'], ['list', '--from', '2024-02-30'], ['list', '--no-such-option']]) {
      const r = await jikenbo([...args, '--db', db]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^jikenbo list: /);
      expect(lines[0]).not.toMatch(/^jikenbo list: list:/);
    }
    expect((await jikenbo(['list', '--limit', 'many', '--db', db])).stderr).toMatch(/--limit: /);
    expect((await jikenbo(['list', '--from', '2024-02-30', '--db', db])).stderr).toBe('jikenbo list: --from: not a calendar date (expected YYYY-MM-DD)\n');
  }, 60_000);

  it('maps kinds to exit codes, collapses a message to one line and keeps the stack of an unexpected error out', () => {
    expect(exitCodeOf(new JikenboError('bad_input', 'x'))).toBe(2);
    expect(exitCodeOf(new JikenboError('not_found', 'x'))).toBe(1);
    expect(exitCodeOf(new Error('x'))).toBe(1);
    const zodError = z.object({ port: z.coerce.number().int().max(65535) }).safeParse({ port: '70000' }).error!;
    expect(said('serve', invalidInput(zodError, { what: 'serve:', name: (f) => `--${f}` }))).toEqual({
      code: 2, text: 'jikenbo serve: --port: Too big: expected number to be <=65535\n',
    });
    const { JIKENBO_DEBUG: debug } = process.env;
    delete process.env.JIKENBO_DEBUG;
    try {
      expect(said('check', new RangeError('two\nlines'))).toEqual({ code: 1, text: 'jikenbo check: RangeError: two lines\n' });
    } finally {
      if (debug !== undefined) process.env.JIKENBO_DEBUG = debug;
    }
  });
});
