// A horizontal bar chart of one breakdown (largest on top, unknown last): what sectors and data
// types draw with.
import type { EChartsOption } from 'echarts';
import type { Breakdown } from '../analyze/stats/fact-row.ts';
import { baseOption, type BarsPlot, type ChartTable } from './chart.ts';

export function categoryBars(b: Breakdown, label: (key: string) => string, unknownLabel: string, column: string, countColumn: string):
  { option: EChartsOption; plot: BarsPlot; table: ChartTable; height: number } {
  const rows: [string, number][] = b.rows.map((r) => [label(r.key), r.count]);
  if (b.unknown > 0) rows.push([unknownLabel, b.unknown]);
  return {
    option: {
      ...baseOption(),
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r[0]) },
      series: [{ type: 'bar', data: rows.map((r) => r[1]), label: { show: true, position: 'right' } }],
    },
    plot: { kind: 'bars', categories: rows.map((r) => r[0]), values: rows.map((r) => r[1]) },
    table: { columns: [column, countColumn], rows },
    height: Math.max(120, 28 * rows.length + 40),
  };
}
