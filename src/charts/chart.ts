// What every chart is: a title, its numbers as a table (for HTML and CSV), what it draws (a plot, for
// our own SVG renderer, which the dashboard uses) and the ECharts option that draws the same (the
// annual report's renderer); rendering to SVG is separate so a CSV download never pays for it.
import type { EChartsOption } from 'echarts';
import type { Translate } from '../i18n/messages.ts';

export const CHART_IDS = ['incidents-per-month', 'sectors', 'data-types', 'affected-people', 'disclosure-delay'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/** Stacked columns over categories (months), one series per type, each in its colour. */
export interface StackedColumnsPlot {
  kind: 'stacked-columns';
  categories: string[];
  series: { name: string; colour: string; values: number[] }[];
  /** The value axis' name (shown above it). */
  valueName: string;
}

/** One column per category with its value above it; category labels turned 30°: the delay histogram. */
export interface ColumnsPlot {
  kind: 'columns';
  categories: string[];
  values: number[];
  valueName: string;
}

/** Horizontal bars, first category on top, each value at its bar's end; a log axis for people counts. */
export interface BarsPlot {
  kind: 'bars';
  categories: string[];
  values: number[];
  /** One colour per bar; the default colour where absent. */
  colours?: string[];
  log?: boolean;
}

export type Plot = StackedColumnsPlot | ColumnsPlot | BarsPlot;

export interface Chart {
  id: ChartId;
  title: string;
  /** How the numbers were counted, for the reader (one sentence). */
  note: string;
  table: ChartTable;
  plot: Plot;
  option: EChartsOption;
  width: number;
  height: number;
}

/** The text style every chart uses: the system's sans-serif (Noto Sans CJK where installed). */
export const FONT = 'Noto Sans CJK JP, Noto Sans JP, sans-serif';

/** Options every chart shares: no animation (a static SVG), our font, a plain grid. */
export function baseOption(): EChartsOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 12 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
  };
}

export type ChartBuilder<Row> = (rows: readonly Row[], t: Translate) => Chart;
