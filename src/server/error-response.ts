// The one place where an error becomes a response. jikenbo's error kinds (core/errors.ts) map to HTTP
// statuses here and nowhere else. Under /api/ every error is RFC 9457 problem+json (api/problem.ts);
// any other path gets an HTML page in the reader's language. An unexpected error is a 500 that says
// only "internal error" and the request's id: its message and stack go to the log line of the request
// (request-log.ts), never to the client.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import { JikenboError, type ErrorCode } from '../core/errors.ts';
import { problem, problemResponse, type ErrorStatus } from './api/problem.ts';
import { errorText } from './i18n/error-text.ts';
import { pageContext } from './i18n/locale.ts';
import { layout } from './pages/layout.ts';
import { requestIdOf } from './request-id.ts';

/** Seconds a client is asked to wait after a 503 (the database could not answer in time). */
export const RETRY_AFTER = '5';


const STATUS: Record<ErrorCode, ErrorStatus> = {
  bad_input: 400,
  unsupported: 415,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  too_many: 429,
  too_large: 413,
  unavailable: 503,
  not_implemented: 501,
  internal: 500,
};

/** The status of any thrown value, and the English a client may read (internals never). */
export function httpErrorOf(err: unknown): { status: ErrorStatus; message: string; field: string | undefined } {
  if (err instanceof JikenboError && err.code !== 'internal') return { status: STATUS[err.code], message: err.message, field: err.subject };
  // Hono's own middleware (the CSRF check) throws these.
  if (err instanceof HTTPException && err.status === 403) return { status: 403, message: 'forbidden: the request came from another site', field: undefined };
  return { status: 500, message: 'internal error', field: undefined };
}

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/');

/** The app's onError: every error of every route and middleware. */
export function errorResponse(err: unknown, c: Context): Response | Promise<Response> {
  const { status, message, field } = httpErrorOf(err);
  const id = requestIdOf(c);
  // 503: the database could not answer in time (a timeout, a lost connection); asking again may work.
  const retry: Record<string, string> = status === 503 ? { 'Retry-After': RETRY_AFTER } : {};
  if (isApi(c)) {
    return problemResponse(problem(status, message, id, field), status === 401 ? { 'WWW-Authenticate': 'Bearer' } : retry);
  }
  const ctx = pageContext(c);
  const url = new URL(c.req.url);
  // A page asked for without signing in: to the sign-in form, and back here afterwards.
  if (status === 401 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  }
  const { t } = ctx;
  const heading = status === 404 ? t('error.not_found') : status === 403 ? t('error.forbidden') : status === 400 ? t('error.bad_request')
    : status === 401 ? t('error.unauthorized') : status === 429 ? t('error.too_many') : status === 503 ? t('error.unavailable') : t('error.title');
  const signIn = status === 401 ? html`<p><a href="/login">${t('nav.sign_in')}</a></p>` : '';
  const reference = status >= 500 ? html`<p class="request-id">${t('error.request_id', { id })}</p>` : '';
  return c.html(layout(heading, html`<h1>${heading}</h1><p class="error-message">${errorText(err, t, ctx.locale)}</p>${reference}${signIn}<p><a href="/">${t('error.back')}</a></p>`, ctx),
    status, retry);
}

/** The app's notFound: a path no route answers, as the same 404 a route's not_found would give. */
export function notFoundResponse(c: Context): Response | Promise<Response> {
  return errorResponse(new JikenboError('not_found', `no such path: ${c.req.path.slice(0, 200)}`, { key: 'error.not_found' }), c);
}
