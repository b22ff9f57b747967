// Days from discovery to disclosure as a histogram, with the median and 90th percentile in the note:
// how late organisations tell us. Bins widen with the delay (a week, two weeks, a month, …).
import type { DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import type { Translate } from '../i18n/messages.ts';
import { baseOption, type Chart } from './chart.ts';

/** Inclusive day ranges; the last is open-ended. 30 and 60 days are the 確報 deadlines. */
export const DELAY_BINS: readonly [number, number | null][] = [[0, 7], [8, 14], [15, 30], [31, 60], [61, 90], [91, 180], [181, 365], [366, null]];

export function delayHistogram(days: readonly number[]): number[] {
  return DELAY_BINS.map(([from, to]) => days.filter((d) => d >= from && (to === null || d <= to)).length);
}

export function disclosureDelayChart(figures: DashboardFigures, t: Translate): Chart {
  const figure = figures.discoveredToDisclosed;
  const counts = delayHistogram(figure.days);
  const labels = DELAY_BINS.map(([from, to]) => (to === null ? t('chart.delay.bin.over', { from }) : t('chart.delay.bin', { from, to })));
  const none = t('common.none');
  return {
    id: 'disclosure-delay', title: t('chart.delay.title'),
    note: t('chart.delay.note', { median: figure.median ?? none, p90: figure.p90 ?? none, n: figure.incidents }),
    table: { columns: [t('chart.delay.col'), t('chart.count')], rows: labels.map((l, i) => [l, counts[i]!]) },
    plot: { kind: 'columns', categories: labels, values: counts, valueName: t('chart.count') },
    option: {
      ...baseOption(),
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1, name: t('chart.count') },
      series: [{ type: 'bar', data: counts, barCategoryGap: '10%', label: { show: true, position: 'top' } }],
    },
    width: 720, height: 320,
  };
}
