// Routes of the dashboard: /dashboard over the incidents page's URL filter, and each chart's numbers
// as CSV at /dashboard/<chart>.csv with the same parameters.
import { Hono } from 'hono';
import type { DashboardFigures } from '../../analyze/stats/dashboard-figures.ts';
import { describeScope } from '../../app/describe-scope.ts';
import { scopedFigures, type FactsScope } from '../../app/scoped-facts.ts';
import { CHARTS } from '../../charts/all-charts.ts';
import { tableToCsv } from '../../charts/chart-csv.ts';
import { CHART_IDS, type ChartId } from '../../charts/chart.ts';
import { ChartSvgCache } from '../chart-svg-cache.ts';
import { CLIENT_GONE, clientGone } from '../client-gone.ts';
import { JikenboError } from '../../core/errors.ts';
import type { Store } from '../../store/ports.ts';
import { pageContext } from '../i18n/locale.ts';
import { incidentQueryParams, parseIncidentQuery } from '../incident-query.ts';
import { dashboardPage } from '../pages/dashboard-page.ts';
import { ViewCache } from '../view-cache.ts';

interface DashboardView {
  charts: { chart: ReturnType<(typeof CHARTS)[ChartId]>; svg: string }[];
  figures: DashboardFigures;
}

/** Thrown out of a view's computation when its client has gone, so that the half-drawn view is not kept. */
class ClientGone extends Error {}

/** The filter of a dashboard URL: the incidents page's parameters; its sort and page do not apply. */
export function dashboardScope(queries: Record<string, string[]>): FactsScope {
  const { q, filter } = parseIncidentQuery(queries);
  return { q, filter };
}

export function dashboardRoutes(deps: { store: Store }): Hono {
  const app = new Hono();
  const views = new ViewCache<DashboardView>(16);
  // By content: two filters (or a change of the casebook) that give the same figures draw them once.
  const svgs = new ChartSvgCache();

  app.get('/dashboard', async (c) => {
    const ctx = pageContext(c);
    const scope = dashboardScope(c.req.queries());
    let gone = false;
    // Rendering the charts costs far more than counting: views are kept until the casebook changes.
    const page = await views.get(await deps.store.changeToken(), `${ctx.locale}|${JSON.stringify(scope)}`, async () => {
      // Every figure, the duty's counts included, from the store's one statement over the scope.
      const figures = await scopedFigures(deps.store, scope);
      const charts = CHART_IDS.map((id) => {
        const chart = CHARTS[id](figures, ctx.t);
        // Nobody waits for this page any more: its charts are not drawn (and the view not kept).
        gone ||= clientGone(c);
        return { chart, svg: gone ? '' : svgs.svgOf(chart) };
      });
      if (gone) throw new ClientGone();
      return { charts, figures };
    }).catch((err: unknown) => {
      if (err instanceof ClientGone) return null;
      throw err;
    });
    if (page === null) return new Response(null, { status: CLIENT_GONE });
    return c.html(dashboardPage({
      scope: describeScope(scope, ctx.t), params: incidentQueryParams(scope), figures: page.figures, charts: page.charts,
    }, ctx));
  });

  app.get('/dashboard/:file', async (c) => {
    const file = c.req.param('file');
    const id = file.endsWith('.csv') ? file.slice(0, -4) : '';
    if (!(CHART_IDS as readonly string[]).includes(id)) throw new JikenboError('not_found', `no chart ${file.slice(0, 60)}`);
    const ctx = pageContext(c);
    const chart = CHARTS[id as ChartId](await scopedFigures(deps.store, dashboardScope(c.req.queries())), ctx.t);
    return c.body(tableToCsv(chart.table), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}.csv"`,
    });
  });

  return app;
}
