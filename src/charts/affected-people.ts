// The largest incidents by people affected, on a log scale so a 30-person mis-sent mail and a
// 3-million-person breach fit one axis. Organisation names are untrusted text: both renderers escape
// text they write into SVG (tested), and axis labels are cut short so a long name cannot swamp it.
import { LARGEST, type DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import type { FactRow } from '../analyze/stats/fact-row.ts';
import { mainType } from '../analyze/stats/main-type.ts';
import type { Translate } from '../i18n/messages.ts';
import { baseOption, type Chart } from './chart.ts';
import { typeColour } from './type-colours.ts';

export { LARGEST };
const LABEL_CHARS = 22;

export function affectedPeopleChart(figures: DashboardFigures, t: Translate): Chart {
  const largest = figures.largest as (FactRow & { affectedCount: number })[];
  const name = (r: FactRow) => `${r.organization ?? t('common.unknown_org')}${r.number ? ` #${r.number}` : ''}`;
  const short = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);
  return {
    id: 'affected-people', title: t('chart.affected.title'), note: t('chart.affected.note', { n: LARGEST }),
    table: {
      columns: [t('chart.affected.col.incident'), t('chart.affected.col.organization'), t('field.disclosure_date'), t('chart.affected.col.people')],
      rows: largest.map((r) => [r.number ?? '', r.organization ?? '', r.disclosureDate ?? '', r.affectedCount]),
    },
    plot: {
      kind: 'bars', log: true, categories: largest.map((r) => short(name(r))), values: largest.map((r) => r.affectedCount),
      colours: largest.map((r) => typeColour(mainType(r.incidentTypes))),
    },
    option: {
      ...baseOption(),
      grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'log', logBase: 10, min: 1 },
      yAxis: { type: 'category', inverse: true, data: largest.map((r) => short(name(r))) },
      // Each bar in its incident's main type's colour, as in the month chart.
      series: [{ type: 'bar', data: largest.map((r) => ({ value: r.affectedCount, itemStyle: { color: typeColour(mainType(r.incidentTypes)) } })), label: { show: true, position: 'right' } }],
    },
    width: 720, height: Math.max(120, 26 * largest.length + 48),
  };
}
