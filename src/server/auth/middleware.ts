// Three steps every request passes, in order: who is asking (session cookie or bearer token), whether
// the rule for this route lets them (policy.ts), and for a form sent with a session, whether it
// carries the session's CSRF token. Refusals are JikenboErrors, mapped to responses by app.ts.
// A bearer token opens /api/ routes and watchlist feeds only, within its scope: pages, forms, accounts and tokens need a
// person signed in, so a stolen script token cannot mint tokens, make accounts or change roles.

import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { holderOfToken, sessionOf } from '../../app/accounts.ts';
import { allows, scopeAllows } from '../../core/access.ts';
import { JikenboError } from '../../core/errors.ts';
import type { Store } from '../../store/ports.ts';
import { isSafeMethod, requirementOf } from './policy.ts';
import { readSessionCookie } from './session-cookie.ts';
import { viewerOf } from './viewer.ts';

export interface AccessOptions {
  /** Anyone may read without signing in; changing anything still needs an account. */
  publicRead: boolean;
  /** Behind a reverse proxy: the client address is the last X-Forwarded-For entry (auth/client-address.ts). */
  trustProxy: boolean;
}

export const CSRF_FIELD = '_csrf';

/** The least role that may do what a route needs. */
const ROLE_NEEDED = { read: 'viewer', edit: 'editor', admin: 'admin' } as const;
export const CSRF_HEADER = 'x-csrf-token';

export function authenticate(store: Store): MiddlewareHandler {
  return async (c, next) => {
    c.set('viewer', null);
    // A watchlist's feed takes a token too, in the header or as ?token= (feed readers send no headers).
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
      ?? (isWatchlistFeed(c.req.path) ? c.req.query('token') : undefined);
    if (bearer !== undefined) {
      if (!isApiPath(c.req.path) && !isWatchlistFeed(c.req.path)) {
        throw new JikenboError('forbidden', 'API tokens open /api/ routes only; sign in to use the pages', { subject: c.req.path, key: 'error.token_pages' });
      }
      const holder = await holderOfToken(store, bearer);
      if (!holder) throw new JikenboError('unauthorized', 'the bearer token is unknown or revoked', { key: 'error.token_unknown' });
      c.set('viewer', { account: holder.account, via: 'token', scope: holder.scope, csrfToken: null, sessionToken: null });
      return next();
    }
    const cookie = readSessionCookie(c);
    if (cookie !== null) {
      const session = await sessionOf(store, cookie);
      // An unknown or expired cookie is simply no session (sign-in replaces it).
      if (session) c.set('viewer', { account: session.account, via: 'session', scope: null, csrfToken: session.csrfToken, sessionToken: cookie });
    }
    return next();
  };
}

export function guard(options: AccessOptions): MiddlewareHandler {
  return async (c, next) => {
    const need = requirementOf(c.req.method, c.req.path);
    if (need === 'public') return next();
    const viewer = viewerOf(c);
    if (!viewer) {
      if (need === 'read' && options.publicRead) return next();
      throw new JikenboError('unauthorized', 'sign in first', { subject: c.req.path, key: 'error.sign_in_first' });
    }
    if (viewer.via === 'token' && (need === 'self' || !scopeAllows(viewer.scope ?? 'read', need))) {
      throw new JikenboError('forbidden', `this API token (scope ${viewer.scope ?? 'read'}) may not do this`, { subject: c.req.path });
    }
    if (need !== 'self' && !allows(viewer.account.role, need)) {
      throw new JikenboError('forbidden', `your role (${viewer.account.role}) may not do this; it needs ${ROLE_NEEDED[need]}`, {
        subject: c.req.path, key: 'error.role', params: { role: viewer.account.role, need: ROLE_NEEDED[need] },
      });
    }
    return next();
  };
}

/** Whether a path is the JSON API's, which a bearer token opens (besides a watchlist's feed). */
export const isApiPath = (path: string) => path.startsWith('/api/');

/** A watchlist's Atom feed: read by feed readers, so an API token (of scope read or more) opens it. */
export const isWatchlistFeed = (path: string) => /^\/watchlists\/[^/]+\/feed\.atom$/.test(path);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Where a form's CSRF token is: the X-CSRF-Token header, else the `_csrf` field of a form body. API
 * routes take the header only: their bodies (uploads) are left for the route to read under its own limit.
 */
async function givenCsrf(c: Context): Promise<string | null> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  if (c.req.path.startsWith('/api/')) return null;
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null;
  const body = await c.req.parseBody();
  const value = body[CSRF_FIELD];
  return typeof value === 'string' ? value : null;
}

/**
 * A state-changing request made with a session cookie must carry that session's token. The sign-in
 * form is the exception: it starts a new session whatever cookie came with it (and passes the origin check).
 */
export function csrfToken(): MiddlewareHandler {
  return async (c, next) => {
    const viewer = viewerOf(c);
    if (isSafeMethod(c.req.method) || !viewer || viewer.via !== 'session' || c.req.path === '/login') return next();
    const given = await givenCsrf(c);
    if (given === null || !sameToken(given, viewer.csrfToken ?? '')) {
      throw new JikenboError('forbidden', 'the form is out of date or did not come from this site: reload the page and send it again', { key: 'error.csrf' });
    }
    return next();
  };
}
