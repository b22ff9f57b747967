// The figures a dashboard shows and draws: made by the store in SQL for a view (store/incident-figures-sql.ts),
// or here from rows (the report, and the reference the store is tested against). Each figure is built by
// the statistic that defines it (count-by-period, breakdown, delays, contractor-share), from counts either way.
import type { DataType, IncidentType, Sector } from '../../core/record.ts';
import type { DutyCounts } from '../duty-mark.ts';
import type { AffectedPeople } from './affected-people.ts';
import { median } from './affected-people.ts';
import { contractorShare, type ContractorShare } from './contractor-share.ts';
import { countByDataType } from './count-by-data-type.ts';
import { countBySector } from './count-by-sector.ts';
import { delays, type DelayFigure } from './delays.ts';
import type { Breakdown, FactRow } from './fact-row.ts';
import { MAIN_TYPE_ORDER, mainType } from './main-type.ts';

/** How many incidents the largest-incidents chart lists. */
export const LARGEST = 15;

export interface MonthTypeCount {
  month: string;
  /** The incident's main type (main-type.ts), null when it has none. */
  type: IncidentType | null;
  count: number;
}

export interface DashboardFigures {
  incidents: number;
  /** Dated incidents by month of disclosure and main type; month order, then MAIN_TYPE_ORDER, none last. */
  monthTypes: MonthTypeCount[];
  sectors: Breakdown<Sector>;
  dataTypes: Breakdown<DataType>;
  affected: Omit<AffectedPeople, 'largest'>;
  /** The LARGEST incidents by people affected (more than 0), largest first, ties lower id first. */
  largest: FactRow[];
  discoveredToDisclosed: DelayFigure;
  contractor: ContractorShare;
  duty: DutyCounts;
}

const typeRank = (t: IncidentType | null) => (t === null ? MAIN_TYPE_ORDER.length : MAIN_TYPE_ORDER.indexOf(t));

/** Month × main type counts in their order, empty ones left out. */
export function monthTypesOf(counts: ReadonlyMap<string, number>): MonthTypeCount[] {
  const out: MonthTypeCount[] = [];
  for (const [key, count] of counts) {
    if (count === 0) continue;
    const [month, type] = key.split('|') as [string, string];
    out.push({ month, type: type === '' ? null : (type as IncidentType), count });
  }
  return out.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : typeRank(a.type) - typeRank(b.type)));
}

export const monthTypeKey = (month: string, type: IncidentType | null) => `${month}|${type ?? ''}`;

/** People affected from how many incidents state a count, their sum and the one or two middle counts. */
export function affectedOf(incidents: number, counted: number, total: number, middle: readonly number[]): DashboardFigures['affected'] {
  return { incidents, counted, total, median: median([...middle].sort((a, b) => a - b)) };
}

/** The middle one or two of sorted values (what the median rests on): the store's window picks the same ranks. */
export function middleOf(sorted: readonly number[]): number[] {
  const n = sorted.length;
  return n === 0 ? [] : [...new Set([Math.floor((n + 1) / 2), Math.floor((n + 2) / 2)])].map((rank) => sorted[rank - 1]!);
}

export function largestOf(rows: readonly FactRow[]): FactRow[] {
  return rows.filter((r) => r.affectedCount !== null && r.affectedCount > 0)
    .sort((a, b) => b.affectedCount! - a.affectedCount! || a.id - b.id)
    .slice(0, LARGEST);
}

/** The figures from every row of the view in JavaScript, the duty counted by the caller (app/duty-check.ts). */
export function dashboardFiguresOf(rows: readonly FactRow[], duty: DutyCounts): DashboardFigures {
  const monthTypes = new Map<string, number>();
  for (const r of rows) {
    if (!r.disclosureDate) continue;
    const key = monthTypeKey(r.disclosureDate.slice(0, 7), mainType(r.incidentTypes));
    monthTypes.set(key, (monthTypes.get(key) ?? 0) + 1);
  }
  const counts = rows.flatMap((r) => (r.affectedCount === null ? [] : [r.affectedCount])).sort((a, b) => a - b);
  return {
    incidents: rows.length,
    monthTypes: monthTypesOf(monthTypes),
    sectors: countBySector(rows),
    dataTypes: countByDataType(rows),
    affected: affectedOf(rows.length, counts.length, counts.reduce((a, b) => a + b, 0), middleOf(counts)),
    largest: largestOf(rows),
    discoveredToDisclosed: delays(rows).discoveredToDisclosed,
    contractor: contractorShare(rows),
    duty,
  };
}
