// A mistyped --db (issue 19, item 3): every command but init, ingest, import and demo fails naming the
// path when no casebook is there, and makes nothing (no file, no folder, no schema). init makes one.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/postgres.ts';
import { jikenbo, jikenboWithInput } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { USB_NOTICE } from '../helpers/notices.ts';

/** Commands that only read or change a casebook that is there, with what each needs besides --db. */
const NEED_A_CASEBOOK: string[][] = [
  ['list'], ['search', '紛失'], ['show', '1'], ['show', '2024-504'], ['incidents'], ['stats'], ['duty'],
  ['export', '--format', 'csv'], ['audit'], ['check'], ['user', 'list'], ['token', 'list'],
  ['watch', 'list'], ['watch', 'run'], ['watch', 'add', 'https://example.co.jp/rss.xml'], ['claims', 'list'],
  ['review', '1', '--history'], ['review', '1', 'affected_count', '5'], ['revert', '1'],
  ['link', '1', '2'], ['unlink', '1'], ['reextract'], ['serve', '--port', '0'],
];

describe('a casebook that is not there', () => {
  const dir = tempDir();
  const missing = join(dir, 'typo', 'nested', 'jikenbo.db');

  it.each(NEED_A_CASEBOOK.map((args) => [args.join(' '), args]))('`%s` fails naming the path and makes nothing', async (_name, args) => {
    const r = await jikenbo([...(args as string[]), '--db', missing]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`no casebook at ${missing}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('`user add` and `report` fail the same way, and so does JIKENBO_DB pointing nowhere', async () => {
    const add = await jikenboWithInput(['user', 'add', 'kanri', '--role', 'admin', '--db', missing], 'a long admin password\n');
    expect(add.code).toBe(1);
    expect(add.stderr).toContain(`no casebook at ${missing}`);
    const report = await jikenbo(['report', '--year', '2024', '--out', join(dir, 'r.html'), '--db', missing]);
    expect(report.stderr).toContain(`no casebook at ${missing}`);
    const env = await jikenbo(['list'], { JIKENBO_DB: missing });
    expect(env.stderr).toContain(`no casebook at ${missing}`);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });

  it('`init` makes it (folders too), says so once, and then the read commands answer from it', async () => {
    const made = await jikenbo(['init', '--db', missing]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(`made a new casebook at ${missing}\n`);
    expect(existsSync(missing)).toBe(true);
    expect((await jikenbo(['init', '--db', missing])).stdout).toContain(`a casebook is already at ${missing}`);
    const list = await jikenbo(['list', '--db', missing]);
    expect(list.code, list.stderr).toBe(0);
  });

  it('`ingest` makes one where there is none', async () => {
    const notice = join(dir, 'usb.txt');
    writeFileSync(notice, USB_NOTICE);
    const db = join(dir, 'new', 'cases.db');
    expect((await jikenbo(['ingest', notice, '--db', db])).code).toBe(0);
    expect((await jikenbo(['list', '--db', db])).stdout).toContain('紛失');
  });
});

describe('a PostgreSQL database without a casebook', () => {
  let disposeDb: (() => Promise<void>) | undefined;
  afterAll(async () => disposeDb?.());

  it('read commands refuse it without making the schema; init makes it', async () => {
    const database = await createTestDatabase('jikenbo_missing_casebook', { empty: true });
    disposeDb = () => database.drop();
    const db = database.url;
    const list = await jikenbo(['list', '--db', db]);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/no casebook at postgres:\/\//);
    // Still no schema: a second read is refused the same way.
    expect((await jikenbo(['incidents', '--db', db])).stderr).toMatch(/no casebook at postgres:\/\//);
    const made = await jikenbo(['init', '--db', db]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^made a new casebook at postgres:\/\//);
    expect((await jikenbo(['init', '--db', db])).stdout).toMatch(/a casebook is already at/);
    expect((await jikenbo(['list', '--db', db])).code).toBe(0);
  });
});
