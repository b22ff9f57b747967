// The organisations list (/organisations) and one organisation's page (/organisations/:id): its names
// as written, other names, domains, sector and incidents with their data types and counts, and for
// editors the forms that add a name, merge it into another and split incidents off. Every name comes
// from notices or people: all of it goes through hono/html escaping.
import { html } from 'hono/html';
import type { OrganisationView } from '../../app/organisations.ts';
import { allows } from '../../core/access.ts';
import { incidentLabel, incidentPath } from '../../core/public-id.ts';
import type { Sector } from '../../core/record.ts';
import { formatNumber, type MessageKey } from '../../i18n/messages.ts';
import type { OrganisationChange, OrganisationSummary } from '../../store/organisation-types.ts';
import type { PageContext } from '../i18n/locale.ts';
import { dataLabel, sectorLabel, typeLabel } from './labels.ts';
import { csrfField, layout, type Html } from './layout.ts';
import { clipTitle } from './page-limits.ts';

export interface OrganisationsView {
  q: string;
  rows: OrganisationSummary[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

export const organisationPath = (o: { id: number }) => `/organisations/${o.id}`;

const sectorText = (ctx: PageContext, sector: string | null) => (sector ? sectorLabel(ctx.t, sector as Sector) : '');

/** One organisation as a line of a list: its name, and when a person split it off, who did. */
export function organisationLink(ctx: PageContext, o: OrganisationSummary): Html {
  return html`<a href="${organisationPath(o)}">${clipTitle(o.name)}</a>${o.createdBy ? html` <small>${ctx.t('orgs.split_by', { by: o.createdBy })}</small>` : ''}`;
}

/** The organisations a search box query matches, shown above the incidents it finds. */
export function organisationHits(ctx: PageContext, q: string, hits: { rows: OrganisationSummary[]; total: number }): Html {
  const { t } = ctx;
  if (hits.total === 0) return html``;
  return html`<section class="org-hits" aria-labelledby="org-hits-h">
<h2 id="org-hits-h">${t('search.orgs')}</h2>
<ul>${hits.rows.map((o) => html`<li data-organisation="${o.id}">${organisationLink(ctx, o)}
  <span class="meta">${t('orgs.col.incidents')} ${formatNumber(ctx.locale, o.incidentCount)}${o.sector ? html` · ${sectorText(ctx, o.sector)}` : ''}${o.latestDate ? html` · ${o.latestDate}` : ''}</span></li>`)}</ul>
${hits.total > hits.rows.length ? html`<p><a href="/organisations?${new URLSearchParams({ q })}">${t('search.orgs.more', { n: hits.total })}</a></p>` : ''}
</section>`;
}

export function organisationsPage(ctx: PageContext, v: OrganisationsView): Html {
  const { t } = ctx;
  const title = v.q ? t('orgs.title.search', { q: v.q }) : t('orgs.title');
  const href = (page: number) => `/organisations?${new URLSearchParams({ ...(v.q ? { q: v.q } : {}), page: String(page) })}`;
  const first = v.total === 0 ? 0 : (v.page - 1) * v.pageSize + 1;
  const last = Math.min(v.total, v.page * v.pageSize);
  return layout(title, html`<h1>${title}</h1>
<p>${t('orgs.intro')}</p>
<form class="search" method="get" action="/organisations" role="search">
  <label for="org-q">${t('orgs.search.label')}</label>
  <input id="org-q" name="q" type="search" value="${v.q}" maxlength="200">
  <button type="submit">${t('orgs.search.submit')}</button>
</form>
<p class="count" role="status">${v.total ? t('orgs.count', { total: formatNumber(ctx.locale, v.total), from: first, to: last }) : t('orgs.count.empty')}</p>
${v.rows.length ? html`<div class="table-wrap"><table class="stack organisations">
<thead><tr><th scope="col">${t('orgs.col.name')}</th><th scope="col">${t('orgs.col.sector')}</th><th scope="col">${t('orgs.col.incidents')}</th><th scope="col">${t('orgs.col.latest')}</th></tr></thead>
<tbody>${v.rows.map((o) => html`<tr data-organisation="${o.id}">
  <td data-label="${t('orgs.col.name')}">${organisationLink(ctx, o)}</td>
  <td data-label="${t('orgs.col.sector')}">${sectorText(ctx, o.sector)}</td>
  <td data-label="${t('orgs.col.incidents')}" class="num">${formatNumber(ctx.locale, o.incidentCount)}</td>
  <td data-label="${t('orgs.col.latest')}">${o.latestDate ?? ''}</td>
</tr>`)}</tbody></table></div>` : ''}
${v.pages > 1 ? html`<nav class="pager" aria-label="${title}">
  ${v.page > 1 ? html`<a href="${href(v.page - 1)}" rel="prev">${t('orgs.page.prev')}</a>` : ''}
  <span>${v.page} / ${v.pages}</span>
  ${v.page < v.pages ? html`<a href="${href(v.page + 1)}" rel="next">${t('orgs.page.next')}</a>` : ''}
</nav>` : ''}`, ctx, { section: 'organisations' });
}

function changeText(ctx: PageContext, c: OrganisationChange): string {
  const { t } = ctx;
  const id = String(c.detail.from ?? c.detail.into ?? '');
  const what = t(`org.action.${c.action}` as MessageKey, { id });
  const value = typeof c.detail.value === 'string' ? `「${c.detail.value}」` : '';
  const reason = typeof c.detail.reason === 'string' && c.detail.reason ? ` — ${c.detail.reason}` : '';
  return `${what}${value}${reason}`;
}

export function organisationPage(ctx: PageContext, v: OrganisationView): Html {
  const { t, locale } = ctx;
  const o = v.organisation;
  const canEdit = ctx.viewer !== null && allows(ctx.viewer.role, 'edit');
  const domains = [
    ...o.noticeDomains.map((d) => ({ d, from: t('org.domains.notice') })),
    ...v.mappedDomains.map((d) => ({ d, from: t('org.domains.mapped') })),
    ...o.added.filter((a) => a.kind === 'domain').map((a) => ({ d: a.value, from: t('org.added_by', { by: a.by }) })),
  ];
  const names = o.added.filter((a) => a.kind !== 'domain');
  return layout(t('org.title', { name: o.name }), html`<h1>${t('org.title', { name: clipTitle(o.name) })}</h1>
<p class="meta ids">${t('org.id', { id: o.id })}${o.createdBy ? html` · ${t('orgs.split_by', { by: o.createdBy })}` : ''}</p>
<dl class="organisation">
  <dt>${t('org.names')}</dt><dd><ul class="names">${o.names.map((n) => html`<li>${n.name} <small>${t('org.names.count', { n: n.notices })}</small></li>`)}</ul></dd>
  <dt>${t('org.added')}</dt><dd>${names.length ? html`<ul class="aliases">${names.map((a) => html`<li>${a.value} <small>${t(`org.kind.${a.kind}` as MessageKey)} · ${t('org.added_by', { by: a.by })}</small></li>`)}</ul>` : t('org.none')}</dd>
  <dt>${t('org.latin')}</dt><dd>${o.latinKeys.length ? o.latinKeys.join(', ') : t('org.none')}</dd>
  <dt>${t('org.domains')}</dt><dd>${domains.length ? html`<ul class="domains">${domains.map((x) => html`<li>${x.d} <small>${x.from}</small></li>`)}</ul>` : t('org.none')}</dd>
  <dt>${t('org.sector')}</dt><dd>${o.sector ? sectorText(ctx, o.sector) : t('org.none')}</dd>
</dl>
<section aria-labelledby="org-incidents-h">
<h2 id="org-incidents-h">${t('org.incidents', { n: v.incidents.length })}</h2>
${canEdit ? html`<form method="post" action="/organisations/${o.id}/split" id="split-form">${csrfField(ctx)}` : ''}
<div class="table-wrap"><table class="stack org-incidents">
<thead><tr>${canEdit ? html`<th scope="col"></th>` : ''}<th scope="col">${t('org.col.number')}</th><th scope="col">${t('org.col.title')}</th><th scope="col">${t('org.col.date')}</th>
<th scope="col">${t('org.col.types')}</th><th scope="col">${t('org.col.data')}</th><th scope="col">${t('org.col.affected')}</th></tr></thead>
<tbody>${v.incidents.map((i) => html`<tr data-incident="${i.id}">
  ${canEdit ? html`<td><input type="checkbox" name="incidents" value="${i.number ?? i.id}" aria-label="${incidentLabel(i) ?? i.id}"></td>` : ''}
  <td data-label="${t('org.col.number')}"><a href="${incidentPath(i)}">${incidentLabel(i) ?? i.id}</a></td>
  <td data-label="${t('org.col.title')}">${clipTitle(i.title ?? '')}</td>
  <td data-label="${t('org.col.date')}">${i.disclosureDate ?? ''}</td>
  <td data-label="${t('org.col.types')}">${i.incidentTypes.map((x) => typeLabel(t, x)).join(t('list.separator'))}</td>
  <td data-label="${t('org.col.data')}">${i.dataTypes.map((x) => dataLabel(t, x)).join(t('list.separator'))}</td>
  <td data-label="${t('org.col.affected')}" class="num">${i.affectedCount === null ? '' : formatNumber(locale, i.affectedCount)}</td>
</tr>`)}</tbody></table></div>
${canEdit ? html`<p class="help">${t('org.split.help')}</p>
<label>${t('org.reason')} <input name="reason" maxlength="500"></label>
<button type="submit">${t('org.split.submit')}</button></form>` : ''}
</section>
${o.changes.length ? html`<section aria-labelledby="org-changes-h"><h2 id="org-changes-h">${t('org.changes')}</h2>
<ol class="changes">${o.changes.map((c) => html`<li><time datetime="${c.at}">${ctx.time(c.at)}</time> ${c.by}: ${changeText(ctx, c)}</li>`)}</ol></section>` : ''}
${canEdit ? html`<section aria-labelledby="org-add-h"><h2 id="org-add-h">${t('org.add.title')}</h2>
<form method="post" action="/organisations/${o.id}/names" id="name-form">${csrfField(ctx)}
  <label>${t('org.add.kind')} <select name="kind">${(['alias', 'former', 'domain'] as const).map((k) => html`<option value="${k}">${t(`org.kind.${k}`)}</option>`)}</select></label>
  <label>${t('org.add.value')} <input name="value" required maxlength="200"></label>
  <button type="submit">${t('org.add.submit')}</button>
</form></section>
<section aria-labelledby="org-merge-h"><h2 id="org-merge-h">${t('org.merge.title')}</h2>
<form method="post" action="/organisations/${o.id}/merge" id="merge-form">${csrfField(ctx)}
  <p class="help">${t('org.merge.help')}</p>
  <label>${t('org.merge.into')} <input name="into" required inputmode="numeric" pattern="[0-9]+"></label>
  <label>${t('org.reason')} <input name="reason" maxlength="500"></label>
  <button type="submit">${t('org.merge.submit')}</button>
</form></section>` : ''}`, ctx, { section: 'organisations' });
}
