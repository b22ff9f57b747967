// The dashboard's and the report's charts by id, in the order they are shown.
import type { DashboardFigures } from '../analyze/stats/dashboard-figures.ts';
import type { Translate } from '../i18n/messages.ts';
import { affectedPeopleChart } from './affected-people.ts';
import type { Chart, ChartId } from './chart.ts';
import { dataTypesChart } from './data-types.ts';
import { disclosureDelayChart } from './disclosure-delay.ts';
import { incidentsPerMonthChart } from './incidents-per-month.ts';
import { sectorsChart } from './sectors.ts';

export const CHARTS: Record<ChartId, (figures: DashboardFigures, t: Translate) => Chart> = {
  'incidents-per-month': incidentsPerMonthChart,
  sectors: sectorsChart,
  'data-types': dataTypesChart,
  'affected-people': affectedPeopleChart,
  'disclosure-delay': disclosureDelayChart,
};
