// Incidents per month of disclosure, stacked by type: what is rising. Each incident is stacked under
// one main type so a bar's height is the month's number of incidents, not a sum of type mentions.
import { countByPeriod } from '../analyze/stats/count-by-period.ts';
import type { FactRow } from '../analyze/stats/fact-row.ts';
import type { IncidentType } from '../core/record.ts';
import type { Translate } from '../server/i18n/messages.ts';
import { baseOption, type Chart } from './chart.ts';
import { typeColour } from './type-colours.ts';

/**
 * Which of an incident's types it is stacked under: attacks first, then deliberate taking, then
 * slips, then what takes no data — the order of tsr-cause.ts's priority, so the stack agrees with
 * the cause table (a bank clerk who took data and mis-sent it is an insider case).
 */
export const MAIN_TYPE_ORDER: readonly IncidentType[] = [
  'ransomware', 'web_skimming', 'sql_injection', 'unauthorized_access', 'credential_stuffing', 'account_takeover',
  'phishing', 'malware', 'support_scam', 'insider', 'theft', 'misconfiguration', 'misdelivery', 'loss',
  'ddos', 'outage', 'other',
];

export function mainType(types: readonly IncidentType[]): IncidentType | null {
  return MAIN_TYPE_ORDER.find((t) => types.includes(t)) ?? null;
}

export function incidentsPerMonthChart(rows: readonly FactRow[], t: Translate): Chart {
  const months = countByPeriod(rows, 'month').rows.map((r) => r.period);
  const index = new Map(months.map((m, i) => [m, i]));
  const series = new Map<IncidentType | 'unknown', number[]>();
  for (const r of rows) {
    if (!r.disclosureDate) continue;
    const key = mainType(r.incidentTypes) ?? 'unknown';
    if (!series.has(key)) series.set(key, months.map(() => 0));
    series.get(key)![index.get(r.disclosureDate.slice(0, 7))!]! += 1;
  }
  const keys = [...MAIN_TYPE_ORDER, 'unknown' as const].filter((k) => series.has(k));
  const label = (k: IncidentType | 'unknown') => (k === 'unknown' ? t('chart.unknown') : t(`incident_type.${k}`));
  const option = {
    ...baseOption(),
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { bottom: 0, type: 'plain' as const },
    xAxis: { type: 'category' as const, data: months },
    yAxis: { type: 'value' as const, minInterval: 1, name: t('chart.count') },
    series: keys.map((k) => ({ type: 'bar' as const, stack: 'all', name: label(k), data: series.get(k)!, itemStyle: { color: typeColour(k) } })),
  };
  // Room at the bottom for a legend of up to three rows.
  option.grid.bottom = 24 + Math.ceil(keys.length / 5) * 22;
  return {
    id: 'incidents-per-month', title: t('chart.month.title'), note: t('chart.month.note'),
    table: {
      columns: [t('chart.month.col'), ...keys.map(label), t('chart.total')],
      rows: months.map((m, i) => {
        const counts = keys.map((k) => series.get(k)![i]!);
        return [m, ...counts, counts.reduce((a, b) => a + b, 0)];
      }),
    },
    option, width: 720, height: 360,
  };
}
