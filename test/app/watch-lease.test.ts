// The feed watcher of `jikenbo serve` runs in one server per database: two servers (two stores on one
// database) each start the timer, only the lease holder checks the sources, and the other takes over
// when the holder lets go or stops renewing. On every engine.

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addWatchSource, startWatchTimer, WATCH_LEASE } from '../../src/app/watch.ts';
import { FileArchive } from '../../src/sources/file-archive.ts';
import type { Lease } from '../../src/store/lease-types.ts';
import type { Store } from '../../src/store/ports.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer, send, type LocalServer } from '../sources/local-server.ts';
import { ENGINES, type OpenedStore } from '../store/engines.ts';

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ニュース</title>
  <item><title>新製品発売のお知らせ</title><link>http://127.0.0.1/news/1</link></item></channel></rss>`;

// A wait, not a budget: it returns as soon as the condition holds; the bound only ends a test that
// would otherwise hang, generous because a loaded machine runs the 50 ms ticks late. (The takeovers
// are told from the lease records, not from how soon they come.)
async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(ENGINES)('one feed watcher per database on $name', (engine) => {
  const dir = tempDir();
  let server: LocalServer;
  let opened: OpenedStore;
  let stores: Store[];
  const timers: Array<{ stop(): Promise<void> }> = [];

  beforeAll(async () => {
    server = await localServer();
    for (const path of ['/a.xml', '/b.xml', '/c.xml']) server.route(path, send(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }, FEED));
  });
  beforeEach(async () => {
    opened = await engine.open();
    stores = [opened.store, await opened.openAnother()];
  });
  afterEach(async () => {
    for (const t of timers.splice(0)) await t.stop();
    await stores[1]!.close();
    await opened.dispose();
  });

  /** A server's watch timer on its store, recording its lease changes and reports. */
  function start(index: number, holder: string) {
    const seen = { leases: [] as Lease[], reports: 0, errors: [] as unknown[] };
    timers.push(startWatchTimer({ store: stores[index]!, archive: new FileArchive(dir) }, {
      intervalMs: 50, leaseMs: 1000, holder,
      onLease: (lease) => seen.leases.push(lease),
      onReport: () => { seen.reports++; },
      onError: (err) => seen.errors.push(err),
    }));
    return seen;
  }
  const fetches = (path: string) => server.log.filter((r) => r.path === path).length;

  it('checks the sources from one server only, and hands over when it stops', async () => {
    const before = fetches('/a.xml');
    await addWatchSource(stores[0]!, `${server.base}/a.xml`, { allowPrivate: true });
    const a = start(0, 'server-a');
    const b = start(1, 'server-b');
    await until('both servers know who watches', () => a.leases.length > 0 && b.leases.length > 0);
    await until('the source is checked', () => a.reports + b.reports > 0);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a few more ticks of both
    const [holder, other] = a.leases[0]!.held ? [a, b] : [b, a];
    expect(holder.leases.map((l) => l.held)).toEqual([true]);
    expect(other.leases).toEqual([expect.objectContaining({ held: false, holder: holder.leases[0]!.holder })]);
    expect([holder.reports, other.reports]).toEqual([1, 0]);
    // Both timers found the source due at their first tick: only one fetched it.
    expect(fetches('/a.xml') - before).toBe(1);

    // The holder stops (and lets go): the other takes over at its next tick and checks what is due.
    await timers[a === holder ? 0 : 1]!.stop();
    await until('the other server takes over', () => other.leases.at(-1)?.held === true);
    await addWatchSource(stores[0]!, `${server.base}/b.xml`, { allowPrivate: true });
    // The report comes once the run is over, after the fetch.
    await until('the new holder checks the new source and reports', () => other.reports === 1);
    expect(fetches('/b.xml')).toBe(1);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it('takes over from a server that died holding the lease once the lease expires', async () => {
    // A server took the lease and died without letting go.
    expect((await stores[0]!.takeLease(WATCH_LEASE, 'dead-server', 2000)).held).toBe(true);
    await addWatchSource(stores[0]!, `${server.base}/c.xml`, { allowPrivate: true });
    const before = fetches('/c.xml');
    const b = start(1, 'server-b');
    await until('server b sees the lease held', () => b.leases.length > 0);
    expect(b.leases[0]).toMatchObject({ held: false, holder: 'dead-server' });
    expect(fetches('/c.xml')).toBe(before);
    await until('server b takes over after expiry', () => b.leases.at(-1)?.held === true);
    await until('server b checks the source and reports', () => b.reports === 1);
    expect(fetches('/c.xml')).toBe(before + 1);
  });
});
