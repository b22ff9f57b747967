// The HTTP app: security headers; who is asking, what they may do (auth/policy.ts) and CSRF checks;
// language; static files and one route module per area; errors mapped to a status and page or
// problem+json in one place (error-response.ts); a request id and a log line for every request.
// Routes live in src/server/routes/<area>.ts.
import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { JikenboError } from '../core/errors.ts';
import type { Archive, Store } from '../store/ports.ts';
import { errorResponse, notFoundResponse } from './error-response.ts';
import { LANG_COOKIE } from './i18n/locale.ts';
import { checkTimeZone, DEFAULT_TIME_ZONE } from './i18n/time-zone.ts';
import type { VariantGroup } from '../core/spelling-variants.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { noticeRoutes } from './routes/notices.ts';
import { reviewRoutes } from './routes/review.ts';
import { claimRoutes } from './routes/claims.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { watchlistRoutes } from './routes/watchlists.ts';
import { apiV1Routes } from './routes/api-v1.ts';
import { exchangeRoutes } from './routes/exchange.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { statsRoutes } from './routes/stats.ts';
import { authRoutes } from './routes/auth.ts';
import { adminRoutes } from './routes/admin.ts';
import { authenticate, csrfToken, guard, type AccessOptions } from './auth/middleware.ts';
import { responseCache } from './response-cache.ts';
import { skipWhenClientGone } from './client-gone.ts';
import { requestLog } from './request-log.ts';
import { requestId } from './request-id.ts';
import { createLogger, type Logger } from '../app/log.ts';
import { REVIEW_SCRIPT } from './static/review-script.ts';
import { STYLESHEET } from './stylesheet.ts';

const SECURITY_HEADERS: Record<string, string> = {
  // script-src 'self' only for /static/review.js (the text-selection helper); never inline script or style.
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  // same-origin, not no-referrer: browsers send `Origin: null` on a POST under no-referrer, which would defeat the CSRF check.
  'Referrer-Policy': 'same-origin',
};

const MAX_FORM_BYTES = 256 * 1024;

export interface AppOptions extends Partial<AccessOptions> {
  /**
   * The log of one JSON line per request (request-log.ts): request id, method, path, status, wall and
   * CPU ms, and the error of a 500 with its stack. When absent (tests), a logger of level error on
   * stderr: only the failures.
   */
  log?: Logger;
  /** The zone every page shows times in (IANA name); Asia/Tokyo when absent. */
  timeZone?: string;
  /** Spelling groups a search folds besides the defaults (core/spelling-variants.ts). */
  searchVariants?: readonly VariantGroup[];
}

/**
 * `c.html`, but a page made with hono's html template (an HtmlEscapedString: a String object, with no
 * callbacks left to run) is passed on as the string it holds. @hono/node-server's Response keeps a string
 * body as given and writes it to the socket; any other body becomes a Web stream that is read back (and
 * the response cache, and hono's own `c.res`, read it so too): about a millisecond of CPU a page.
 */
export function plainHtml(html: Context['html']): Context['html'] {
  const pass = html as (body: unknown, ...rest: unknown[]) => unknown;
  return ((body: unknown, ...rest: unknown[]) => {
    const plain = body instanceof String && !((body as { callbacks?: unknown[] }).callbacks?.length) ? body.toString() : body;
    return pass(plain, ...rest);
  }) as Context['html'];
}

/** The web app. Signing in is required unless `publicRead`, which lets anyone read (never write). */
export function createApp(deps: { store: Store; archive: Archive }, options: AppOptions = {}): Hono {
  const app = new Hono();
  const access: AccessOptions = { publicRead: options.publicRead ?? false, trustProxy: options.trustProxy ?? false };

  const timeZone = checkTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);

  // First of all: every response, errors included, carries the request's id, and every request is logged.
  app.use('*', requestId());
  app.use('*', requestLog(options.log ?? createLogger({ level: 'error' })));
  app.use('*', async (c, next) => {
    c.set('timeZone', timeZone);
    c.set('searchVariants', options.searchVariants ?? []);
    c.html = plainHtml(c.html);
    await next();
  });
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });
  // A reader who has gone is not answered (client-gone.ts): before any work, sessions included.
  app.use('*', skipWhenClientGone());
  app.use('*', authenticate(deps.store));
  // What a signed-in person sees (their name, their CSRF token, a casebook closed to others) is kept
  // by no shared cache and by no disk cache of the browser.
  app.use('*', async (c, next) => {
    await next();
    if (c.get('viewer')?.via === 'session' && !c.req.path.startsWith('/static/')) c.res.headers.set('Cache-Control', 'private, no-store');
  });
  // Form POSTs must come from this site: Sec-Fetch-Site same-origin, or an Origin equal to ours.
  // A script calling with a bearer token sends no cookie, so it cannot be forged cross-site.
  const sameSiteOnly = csrf();
  app.use('*', (c, next) => (c.get('viewer')?.via === 'token' ? next() : sameSiteOnly(c, next)));
  app.use('*', guard(access));
  // Forms are small; only the upload route takes more (under its own limit).
  const formLimit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: () => { throw new JikenboError('too_large', `the request body is over ${MAX_FORM_BYTES} bytes`, { key: 'error.too_large', params: { max: MAX_FORM_BYTES } }); } });
  app.use('*', (c, next) => (c.req.path === '/api/v1/notices' ? next() : formLimit(c, next)));
  // And a form sent with a session carries that session's token (a second, independent check).
  app.use('*', csrfToken());
  app.use('*', async (c, next) => {
    const lang = c.req.query('lang');
    if (lang === 'ja' || lang === 'en') setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365 });
    await next();
  });

  // After the security headers and the language cookie, before any route: see response-cache.ts.
  app.use('*', responseCache(deps.store));

  app.get('/static/app.css', (c) => c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));
  app.get('/static/review.js', (c) => c.body(REVIEW_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' }));

  app.route('/', authRoutes(deps, access));
  app.route('/', adminRoutes(deps, access));
  app.route('/', incidentRoutes(deps));
  app.route('/', noticeRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', claimRoutes(deps));
  app.route('/', organisationRoutes(deps));
  app.route('/', watchlistRoutes(deps));
  app.route('/', apiV1Routes(deps));
  app.route('/', exchangeRoutes(deps));
  app.route('/', dashboardRoutes(deps));
  app.route('/', statsRoutes(deps));

  // The one error path (error-response.ts): problem+json under /api/, an HTML page elsewhere.
  app.notFound(notFoundResponse);
  app.onError(errorResponse);

  return app;
}
