// SQLite side of leases (../lease-types.ts): taken or renewed in one statement, by the store's clock
// (every process of an SQLite casebook runs on the one machine that holds the file).

import type Database from 'better-sqlite3';
import { checkLease, toLease } from '../lease-types.ts';
import type { LeaseStore } from '../ports.ts';

type LeaseRow = { name: string; holder: string; expires_at: number };

export function leaseQueries(db: Database.Database, now: () => Date): LeaseStore {
  // The holder renews; anyone takes an expired lease; otherwise the row stays as it is.
  const take = db.prepare(/* sql */ `
    INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @at + @ttl)
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE leases.holder = excluded.holder OR leases.expires_at <= @at`);
  const read = db.prepare<[string], LeaseRow>('SELECT name, holder, expires_at FROM leases WHERE name = ?');
  const release = db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?');
  const takeAndRead = db.transaction((name: string, holder: string, ttl: number) => {
    take.run({ name, holder, ttl, at: now().getTime() });
    return read.get(name)!;
  });

  return {
    async takeLease(name, holder, ttlMs) {
      checkLease(name, holder, ttlMs);
      return toLease(takeAndRead.immediate(name, holder, ttlMs), holder);
    },
    async releaseLease(name, holder) {
      release.run(name, holder);
    },
  };
}
