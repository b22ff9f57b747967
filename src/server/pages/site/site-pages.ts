// The pages of the published site (jikenbo publish, app/publish-site.ts): an index, one page per
// incident in numbered order with its record, the sentence behind each value and its notices quoted
// with a link to the copy of each original, monthly archives, a page per incident type and per sector,
// the dashboard (charts as inline SVG, charts/draw-svg.ts, which escapes what it draws) and an Atom feed.
// Every notice text and value passes through hono/html's escaping; the only link that leaves the site
// is a notice's own source URL, and only when it is http(s) (source-link.ts's httpUrl).
import { html, raw } from 'hono/html';
import { MERGE_RULES, type MergedField, type Provenance } from '../../../analyze/merge-incident.ts';
import type { DutyAssessment } from '../../../analyze/reporting-duty.ts';
import type { PublishedIncident, SiteFile, SiteModel, SiteRenderer } from '../../../app/publish-site.ts';
import { CHARTS } from '../../../charts/all-charts.ts';
import { CHART_IDS } from '../../../charts/chart.ts';
import { drawChartSvg } from '../../../charts/draw-svg.ts';
import { INCIDENT_TYPES, RECORD_KEYS, SECTORS, type IncidentType, type RecordKey, type Sector } from '../../../core/record.ts';
import { noticeLabel } from '../../../core/public-id.ts';
import { incidentsToAtom } from '../../../formats/atom.ts';
import { translator, type Locale } from '../../../i18n/messages.ts';
import type { NoticeDetail } from '../../../store/store.ts';
import { STYLESHEET } from '../../stylesheet.ts';
import { segmentByEvidence, shownSpans } from '../../highlight.ts';
import { fieldLabel, sectorLabel, typeLabel, valueText } from '../labels.ts';
import type { Html } from '../layout.ts';
import { MAX_PAGE_TEXT_CHARS, clipText, clipTitle } from '../page-limits.ts';
import { httpUrl } from '../source-link.ts';
import {
  href, incidentPage, monthPage, onPage, sectorPage, siteContext, siteLayout, toRoot, typePage, type SiteContext,
} from './site-layout.ts';

/** What the site adds to the web app's stylesheet. */
const SITE_CSS = `
main { overflow-wrap:anywhere; }
.pager { display:flex; justify-content:space-between; gap:1rem; margin:1rem 0; }
.sentence { color:var(--muted); font-size:.9rem; }
ul.labels, ul.months { display:flex; flex-wrap:wrap; gap:.3rem 1rem; list-style:none; padding:0; }
`;

const MERGED = RECORD_KEYS.filter((k): k is MergedField & RecordKey => Object.hasOwn(MERGE_RULES, k));

/** The sentence of `text` around a span: back to the previous 。 or line break, on to the next, at most 300 characters. */
export function sentenceAround(text: string, start: number, end: number): string {
  const stops = /[。\n！？!?]/;
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  while (s > 0 && !stops.test(text[s - 1]!) && start - s < 150) s--;
  while (e < text.length && !stops.test(text[e - 1] ?? '') && e - end < 150) e++;
  return text.slice(s, e).trim();
}

const incidentName = (t: SiteContext['t'], i: PublishedIncident): string =>
  i.incident.number ? t('incident.title', { number: i.incident.number })
    : i.incident.externalId ? t('incident.imported_title', { id: i.incident.externalId }) : t('incident.unnumbered');

/** One line of a list of incidents: its number, title, organisation and date, linked to its page. */
function incidentItem(ctx: SiteContext, i: PublishedIncident): Html {
  const f = i.facts;
  return html`<li><a href="${href(ctx, incidentPage(i.publicId))}">${incidentName(ctx.t, i)}</a> ${clipTitle(f.title ?? '')}
 <span class="meta">${f.organization ?? ctx.t('common.unknown_org')} · <time>${f.disclosureDate ?? ctx.t('common.unknown_date')}</time></span></li>`;
}

function incidentList(ctx: SiteContext, list: readonly PublishedIncident[]): Html {
  return list.length ? html`<ol class="related">${list.map((i) => incidentItem(ctx, i))}</ol>` : html`<p>${ctx.t('site.empty')}</p>`;
}

interface Groups {
  months: Map<string | null, PublishedIncident[]>;
  types: Map<IncidentType, PublishedIncident[]>;
  sectors: Map<Sector, PublishedIncident[]>;
}

function groupsOf(model: SiteModel): Groups {
  const add = <K>(m: Map<K, PublishedIncident[]>, k: K, i: PublishedIncident) => (m.get(k) ?? m.set(k, []).get(k)!).push(i);
  const g: Groups = { months: new Map(), types: new Map(), sectors: new Map() };
  for (const i of model.incidents) {
    add(g.months, i.facts.disclosureDate?.slice(0, 7) ?? null, i);
    for (const type of new Set(i.facts.incidentTypes)) add(g.types, type, i);
    if (i.facts.sector) add(g.sectors, i.facts.sector, i);
  }
  // Newest month first, the undated last; types and sectors in the taxonomy's order.
  g.months = new Map([...g.months].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b.localeCompare(a))));
  g.types = new Map([...g.types].sort(([a], [b]) => INCIDENT_TYPES.indexOf(a) - INCIDENT_TYPES.indexOf(b)));
  g.sectors = new Map([...g.sectors].sort(([a], [b]) => SECTORS.indexOf(a) - SECTORS.indexOf(b)));
  return g;
}

export function indexPage(ctx: SiteContext, model: SiteModel, g: Groups = groupsOf(model)): Html {
  const { t } = ctx;
  const count = (n: number) => t('site.count', { n });
  return siteLayout(ctx, t('site.title'), html`
<h1>${t('site.title')}</h1>
<p class="help">${t('site.intro', { n: model.incidents.length })}</p>
<section aria-labelledby="months"><h2 id="months">${t('site.nav.months')}</h2>
${g.months.size ? html`<ul class="months">${[...g.months].map(([m, list]) => html`<li><a href="${href(ctx, monthPage(m))}">${m ?? t('site.month.undated')}</a> (${count(list.length)})</li>`)}</ul>` : html`<p>${t('site.empty')}</p>`}
</section>
<section aria-labelledby="types"><h2 id="types">${t('site.nav.types')}</h2>
<ul class="labels">${[...g.types].map(([k, list]) => html`<li><a href="${href(ctx, typePage(k))}">${typeLabel(t, k)}</a> (${count(list.length)})</li>`)}</ul>
</section>
<section aria-labelledby="sectors"><h2 id="sectors">${t('site.nav.sectors')}</h2>
<ul class="labels">${[...g.sectors].map(([k, list]) => html`<li><a href="${href(ctx, sectorPage(k))}">${sectorLabel(t, k)}</a> (${count(list.length)})</li>`)}</ul>
</section>
<section aria-labelledby="all"><h2 id="all">${t('site.nav.index')}</h2>
${incidentList(ctx, [...model.incidents].reverse())}
</section>`, model.generatedAt);
}

export function listPage(ctx: SiteContext, model: SiteModel, title: string, list: readonly PublishedIncident[]): Html {
  return siteLayout(ctx, title, html`<h1>${title}</h1>
<p class="count">${ctx.t('site.count', { n: list.length })}</p>
${incidentList(ctx, list)}`, model.generatedAt);
}

/** The incident's page: pager, record with the sentence behind each value, timeline, duty, notices with their originals. */
export function incidentSitePage(ctx: SiteContext, model: SiteModel, index: number): Html {
  const { t, locale } = ctx;
  const item = model.incidents[index]!;
  const prev = model.incidents[index - 1];
  const next = model.incidents[index + 1];
  const m = item.incident.merged;
  const byId = new Map(item.notices.map((n) => [n.id, n]));
  const name = incidentName(t, item);

  const pager = html`<nav class="pager" aria-label="${name}">
${prev ? html`<a href="${href(ctx, incidentPage(prev.publicId))}" rel="prev">${t('site.incident.prev', { id: prev.publicId })}</a>` : html`<span></span>`}
${next ? html`<a href="${href(ctx, incidentPage(next.publicId))}" rel="next">${t('site.incident.next', { id: next.publicId })}</a>` : html`<span></span>`}
</nav>`;

  const row = (field: MergedField & RecordKey): Html => {
    const prov = m[field] as Provenance<unknown>;
    const shown = valueText(t, field, prov.value, locale);
    const source = prov.noticeId !== null ? byId.get(prov.noticeId) : undefined;
    const span = source ? shownSpans(Math.min(source.text.length, MAX_PAGE_TEXT_CHARS), source.record.evidence[field])[0] : undefined;
    const anchor = source && span ? `n${source.id}-ev-${field}-${span.n}` : null;
    const sentence = source && span ? sentenceAround(source.text, span.start, span.end) : null;
    return html`<tr data-field="${field}">
<th scope="row">${fieldLabel(t, field)}</th>
<td class="value">${anchor ? html`<a href="#${anchor}">${shown}</a>` : shown}</td>
<td class="sentence">${prov.rule === 'person' ? t('site.incident.person')
    : sentence ? html`「${sentence}」 <a href="#notice-${source!.id}">${t('incident.source.notice', { id: noticeLabel(source!.id) })}</a>` : t('site.incident.no_sentence')}</td>
</tr>`;
  };

  const labels = [
    ...[...new Set(item.facts.incidentTypes)].map((k) => html`<li><a href="${href(ctx, typePage(k))}">${typeLabel(t, k)}</a></li>`),
    ...(item.facts.sector ? [html`<li><a href="${href(ctx, sectorPage(item.facts.sector))}">${sectorLabel(t, item.facts.sector)}</a></li>`] : []),
    html`<li><a href="${href(ctx, monthPage(item.facts.disclosureDate?.slice(0, 7) ?? null))}">${item.facts.disclosureDate?.slice(0, 7) ?? t('site.month.undated')}</a></li>`,
  ];

  return siteLayout(ctx, `${name} ${m.title.value ?? ''}`, html`
${pager}
<h1><span class="num">${name}</span> ${clipTitle(m.title.value ?? m.organization.value ?? '')}</h1>
<p class="meta"><span class="org">${m.organization.value ?? t('common.unknown_org')}</span> <time>${m.disclosure_date.value ?? t('common.unknown_date')}</time></p>
<ul class="labels" aria-label="${t('site.incident.labels')}">${labels}</ul>
<section aria-labelledby="record-h">
<h2 id="record-h">${t('incident.record')}</h2>
<div class="table-wrap"><table class="record">
<thead><tr><th scope="col">${t('incident.field')}</th><th scope="col">${t('incident.value')}</th><th scope="col">${t('site.incident.sentence')}</th></tr></thead>
<tbody>${MERGED.map(row)}</tbody>
</table></div>
</section>
<section aria-labelledby="timeline-h">
<h2 id="timeline-h">${t('incident.timeline')}</h2>
${timeline(ctx, item)}
${dutyBlock(ctx, item.duty)}
</section>
<section aria-labelledby="notices-h">
<h2 id="notices-h">${t('incident.notices')}</h2>
${item.notices.map((n) => noticeArticle(ctx, item, n))}
</section>
${pager}`, model.generatedAt);
}

function noticeArticle(ctx: SiteContext, item: PublishedIncident, n: NoticeDetail): Html {
  const { t } = ctx;
  const d = n.document;
  const fetch = item.fetches.get(d.id)?.at(-1);
  const sourceUrl = fetch?.requestedUrl ?? (httpUrl(d.source) ? d.source : null);
  const link = sourceUrl === null ? null : httpUrl(sourceUrl);
  const original = item.originals.get(d.id);
  return html`<article class="notice-card" id="notice-${n.id}" aria-labelledby="notice-${n.id}-h">
<h3 id="notice-${n.id}-h">${t('incident.notice.heading', { id: noticeLabel(n.id), title: clipTitle(n.title ?? n.header) })}</h3>
<p class="meta"><span class="org">${n.organization ?? t('common.unknown_org')}</span> <time>${n.disclosureDate ?? t('common.unknown_date')}</time>
${original ? html` · <a href="${toRoot(ctx)}${original}" class="original">${t('site.incident.original')}</a>` : ''}
 (${t('incident.document', { type: d.mediaType + (d.encoding ? `, ${d.encoding}` : ''), size: t('common.bytes', { n: d.byteLength }), sha: `${d.sha256.slice(0, 16)}…` })})</p>
${sourceUrl !== null ? html`<p class="meta source">${t('source.url')}: ${link
    ? html`<a href="${link}" rel="noopener noreferrer nofollow" class="source-url">${clipTitle(sourceUrl)}</a>`
    : html`<span class="source-url">${clipTitle(sourceUrl)}</span>`}</p>` : ''}
${noticeText(ctx, n)}
</article>`;
}

/** The notice's text with its evidence marked, anchors `n<id>-ev-<field>-<i>` as on the web app's pages. */
function noticeText(ctx: SiteContext, n: NoticeDetail): Html {
  const shown = clipText(n.text, MAX_PAGE_TEXT_CHARS);
  const segments = segmentByEvidence(shown, n.record.evidence);
  const label = (fields: string[]) => fields.map((f) => fieldLabel(ctx.t, f as RecordKey)).join(', ');
  return html`<pre class="notice-text" data-notice="${n.id}">${segments.map((s) => {
    const anchors = s.anchors.map((a) => html`<span class="anchor" id="n${n.id}-${a}"></span>`);
    return s.fields.length ? html`${anchors}<mark class="ev" title="${label(s.fields)}">${s.text}</mark>` : html`${anchors}${s.text}`;
  })}</pre>${shown.length < n.text.length ? html`<p class="clipped">${ctx.t('site.text.clipped', { shown: shown.length, total: n.text.length })}</p>` : ''}`;
}

function timeline(ctx: SiteContext, item: PublishedIncident): Html {
  const { t } = ctx;
  const m = item.incident.merged;
  const events: { date: string; label: string }[] = [];
  if (m.occurred_date.value) events.push({ date: m.occurred_date.value, label: t('incident.timeline.occurred') });
  if (m.discovered_date.value) events.push({ date: m.discovered_date.value, label: t('incident.timeline.discovered') });
  for (const r of item.duty.reports) {
    if (r.date) events.push({ date: r.date, label: t(r.kind === 'sokuho' ? 'incident.timeline.reported_sokuho' : r.kind === 'kakuho' ? 'incident.timeline.reported_kakuho' : 'incident.timeline.reported') });
  }
  for (const n of item.notices) {
    if (n.disclosureDate) events.push({ date: n.disclosureDate, label: `${t('incident.timeline.disclosed')} (${noticeLabel(n.id)})` });
  }
  events.sort((a, b) => a.date.localeCompare(b.date));
  if (!events.length) return html`<p>${t('incident.timeline.empty')}</p>`;
  return html`<ol class="timeline">${events.map((e) => html`<li><time datetime="${e.date}">${e.date}</time> <strong>${e.label}</strong></li>`)}</ol>`;
}

function dutyBlock(ctx: SiteContext, duty: DutyAssessment): Html {
  const { t } = ctx;
  return html`<div class="duty"><h3>${t('duty.title')}: <span class="duty-${duty.status}">${t(`duty.status.${duty.status}`)}</span></h3>
${duty.conditions.length ? html`<ul>${duty.conditions.map((c) => html`<li>${c.label}${c.sentence ? html` — 「${c.sentence}」` : ''}</li>`)}</ul>` : ''}
${duty.doubts.length ? html`<ul>${duty.doubts.map((d) => html`<li>${t(`duty.doubt.${d.kind}`)}${d.sentence ? html` — 「${d.sentence}」` : ''}</li>`)}</ul>` : ''}</div>`;
}

/** The dashboard over the published incidents: figures, and each chart as inline SVG with its numbers as a table. */
export function dashboardSitePage(ctx: SiteContext, model: SiteModel): Html {
  const { t } = ctx;
  const s = model.figures;
  const none = t('common.none');
  const delay = s.discoveredToDisclosed;
  const share = s.contractor.share === null ? none : `${(s.contractor.share * 100).toFixed(1)}%`;
  const charts = CHART_IDS.map((id) => CHARTS[id](s, t));
  const number = (v: number) => v.toLocaleString(ctx.locale === 'ja' ? 'ja-JP' : 'en-GB');
  return siteLayout(ctx, t('dashboard.title'), html`<h1>${t('dashboard.title')}</h1>
<p class="help">${t('dashboard.incidents', { n: s.incidents })}</p>
${s.incidents === 0 ? html`<p class="count">${t('site.empty')}</p>` : html`
<section aria-labelledby="summary"><h2 id="summary">${t('dashboard.summary')}</h2><ul>
<li>${t('dashboard.summary.people', { total: s.affected.total, n: s.affected.counted })}</li>
<li>${t('dashboard.summary.delay', { median: delay.median ?? none, p90: delay.p90 ?? none, n: delay.incidents })}</li>
<li>${t('dashboard.summary.contractor', { involved: s.contractor.involved, share })}</li>
<li>${t('dashboard.summary.duty', { reportable: s.duty.reportable, unmentioned: s.duty.unmentioned, doubtful: s.duty.doubtful })}</li>
</ul></section>
${charts.map((chart) => html`<section id="${chart.id}" aria-labelledby="${chart.id}-title">
<h2 id="${chart.id}-title">${chart.title}</h2>
<figure class="table-wrap">${raw(drawChartSvg(chart))}${chart.note ? html`<figcaption class="help">${chart.note}</figcaption>` : ''}</figure>
<details><summary>${t('dashboard.table')}</summary><div class="table-wrap"><table>
<thead><tr>${chart.table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${chart.table.rows.map((r) => html`<tr>${r.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td>${typeof v === 'number' ? number(v) : v}</td>`))}</tr>`)}</tbody>
</table></div></details>
</section>`)}`}`, model.generatedAt);
}

/** The Atom feed of the published incidents, its links relative to the feed (RFC 4287 allows IRI references). */
export function siteFeed(ctx: SiteContext, model: SiteModel): string {
  const pageOf = new Map(model.incidents.map((i) => [i.incident.id, incidentPage(i.publicId)]));
  return incidentsToAtom([...model.incidents].reverse().map((i) => i.facts), {
    selfUrl: 'feed.atom', alternateUrl: 'index.html', incidentUrl: (r) => pageOf.get(r.id) ?? 'index.html',
    title: `${ctx.t('site.title')} — jikenbo 事件簿`, fallbackUpdated: model.generatedAt,
  });
}

const page = async (path: string, h: Html): Promise<SiteFile> => ({ path, content: String(await h) });

/** The site's files, each made when it is written: a large casebook is never held as pages in memory. */
export const siteRenderer: SiteRenderer = {
  fileCount(model, locales) {
    const g = groupsOf(model);
    return 2 + locales.length * (3 + model.incidents.length + g.months.size + g.types.size + g.sectors.size);
  },
  async *languagePages(model: SiteModel, locale: Locale, locales: readonly Locale[]) {
    const base = siteContext(locale, locales, model.timeZone);
    const at = (p: string) => onPage(base, p);
    const g = groupsOf(model);
    const t = base.t;
    yield page(`${locale}/index.html`, indexPage(at('index.html'), model, g));
    yield page(`${locale}/dashboard.html`, dashboardSitePage(at('dashboard.html'), model));
    yield { path: `${locale}/feed.atom`, content: siteFeed(base, model) };
    for (let i = 0; i < model.incidents.length; i++) {
      const p = incidentPage(model.incidents[i]!.publicId);
      yield page(`${locale}/${p}`, incidentSitePage(at(p), model, i));
    }
    for (const [m, list] of g.months) yield page(`${locale}/${monthPage(m)}`, listPage(at(monthPage(m)), model, m === null ? t('site.month.undated') : t('site.month.title', { month: m }), list));
    for (const [k, list] of g.types) yield page(`${locale}/${typePage(k)}`, listPage(at(typePage(k)), model, t('site.type.title', { label: typeLabel(t, k) }), list));
    for (const [k, list] of g.sectors) yield page(`${locale}/${sectorPage(k)}`, listPage(at(sectorPage(k)), model, t('site.sector.title', { label: sectorLabel(t, k) }), list));
  },
  async *rootPages(model: SiteModel, locales: readonly Locale[]) {
    yield { path: 'style.css', content: STYLESHEET + SITE_CSS };
    const first = translator(locales[0]!);
    yield page('index.html', html`<!doctype html>
<html lang="${locales[0]!}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${first('site.title')}</title>
<link rel="stylesheet" href="style.css"></head>
<body><main id="main"><h1>jikenbo <span lang="ja">事件簿</span></h1>
<nav aria-label="${first('site.languages')}"><ul>${locales.map((l) => html`<li><a href="${l}/index.html" lang="${l}" hreflang="${l}">${translator(l)('site.title')} (${l === 'ja' ? '日本語' : 'English'})</a></li>`)}</ul></nav>
<p class="help">${first('site.intro', { n: model.incidents.length })}</p></main></body></html>`);
  },
};
