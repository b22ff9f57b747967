// The ports both engines serve from the query layer, put together once: each store adds only what is
// still its own (opening the database, its full-text index) and hands in the parts only it can do.

import type { SqlEngine } from '../sql/sql.ts';
import { accountQueries } from './account-queries.ts';
import { claimQueries } from './claim-queries.ts';
import { correctionQueries } from './correction-queries.ts';
import { documentQueries, type EngineIngest } from './document-queries.ts';
import { factsQueries, type EngineFacts } from './facts-queries.ts';
import { fetchQueries } from './fetch-queries.ts';
import { groupingQueries, type GroupingParts } from './grouping-queries.ts';
import { incidentQueries } from './incident-queries.ts';
import { integrityQueries, type EngineIntegrity } from './integrity-queries.ts';
import { leaseQueries } from './lease-queries.ts';
import { noticeQueries } from './notice-queries.ts';
import { organisationQueries } from './organisation-queries.ts';
import { pageQueries, type MatchIds } from './page-queries.ts';
import { publicationQueries } from './publication-queries.ts';
import { searchQueries, type MatchNotices } from './search-queries.ts';
import { watchQueries } from './watch-queries.ts';
import { watchlistQueries } from './watchlist-queries.ts';

/** What only an engine can do for the shared queries: its full-text index (writes, match, windows), its facts-index reads, its own integrity checks. */
export interface EngineParts {
  /** The search's plan over the engine's full-text index: notice ids and scores for a page of hits. */
  match: MatchNotices;
  /** The same match's ids alone, every one up to `limit` (the incidents page). */
  matchIds: MatchIds;
  /** The search index's rows of new notices, and how a batch of documents is best written. */
  ingest: EngineIngest;
  facts: EngineFacts;
  /** Counts and pages from the in-memory facts index (store/facts-index.ts); false: always from SQL. */
  factsIndex: boolean;
  integrity: EngineIntegrity;
  grouping: GroupingParts;
}

export function sharedQueries(engine: SqlEngine, now: () => Date, parts: EngineParts) {
  return {
    ...documentQueries(engine, now, parts.ingest),
    ...noticeQueries(engine),
    ...searchQueries(engine, parts.match),
    ...incidentQueries(engine, now),
    ...groupingQueries(engine, parts.grouping),
    ...correctionQueries(engine, now),
    ...publicationQueries(engine, now),
    ...pageQueries(engine, parts.matchIds),
    ...factsQueries(engine, parts.facts, parts.factsIndex),
    ...fetchQueries(engine),
    ...watchQueries(engine, now),
    ...leaseQueries(engine, now),
    ...claimQueries(engine, now),
    ...organisationQueries(engine, now),
    ...watchlistQueries(engine, now),
    ...accountQueries(engine, now),
    ...integrityQueries(engine, parts.integrity),
  };
}
