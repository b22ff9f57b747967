// One colour per incident type, the same on every chart that draws types and in the annual report: a
// month with every type stacked gets eighteen different fills, and the largest-incidents bars and the
// report use the very colours of the month chart.
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/all-charts.ts';
import { MAIN_TYPE_ORDER } from '../../src/charts/incidents-per-month.ts';
import { renderChartSvg } from '../../src/charts/render-svg.ts';
import { TYPE_COLOURS } from '../../src/charts/type-colours.ts';
import { INCIDENT_TYPES } from '../../src/core/record.ts';
import { renderAnnualReport } from '../../src/report/annual-report.ts';
import { DEFAULT_JNSA_TABLES } from '../../src/analyze/jnsa-damage.ts';
import { translator } from '../../src/i18n/messages.ts';
import { fact, figuresOf } from '../analyze/fact-rows.ts';

const t = translator('ja');
// One incident of each type in May 2024 (and one with none), each affecting a different number of people.
const ROWS = [...INCIDENT_TYPES, null].map((type, i) => fact(i + 1, {
  organization: `組織${i + 1}`, disclosureDate: '2024-05-10', incidentTypes: type ? [type] : [], affectedCount: (i + 1) * 100,
}));

/** Fill colours of the bars (paths) of an SVG, in drawing order, the grey axis and white background left out. */
const barFills = (svg: string) => [...svg.matchAll(/<path d="[^"]*" fill="(#[0-9a-f]{6})"/gi)].map((m) => m[1]!.toLowerCase());

describe('incident type colours', () => {
  it('gives every type and "unknown" a colour of its own', () => {
    expect(Object.keys(TYPE_COLOURS).sort()).toEqual([...INCIDENT_TYPES, 'unknown'].sort());
    expect(new Set(Object.values(TYPE_COLOURS).map((c) => c.toLowerCase())).size).toBe(INCIDENT_TYPES.length + 1);
  });

  it('stacks eighteen types in a month in eighteen different colours, each its type\'s', () => {
    const svg = renderChartSvg(CHARTS['incidents-per-month'](figuresOf(ROWS), t));
    const used = new Set(barFills(svg));
    for (const type of [...MAIN_TYPE_ORDER, 'unknown'] as const) expect(used, type).toContain(TYPE_COLOURS[type].toLowerCase());
  });

  it('draws each of the largest incidents in its type\'s colour, as the month chart does', () => {
    const svg = renderChartSvg(CHARTS['affected-people'](figuresOf(ROWS), t));
    const fills = new Set(barFills(svg));
    // The 15 largest: ids 18 (no type) down to 4 (sql_injection … in INCIDENT_TYPES order).
    expect(fills).toContain(TYPE_COLOURS.unknown.toLowerCase());
    expect(fills).toContain(TYPE_COLOURS.other.toLowerCase());
    expect(fills).toContain(TYPE_COLOURS.outage.toLowerCase());
  });

  it('uses the same colours in the annual report', async () => {
    const doc = await renderAnnualReport({
      year: 2024, rows: ROWS, scope: { q: '', filter: { years: ['2024'] } }, jnsa: DEFAULT_JNSA_TABLES, settingsFile: null, generatedAt: '2025-01-01',
    });
    const fills = new Set(barFills(doc));
    for (const type of ['ransomware', 'loss', 'misdelivery', 'ddos'] as const) expect(fills, type).toContain(TYPE_COLOURS[type].toLowerCase());
  });
});
