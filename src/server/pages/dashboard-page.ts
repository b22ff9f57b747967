// The dashboard: the current filter's summary figures and charts, each chart drawn as SVG on the
// server (no client script) with its numbers as a table and a CSV link. The SVG is drawn by
// charts/draw-svg.ts, which escapes the text it draws (organisation names included); nothing else is raw.
import { html, raw } from 'hono/html';
import type { DashboardFigures } from '../../analyze/stats/dashboard-figures.ts';
import type { Chart } from '../../charts/chart.ts';
import type { PageContext } from '../i18n/locale.ts';
import { layout, type Html } from './layout.ts';

export interface DashboardView {
  /** The filter in words. */
  scope: string;
  /** The filter as URL parameters (without lang), for the incidents link and the CSV links. */
  params: URLSearchParams;
  /** The figures, the duty among them: incidents that look reportable, of them with no report mentioned, in doubt. */
  figures: DashboardFigures;
  charts: { chart: Chart; svg: string }[];
}

export function dashboardPage(view: DashboardView, ctx: PageContext): Html {
  const { t } = ctx;
  const query = view.params.toString();
  const suffix = query ? `?${query}` : '';
  const s = view.figures;
  // The figures count the Japanese notices' incidents unless the URL names a dataset (core/dataset.ts).
  const withImported = new URLSearchParams(view.params);
  withImported.set('dataset', 'all');
  const delay = s.discoveredToDisclosed;
  const none = t('common.none');
  const share = s.contractor.share === null ? none : `${(s.contractor.share * 100).toFixed(1)}%`;
  return layout(t('dashboard.title'), html`
<h1>${t('dashboard.title')}</h1>
<p class="help">${t('dashboard.scope', { filter: view.scope })} — ${t('dashboard.incidents', { n: s.incidents })} · <a href="/${suffix}">${t('dashboard.edit_filter')}</a>${view.params.has('dataset') ? '' : html` · <a href="/dashboard?${withImported.toString()}">${t('dashboard.include_imported')}</a>`}</p>
${s.incidents === 0 ? html`<p class="count">${t('dashboard.empty')}</p>` : html`
<section aria-labelledby="summary">
<h2 id="summary">${t('dashboard.summary')}</h2>
<ul>
<li>${t('dashboard.summary.people', { total: s.affected.total, n: s.affected.counted })}</li>
<li>${t('dashboard.summary.delay', { median: delay.median ?? none, p90: delay.p90 ?? none, n: delay.incidents })}</li>
<li>${t('dashboard.summary.contractor', { involved: s.contractor.involved, share })}</li>
<li>${t('dashboard.summary.duty', { reportable: s.duty.reportable, unmentioned: s.duty.unmentioned, doubtful: s.duty.doubtful })}</li>
</ul>
</section>
${view.charts.map(({ chart, svg }) => html`
<section id="${chart.id}" aria-labelledby="${chart.id}-title">
<h2 id="${chart.id}-title">${chart.title}</h2>
<figure class="table-wrap">${raw(svg)}${chart.note ? html`<figcaption class="help">${chart.note}</figcaption>` : ''}</figure>
<details>
<summary>${t('dashboard.table')}</summary>
<div class="table-wrap"><table>
<thead><tr>${chart.table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${chart.table.rows.map((r) => html`<tr>${r.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td>${typeof v === 'number' ? v.toLocaleString(ctx.locale === 'ja' ? 'ja-JP' : 'en-GB') : v}</td>`))}</tr>`)}</tbody>
</table></div>
</details>
<p><a href="/dashboard/${chart.id}.csv${suffix}" download>${t('dashboard.csv')}</a></p>
</section>`)}`}
`, ctx, { section: 'dashboard' });
}
