// Incidents by sector: who is hit.
import type { DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import type { Sector } from '../core/record.ts';
import type { Translate } from '../i18n/messages.ts';
import { categoryBars } from './category-bars.ts';
import type { Chart } from './chart.ts';

export function sectorsChart(figures: DashboardFigures, t: Translate): Chart {
  const bars = categoryBars(figures.sectors, (k) => t(`sector.${k as Sector}`), t('chart.unknown'), t('field.sector'), t('chart.count'));
  return { id: 'sectors', title: t('chart.sectors.title'), note: '', ...bars, width: 480 };
}
