// The incidents page (home): search box, facets with counts, sorted and paged rows, all state in the URL.
import { incidentLabel, incidentPath } from '../../core/public-id.ts';
import { html } from 'hono/html';
import { FACETS, type Facet } from '../../analyze/incident-filter.ts';
import type { FacetCounts } from '../../analyze/facet-counts.ts';
import { INCIDENT_SORTS, type IncidentSort } from '../../analyze/incident-order.ts';
import type { IncidentFacts } from '../../app/incident-facts.ts';
import type { PageContext } from '../i18n/locale.ts';
import { formatNumber, type MessageKey } from '../../i18n/messages.ts';
import { incidentQueryParams, type IncidentQuery } from '../incident-query.ts';
import { layout, type Html } from './layout.ts';
import { FACET_TITLES, facetValueLabel, typeLabel } from './labels.ts';
import { markSnippet } from './snippet-marks.ts';
import { clipTitle } from './page-limits.ts';
import { organisationHits } from './organisations-page.ts';
import type { OrganisationSummary } from '../../store/organisation-types.ts';

export interface IncidentsView {
  query: IncidentQuery;
  sort: IncidentSort;
  rows: IncidentFacts[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  counts: FacetCounts;
  /** Incident id → snippet of its best matching notice (search only). */
  snippets: Map<number, string>;
  /** Other spellings the search added (「漏えい」 for 漏洩), said on the page. */
  spellingsAdded?: readonly string[];
  /** Organisations the search matches by name, alias or domain, shown above its incidents. */
  organisations?: { rows: OrganisationSummary[]; total: number };
}

type Filter = IncidentQuery['filter'];

const FACET_KEYS: Record<Facet, keyof Filter> = {
  types: 'types', sectors: 'sectors', dataTypes: 'dataTypes', years: 'years', months: 'months',
  contractor: 'contractor', ppc: 'ppc', attacker: 'attacker', review: 'review',
};

/** The facet's chosen values as URL strings. */
function chosen(filter: Filter, facet: Facet): string[] {
  const v = filter[FACET_KEYS[facet]];
  if (v === undefined) return [];
  if (typeof v === 'boolean') return [v ? 'yes' : 'no'];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** The filter with one facet value switched on or off (single-valued facets replace their value). */
function toggled(filter: Filter, facet: Facet, value: string): Filter {
  const on = chosen(filter, facet).includes(value);
  const next: Filter = { ...filter };
  const set = next as Record<string, unknown>;
  const key = FACET_KEYS[facet];
  if (facet === 'contractor' || facet === 'ppc' || facet === 'attacker') set[key] = on ? undefined : value === 'yes';
  else if (facet === 'review') set[key] = on ? undefined : value;
  else {
    const list = chosen(filter, facet);
    set[key] = on ? list.filter((v) => v !== value) : [...list, value];
    // Months belong to years: dropping the last year drops its months too.
    if (facet === 'years' && on) next.months = (filter.months ?? []).filter((m) => (set[key] as string[]).some((y) => m.startsWith(y)));
  }
  return next;
}

const FACET_ORDER: Partial<Record<Facet, (a: [string, number], b: [string, number]) => number>> = {
  years: (a, b) => b[0].localeCompare(a[0]),
  months: (a, b) => b[0].localeCompare(a[0]),
  contractor: (a, b) => b[0].localeCompare(a[0]),
  ppc: (a, b) => b[0].localeCompare(a[0]),
  attacker: (a, b) => b[0].localeCompare(a[0]),
};

export function incidentsPage(ctx: PageContext, v: IncidentsView): Html {
  const { t } = ctx;
  const { q, filter } = v.query;
  const wide = v.query.wide === true;
  const href = (f: Filter, sort = v.query.sort, page = 1) => {
    const p = incidentQueryParams({ q, filter: f, sort, page, wide }).toString();
    return p ? `/?${p}` : '/';
  };
  // The dataset is chosen in the form itself (core/dataset.ts): every incident unless one is named.
  const hidden = [...incidentQueryParams({ q: '', filter }).entries()].filter(([k]) => k !== 'dataset');
  const first = v.total === 0 ? 0 : (v.page - 1) * v.pageSize + 1;
  const last = Math.min(v.total, v.page * v.pageSize);
  const active = FACETS.flatMap((f) => chosen(filter, f).map((value) => ({ facet: f, value })));
  const sorts = INCIDENT_SORTS.filter((s) => s !== 'relevance' || q);

  // Results come before the facets in the document (keyboard and phone order); the stylesheet puts the
  // facets on the left on wide screens.
  return layout(q ? t('incidents.title.search', { q }) : t('incidents.title'), html`
<h1>${q ? t('incidents.title.search', { q }) : t('incidents.title')}</h1>
<form class="search" method="get" action="/" role="search">
  <label for="q">${t('incidents.search.label')}</label>
  <input id="q" name="q" type="search" value="${q}" maxlength="200" placeholder="${t('incidents.search.placeholder')}">
  <label for="sort">${t('incidents.sort.label')}</label>
  <select id="sort" name="sort">${sorts.map((s) => html`<option value="${s}" ${s === v.sort ? 'selected' : ''}>${t(`incidents.sort.${s}` as MessageKey)}</option>`)}</select>
  <label for="dataset">${t('facet.dataset')}</label>
  <select id="dataset" name="dataset"><option value="">${t('incidents.dataset.any')}</option>${(['jp', 'imported'] as const).map((d) => html`<option value="${d}" ${filter.dataset === d ? 'selected' : ''}>${t(`facet.dataset.${d}`)}</option>`)}</select>
  <label class="wide"><input type="checkbox" name="wide" value="1" ${wide ? 'checked' : ''}> ${t('search.wide')}</label>
  ${hidden.map(([k, val]) => html`<input type="hidden" name="${k}" value="${val}">`)}
  <button type="submit">${t('incidents.search.submit')}</button>
</form>
${q && v.spellingsAdded?.length ? html`<p class="help spellings" role="note">${t('search.spellings', { words: v.spellingsAdded.join(t('search.spellings.separator')) })}</p>` : ''}
${q && v.organisations ? organisationHits(ctx, q, v.organisations) : ''}
<div class="browse">
<section class="results" aria-labelledby="count">
${active.length ? html`<ul class="chips" aria-label="${t('incidents.facet.active')}">
${active.map(({ facet, value }) => html`<li><a href="${href(toggled(filter, facet, value))}" aria-label="${t('incidents.facet.remove', { value: facetValueLabel(t, facet, value) })}">${t(FACET_TITLES[facet])}: ${facetValueLabel(t, facet, value)} ✕</a></li>`)}
<li><a href="${q ? `/?${new URLSearchParams({ q })}` : '/'}">${t('incidents.search.clear')}</a></li>
</ul>` : ''}
<p class="to-facets"><a href="#facets-h">${t('incidents.facets')} ↓</a></p>
<p class="count" id="count" role="status">${v.total ? t('incidents.count', { total: v.total, from: first, to: last }) : t('incidents.count.empty')}</p>
<ol class="incidents">
${v.rows.map((r) => row(r))}
</ol>
${v.pages > 1 ? html`<nav class="pager" aria-label="${t('incidents.pager')}">
  ${v.page > 1 ? html`<a href="${href(filter, v.query.sort, v.page - 1)}" rel="prev">${t('incidents.pager.prev')}</a>` : ''}
  <span>${t('incidents.pager.page', { page: v.page, pages: v.pages })}</span>
  ${v.page < v.pages ? html`<a href="${href(filter, v.query.sort, v.page + 1)}" rel="next">${t('incidents.pager.next')}</a>` : ''}
</nav>` : ''}
</section>
<aside class="facets" aria-labelledby="facets-h">
<h2 id="facets-h">${t('incidents.facets')}</h2>
${FACETS.map((facet) => facetBlock(facet))}
</aside>
</div>`, ctx, { section: 'incidents' });

  function facetBlock(facet: Facet): Html | string {
    const entries = [...v.counts[facet].entries()];
    const picked = chosen(filter, facet);
    // Months only make sense inside chosen years: with none chosen the list would run to hundreds.
    if (facet === 'months' && !(filter.years?.length)) return '';
    if (entries.length === 0 && picked.length === 0) return '';
    for (const p of picked) if (!v.counts[facet].has(p)) entries.push([p, 0]);
    entries.sort(FACET_ORDER[facet] ?? ((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    return html`<section class="facet" data-facet="${facet}">
<h3>${t(FACET_TITLES[facet])}</h3>
<ul>${entries.map(([value, n]) => {
      const on = picked.includes(value);
      return html`<li><a href="${href(toggled(filter, facet, value))}" class="${on ? 'on' : ''}" aria-current="${on ? 'true' : 'false'}" data-value="${value}"><span class="box" aria-hidden="true">${on ? '☑' : '☐'}</span> ${facetValueLabel(t, facet, value)} <span class="n">${formatNumber(ctx.locale, n)}</span></a></li>`;
    })}</ul>
</section>`;
  }

  function row(r: IncidentFacts): Html {
    const snippet = v.snippets.get(r.id);
    return html`<li>
  <a class="title" href="${incidentPath(r)}">${incidentLabel(r) ? html`<span class="num">${incidentLabel(r)}</span> ` : ''}${clipTitle(r.title ?? r.organization ?? t('incidents.title'))}</a>
  <div class="meta">
    <span class="org">${r.organization ?? t('common.unknown_org')}</span>
    <time ${r.disclosureDate ? html`datetime="${r.disclosureDate}"` : ''}>${r.disclosureDate ?? t('common.unknown_date')}</time>
    ${r.incidentTypes.map((x) => html`<span class="tag">${typeLabel(t, x)}</span>`)}
    ${r.affectedCount != null ? html`<span class="people">${t('common.people', { n: r.affectedCount })}</span>` : ''}
    ${r.noticeIds.length > 1 ? html`<span>${t('incidents.notices', { n: r.noticeIds.length })}</span>` : ''}
    ${r.reviewState === 'reviewed' ? html`<span class="reviewed">${t('facet.review.reviewed')}</span>` : ''}
  </div>
  ${snippet ? html`<p class="snippet">${markSnippet(snippet)}</p>` : ''}
</li>`;
  }
}

