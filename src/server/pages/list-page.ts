// The notices list (/notices): every stored post, searchable, one row per notice.
import { html } from 'hono/html';
import type { NoticeSummary, SearchHit } from '../../store/store.ts';
import type { PageContext } from '../i18n/locale.ts';
import { typeLabel } from './labels.ts';
import { layout, type Html } from './layout.ts';
import { markSnippet } from './snippet-marks.ts';
import { clipTitle } from './page-limits.ts';

export interface ListView {
  query: string;
  filters: { type?: string; sector?: string; from?: string; to?: string };
  rows: (NoticeSummary | SearchHit)[];
  total: number | null;
  offset: number;
  limit: number;
  /** Other spellings the search added (「漏えい」 for 漏洩), said on the page. */
  spellingsAdded?: readonly string[];
}

export function listPage(ctx: PageContext, view: ListView): Html {
  const { t } = ctx;
  const { query, filters } = view;
  const params = (offset: number) => new URLSearchParams({ ...definedOnly({ q: query, ...filters }), offset: String(offset) }).toString();
  const hasMore = view.rows.length === view.limit;
  const from = view.rows.length ? view.offset + 1 : 0;
  return layout(t('notices.title'), html`
<h1>${t('notices.title')}</h1>
<form class="search" method="get" action="/notices" role="search">
  <label for="q">${t('incidents.search.label')}</label>
  <input id="q" name="q" type="search" value="${query}" maxlength="200" placeholder="${t('incidents.search.placeholder')}">
  <button type="submit">${t('incidents.search.submit')}</button>
</form>
${query && view.spellingsAdded?.length ? html`<p class="help spellings" role="note">${t('search.spellings', { words: view.spellingsAdded.join(t('search.spellings.separator')) })}</p>` : ''}
<p class="count">${view.total == null ? t('notices.hits', { n: view.rows.length }) : t('notices.count', { total: view.total, from, to: view.offset + view.rows.length })}</p>
<ol class="incidents">
${view.rows.map((r) => row(r))}
</ol>
<nav class="pager" aria-label="${t('incidents.pager')}">
  ${view.offset > 0 ? html`<a href="/notices?${params(Math.max(0, view.offset - view.limit))}">${t('incidents.pager.prev')}</a>` : ''}
  ${hasMore ? html`<a href="/notices?${params(view.offset + view.limit)}">${t('incidents.pager.next')}</a>` : ''}
</nav>`, ctx, { section: 'notices' });

  function row(r: NoticeSummary | SearchHit): Html {
    return html`<li>
  <a class="title" href="/notices/${r.id}">${clipTitle(r.title ?? r.header)}</a>
  <div class="meta">
    <span class="org">${r.organization ?? t('common.unknown_org')}</span>
    <time>${r.disclosureDate ?? t('common.unknown_date')}</time>
    ${r.incidentTypes.map((x) => html`<span class="tag">${typeLabel(t, x)}</span>`)}
    ${r.affectedCount != null ? html`<span class="people">${t('common.people', { n: r.affectedCount })}</span>` : ''}
    ${r.casebookId ? html`<span class="id">#${r.casebookId}</span>` : ''}
  </div>
  ${'snippet' in r ? html`<p class="snippet">${markSnippet(r.snippet)}</p>` : ''}
</li>`;
  }
}

function definedOnly(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => !!e[1]));
}
