// Leases (../lease-types.ts), on both engines: taken or renewed in one upsert. The holder renews;
// anyone takes an expired lease; otherwise the row stays as it is, and the transaction reads it back
// (on PostgreSQL the upsert has locked it, taken or not, so the read sees the row it decided on).
// Expiry is reckoned by the Dialect's lease clock: the store's on SQLite, the database server's on PostgreSQL.

import { JikenboError } from '../../core/errors.ts';
import { checkLease, toLease } from '../lease-types.ts';
import type { LeaseStore } from '../ports.ts';
import { get, run, type SqlEngine } from '../sql/sql.ts';

type LeaseRow = { name: string; holder: string; expires_at: number };

export function leaseQueries(engine: SqlEngine, now: () => Date): LeaseStore {
  const clock = engine.dialect.leaseClockMs;
  const take = /* sql */ `
    INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, ${clock} + @ttl)
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE leases.holder = excluded.holder OR leases.expires_at <= ${clock}
    RETURNING name, holder, expires_at`;
  return {
    async takeLease(name, holder, ttlMs) {
      checkLease(name, holder, ttlMs);
      const nowMs = now().getTime();
      return engine.transaction(function* () {
        const row = (yield* get<LeaseRow>(take, { name, holder, ttl: ttlMs, nowMs }))
          ?? (yield* get<LeaseRow>('SELECT name, holder, expires_at FROM leases WHERE name = @name', { name }));
        if (row === undefined) throw new JikenboError('internal', `the lease ${name} could not be read after taking it`);
        return toLease(row, holder);
      });
    },
    async releaseLease(name, holder) {
      await engine.each(function* () {
        yield* run('DELETE FROM leases WHERE name = @name AND holder = @holder', { name, holder });
      });
    },
  };
}
