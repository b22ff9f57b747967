// Our own chart SVG (the dashboard's): well-formed and inline-safe under the CSP, every text escaped,
// empty data, one bar and many bars drawn sensibly, each stacked column as tall as its month's total,
// and the type colours of the month chart and the largest incidents.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/all-charts.ts';
import { CHART_IDS, type Chart } from '../../src/charts/chart.ts';
import { DEFAULT_BAR, drawChartSvg, linearTicks } from '../../src/charts/draw-svg.ts';
import { TYPE_COLOURS } from '../../src/charts/type-colours.ts';
import { INCIDENT_TYPES, type IncidentType } from '../../src/core/record.ts';
import { translator } from '../../src/i18n/messages.ts';
import { CASEBOOK, fact, figuresOf } from '../analyze/fact-rows.ts';

const t = translator('ja');
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

interface Bar { x: number; y: number; w: number; h: number; fill: string }
/** The bars of an SVG (paths drawn as M x y h w v h h -w Z), legend swatches included. */
const barsOf = (svg: string): Bar[] => [...svg.matchAll(/<path d="M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h-?[\d.]+Z" fill="(#[0-9a-f]{6})"/g)]
  .map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]), fill: m[5]! }));
/** The texts of an SVG, unescaped as a browser reads them. */
const textsOf = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
/** The y of each value tick label on the left axis: value → pixel. */
const leftTicks = (svg: string) => new Map([...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="end" dominant-baseline="central">([\d,]+)<\/text>/g)]
  .map((m) => [Number(m[2]!.replace(/,/g, '')), Number(m[1])]));

function expectSafe(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg.startsWith('<svg role="img" aria-label="')).toBe(true);
  // Every < in the output opens one of our tags (text has &lt;): no tag a CSP or an escape would miss.
  // Attribute values emptied first (a " in text is &quot;), so escaped text there cannot look like an attribute.
  expect(svg.replace(/"[^"]*"/g, '""')).not.toMatch(/<(style|script|img|foreignObject|a)\b|<[^>]*\s(on[a-z]+|style|href)=/i);
  expect(new Set([...svg.matchAll(/<([a-z]+)/g)].map((m) => m[1]))).toEqual(new Set(['svg', 'title', 'text', 'path', ...(svg.includes('<desc>') ? ['desc'] : [])]));
  expect(svg).toContain('font-size="12px"');
}

/** A month chart over given months, each with counts per type. */
function monthChart(months: { month: string; counts: Partial<Record<IncidentType | 'unknown', number>> }[]): Chart {
  const rows = months.flatMap(({ month, counts }) => Object.entries(counts).flatMap(([type, n]) =>
    Array.from({ length: n! }, () => ({ month, type: type === 'unknown' ? null : (type as IncidentType) }))));
  return CHARTS['incidents-per-month'](figuresOf(rows.map((r, i) => fact(i + 1, { disclosureDate: `${r.month}-10`, incidentTypes: r.type ? [r.type] : [] }))), t);
}

describe('drawn chart SVG', () => {
  it('draws every chart well-formed, with title and description, nothing a CSP would block', () => {
    for (const id of CHART_IDS) {
      const chart = CHARTS[id](figuresOf(CASEBOOK), t);
      const svg = drawChartSvg(chart);
      expectSafe(svg);
      expect(svg).toContain(`<title>${chart.title}</title>`);
      if (chart.note) expect(svg).toContain('<desc>');
    }
  });

  it('escapes hostile text in labels, title and description', () => {
    const rows = [fact(1, { organization: HOSTILE, affectedCount: 10, disclosureDate: '2024-01-01' })];
    const chart = CHARTS['affected-people'](figuresOf(rows), t);
    const svg = drawChartSvg({ ...chart, title: HOSTILE, note: HOSTILE });
    expectSafe(svg);
    expect(svg).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;</title>');
    expect(svg).toContain('aria-label="&lt;script&gt;');
    // The label is the name cut at 22 characters, whole as text.
    expect(textsOf(svg)).toContain(`${HOSTILE.slice(0, 21)}…`);
    const bars = drawChartSvg(CHARTS.sectors(figuresOf([fact(1, { sector: 'finance' })]), translator('en')));
    expectSafe(bars);
  });

  it('draws empty data as axes with no bars', () => {
    for (const id of CHART_IDS) {
      const svg = drawChartSvg(CHARTS[id](figuresOf([]), t));
      expectSafe(svg);
      expect(barsOf(svg), id).toEqual([]);
    }
  });

  it('draws one bar up to the top of its axis, with its value beside it', () => {
    const svg = drawChartSvg(CHARTS.sectors(figuresOf([fact(1, { sector: 'finance' }), fact(2, { sector: 'finance' })]), t));
    const bars = barsOf(svg);
    expect(bars).toHaveLength(1);
    expect(bars[0]!.fill).toBe(DEFAULT_BAR);
    expect(bars[0]!.w).toBeGreaterThan(300);
    expect(textsOf(svg)).toEqual(expect.arrayContaining(['金融・保険', '2']));
    expect(linearTicks(2)).toEqual([0, 1, 2]);
    expect(linearTicks(0)).toEqual([0, 1]);
    expect(linearTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  it('draws 120 months of 18 stacked types: every colour, labels thinned so they do not overlap', () => {
    const types = [...INCIDENT_TYPES, 'unknown'] as const;
    const months = Array.from({ length: 120 }, (_, i) => ({
      month: `${2015 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}`,
      counts: Object.fromEntries(types.map((k, j) => [k, (i + j) % 4])),
    }));
    const chart = monthChart(months);
    const svg = drawChartSvg(chart);
    expectSafe(svg);
    const fills = new Set(barsOf(svg).map((b) => b.fill));
    for (const k of types) expect(fills, k).toContain(TYPE_COLOURS[k].toLowerCase());
    const monthLabels = [...svg.matchAll(/<text x="([\d.]+)"[^>]*>(\d{4}-\d{2})<\/text>/g)].map((m) => Number(m[1]));
    expect(monthLabels.length).toBeGreaterThan(5);
    expect(monthLabels.length).toBeLessThan(120);
    // "2015-01" is about 42 px wide at 12 px.
    for (let i = 1; i < monthLabels.length; i++) expect(monthLabels[i]! - monthLabels[i - 1]!).toBeGreaterThan(42);
  });

  it('stacks each month to the height of its total in the table', () => {
    const chart = monthChart([
      { month: '2024-01', counts: { ransomware: 3, loss: 2, unknown: 1 } },
      { month: '2024-02', counts: { misdelivery: 1 } },
      { month: '2024-04', counts: { phishing: 4, ransomware: 5, ddos: 2 } },
    ]);
    const svg = drawChartSvg(chart);
    const ticks = leftTicks(svg);
    const zero = ticks.get(0)!;
    const perUnit = (zero - ticks.get(Math.max(...ticks.keys()))!) / Math.max(...ticks.keys());
    // Columns by x, legend swatches (10 px high, below the axis) left out.
    const columns = new Map<number, Bar[]>();
    for (const b of barsOf(svg).filter((b) => b.y < zero)) columns.set(b.x, [...(columns.get(b.x) ?? []), b]);
    const drawn = [...columns.entries()].sort((a, b) => a[0] - b[0]).map(([, bars]) => bars);
    const totals = chart.table.rows.map((r) => r.at(-1) as number);
    expect(totals).toEqual([6, 1, 0, 11]);
    expect(drawn).toHaveLength(3); // March has nothing to draw
    expect(drawn.map((bars) => Math.round(bars.reduce((a, b) => a + b.h, 0) / perUnit * 100) / 100)).toEqual([6, 1, 11]);
    // Each column stands on the axis, its segments one on another.
    for (const bars of drawn) {
      expect(bars[0]!.y + bars[0]!.h).toBeCloseTo(zero, 1);
      for (let i = 1; i < bars.length; i++) expect(bars[i]!.y + bars[i]!.h).toBeCloseTo(bars[i - 1]!.y, 1);
    }
    // And each segment in its type's colour, ransomware at the bottom.
    expect(drawn[0]!.map((b) => b.fill)).toEqual([TYPE_COLOURS.ransomware, TYPE_COLOURS.loss, TYPE_COLOURS.unknown]);
  });

  it('draws the largest incidents on a log axis in their types\' colours', () => {
    const rows = [fact(1, { organization: 'A', affectedCount: 3_000_000, incidentTypes: ['ransomware'] }), fact(2, { organization: 'B', affectedCount: 30, incidentTypes: ['misdelivery'] })];
    const svg = drawChartSvg(CHARTS['affected-people'](figuresOf(rows), t));
    const [big, small] = barsOf(svg);
    expect(big!.fill).toBe(TYPE_COLOURS.ransomware);
    expect(small!.fill).toBe(TYPE_COLOURS.misdelivery);
    // log10(30) / log10(10^7) of the axis: about a fifth of the big bar (log10 3e6 ≈ 6.48).
    expect(small!.w / big!.w).toBeCloseTo(Math.log10(30) / Math.log10(3_000_000), 2);
    expect(textsOf(svg)).toEqual(expect.arrayContaining(['3,000,000', '30', '10,000,000']));
  });
});
