// The frame of every page of the published site (jikenbo publish): like the web app's layout.ts, every
// value through hono/html's escaping, but with relative links only (the site is opened from a folder
// or any static host), no forms, no scripts, and one stylesheet at the site's root.
import { html } from 'hono/html';
import { translator, type Locale, type Translate } from '../../../i18n/messages.ts';
import { timeIn } from '../../i18n/locale.ts';
import type { Html } from '../layout.ts';
import { clipTitle } from '../page-limits.ts';

export interface SiteContext {
  locale: Locale;
  t: Translate;
  /** Every language the site is published in (the language switch links to the others). */
  locales: readonly Locale[];
  /** The page's path under its language's folder ('index.html', 'incidents/2024-504.html'). */
  page: string;
  time(iso: string | null | undefined): string;
}

export function siteContext(locale: Locale, locales: readonly Locale[], timeZone: string, page = 'index.html'): SiteContext {
  return { locale, t: translator(locale), locales, page, time: timeIn(timeZone) };
}

/** The context of another page of the same language. */
export const onPage = (ctx: SiteContext, page: string): SiteContext => ({ ...ctx, page });

/** From the page to its language's folder: '' or '../' per folder deep. */
export function up(ctx: SiteContext): string {
  return '../'.repeat(ctx.page.split('/').length - 1);
}

/** From the page to the site's root (where style.css and originals/ are). */
export const toRoot = (ctx: SiteContext): string => `${up(ctx)}../`;

/** A page of this language, linked from the current page. */
export const href = (ctx: SiteContext, page: string): string => `${up(ctx)}${page}`;

/** A site path safe as a file name: letters, digits and '-' kept, anything else '_'. */
export const fileSafe = (s: string): string => s.replace(/[^A-Za-z0-9-]/g, '_');

export const incidentPage = (publicId: string): string => `incidents/${fileSafe(publicId)}.html`;
export const monthPage = (month: string | null): string => `months/${month === null ? 'undated' : fileSafe(month)}.html`;
export const typePage = (type: string): string => `types/${fileSafe(type)}.html`;
export const sectorPage = (sector: string): string => `sectors/${fileSafe(sector)}.html`;

export function siteLayout(ctx: SiteContext, title: string, body: Html, generatedAt: string): Html {
  const { t, locale } = ctx;
  const others = ctx.locales.filter((l) => l !== locale);
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${clipTitle(title)} — ${t('site.title')}</title>
<link rel="stylesheet" href="${toRoot(ctx)}style.css">
<link rel="alternate" type="application/atom+xml" href="${href(ctx, 'feed.atom')}" title="${t('site.nav.feed')}">
</head>
<body>
<a class="skip" href="#main">${t('nav.skip')}</a>
<header class="site">
<a href="${href(ctx, 'index.html')}" class="brand">jikenbo <span lang="ja">事件簿</span></a>
<nav aria-label="${t('nav.main')}">
<a href="${href(ctx, 'index.html')}">${t('site.nav.index')}</a>
<a href="${href(ctx, 'index.html')}#months">${t('site.nav.months')}</a>
<a href="${href(ctx, 'index.html')}#types">${t('site.nav.types')}</a>
<a href="${href(ctx, 'index.html')}#sectors">${t('site.nav.sectors')}</a>
<a href="${href(ctx, 'dashboard.html')}">${t('nav.dashboard')}</a>
<a href="${href(ctx, 'feed.atom')}">${t('site.nav.feed')}</a>
${others.map((o) => html`<a href="${toRoot(ctx)}${o}/${ctx.page}" lang="${o}" hreflang="${o}">${t('lang.switch')}</a>`)}
</nav>
</header>
<main id="main">${body}</main>
<footer class="site">${t('site.title')} · ${t('site.generated', { at: ctx.time(generatedAt) })}</footer>
</body>
</html>`;
}
