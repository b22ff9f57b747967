// The watchlists' pages: /watchlists (the lists a visitor may see) and /watchlists/:id (its
// organisations and hits, newest first). Names, notice titles and claim victims are untrusted text:
// every value goes through hono/html escaping.
import { html } from 'hono/html';
import type { Watchlist, WatchlistEntry, WatchlistHit } from '../../store/watchlist-types.ts';
import { isMessageKey } from '../i18n/error-text.ts';
import type { PageContext } from '../i18n/locale.ts';
import { layout, type Html } from './layout.ts';
import { clipTitle } from './page-limits.ts';

export function watchlistsPage(ctx: PageContext, lists: readonly Watchlist[]): Html {
  const { t } = ctx;
  return layout(t('watchlists.title'), html`<h1>${t('watchlists.title')}</h1>
<p>${t('watchlists.intro')}</p>
${lists.length === 0 ? html`<p class="empty">${t('watchlists.empty')}</p>` : html`<div class="table-wrap"><table class="stack watchlists">
<thead><tr><th scope="col">${t('watchlists.col.name')}</th><th scope="col">${t('watchlists.col.entries')}</th><th scope="col">${t('watchlists.col.hits')}</th><th scope="col">${t('watchlists.col.visibility')}</th><th scope="col">${t('watchlists.feed')}</th></tr></thead>
<tbody>${lists.map((w) => html`<tr data-watchlist="${w.id}">
  <td data-label="${t('watchlists.col.name')}"><a href="/watchlists/${w.id}">${w.name}</a></td>
  <td data-label="${t('watchlists.col.entries')}">${w.entries}</td>
  <td data-label="${t('watchlists.col.hits')}">${w.hits}</td>
  <td data-label="${t('watchlists.col.visibility')}">${w.private ? t('watchlists.private') : t('watchlists.public')}${w.webhookUrl ? html` · ${t('watchlists.webhook')}` : ''}</td>
  <td data-label="${t('watchlists.feed')}"><a href="/watchlists/${w.id}/feed.atom" type="application/atom+xml">${t('watchlists.feed')}</a></td>
</tr>`)}</tbody></table></div>`}`, ctx, { section: 'watchlists' });
}

function howText(ctx: PageContext, how: string): string {
  const key = `watchlist.how.${how}`;
  return isMessageKey(key) ? ctx.t(key) : how;
}

function subjectLink(ctx: PageContext, h: WatchlistHit): Html {
  if (h.subject === 'notice') {
    const href = h.incidentId !== null ? `/incidents/${h.incidentId}` : `/notices/${h.subjectId}`;
    return html`<a href="${href}">${ctx.t('watchlist.subject.notice', { id: h.subjectId })}</a>`;
  }
  const month = h.date?.slice(0, 7);
  return html`<a href="/claims${month ? `?month=${month}` : ''}">${ctx.t('watchlist.subject.claim', { id: h.subjectId })}</a>`;
}

function deliveryText(ctx: PageContext, h: WatchlistHit): Html | string {
  const d = h.delivery;
  if (!d) return '';
  const { t } = ctx;
  return html`<span class="delivery ${d.state}">${t(`watchlist.delivery.${d.state}`)}</span>${d.attempts > 0 ? html` <small>${t('watchlist.delivery.attempts', { n: d.attempts })}${d.lastStatus !== null ? ` · HTTP ${d.lastStatus}` : ''}</small>` : ''}`;
}

export function watchlistPage(ctx: PageContext, v: { watchlist: Watchlist; entries: readonly WatchlistEntry[]; hits: readonly WatchlistHit[] }): Html {
  const { t } = ctx;
  const w = v.watchlist;
  const sep = t('list.separator');
  return layout(w.name, html`<h1>${w.name}</h1>
<p class="meta">${w.private ? t('watchlists.private') : t('watchlists.public')} · ${t('watchlist.summary', { entries: w.entries, hits: w.hits })}
 · <a href="/watchlists/${w.id}/feed.atom" type="application/atom+xml" rel="alternate">${t('watchlists.feed')}</a></p>
${w.private ? html`<p class="help">${t('watchlist.feed.token')}</p>` : ''}
<h2>${t('watchlist.hits')}</h2>
${v.hits.length === 0 ? html`<p class="empty">${t('watchlist.hits.empty')}</p>` : html`<div class="table-wrap"><table class="stack hits">
<thead><tr><th scope="col">${t('watchlist.col.found')}</th><th scope="col">${t('watchlist.col.entry')}</th><th scope="col">${t('watchlist.col.subject')}</th><th scope="col">${t('watchlist.col.org')}</th><th scope="col">${t('watchlist.col.title')}</th><th scope="col">${t('watchlist.col.date')}</th><th scope="col">${t('watchlist.col.match')}</th>${w.webhookUrl ? html`<th scope="col">${t('watchlist.col.delivery')}</th>` : ''}</tr></thead>
<tbody>${v.hits.map((h) => html`<tr data-hit="${h.id}" data-subject="${h.subject}">
  <td data-label="${t('watchlist.col.found')}"><time datetime="${h.foundAt}">${ctx.time(h.foundAt)}</time></td>
  <td data-label="${t('watchlist.col.entry')}">${h.entryName}</td>
  <td data-label="${t('watchlist.col.subject')}">${subjectLink(ctx, h)}</td>
  <td data-label="${t('watchlist.col.org')}">${h.organization ?? ''}${h.domain && h.domain !== h.organization ? html` <small>(${h.domain})</small>` : ''}</td>
  <td data-label="${t('watchlist.col.title')}">${clipTitle(h.title ?? '')}</td>
  <td data-label="${t('watchlist.col.date')}">${h.date ?? ''}</td>
  <td data-label="${t('watchlist.col.match')}">${howText(ctx, h.how)} <small class="evidence">${h.evidence.replace(/^[a-z_]+: /, "")}</small></td>
  ${w.webhookUrl ? html`<td data-label="${t('watchlist.col.delivery')}">${deliveryText(ctx, h)}</td>` : ''}
</tr>`)}</tbody></table></div>`}
<h2>${t('watchlist.entries')}</h2>
<div class="table-wrap"><table class="stack entries">
<thead><tr><th scope="col">${t('watchlists.col.name')}</th><th scope="col">${t('watchlist.col.domains')}</th><th scope="col">${t('watchlist.col.aliases')}</th></tr></thead>
<tbody>${v.entries.map((e) => html`<tr>
  <td data-label="${t('watchlists.col.name')}">${e.name}</td>
  <td data-label="${t('watchlist.col.domains')}">${e.domains.join(sep)}</td>
  <td data-label="${t('watchlist.col.aliases')}">${e.aliases.join(sep)}</td>
</tr>`)}</tbody></table></div>`, ctx, { section: 'watchlists' });
}
