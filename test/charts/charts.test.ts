// Charts: their tables carry the statistics' numbers, the SVG is inline-safe under our CSP, and
// hostile organisation names come out as text.
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/all-charts.ts';
import { tableToCsv } from '../../src/charts/chart-csv.ts';
import { CHART_IDS } from '../../src/charts/chart.ts';
import { delayHistogram } from '../../src/charts/disclosure-delay.ts';
import { renderChartSvg } from '../../src/charts/render-svg.ts';
import { translator } from '../../src/i18n/messages.ts';
import { CASEBOOK, fact, figuresOf } from '../analyze/fact-rows.ts';

const t = translator('ja');
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

describe('chart tables', () => {
  it('stacks each month\'s incidents under one main type, so a bar is the month\'s count', () => {
    const { table } = CHARTS['incidents-per-month'](figuresOf(CASEBOOK), t);
    expect(table.columns).toEqual(['公表月', 'ランサムウェア', 'Webスキミング', '内部不正', '誤送信・誤配送', '紛失', 'DDoS攻撃', '合計']);
    // January: A (ransomware) and B (misdelivery); May: G, insider before misdelivery.
    expect(table.rows[0]).toEqual(['2024-01', 1, 0, 0, 1, 0, 0, 2]);
    expect(table.rows.find((r) => r[0] === '2024-05')).toEqual(['2024-05', 0, 0, 1, 0, 0, 0, 1]);
    expect(table.rows.map((r) => r.at(-1))).toEqual([2, 0, 1, 1, 1, 0, 1]);
  });

  it('lists sectors and data types largest first, unknown last, in Japanese', () => {
    expect(CHARTS.sectors(figuresOf(CASEBOOK), t).table.rows).toEqual([['EC・通販', 2], ['金融・保険', 1], ['行政', 1], ['医療・福祉', 1], ['製造', 1], ['不明', 1]]);
    expect(CHARTS['data-types'](figuresOf(CASEBOOK), t).table.rows[0]).toEqual(['氏名', 3]);
  });

  it('lists the largest incidents and bins the delays', () => {
    expect(CHARTS['affected-people'](figuresOf(CASEBOOK), t).table.rows.map((r) => r.at(-1))).toEqual([12000, 5000, 312, 128, 50]);
    // Delays 1, 6, 10, 19, 91: two in 0–7, one in 8–14, one in 15–30, one in 91–180.
    expect(delayHistogram([1, 6, 10, 19, 91])).toEqual([2, 1, 1, 0, 0, 1, 0, 0]);
    const delay = CHARTS['disclosure-delay'](figuresOf(CASEBOOK), t);
    expect(delay.note).toBe('中央値 10 日・90パーセンタイル 91 日 (5 件)');
    expect(delay.table.rows[0]).toEqual(['0–7 日', 2]);
  });

  it('writes CSV as UTF-8 with a BOM, quoted where needed, formulas defused', () => {
    const csv = tableToCsv({ columns: ['組織', '人数'], rows: [['=HYPERLINK("x")', 3], ['a,b', 1]] });
    expect(csv.startsWith('\uFEFF組織,人数\r\n')).toBe(true);
    expect(csv).toContain('"\'=HYPERLINK(""x"")",3\r\n');
    expect(csv).toContain('"a,b",1\r\n');
  });
});

describe('chart SVG', () => {
  it('renders every chart with no style attribute, no <style> and no script', () => {
    for (const id of CHART_IDS) {
      const svg = renderChartSvg(CHARTS[id](figuresOf(CASEBOOK), t));
      expect(svg.startsWith('<svg role="img"')).toBe(true);
      expect(svg).not.toMatch(/ style=|<style|<script|ecmeta_/);
      expect(svg).toMatch(/font-size="12px"/);
    }
  });

  it('escapes a hostile organisation name in the axis labels', () => {
    const rows = [fact(1, { organization: HOSTILE, affectedCount: 10, disclosureDate: '2024-01-01' })];
    const svg = renderChartSvg(CHARTS['affected-people'](figuresOf(rows), t));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;');
    // ECharts cuts long labels to fit; what is left is escaped, not dropped.
    expect(svg).toMatch(/>&lt;script&gt;alert\(1\)&lt;\/scr/);
  });

  it('escapes markup and quotes in a short hostile name, whole', () => {
    const rows = [fact(1, { organization: '<b onclick="x">&\'', affectedCount: 10 })];
    const svg = renderChartSvg(CHARTS['affected-people'](figuresOf(rows), t));
    expect(svg).not.toContain('<b ');
    expect(svg).toMatch(/>&lt;b onclick=(&quot;|")x(&quot;|")&gt;&amp;('|&#39;)</);
  });
});
