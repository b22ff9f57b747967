// Incidents by sector: who is hit.
import { countBySector } from '../analyze/stats/count-by-sector.ts';
import type { FactRow } from '../analyze/stats/fact-row.ts';
import type { Sector } from '../core/record.ts';
import type { Translate } from '../server/i18n/messages.ts';
import { categoryBars } from './category-bars.ts';
import type { Chart } from './chart.ts';

export function sectorsChart(rows: readonly FactRow[], t: Translate): Chart {
  const b = countBySector(rows);
  const bars = categoryBars(b, (k) => t(`sector.${k as Sector}`), t('chart.unknown'), t('field.sector'), t('chart.count'));
  return { id: 'sectors', title: t('chart.sectors.title'), note: '', ...bars, width: 480 };
}
