// Chart SVGs kept by their data: the SHA-256 of what a chart draws (its plot, title, note and size), so the
// same figures are never drawn twice, whichever filter or language asked for them, until they are
// pushed out by newer ones. Drawing is the costly part of a dashboard; hashing its input is not.
import { createHash } from 'node:crypto';
import type { Chart } from '../charts/chart.ts';
import { drawChartSvg } from '../charts/draw-svg.ts';

/** The key of what a chart draws: the same plot, title, note and size give the same SVG. */
export function chartKey(chart: Chart): string {
  return createHash('sha256').update(JSON.stringify([chart.title, chart.note, chart.width, chart.height, chart.plot])).digest('base64url');
}

export class ChartSvgCache {
  private readonly entries = new Map<string, string>();
  /** How many SVGs were drawn (not found here): for tests and the curious. */
  drawn = 0;

  constructor(private readonly capacity = 500, private readonly draw: (chart: Chart) => string = drawChartSvg) {}

  svgOf(chart: Chart): string {
    const key = chartKey(chart);
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const svg = this.draw(chart);
    this.drawn++;
    this.entries.set(key, svg);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return svg;
  }
}
