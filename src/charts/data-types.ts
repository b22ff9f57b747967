// Incidents by the kind of data that leaked; an incident counts under each kind.
import { countByDataType } from '../analyze/stats/count-by-data-type.ts';
import type { FactRow } from '../analyze/stats/fact-row.ts';
import type { DataType } from '../core/record.ts';
import type { Translate } from '../server/i18n/messages.ts';
import { categoryBars } from './category-bars.ts';
import type { Chart } from './chart.ts';

export function dataTypesChart(rows: readonly FactRow[], t: Translate): Chart {
  const b = countByDataType(rows);
  const bars = categoryBars(b, (k) => t(`data_type.${k as DataType}`), t('chart.unknown'), t('field.data_types'), t('chart.count'));
  return { id: 'data-types', title: t('chart.data_types.title'), note: t('chart.data_types.note'), ...bars, width: 480 };
}
