// Draws a chart to an SVG string with ECharts' server-side renderer, made safe to inline in a page
// served under a CSP without 'unsafe-inline': ECharts writes font settings as style="" attributes
// and hover rules in a <style> element, both of which that policy blocks, so they become
// presentation attributes (font-size="12px") and the hover rules go (there is no pointer in SSR).
// Only the parts our charts draw with (bars on a grid whose labels fit inside it, a legend, the SVG
// renderer): the whole library costs a server 60 MB more resident memory than these.
import * as echarts from 'echarts/core';
import { install as barChart } from 'echarts/lib/chart/bar/install.js';
import { install as grid } from 'echarts/lib/component/grid/install.js';
import { installLegacyGridContainLabel as gridContainLabel } from 'echarts/lib/coord/cartesian/legacyContainLabel.js';
import { install as legend } from 'echarts/lib/component/legend/install.js';
import { install as svgRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';
import type { Chart } from './chart.ts';
import { escapeXml } from './draw-svg.ts';

echarts.use([barChart, grid, gridContainLabel, legend, svgRenderer]);

const STYLE_TO_ATTRIBUTE = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'stroke', 'opacity']);

/** `style="a:b;c:d;"` → ` a="b" c="d"`; declarations that are not presentation attributes are dropped. */
function styleToAttributes(style: string): string {
  return style.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const i = d.indexOf(':');
    const name = d.slice(0, i).trim().toLowerCase();
    const value = d.slice(i + 1).trim();
    if (!STYLE_TO_ATTRIBUTE.has(name)) return '';
    // Values come from our own options (fonts, sizes), but quotes would end the attribute: drop them.
    return ` ${name}="${value.replace(/["<>&]/g, '')}"`;
  }).join('');
}

export function cspSafeSvg(svg: string): string {
  return svg
    .replace(/ style="([^"]*)"/g, (_, style: string) => styleToAttributes(style))
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    // Metadata for ECharts' client-side hydration, which we never run.
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '');
}

/** The chart as one <svg> element, with role and accessible name for screen readers. */
export function renderChartSvg(chart: Chart): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chart.width, height: chart.height });
  try {
    instance.setOption(chart.option);
    const svg = cspSafeSvg(instance.renderToSVGString());
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeXml(chart.title)}" `);
  } finally {
    instance.dispose();
  }
}
