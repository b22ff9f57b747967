// `jikenbo user`, `token` and `audit` as an operator runs them on the server: the first admin made
// with a password from stdin, roles changed, a token printed once, and every step in the audit log.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { verifyPassword } from '../../src/app/password.ts';
import { jikenbo, jikenboWithInput } from '../helpers/run-cli.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES)('jikenbo user, token and audit on $name', (engine) => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  beforeAll(async () => {
    ({ db, dispose } = await engine.locate(dir, 'accounts'));
    // A new casebook is made on purpose (`user add` never makes one: a mistyped --db would).
    expect((await jikenbo(['init', '--db', db])).code).toBe(0);
  });
  afterAll(() => dispose());

  it('makes the first admin from a password on stdin, changes roles, and refuses bad input by name', async () => {
    const added = await jikenboWithInput(['user', 'add', 'kanri', '--role', 'admin', '--db', db], 'a long admin password\n');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('added kanri (admin)');
    const casebook = await openCasebook(db);
    try {
      const stored = (await casebook.store.getAccountByName('kanri'))!;
      expect(stored.passwordHash).not.toContain('a long admin password');
      expect(await verifyPassword('a long admin password', stored.passwordHash)).toBe(true);
    } finally {
      await casebook.close();
    }
    expect((await jikenboWithInput(['user', 'add', 'kanri', '--role', 'viewer', '--db', db], 'another password\n')).stderr).toMatch(/exists already/);
    const short = await jikenboWithInput(['user', 'add', 'tanaka', '--role', 'editor', '--db', db], 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/at least 10 characters/);
    const role = await jikenboWithInput(['user', 'add', 'tanaka', '--role', 'owner', '--db', db], 'a long enough password\n');
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/--role/);
    expect((await jikenboWithInput(['user', 'add', 'bad name', '--role', 'viewer', '--db', db], 'a long enough password\n')).stderr).toMatch(/letters, digits/);
    expect((await jikenboWithInput(['user', 'add', 'tanaka', '--role', 'editor', '--db', db], 'a long enough password\n')).code).toBe(0);
    expect((await jikenbo(['user', 'role', 'tanaka', 'viewer', '--db', db])).stdout).toContain('tanaka is now viewer');
    expect((await jikenbo(['user', 'disable', 'tanaka', '--db', db])).code).toBe(0);
    const list = await jikenbo(['user', 'list', '--db', db]);
    expect(list.stdout).toMatch(/^kanri\tadmin\t/m);
    expect(list.stdout).toMatch(/^tanaka\tviewer\tdisabled\t/m);
  });

  it('prints a token once, lists and revokes it, and shows every change in the audit log', async () => {
    const made = await jikenbo(['token', 'add', 'kanri', '--label', 'nightly import', '--db', db]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^jkb_[A-Za-z0-9_-]{43}\n$/);
    const listed = await jikenbo(['token', 'list', '--db', db]);
    expect(listed.stdout).toContain('nightly import');
    expect(listed.stdout).not.toContain(made.stdout.trim());
    expect((await jikenbo(['token', 'revoke', '1', '--db', db])).stdout).toContain('revoked');
    expect((await jikenbo(['token', 'revoke', '1', '--db', db])).stderr).toMatch(/revoked already/);

    const audit = await jikenbo(['audit', '--json', '--db', db]);
    const entries = audit.stdout.trim().split('\n').map((l) => JSON.parse(l) as { actor: string; action: string; subject: string });
    expect(entries.map((e) => e.action)).toEqual(['token.revoke', 'token.add', 'account.change', 'account.change', 'account.add', 'account.add']);
    expect(entries.every((e) => e.actor.startsWith('cli:'))).toBe(true);
    expect((await jikenbo(['audit', '--action', 'account.add', '--db', db])).stdout.trim().split('\n')).toHaveLength(2);
    expect((await jikenbo(['audit', '--action', 'nonsense', '--db', db])).stderr).toMatch(/--action/);
    // Read-only unless --scope ingest; no other scope exists.
    expect(made.stderr).toContain('scope read');
    const ingest = await jikenbo(['token', 'add', 'kanri', '--label', 'uploads', '--scope', 'ingest', '--db', db]);
    expect(ingest.stderr).toContain('scope ingest');
    expect((await jikenbo(['token', 'list', '--db', db])).stdout).toMatch(/\tuploads\tingest\t/);
    const bad = await jikenbo(['token', 'add', 'kanri', '--label', 'x', '--scope', 'admin', '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/scope "admin": expected one of read, ingest/);
  });
});
