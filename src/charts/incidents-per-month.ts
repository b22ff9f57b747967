// Incidents per month of disclosure, stacked by type: what is rising. Each incident is stacked under
// one main type so a bar's height is the month's number of incidents, not a sum of type mentions.
import { periodRows } from '../analyze/stats/count-by-period.ts';
import type { DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import { MAIN_TYPE_ORDER } from '../analyze/stats/main-type.ts';
import type { IncidentType } from '../core/record.ts';
import type { Translate } from '../i18n/messages.ts';
import { baseOption, type Chart } from './chart.ts';
import { typeColour } from './type-colours.ts';

export { MAIN_TYPE_ORDER, mainType } from '../analyze/stats/main-type.ts';

export function incidentsPerMonthChart(figures: DashboardFigures, t: Translate): Chart {
  const perMonth = new Map<string, number>();
  for (const c of figures.monthTypes) perMonth.set(c.month, (perMonth.get(c.month) ?? 0) + c.count);
  const months = periodRows(perMonth, 'month').map((r) => r.period);
  const index = new Map(months.map((m, i) => [m, i]));
  const series = new Map<IncidentType | 'unknown', number[]>();
  for (const c of figures.monthTypes) {
    const key = c.type ?? 'unknown';
    if (!series.has(key)) series.set(key, months.map(() => 0));
    series.get(key)![index.get(c.month)!]! += c.count;
  }
  const keys = [...MAIN_TYPE_ORDER, 'unknown' as const].filter((k) => series.has(k));
  const label = (k: IncidentType | 'unknown') => (k === 'unknown' ? t('chart.unknown') : t(`incident_type.${k}`));
  const option = {
    ...baseOption(),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { bottom: 0, type: 'plain' as const },
    xAxis: { type: 'category' as const, data: months },
    yAxis: { type: 'value' as const, minInterval: 1, name: t('chart.count') },
    series: keys.map((k) => ({ type: 'bar' as const, stack: 'all', name: label(k), data: series.get(k)!, itemStyle: { color: typeColour(k) } })),
  };
  // Room at the bottom for a legend of up to three rows.
  option.grid.bottom = 24 + Math.ceil(keys.length / 5) * 22;
  return {
    id: 'incidents-per-month', title: t('chart.month.title'), note: t('chart.month.note'),
    table: {
      columns: [t('chart.month.col'), ...keys.map(label), t('chart.total')],
      rows: months.map((m, i) => {
        const counts = keys.map((k) => series.get(k)![i]!);
        return [m, ...counts, counts.reduce((a, b) => a + b, 0)];
      }),
    },
    plot: {
      kind: 'stacked-columns', categories: months, valueName: t('chart.count'),
      series: keys.map((k) => ({ name: label(k), colour: typeColour(k), values: series.get(k)! })),
    },
    option, width: 720, height: 360,
  };
}
