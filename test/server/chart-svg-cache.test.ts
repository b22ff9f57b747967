// Chart SVGs kept by the data they draw: the same figures are drawn once, whichever rows they came from;
// other figures, another language or another size are drawn anew.
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/all-charts.ts';
import type { Chart } from '../../src/charts/chart.ts';
import { drawChartSvg } from '../../src/charts/draw-svg.ts';
import { ChartSvgCache, chartKey } from '../../src/server/chart-svg-cache.ts';
import { translator } from '../../src/i18n/messages.ts';
import { CASEBOOK, figuresOf } from '../analyze/fact-rows.ts';

describe('chart SVG cache', () => {
  it('draws the same figures once, from other rows too, and anything else anew', () => {
    const ja = translator('ja');
    let draws = 0;
    const cache = new ChartSvgCache(10, (chart: Chart) => (draws++, drawChartSvg(chart)));
    const sectors = CHARTS.sectors(figuresOf(CASEBOOK), ja);
    const svg = cache.svgOf(sectors);
    expect(svg).toMatch(/^<svg role="img" aria-label="業種別の事案数"/);
    // Other rows with the same figures (the casebook's rows in another order, as another filter may give).
    expect(cache.svgOf(CHARTS.sectors(figuresOf([...CASEBOOK].reverse()), ja))).toBe(svg);
    expect(draws).toBe(1);
    // Other figures, another language, another size: drawn.
    cache.svgOf(CHARTS.sectors(figuresOf(CASEBOOK.slice(1)), ja));
    cache.svgOf(CHARTS.sectors(figuresOf(CASEBOOK), translator('en')));
    cache.svgOf({ ...sectors, width: sectors.width + 1 });
    expect(draws).toBe(4);
    expect(new Set([sectors, { ...sectors, height: sectors.height + 1 }].map(chartKey)).size).toBe(2);
  });

  it('keeps at most its capacity, the least recently used going first', () => {
    const ja = translator('ja');
    let draws = 0;
    const cache = new ChartSvgCache(2, () => `<svg>${++draws}</svg>`);
    const [a, b, c] = [CASEBOOK.slice(0, 1), CASEBOOK.slice(0, 2), CASEBOOK.slice(0, 3)].map((rows) => CHARTS.sectors(figuresOf(rows), ja));
    cache.svgOf(a!);
    cache.svgOf(b!);
    cache.svgOf(a!); // a is now the most recent
    cache.svgOf(c!); // b goes
    expect(draws).toBe(3);
    cache.svgOf(a!);
    expect(draws).toBe(3);
    cache.svgOf(b!);
    expect(draws).toBe(4);
  });
});
