// Which language a request is served in: ?lang= first (remembered in a cookie), then that cookie, then
// the browser's Accept-Language; Japanese when nothing says otherwise.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Role } from '../../core/access.ts';
import { viewerOf } from '../auth/viewer.ts';
import { LOCALES, translator, type Locale, type Translate } from '../../i18n/messages.ts';
import { DEFAULT_TIME_ZONE, formatTime } from './time-zone.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The casebook's time zone (createApp's `timeZone`), every time on a page is shown in. */
    timeZone: string;
  }
}

export const LANG_COOKIE = 'jikenbo_lang';

const isLocale = (s: string | undefined): s is Locale => (LOCALES as readonly string[]).includes(s ?? '');

/** The first supported language of an Accept-Language header, by its q weights. */
export function fromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header.split(',').map((part, i) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
    return { lang: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, i };
  }).filter((x) => x.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.lang).find(isLocale) ?? null;
}

export function requestLocale(c: Context): Locale {
  const asked = c.req.query('lang');
  if (isLocale(asked)) return asked;
  const remembered = getCookie(c, LANG_COOKIE);
  if (isLocale(remembered)) return remembered;
  return fromAcceptLanguage(c.req.header('accept-language')) ?? 'ja';
}

/** What every page needs to speak the request's language. */
export interface PageContext {
  locale: Locale;
  t: Translate;
  /** The request's path and query, for the language switch. */
  path: string;
  /** The signed-in account, or null for a reader of a public casebook. */
  viewer: { name: string; role: Role } | null;
  /** The session's CSRF token, for every form the page shows; null when not signed in with a session. */
  csrf: string | null;
  /** The casebook's time zone, e.g. Asia/Tokyo. */
  timeZone: string;
  /** A stored UTC time in the casebook's zone, the zone written: `2024-05-01 12:04:05 JST`. */
  time(iso: string | null | undefined): string;
}

/** What a page shows of a time in `timeZone`. */
export const timeIn = (timeZone: string) => (iso: string | null | undefined) => formatTime(iso, timeZone);

export function pageContext(c: Context): PageContext {
  const locale = requestLocale(c);
  const url = new URL(c.req.url);
  const viewer = viewerOf(c);
  const timeZone = c.get('timeZone') ?? DEFAULT_TIME_ZONE;
  return {
    timeZone, time: timeIn(timeZone),
    locale, t: translator(locale), path: url.pathname + url.search,
    viewer: viewer ? { name: viewer.account.name, role: viewer.account.role } : null,
    csrf: viewer?.csrfToken ?? null,
  };
}
