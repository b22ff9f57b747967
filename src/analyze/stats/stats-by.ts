// Every statistic by name, for `jikenbo stats --by FIELD`, /api/stats and the dashboard: one entry
// point over the one-question modules beside it.
import { affectedPeople } from './affected-people.ts';
import { contractorShare } from './contractor-share.ts';
import { countByAttacker } from './count-by-attacker.ts';
import { countByDataType } from './count-by-data-type.ts';
import { countByDiscovery } from './count-by-discovery.ts';
import { countByPeriod } from './count-by-period.ts';
import { countBySector } from './count-by-sector.ts';
import { countByType } from './count-by-type.ts';
import { delays } from './delays.ts';
import type { FactRow } from './fact-row.ts';
import { countByTsrCause } from './tsr-cause.ts';

const STATISTICS = {
  month: (rows: readonly FactRow[]) => countByPeriod(rows, 'month'),
  quarter: (rows: readonly FactRow[]) => countByPeriod(rows, 'quarter'),
  year: (rows: readonly FactRow[]) => countByPeriod(rows, 'year'),
  type: countByType,
  cause: countByTsrCause,
  sector: countBySector,
  data: countByDataType,
  discovery: countByDiscovery,
  contractor: contractorShare,
  attacker: countByAttacker,
  affected: affectedPeople,
  delays,
} as const;

export type StatField = keyof typeof STATISTICS;
export const STAT_FIELDS = Object.keys(STATISTICS) as StatField[];
export type StatOf<F extends StatField> = ReturnType<(typeof STATISTICS)[F]>;
export type AllStats = { incidents: number } & { [F in StatField]: StatOf<F> };

export function statBy<F extends StatField>(rows: readonly FactRow[], field: F): StatOf<F> {
  return STATISTICS[field](rows) as StatOf<F>;
}

export function allStats(rows: readonly FactRow[]): AllStats {
  const out: Record<string, unknown> = { incidents: rows.length };
  for (const f of STAT_FIELDS) out[f] = STATISTICS[f](rows);
  return out as AllStats;
}
