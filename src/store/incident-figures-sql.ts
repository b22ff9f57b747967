// A dashboard's figures (analyze/stats/dashboard-figures.ts) as one SQL statement both engines run over
// the view's incident_facts rows: the rows are selected once (a materialised CTE), then grouped by each
// figure's column; splitting masks into types and naming the largest incidents is left to figuresFromRows.
import { dutyCountsOfMarks, type DutyMark } from '../analyze/duty-mark.ts';
import { breakdownOf } from '../analyze/stats/fact-row.ts';
import {
  LARGEST, affectedOf, monthTypeKey, monthTypesOf, type DashboardFigures,
} from '../analyze/stats/dashboard-figures.ts';
import { delayFigure } from '../analyze/stats/delays.ts';
import type { FactRow } from '../analyze/stats/fact-row.ts';
import { mainType } from '../analyze/stats/main-type.ts';
import { DATA_TYPES, INCIDENT_TYPES, type DataType, type IncidentType, type Sector } from '../core/record.ts';
import { factsWhere, valuesOfMask, where, type Bind, type FactsFilter } from './incident-facts-sql.ts';

/**
 * One grouped row: which figure, its group's value(s) as text, and a count (or a rank, or a number of
 * people). The one 'totals' row carries the sums that need no grouping in c, d, e, g.
 */
export interface FigureRow {
  part: string;
  a: string | null;
  b: string | null;
  n: number | string;
  c?: number | string | null;
  d?: number | string | null;
  e?: number | string | null;
  g?: number | string | null;
}

/**
 * The statement. `withHits` is the search's CTEs (starting WITH, or ''), `from` names the view's rows as `f`.
 * The median takes the one or two middle counts (an odd count's one, an even count's two), as middleOf
 * does in JavaScript, by offset: a sort that keeps the first half, cheaper than ranking every row.
 */
export function figuresSql(withHits: string, from: string, filter: FactsFilter, bind: Bind): string {
  if (!withHits && readsIndexes(filter)) return directFiguresSql(from, filter, bind);
  const scope = `s AS MATERIALIZED (
      SELECT f.incident_id, f.month, f.types_mask, f.sector, f.data_mask, f.affected_count, f.disclosed_days, f.contractor, f.duty
      FROM ${from} ${where(factsWhere(filter, bind))})`;
  return `${withHits ? `${withHits},` : 'WITH'} ${scope}
    SELECT 'totals' AS part, CAST(count(s.affected_count) AS TEXT) AS a, CAST(sum(s.affected_count) AS TEXT) AS b, count(*) AS n,
      sum(s.contractor) AS c, sum(CASE WHEN s.duty = 1 THEN 1 ELSE 0 END) AS d, sum(CASE WHEN s.duty = 2 THEN 1 ELSE 0 END) AS e,
      sum(CASE WHEN s.duty = 3 THEN 1 ELSE 0 END) AS g FROM s
    UNION ALL SELECT 'month', s.month, CAST(s.types_mask AS TEXT), count(*), NULL, NULL, NULL, NULL FROM s GROUP BY s.month, s.types_mask
    UNION ALL SELECT 'sector', s.sector, NULL, count(*), NULL, NULL, NULL, NULL FROM s GROUP BY s.sector
    UNION ALL SELECT 'data', CAST(s.data_mask AS TEXT), NULL, count(*), NULL, NULL, NULL, NULL FROM s GROUP BY s.data_mask
    UNION ALL SELECT 'delay', CAST(s.disclosed_days AS TEXT), NULL, count(*), NULL, NULL, NULL, NULL FROM s WHERE s.disclosed_days IS NOT NULL GROUP BY s.disclosed_days
    UNION ALL SELECT 'middle', CAST(m.affected_count AS TEXT), NULL, 0, NULL, NULL, NULL, NULL FROM (
      SELECT s.affected_count FROM s WHERE s.affected_count IS NOT NULL ORDER BY s.affected_count
      LIMIT 2 - (SELECT count(s.affected_count) FROM s) % 2 OFFSET ((SELECT count(s.affected_count) FROM s) - 1) / 2) m
    UNION ALL SELECT 'largest', CAST(l.incident_id AS TEXT), NULL, l.affected_count, NULL, NULL, NULL, NULL FROM (
      SELECT s.incident_id, s.affected_count FROM s WHERE s.affected_count > 0 ORDER BY s.affected_count DESC, s.incident_id ASC LIMIT ${LARGEST}) l`;
}

/**
 * Whether the scope is the whole casebook or one answer of the PPC filter (half the casebook each):
 * scopes too large to select and sort per request, for which migration 16 keeps an index per figure
 * ((month, types_mask), sector, data_mask, disclosed_days, affected_count, each also behind ppc). Other
 * filters select few enough rows that selecting them once and sorting those is cheaper.
 */
export function readsIndexes(filter: FactsFilter): boolean {
  const clauses = factsWhere(filter, () => '?');
  return clauses.length === 0 || (clauses.length === 1 && filter.ppc !== undefined);
}

/**
 * The same figures read from those indexes, each part its own scan of `from` in index order: grouping
 * walks the index (no sort), and the median is the one or two rows at the middle offset of the
 * affected_count index, not a rank over every counted row.
 */
function directFiguresSql(from: string, filter: FactsFilter, bind: Bind): string {
  // Each part binds its own copy of the filter's values, in the order the text names them.
  const w = (...more: string[]) => where([...factsWhere(filter, bind), ...more]);
  return `SELECT 'totals' AS part, CAST(count(f.affected_count) AS TEXT) AS a, CAST(sum(f.affected_count) AS TEXT) AS b, count(*) AS n,
      sum(f.contractor) AS c, sum(CASE WHEN f.duty = 1 THEN 1 ELSE 0 END) AS d, sum(CASE WHEN f.duty = 2 THEN 1 ELSE 0 END) AS e,
      sum(CASE WHEN f.duty = 3 THEN 1 ELSE 0 END) AS g FROM ${from} ${w()}
    UNION ALL SELECT 'month', f.month, CAST(f.types_mask AS TEXT), count(*), NULL, NULL, NULL, NULL FROM ${from} ${w()} GROUP BY f.month, f.types_mask
    UNION ALL SELECT 'sector', f.sector, NULL, count(*), NULL, NULL, NULL, NULL FROM ${from} ${w()} GROUP BY f.sector
    UNION ALL SELECT 'data', CAST(f.data_mask AS TEXT), NULL, count(*), NULL, NULL, NULL, NULL FROM ${from} ${w()} GROUP BY f.data_mask
    UNION ALL SELECT 'delay', CAST(f.disclosed_days AS TEXT), NULL, count(*), NULL, NULL, NULL, NULL FROM ${from} ${w('f.disclosed_days IS NOT NULL')} GROUP BY f.disclosed_days
    UNION ALL SELECT 'middle', CAST(m.affected_count AS TEXT), NULL, 0, NULL, NULL, NULL, NULL FROM (
      SELECT f.affected_count FROM ${from} ${w('f.affected_count IS NOT NULL')} ORDER BY f.affected_count
      LIMIT 2 - (SELECT count(f.affected_count) FROM ${from} ${w()}) % 2
      OFFSET ((SELECT count(f.affected_count) FROM ${from} ${w()}) - 1) / 2) m
    UNION ALL SELECT 'largest', CAST(l.incident_id AS TEXT), NULL, l.affected_count, NULL, NULL, NULL, NULL FROM (
      SELECT f.incident_id, f.affected_count FROM ${from} ${w('f.affected_count > 0')} ORDER BY f.affected_count DESC, f.incident_id ASC LIMIT ${LARGEST}) l`;
}

/** The ids of the largest incidents, largest first: the caller reads their facts. */
export function largestIds(rows: readonly FigureRow[]): number[] {
  return rows.filter((r) => r.part === 'largest').map((r) => ({ id: Number(r.a), n: Number(r.n) }))
    .sort((x, y) => y.n - x.n || x.id - y.id).map((r) => r.id);
}

/** The grouped rows as the figures, with the facts of the largest incidents in largestIds' order. */
export function figuresFromRows(rows: readonly FigureRow[], largest: FactRow[]): DashboardFigures {
  let incidents = 0;
  const monthTypes = new Map<string, number>();
  const sectors = new Map<Sector, number>();
  const dataTypes = new Map<DataType, number>();
  const bump = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  let noSector = 0;
  let noData = 0;
  // Each known delay and how many incidents took it: listed day by day once all are read.
  const delays: { d: number; n: number }[] = [];
  let inconsistent = 0;
  // A month's rows repeat the same few masks: each mask's main type is worked out once.
  const mainOfMask = new Map<string | null, IncidentType | null>();
  const mainTypeOf = (mask: string | null) => {
    let main = mainOfMask.get(mask);
    if (main === undefined) mainOfMask.set(mask, (main = mainType(valuesOfMask<IncidentType>(INCIDENT_TYPES, Number(mask)))));
    return main;
  };
  let involved = 0;
  const marks = new Map<DutyMark, number>();
  let counted = 0;
  let total = 0;
  const middle: number[] = [];
  for (const row of rows) {
    const n = Number(row.n);
    switch (row.part) {
      case 'month':
        if (row.a !== null) bump(monthTypes, monthTypeKey(row.a, mainTypeOf(row.b)), n);
        break;
      case 'sector':
        if (row.a === null) noSector += n;
        else bump(sectors, row.a as Sector, n);
        break;
      case 'data': {
        const values = valuesOfMask<DataType>(DATA_TYPES, Number(row.a));
        if (values.length === 0) noData += n;
        for (const d of values) bump(dataTypes, d, n);
        break;
      }
      case 'delay': {
        const d = Number(row.a);
        if (d < 0) inconsistent += n;
        else delays.push({ d, n });
        break;
      }
      case 'totals':
        incidents = n;
        counted = Number(row.a);
        total = Number(row.b ?? 0);
        // Sums over no rows are NULL: Number(null) is 0.
        involved = Number(row.c);
        for (const [mark, sum] of [[1, row.d], [2, row.e], [3, row.g]] as const) marks.set(mark, Number(sum));
        break;
      case 'middle': middle.push(Number(row.a)); break;
    }
  }
  // In ascending order, filled a run at a time: delayFigure need not sort them.
  delays.sort((x, y) => x.d - y.d);
  const days = new Array<number>(delays.reduce((sum, x) => sum + x.n, 0)).fill(0);
  let at = 0;
  for (const { d, n } of delays) days.fill(d, at, (at += n));
  return {
    incidents,
    monthTypes: monthTypesOf(monthTypes),
    sectors: breakdownOf(sectors, noSector, incidents),
    dataTypes: breakdownOf(dataTypes, noData, incidents),
    affected: affectedOf(incidents, counted, total, middle),
    largest,
    discoveredToDisclosed: delayFigure(days, inconsistent, true),
    contractor: { incidents, involved, share: incidents ? involved / incidents : null },
    duty: dutyCountsOfMarks(marks),
  };
}
