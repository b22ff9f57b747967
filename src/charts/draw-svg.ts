// Draws a chart's plot to an SVG string without a charting library: the dashboard's three kinds
// (stacked columns by month, horizontal bars, a histogram) are a few rectangles, lines and labels, and
// ECharts spent about 12 ms per chart building a scene graph to write them. The output is inline-safe
// under our CSP (presentation attributes only, no style, no script), every text is escaped, and the
// <svg> carries role="img", an accessible name, a <title> and a <desc>. The annual report keeps ECharts
// (render-svg.ts).
import type { BarsPlot, Chart, ColumnsPlot, StackedColumnsPlot } from './chart.ts';
import { FONT } from './chart.ts';

const TEXT = '#54555a';
const AXIS = '#6e7079';
const GRID = '#e0e6f1';
/** ECharts' first palette colour, which the charts without type colours had. */
export const DEFAULT_BAR = '#5470c6';
const FONT_SIZE = 12;
const LINE = 16;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A text's width in pixels at 12px, estimated: full-width characters 1 em, others 0.6 em. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x1100 && !(c >= 0xff61 && c <= 0xff9f) ? 1 : 0.6;
  }
  return w * FONT_SIZE;
}

const n2 = (x: number) => String(Math.round(x * 100) / 100);
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Ticks of a linear value axis from 0: whole steps of 1, 2 or 5 × 10ⁿ, about five of them, the top at or above max. */
export function linearTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough)!);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end', extra = ''): string {
  return `<text x="${n2(x)}" y="${n2(y)}" text-anchor="${anchor}" dominant-baseline="central"${extra}>${escapeXml(content)}</text>`;
}

/** A bar from (x, y), w wide and h high, as a path (what the colour tests read). */
const bar = (x: number, y: number, w: number, h: number, fill: string) =>
  `<path d="M${n2(x)} ${n2(y)}h${n2(w)}v${n2(h)}h${n2(-w)}Z" fill="${fill}"/>`;

const hline = (x1: number, x2: number, y: number, stroke: string) => `<path d="M${n2(x1)} ${n2(y)}H${n2(x2)}" stroke="${stroke}" fill="none"/>`;
const vline = (x: number, y1: number, y2: number, stroke: string) => `<path d="M${n2(x)} ${n2(y1)}V${n2(y2)}" stroke="${stroke}" fill="none"/>`;

interface Box { left: number; top: number; right: number; bottom: number }

/** The value axis on the left of columns: grid lines, tick labels, its name above. */
function valueAxisLeft(ticks: number[], box: Box, name: string, out: string[]): (v: number) => number {
  const top = ticks.at(-1)!;
  const y = (v: number) => box.bottom - ((box.bottom - box.top) * v) / top;
  for (const t of ticks) {
    if (t > 0) out.push(hline(box.left, box.right, y(t), GRID));
    out.push(text(box.left - 8, y(t), grouped(t), 'end'));
  }
  out.push(text(box.left, box.top - 14, name, 'middle'));
  out.push(hline(box.left, box.right, box.bottom, AXIS));
  return y;
}

function tickRoom(ticks: number[]): number {
  return Math.max(...ticks.map((t) => textWidth(grouped(t)))) + 16;
}

function stackedColumns(plot: StackedColumnsPlot, width: number, height: number, out: string[]): void {
  // The legend first, at the bottom: items flow left to right and wrap.
  const legend: { x: number; row: number; name: string; colour: string }[] = [];
  let x = 8;
  let row = 0;
  for (const s of plot.series) {
    const w = 14 + 5 + textWidth(s.name) + 12;
    if (x + w > width - 8 && x > 8) { row++; x = 8; }
    legend.push({ x, row, name: s.name, colour: s.colour });
    x += w;
  }
  const legendRows = plot.series.length ? row + 1 : 0;
  const legendTop = height - 4 - legendRows * 20;
  for (const l of legend) {
    const cy = legendTop + l.row * 20 + 10;
    out.push(bar(l.x, cy - 5, 14, 10, l.colour), text(l.x + 19, cy, l.name, 'start'));
  }
  const n = plot.categories.length;
  const totals = plot.categories.map((_, i) => plot.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const ticks = linearTicks(Math.max(0, ...totals));
  const box: Box = { left: 8 + tickRoom(ticks), top: 36, right: width - 16, bottom: legendTop - 8 - LINE };
  const y = valueAxisLeft(ticks, box, plot.valueName, out);
  const band = (box.right - box.left) / Math.max(1, n);
  const barW = Math.max(1, band * 0.7);
  // Every k-th month labelled, so that labels do not overlap.
  const labelW = Math.max(0, ...plot.categories.map(textWidth)) + 8;
  const every = Math.max(1, Math.ceil(labelW / band));
  for (let i = 0; i < n; i++) {
    const cx = box.left + band * (i + 0.5);
    // Each segment from the top of the one below: the column's height is the month's total.
    let below = 0;
    for (const s of plot.series) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      out.push(bar(cx - barW / 2, y(below + v), barW, y(below) - y(below + v), s.colour));
      below += v;
    }
    if (i % every === 0) out.push(text(cx, box.bottom + 4 + LINE / 2, plot.categories[i]!, 'middle'));
  }
}

function columns(plot: ColumnsPlot, width: number, height: number, out: string[]): void {
  const ticks = linearTicks(Math.max(0, ...plot.values));
  // Labels turned 30°: their height is their width × sin 30° plus a line.
  const labelH = Math.max(0, ...plot.categories.map(textWidth)) * 0.5 + LINE;
  const box: Box = { left: 8 + tickRoom(ticks), top: 36, right: width - 16, bottom: height - 8 - labelH };
  const y = valueAxisLeft(ticks, box, plot.valueName, out);
  const n = plot.categories.length;
  const band = (box.right - box.left) / Math.max(1, n);
  const barW = band * 0.9;
  for (let i = 0; i < n; i++) {
    const cx = box.left + band * (i + 0.5);
    const v = plot.values[i] ?? 0;
    if (v > 0) out.push(bar(cx - barW / 2, y(v), barW, box.bottom - y(v), DEFAULT_BAR));
    out.push(text(cx, y(v) - 9, grouped(v), 'middle'));
    const ly = box.bottom + 10;
    out.push(`<text x="${n2(cx)}" y="${n2(ly)}" text-anchor="end" dominant-baseline="central" transform="rotate(-30 ${n2(cx)} ${n2(ly)})">${escapeXml(plot.categories[i]!)}</text>`);
  }
}

function bars(plot: BarsPlot, width: number, height: number, out: string[]): void {
  const max = Math.max(0, ...plot.values);
  let ticks: number[];
  let scale: (v: number) => number;
  if (plot.log) {
    const decades = Math.max(1, Math.ceil(Math.log10(Math.max(1, max))));
    ticks = Array.from({ length: decades + 1 }, (_, k) => 10 ** k);
    scale = (v) => Math.log10(Math.max(1, v)) / decades;
  } else {
    ticks = linearTicks(max);
    scale = (v) => v / ticks.at(-1)!;
  }
  const valueRoom = Math.max(24, ...plot.values.map((v) => textWidth(grouped(v)))) + 12;
  const labelRoom = Math.max(0, ...plot.categories.map(textWidth)) + 16;
  const box: Box = { left: labelRoom, top: 8, right: width - valueRoom, bottom: height - 8 - LINE };
  const x = (v: number) => box.left + (box.right - box.left) * scale(v);
  for (const t of ticks) {
    if (x(t) > box.left) out.push(vline(x(t), box.top, box.bottom, GRID));
    out.push(text(x(t), box.bottom + 4 + LINE / 2, grouped(t), 'middle'));
  }
  out.push(vline(box.left, box.top, box.bottom, AXIS));
  const n = plot.categories.length;
  const band = (box.bottom - box.top) / Math.max(1, n);
  const barH = Math.min(band * 0.7, 24);
  for (let i = 0; i < n; i++) {
    const cy = box.top + band * (i + 0.5);
    const v = plot.values[i] ?? 0;
    const end = x(v);
    if (end > box.left) out.push(bar(box.left, cy - barH / 2, end - box.left, barH, plot.colours?.[i] ?? DEFAULT_BAR));
    out.push(text(box.left - 8, cy, plot.categories[i]!, 'end'), text(end + 5, cy, grouped(v), 'start'));
  }
}

/** The chart as one <svg> element, with role, accessible name, title and description. */
export function drawChartSvg(chart: Chart): string {
  const { width, height, plot } = chart;
  const out: string[] = [];
  if (plot.kind === 'stacked-columns') stackedColumns(plot, width, height, out);
  else if (plot.kind === 'columns') columns(plot, width, height, out);
  else bars(plot, width, height, out);
  const title = escapeXml(chart.title);
  return `<svg role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`
    + ` font-family="${FONT}" font-size="${FONT_SIZE}px" fill="${TEXT}">`
    + `<title>${title}</title>${chart.note ? `<desc>${escapeXml(chart.note)}</desc>` : ''}\n${out.join('\n')}\n</svg>`;
}
