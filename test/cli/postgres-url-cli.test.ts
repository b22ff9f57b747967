// What a command says about a PostgreSQL URL it cannot use: a bad pool or timeout parameter (exit 2),
// a server it cannot reach (exit 1), each naming the database and never hanging or printing a stack.

import { describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';

describe('jikenbo --db postgres://… that cannot be used', () => {
  it('refuses a bad pool or timeout parameter with exit code 2', async () => {
    const r = await jikenbo(['list', '--db', 'postgres://jikenbo@127.0.0.1:1/cases?pool_size=0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^jikenbo list: the PostgreSQL URL's parameter pool_size: Too small/m);
  });

  it('says which database it cannot reach, within the acquire timeout, with exit code 1', async () => {
    const r = await jikenbo(['list', '--db', 'postgres://jikenbo:secret@127.0.0.1:1/cases?acquire_timeout_ms=2000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^jikenbo list: PostgreSQL database "cases" on 127\.0\.0\.1:1: cannot be reached/m);
    expect(r.stderr).not.toContain('secret');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
