// Who is asking: the account of the request's session cookie or bearer token, or no one. Set once per
// request by the authenticate middleware and read by everything after it through `viewerOf`.

import type { Context } from 'hono';
import type { TokenScope } from '../../core/access.ts';
import type { Account } from '../../store/account-types.ts';

export interface Viewer {
  account: Account;
  /** How the request proved who it is: a browser session (forms need its CSRF token) or an API token. */
  via: 'session' | 'token';
  /** What an API token may do on /api/ (its account's role still applies); null for a session. */
  scope: TokenScope | null;
  /** The session's CSRF token; null for API tokens. */
  csrfToken: string | null;
  /** The raw session cookie value, for signing out. */
  sessionToken: string | null;
}

declare module 'hono' {
  interface ContextVariableMap {
    viewer: Viewer | null;
  }
}

export function viewerOf(c: Context): Viewer | null {
  return c.get('viewer') ?? null;
}

/** The account name a change is recorded under; the guard has made sure there is one. */
export function actorOf(c: Context): string {
  const viewer = viewerOf(c);
  if (!viewer) throw new Error('actorOf: no signed-in account on a route that changes the casebook');
  return viewer.account.name;
}
