// Accounts, sign-in, sessions and API tokens: the use cases the web app and the command line share.
// Secrets are made here (random tokens, scrypt hashes); the store keeps only hashes.

import { createHash, randomBytes } from 'node:crypto';
import { accountNameProblem, isRole, isTokenScope, ROLES, TOKEN_SCOPES, type Role, type TokenScope } from '../core/access.ts';
import { JikenboError } from '../core/errors.ts';
import type { Account, ApiToken, TokenHolder, TokenOrigin } from '../store/account-types.ts';
import type { AccountStore } from '../store/ports.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';

export const SESSION_HOURS = 12;
/** Failed sign-ins of one name within the window before it is refused for the rest of the window. */
export const SIGN_IN_LIMIT = { failures: 5, windowMinutes: 15 };
const TOKEN_PREFIX = 'jkb_';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function checkAccountName(name: string): string {
  const trimmed = name.normalize('NFC').trim();
  const problem = accountNameProblem(trimmed);
  if (problem) throw new JikenboError('bad_input', `account name "${name.slice(0, 80)}": ${problem}`, { subject: 'name' });
  return trimmed;
}

export function checkRole(role: string): Role {
  if (!isRole(role)) throw new JikenboError('bad_input', `role "${role.slice(0, 40)}": expected one of ${ROLES.join(', ')}`, { subject: 'role' });
  return role;
}

export async function addAccount(store: AccountStore, input: { name: string; role: string; password: string }, by: string): Promise<Account> {
  const name = checkAccountName(input.name);
  const role = checkRole(input.role);
  return store.addAccount({ name, role, passwordHash: await hashPassword(input.password) }, by);
}

export async function changeAccount(
  store: AccountStore, name: string, change: { role?: string; password?: string; disabled?: boolean }, by: string,
): Promise<Account> {
  return store.changeAccount(checkAccountName(name), {
    ...(change.role !== undefined ? { role: checkRole(change.role) } : {}),
    ...(change.password !== undefined ? { passwordHash: await hashPassword(change.password) } : {}),
    ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
  }, by);
}

export interface SignedIn {
  account: Account;
  /** The cookie value: shown to the browser once, kept only as its SHA-256. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Checks a name and password and opens a new session. Every failure reads the same ("wrong name or
 * password") and costs the same time; after too many failures for one name within the window, the
 * name is refused until the window passes, whatever the password. Failures and successes are audited.
 *
 * The attempt is recorded in the store before the password is checked, atomically with counting the
 * name's attempts: of a burst of concurrent guesses, at most `SIGN_IN_LIMIT.failures` are checked,
 * on any number of servers. A success gives its own place back, not the failures before it.
 */
export async function signIn(store: AccountStore, name: string, password: string, context: { ip: string; now?: Date }): Promise<SignedIn> {
  const now = context.now ?? new Date();
  const key = signInKey(name);
  const attempt = await reserveAttempt(store, key, now, 'name');
  let settled = false;
  try {
    const found = key ? await store.getAccountByName(key) : null;
    const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
    if (!found || !ok || found.disabled) {
      settled = true;
      await store.settleSignIn(attempt, 'failed', { actor: found?.name ?? 'anonymous', action: 'session.sign_in_failed', subject: `account:${key}`, before: null, after: { ip: context.ip } });
      throw new JikenboError('unauthorized', 'wrong name or password', { subject: 'name', key: 'error.wrong_login' });
    }
    const { passwordHash: _secret, ...account } = found;
    const sessionToken = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
    await store.createSession({ tokenHash: sha256(sessionToken), accountId: account.id, csrfToken, expiresAt });
    settled = true;
    await store.settleSignIn(attempt, 'released', { actor: account.name, action: 'session.sign_in', subject: `account:${account.name}`, before: null, after: { ip: context.ip } });
    return { account, sessionToken, csrfToken, expiresAt };
  } finally {
    // What failed was not the password (the database, say): the attempt gives its place back.
    if (!settled) await store.settleSignIn(attempt, 'released', null).catch(() => {});
  }
}

/**
 * Checks a signed-in person's password again before a change that matters (their password, an
 * admin's account changes). Counted as a sign-in attempt of their name, so a stolen session cannot
 * guess the password here faster than at the sign-in form. bad_input when it is wrong.
 */
export async function confirmPassword(store: AccountStore, accountName: string, password: string, context: { ip: string; now?: Date }): Promise<void> {
  const key = signInKey(accountName);
  const attempt = await reserveAttempt(store, key, context.now ?? new Date(), 'confirm');
  let ok = false;
  try {
    const found = await store.getAccountByName(key);
    ok = found !== null && (await verifyPassword(password, found.passwordHash));
  } finally {
    await store.settleSignIn(attempt, ok ? 'released' : 'failed', ok ? null : {
      actor: accountName, action: 'session.sign_in_failed', subject: `account:${key}`, before: null, after: { ip: context.ip, confirming: true },
    });
  }
  if (!ok) throw new JikenboError('bad_input', 'your password is wrong', { subject: 'confirm', key: 'error.own_password' });
}

/** Takes a place among the name's attempts of the window, or refuses with too_many when there is none. */
async function reserveAttempt(store: AccountStore, key: string, now: Date, field: string): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_LIMIT.windowMinutes * 60_000).toISOString();
  const attempt = await store.reserveSignIn(key, { max: SIGN_IN_LIMIT.failures, since }, now.toISOString());
  if (attempt === null) {
    throw new JikenboError('too_many', `too many failed sign-ins for this name; try again in ${SIGN_IN_LIMIT.windowMinutes} minutes`, { subject: field, key: 'error.sign_in_locked', params: { minutes: SIGN_IN_LIMIT.windowMinutes } });
  }
  return attempt;
}

/**
 * The name a sign-in is counted under: as typed, NFC, trimmed, at most 64 characters, without control
 * characters (PostgreSQL text holds no NUL; the form refuses them before this, the CLI may not).
 */
export function signInKey(name: string): string {
  return name.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 64);
}

/** Ends the session a cookie value names, if any. */
export async function endSession(store: AccountStore, sessionToken: string): Promise<void> {
  await store.deleteSession(sha256(sessionToken));
}

export async function signOut(store: AccountStore, sessionToken: string, account: Account): Promise<void> {
  await endSession(store, sessionToken);
  await store.appendAudit({ actor: account.name, action: 'session.sign_out', subject: `account:${account.name}`, before: null, after: null });
}

/** The session a cookie value opens, or null (unknown, expired, or its account disabled). */
export async function sessionOf(store: AccountStore, sessionToken: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
  return store.findSession(sha256(sessionToken), now.toISOString());
}

export function checkScope(scope: string): TokenScope {
  if (!isTokenScope(scope)) throw new JikenboError('bad_input', `token scope "${scope.slice(0, 40)}": expected one of ${TOKEN_SCOPES.join(', ')}`, { subject: 'scope' });
  return scope;
}

/**
 * Makes an API token for an account, with what it may do on /api/ (`read`, or `ingest` too) and where
 * it was made: a token made in a browser session is revoked when the account's password changes.
 * The token is returned this once; the store keeps its hash.
 */
export async function createApiToken(
  store: AccountStore, accountName: string, options: { label: string; scope: string; madeIn: TokenOrigin }, by: string,
): Promise<{ token: string; info: ApiToken }> {
  const { label } = options;
  const scope = checkScope(options.scope);
  const account = await store.getAccountByName(checkAccountName(accountName));
  if (!account) throw new JikenboError('not_found', `no account named ${accountName}`, { subject: accountName });
  const cleanLabel = label.trim();
  if (!cleanLabel || cleanLabel.length > 100 || /[\u0000-\u001f\u007f]/.test(cleanLabel)) {
    throw new JikenboError('bad_input', 'a token label is 1 to 100 characters, no control characters', { subject: 'label' });
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const info = await store.addApiToken({ accountId: account.id, label: cleanLabel, scope, madeIn: options.madeIn, tokenHash: sha256(token) }, by);
  return { token, info };
}

/** The account an API token belongs to and its scope, or null when it is unknown, revoked, or its account disabled. */
export async function holderOfToken(store: AccountStore, token: string, now = new Date()): Promise<TokenHolder | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  return store.useApiToken(sha256(token), now.toISOString());
}

/**
 * Revokes an API token; with `ofAccount`, only a token of that account (a person revoking their own on
 * the account page: another's is not_found, as if it did not exist). not_found for an unknown token,
 * conflict when it was revoked already.
 */
export async function revokeApiToken(store: AccountStore, id: number, by: string, options: { ofAccount?: number } = {}): Promise<ApiToken> {
  if (options.ofAccount !== undefined && !(await store.listApiTokens(options.ofAccount)).some((t) => t.id === id)) {
    throw new JikenboError('not_found', `no API token #${id} of yours`, { subject: String(id) });
  }
  return store.revokeApiToken(id, by);
}
