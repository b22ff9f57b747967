// Accounts for web tests: makes an account, signs it in through POST /login like a browser, and
// returns a client that sends the session cookie, a same-site Origin and, on forms, the CSRF token
// read from a page the way a browser's form would carry it.
import type { Hono } from 'hono';
import { addAccount } from '../../src/app/accounts.ts';
import type { Role } from '../../src/core/access.ts';
import type { Store } from '../../src/store/ports.ts';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'correct horse battery';

export interface Client {
  cookie: string;
  csrf: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A form POST with the session's CSRF token (unless the form already names `_csrf`). */
  post(path: string, form?: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
}

const made = new WeakMap<Store, Set<string>>();

export async function ensureAccount(store: Store, name: string, role: Role): Promise<void> {
  const names = made.get(store) ?? made.set(store, new Set()).get(store)!;
  if (names.has(name)) return;
  if (!(await store.getAccountByName(name))) await addAccount(store, { name, role, password: PASSWORD }, 'test');
  names.add(name);
}

export async function signIn(app: Hono, store: Store, name: string, role: Role): Promise<Client> {
  await ensureAccount(store, name, role);
  const res = await app.request(`${ORIGIN}/login`, {
    method: 'POST', body: new URLSearchParams({ name, password: PASSWORD, next: '/' }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
  });
  if (res.status !== 303) throw new Error(`sign-in of ${name} failed: ${res.status} ${await res.text()}`);
  const cookie = /jikenbo_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('sign-in set no session cookie');
  const page = await (await app.request(`${ORIGIN}/account`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on the account page');
  return clientOf(app, cookie, csrf);
}

export function clientOf(app: Hono, cookie: string, csrf: string): Client {
  return {
    cookie,
    csrf,
    get: async (path, headers = {}) => app.request(ORIGIN + path, { headers: { Cookie: cookie, ...headers } }),
    post: async (path, form = {}, headers = {}) => app.request(ORIGIN + path, {
      method: 'POST', body: new URLSearchParams({ _csrf: csrf, ...form }),
      // Forms carry the token in a field; API calls in the X-CSRF-Token header (the API never reads it from a body).
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, Cookie: cookie, ...(path.startsWith('/api/') ? { 'X-CSRF-Token': csrf } : {}), ...headers },
    }),
  };
}
