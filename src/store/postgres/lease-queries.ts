// PostgreSQL side of leases, as sqlite/lease-queries.ts. Named difference: expiry is reckoned by the
// database server's clock, the one clock every server of the database shares (theirs may drift apart).
// INSERT … ON CONFLICT DO UPDATE … WHERE is atomic: of two servers taking an expired lease at once, the
// second re-reads the row the first updated, finds it held, and changes nothing.

import { checkLease, toLease } from '../lease-types.ts';
import { internal, one, type Pool } from './pg-database.ts';
import type { LeaseStore } from '../ports.ts';

type LeaseRow = { name: string; holder: string; expires_at: number };

const CLOCK_MS = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

export function leaseQueries(pool: Pool): LeaseStore {
  return {
    async takeLease(name, holder, ttlMs) {
      checkLease(name, holder, ttlMs);
      // One statement: the row as this statement left it, updated or not. Its snapshot may miss a row
      // another server inserted first at the same moment (the conflict saw it, the SELECT cannot): asked again.
      for (let attempt = 1; ; attempt++) {
        const row = await one<LeaseRow>(pool, /* sql */ `
        WITH taken AS (
          INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, ${CLOCK_MS} + $3)
          ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
          WHERE leases.holder = excluded.holder OR leases.expires_at <= ${CLOCK_MS}
          RETURNING name, holder, expires_at)
        SELECT name, holder, expires_at FROM taken
        UNION ALL SELECT name, holder, expires_at FROM leases WHERE name = $1 AND NOT EXISTS (SELECT 1 FROM taken)`,
        [name, holder, ttlMs]);
        if (row !== undefined) return toLease(row, holder);
        if (attempt === 3) throw internal(`the lease ${name} could not be read after taking it`);
      }
    },
    async releaseLease(name, holder) {
      await pool.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
    },
  };
}
