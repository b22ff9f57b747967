// Incidents by the kind of data that leaked; an incident counts under each kind.
import type { DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import type { DataType } from '../core/record.ts';
import type { Translate } from '../i18n/messages.ts';
import { categoryBars } from './category-bars.ts';
import type { Chart } from './chart.ts';

export function dataTypesChart(figures: DashboardFigures, t: Translate): Chart {
  const bars = categoryBars(figures.dataTypes, (k) => t(`data_type.${k as DataType}`), t('chart.unknown'), t('field.data_types'), t('chart.count'));
  return { id: 'data-types', title: t('chart.data_types.title'), note: t('chart.data_types.note'), ...bars, width: 480 };
}
