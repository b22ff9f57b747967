// Where a notice came from: the URL it was fetched from and, after redirects, the URL that answered.
// Untrusted text: a link only for http(s) URLs (never javascript: or data:), with no referrer and no
// ranking credit passed on; anything else is shown as escaped text.
import { html } from 'hono/html';
import type { StoredFetch } from '../../store/source-types.ts';
import type { StoredDocument } from '../../store/store.ts';
import type { PageContext } from '../i18n/locale.ts';
import type { Html } from './layout.ts';
import { clipTitle } from './page-limits.ts';

/** The URL as a browser would follow it, when it is http or https; null for every other scheme or for junk. */
export function httpUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function urlLink(text: string): Html {
  const href = httpUrl(text);
  return href
    ? html`<a href="${href}" rel="noopener noreferrer nofollow" class="source-url">${clipTitle(text)}</a>`
    : html`<span class="source-url">${clipTitle(text)}</span>`;
}

/** `出典: URL（転送先: URL）` for a fetched document; nothing for a file read from disk. */
export function sourceLinks(ctx: PageContext, doc: StoredDocument, fetches: readonly StoredFetch[]): Html {
  const { t } = ctx;
  const latest = fetches.at(-1);
  const requested = latest?.requestedUrl ?? (httpUrl(doc.source) ? doc.source : null);
  if (requested === null) return html``;
  const final = latest && latest.finalUrl !== latest.requestedUrl ? latest.finalUrl : null;
  return html`<p class="meta source">${t('source.url')}: ${urlLink(requested)}${final ? html` (${t('source.final_url')}: ${urlLink(final)})` : ''}${latest ? html` · ${t('source.fetched_at', { at: ctx.time(latest.fetchedAt) })}` : ''}</p>`;
}
