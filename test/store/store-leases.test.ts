// Leases on every engine: two stores on one database (two servers), one holder at a time, renewal by
// the holder, hand-over once the holder stops renewing, and at once when it lets go.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINES)('leases on $name', (engine) => {
  let opened: OpenedStore;
  let one: Store;
  let two: Store;
  beforeEach(async () => {
    opened = await engine.open();
    one = opened.store;
    two = await opened.openAnother();
  });
  afterEach(async () => {
    await two.close();
    await opened.dispose();
  });

  it('lets one of two stores on one database hold a lease, and its holder renew it', async () => {
    const first = await one.takeLease('watch', 'server-a', 60_000);
    expect(first).toMatchObject({ name: 'watch', holder: 'server-a', held: true });
    expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now() + 50_000);
    expect(await two.takeLease('watch', 'server-b', 60_000)).toMatchObject({ holder: 'server-a', held: false, expiresAt: first.expiresAt });
    const renewed = await one.takeLease('watch', 'server-a', 120_000);
    expect(renewed.held).toBe(true);
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));
    // Another lease name is another duty.
    expect(await two.takeLease('other', 'server-b', 60_000)).toMatchObject({ holder: 'server-b', held: true });
  });

  it('gives the lease to exactly one of many asking at once', async () => {
    const stores = [one, two, one, two, one, two, one, two];
    const answers = await Promise.all(stores.map((s, i) => s.takeLease('watch', `server-${i}`, 60_000)));
    const holders = answers.filter((a) => a.held).map((a) => a.holder);
    expect(holders).toHaveLength(1);
    expect(new Set(answers.map((a) => a.holder))).toEqual(new Set(holders));
  });

  it('hands the lease over once its holder stops renewing, and at once when it lets go', async () => {
    // Two seconds: room for a slow machine between the two calls below.
    expect((await one.takeLease('watch', 'server-a', 2000)).held).toBe(true);
    expect((await two.takeLease('watch', 'server-b', 2000)).held).toBe(false);
    await sleep(2300);
    expect(await two.takeLease('watch', 'server-b', 60_000)).toMatchObject({ holder: 'server-b', held: true });
    // The old holder, back too late, finds it taken.
    expect(await one.takeLease('watch', 'server-a', 60_000)).toMatchObject({ holder: 'server-b', held: false });
    // Letting go of a lease one does not hold changes nothing; the holder's letting go frees it.
    await one.releaseLease('watch', 'server-a');
    expect((await one.takeLease('watch', 'server-a', 60_000)).held).toBe(false);
    await two.releaseLease('watch', 'server-b');
    expect(await one.takeLease('watch', 'server-a', 60_000)).toMatchObject({ holder: 'server-a', held: true });
  });

  it('refuses a lease without a name, a holder or a sensible length', async () => {
    for (const [name, holder, ttl] of [['', 'a', 60_000], ['watch', ' ', 60_000], ['watch', 'a', 10], ['watch', 'a', 1.5e8]] as const) {
      await expect(one.takeLease(name, holder, ttl)).rejects.toBeInstanceOf(JikenboError);
    }
  });
});
