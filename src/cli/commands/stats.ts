// `jikenbo stats [filters] [--by FIELD] [--json]`: counts, people and delays over the filtered incidents.
import { allStats, STAT_FIELDS, statBy, type StatField } from '../../analyze/stats/stats-by.ts';
import type { Breakdown } from '../../analyze/stats/fact-row.ts';
import type { PeriodBreakdown } from '../../analyze/stats/count-by-period.ts';
import type { TsrCauseBreakdown } from '../../analyze/stats/tsr-cause.ts';
import type { ContractorShare } from '../../analyze/stats/contractor-share.ts';
import type { AffectedPeople } from '../../analyze/stats/affected-people.ts';
import type { Delays, DelayFigure } from '../../analyze/stats/delays.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { scopedFacts } from '../../app/scoped-facts.ts';
import { z } from 'zod';
import { parseCommand, validate } from '../options.ts';
import { SCOPE_OPTIONS, SCOPE_USAGE, scopeFromOptions } from '../scope-options.ts';

const bySchema = z.enum(STAT_FIELDS as [StatField, ...StatField[]]).optional();

export const STATS_USAGE = `usage: jikenbo stats ${SCOPE_USAGE} [--by ${STAT_FIELDS.join('|')}] [--json]\n`;

export async function statsCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('stats', args, { db: { type: 'string' }, json: { type: 'boolean' }, by: { type: 'string' }, ...SCOPE_OPTIONS });
  const by = validate('stats', z.object({ by: bySchema }), { by: values.by }).by;
  const scope = scopeFromOptions('stats', values);
  const casebook = await openCommandCasebook(values.db);
  try {
    const rows = await scopedFacts(casebook.store, scope);
    const result = by ? statBy(rows, by) : allStats(rows);
    if (values.json) {
      process.stdout.write(JSON.stringify(by ? { by, incidents: rows.length, ...result } : result) + '\n');
      return 0;
    }
    const fields = by ? [by] : STAT_FIELDS;
    const all = result as Record<string, unknown>;
    process.stdout.write(`${rows.length} incidents\n`);
    for (const f of fields) process.stdout.write(`\n${f}\n${renderStat(f, by ? result : all[f])}`);
    return 0;
  } finally {
    await casebook.close();
  }
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toLocaleString('en-US'));

function lines(rows: [string, string | number][]): string {
  const width = Math.max(0, ...rows.map(([k]) => [...k].length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${typeof v === 'number' ? v.toLocaleString('en-US') : v}\n`).join('');
}

function delayLine(name: string, d: DelayFigure): [string, string] {
  return [name, `median ${num(d.median)} days, p90 ${num(d.p90)} days (n=${d.incidents}${d.inconsistent ? `, ${d.inconsistent} with dates out of order left out` : ''})`];
}

export function renderStat(field: StatField, value: unknown): string {
  switch (field) {
    case 'month': case 'quarter': case 'year': {
      const p = value as PeriodBreakdown;
      return lines([...p.rows.map((r) => [r.period, r.count] as [string, number]), ...(p.undated ? [['undated', p.undated] as [string, number]] : [])]);
    }
    case 'cause': {
      const c = value as TsrCauseBreakdown;
      return lines([...c.rows.map((r) => [r.cause, `${r.count} (${num(r.people)} people)`] as [string, string]), ['none of the four', c.none]]);
    }
    case 'contractor': {
      const c = value as ContractorShare;
      return lines([['involved', `${c.involved} of ${c.incidents} (${pct(c.share)})`]]);
    }
    case 'affected': {
      const a = value as AffectedPeople;
      return lines([
        ['total', `${num(a.total)} (over ${a.counted} of ${a.incidents} incidents that state a count)`],
        ['median', num(a.median)],
        ['largest', a.largest ? `${num(a.largest.count)} — ${a.largest.organization ?? '?'}${a.largest.number ? ` #${a.largest.number}` : ''}` : '—'],
      ]);
    }
    case 'delays': {
      const d = value as Delays;
      return lines([delayLine('occurred → discovered', d.occurredToDiscovered), delayLine('discovered → disclosed', d.discoveredToDisclosed)]);
    }
    default: {
      const b = value as Breakdown;
      return lines([...b.rows.map((r) => [r.key, r.count] as [string, number]), ...(b.unknown ? [['(none stated)', b.unknown] as [string, number]] : [])]);
    }
  }
}
