// Limits that must hold under concurrency, in the database, on every engine and across two stores of
// one database (as two servers would open it): the per-name sign-in limit against a burst of guesses,
// and the rule that the casebook always keeps an enabled admin against concurrent demotions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, signIn, SIGN_IN_LIMIT } from '../../src/app/accounts.ts';
import { JikenboError } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';

const RIGHT = 'the right password';
const HASH = 'scrypt$32768$8$1$c2FsdA==$aGFzaA==';

const outcomeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled' ? 'signed in' : r.reason instanceof JikenboError ? r.reason.code : String(r.reason);

describe.each(ENGINES)('account limits under concurrency on $name', (engine) => {
  let opened: OpenedStore;
  let stores: Store[];
  beforeEach(async () => {
    opened = await engine.open();
    stores = [opened.store, await opened.openAnother()];
  });
  afterEach(async () => {
    await stores[1]!.close();
    await opened.dispose();
  });

  it('checks at most 5 passwords of a burst of 40 guesses at one name, and refuses the right one once locked', async () => {
    await addAccount(stores[0]!, { name: 'target', role: 'editor', password: RIGHT }, 'test');
    await addAccount(stores[0]!, { name: 'neighbour', role: 'editor', password: RIGHT }, 'test');
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 20 ? RIGHT : `wrong guess ${i}`));
    const results = await Promise.allSettled(guesses.map((password, i) => signIn(stores[i % 2]!, 'target', password, { ip: '203.0.113.9' })));
    const outcomes = results.map(outcomeOf);
    const failed = outcomes.filter((o) => o === 'unauthorized').length;
    const signedIn = outcomes.filter((o) => o === 'signed in').length;
    expect(outcomes.filter((o) => !['unauthorized', 'signed in', 'too_many'].includes(o))).toEqual([]);
    // Each of the limit's slots went to one checked wrong password; the right one got in only if it came
    // before the slots were full (a success gives its slot back, so it cannot push failures past 5).
    expect(failed).toBe(SIGN_IN_LIMIT.failures);
    expect(signedIn).toBeLessThanOrEqual(1);
    expect(outcomes.filter((o) => o === 'too_many')).toHaveLength(40 - failed - signedIn);
    const audited = await stores[0]!.listAudit({ action: 'session.sign_in_failed', subject: 'account:target', limit: 100 });
    expect(audited).toHaveLength(SIGN_IN_LIMIT.failures);

    // Locked now: the right password is refused, on either store, without being checked.
    for (const store of stores) await expect(signIn(store, 'target', RIGHT, { ip: '203.0.113.9' })).rejects.toMatchObject({ code: 'too_many' });
    // Another name is not locked by it.
    await expect(signIn(stores[1]!, 'neighbour', RIGHT, { ip: '203.0.113.9' })).resolves.toMatchObject({ account: { name: 'neighbour' } });
  });

  it('forgets failures after the window, and counts a success as no failure', async () => {
    await addAccount(stores[0]!, { name: 'sato', role: 'viewer', password: RIGHT }, 'test');
    const t0 = new Date('2031-01-01T00:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    for (let i = 0; i < SIGN_IN_LIMIT.failures - 1; i++) {
      await expect(signIn(stores[i % 2]!, 'sato', 'wrong', { ip: 'x', now: at(i) })).rejects.toMatchObject({ code: 'unauthorized' });
    }
    // Successes take no slot: as many as one likes while a failure is still free.
    for (let i = 0; i < SIGN_IN_LIMIT.failures + 2; i++) await signIn(stores[0]!, 'sato', RIGHT, { ip: 'x', now: at(5) });
    await expect(signIn(stores[0]!, 'sato', 'wrong', { ip: 'x', now: at(6) })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(signIn(stores[1]!, 'sato', RIGHT, { ip: 'x', now: at(7) })).rejects.toMatchObject({ code: 'too_many' });
    // The first failure (minute 0) leaves the window at minute 15.
    await expect(signIn(stores[1]!, 'sato', RIGHT, { ip: 'x', now: at(SIGN_IN_LIMIT.windowMinutes + 0.5) })).resolves.toBeDefined();
  });

  it('gives the place back when what failed was not the password', async () => {
    await addAccount(stores[0]!, { name: 'unlucky', role: 'viewer', password: RIGHT }, 'test');
    const broken: Store = { ...stores[0]!, createSession: async () => { throw new Error('the database went away'); } };
    for (let i = 0; i < SIGN_IN_LIMIT.failures + 1; i++) {
      await expect(signIn(broken, 'unlucky', RIGHT, { ip: 'x' })).rejects.toThrow('the database went away');
    }
    await expect(signIn(stores[1]!, 'unlucky', RIGHT, { ip: 'x' })).resolves.toMatchObject({ account: { name: 'unlucky' } });
  });

  it('leaves exactly one enabled admin when ten admins are demoted at once', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `admin${i}`);
    for (const name of names) await stores[0]!.addAccount({ name, role: 'admin', passwordHash: HASH }, 'test');
    const results = await Promise.allSettled(names.map((name, i) => stores[i % 2]!.changeAccount(name, { role: i % 3 === 0 ? 'viewer' : 'editor', ...(i % 4 === 0 ? { disabled: true } : {}) }, 'test')));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.objectContaining({ code: 'conflict' })]);
    const admins = (await stores[1]!.listAccounts()).filter((a) => a.role === 'admin' && !a.disabled);
    expect(admins).toHaveLength(1);
    // Disabling is demoting too.
    await expect(stores[0]!.changeAccount(admins[0]!.name, { disabled: true }, 'test')).rejects.toMatchObject({ code: 'conflict' });
  });
});
