// Statistics kept up with an ingest that grows the casebook faster than autovacuum looks at it.
//
// PostgreSQL caches a plan per session for each foreign-key check (`SELECT 1 FROM incidents WHERE id = $1
// FOR KEY SHARE`) and each trigger statement, and after five runs keeps a generic plan. One made while
// incidents had a few hundred rows is a sequential scan, and it stays until the table's statistics
// change. Autovacuum analyzes at most once a minute, so a bulk ingest could check each new member
// against all of incidents for the rest of its run: 19,043 scans reading 274 million rows in one
// 20,000-post ingest, a third of the server's time, in one run of two. ANALYZE replaces the statistics
// and so the cached plans, in every session. Grouping's blocks were planned from no statistics at all:
// each step's lookup of its blocks' notices hashed a sequential scan of the whole table, 20-30 ms a step.

import type { Pool } from './pg-database.ts';

/** Tables a bulk ingest grows by a row or more a notice, each looked up by key. */
const GROWING = 'incidents, incident_notices, grouping_blocks';
/** Notices added before the first ANALYZE; after it, as many as the casebook held then (so log₂ of its growth in all). */
const FIRST_AFTER = 1000;

export interface FreshStatistics {
  /** `notices` were committed: analyzes the growing tables when they have grown enough since the last time. */
  added(notices: number): Promise<void>;
}

export function freshStatistics(pool: Pool): FreshStatistics {
  let since = 0;
  let due = FIRST_AFTER;
  return {
    async added(notices) {
      since += notices;
      if (since < due) return;
      since = 0;
      try {
        await pool.query(`ANALYZE ${GROWING}`);
        const { rows } = await pool.query<{ n: number }>("SELECT greatest(reltuples, 0)::int AS n FROM pg_class WHERE oid = 'incidents'::regclass");
        due = Math.max(FIRST_AFTER, rows[0]?.n ?? 0);
      } catch {
        // The batch is committed whatever happens here: statistics not refreshed now are tried again
        // after the next notices (a user who does not own the tables gets a warning, not an error).
      }
    },
  };
}
