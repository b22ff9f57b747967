// The page frame shared by every server-rendered page. All values pass through hono/html escaping.
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { timeIn, type PageContext } from '../i18n/locale.ts';
import { DEFAULT_TIME_ZONE } from '../i18n/time-zone.ts';
import { translator } from '../../i18n/messages.ts';
import { clipTitle } from './page-limits.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export type Section = 'incidents' | 'organisations' | 'notices' | 'dashboard' | 'review' | 'claims' | 'watchlists' | 'account' | 'admin' | 'other';

export interface LayoutOptions {
  /** Which item of the site navigation is the current page. */
  section?: Section;
  /** Extra script files (same origin; the CSP allows 'self' only). */
  scripts?: string[];
}

const JA: PageContext = { locale: 'ja', t: translator('ja'), path: '/', viewer: null, csrf: null, timeZone: DEFAULT_TIME_ZONE, time: timeIn(DEFAULT_TIME_ZONE) };

/** The hidden CSRF field every POST form of a page carries (empty when no one is signed in). */
export function csrfField(ctx: PageContext): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}">`;
}

/** The language switch: the same page, with ?lang= set to the other language. */
function switchHref(path: string, to: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', to);
  return url.pathname + url.search;
}

export function layout(title: string, body: Html, ctx: PageContext = JA, options: LayoutOptions = {}): Html {
  const { t, locale } = ctx;
  const other = locale === 'ja' ? 'en' : 'ja';
  const current = (s: Section) => (options.section === s ? 'page' : undefined);
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${clipTitle(title)} — ${t('site.name')}</title>
<link rel="stylesheet" href="/static/app.css">
${(options.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">${t('nav.skip')}</a>
<header class="site">
<a href="/" class="brand">jikenbo <span lang="ja">事件簿</span></a>
<nav aria-label="${t('nav.main')}">
<a href="/" aria-current="${current('incidents')}">${t('nav.incidents')}</a>
<a href="/organisations" aria-current="${current('organisations')}">${t('nav.organisations')}</a>
<a href="/notices" aria-current="${current('notices')}">${t('nav.notices')}</a>
<a href="/dashboard" aria-current="${current('dashboard')}">${t('nav.dashboard')}</a>
<a href="/review" aria-current="${current('review')}">${t('nav.review_queue')}</a>
<a href="/claims" aria-current="${current('claims')}">${t('nav.claims')}</a>
<a href="/watchlists" aria-current="${current('watchlists')}">${t('nav.watchlists')}</a>
${ctx.viewer?.role === 'admin' ? html`<a href="/admin" aria-current="${current('admin')}">${t('nav.admin')}</a>` : ''}
<a href="${switchHref(ctx.path, other)}" lang="${other}" hreflang="${other}">${t('lang.switch')}</a>
${ctx.viewer
    ? html`<a href="/account" class="who" aria-current="${current('account')}">${t('nav.signed_in_as', { name: ctx.viewer.name, role: t(`role.${ctx.viewer.role}`) })}</a>
<form method="post" action="/logout" class="inline sign-out">${csrfField(ctx)}<button type="submit" class="small">${t('nav.sign_out')}</button></form>`
    : html`<a href="/login?next=${encodeURIComponent(ctx.path)}">${t('nav.sign_in')}</a>`}
</nav>
</header>
<main id="main">${body}</main>
<footer class="site">${t('site.tagline')}</footer>
</body>
</html>`;
}
