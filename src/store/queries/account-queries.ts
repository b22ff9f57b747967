// Accounts, sessions, API tokens, sign-in limits and the audit log, on both engines. Every account or
// token change writes its audit line in the same transaction as the change. What SQLite's IMMEDIATE
// transactions serialise is serialised on PostgreSQL by the Dialect's locks: the accounts table for the
// last-admin guard, a lock per name for sign-in attempts, the token's row for a revocation.

import { JikenboError } from '../../core/errors.ts';
import type { AccountStore } from '../ports.ts';
import {
  ACCOUNT_COLUMNS, AUDIT_PAGE_MAX, checkTokenHash, lastAdminProblem, TOKEN_COLUMNS, toAccount, toApiToken, toAuditEntry, toScope,
  type AccountRow, type ApiTokenRow, type AuditRow,
} from '../rows/account-row.ts';
import { all, get, isRowId, run, type SqlEngine } from '../sql/sql.ts';
import { writeAudit } from './audit.ts';

/** The first key of the lock a sign-in attempt takes on its name (the second is the name's hash). */
const SIGN_IN_LOCK_SPACE = 0x6a6b7369;
type SecretRow = AccountRow & { password_hash: string };

const BY_NAME = `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE name = @name`;
const TOKEN_BY_ID = `SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.id = @id`;
const SESSION = /* sql */ `
  SELECT a.id, a.name, a.role, a.disabled, a.created_at, s.csrf_token, s.expires_at
  FROM sessions s JOIN accounts a ON a.id = s.account_id
  WHERE s.token_hash = @tokenHash AND s.expires_at > @at AND a.disabled = 0`;
// One statement: the token touched and its account read, or nothing when it is revoked or its account disabled.
const USE_TOKEN = /* sql */ `
  UPDATE api_tokens SET last_used_at = @at
  WHERE token_hash = @tokenHash AND revoked_at IS NULL AND account_id IN (SELECT id FROM accounts WHERE disabled = 0)
  RETURNING scope, account_id AS id, 0 AS disabled,
    (SELECT name FROM accounts a WHERE a.id = api_tokens.account_id) AS name,
    (SELECT role FROM accounts a WHERE a.id = api_tokens.account_id) AS role,
    (SELECT created_at FROM accounts a WHERE a.id = api_tokens.account_id) AS created_at`;

export function accountQueries(engine: SqlEngine, now: () => Date): AccountStore {
  const { lockRows, lockTable, lockKey, byteOrder, isUniqueViolation } = engine.dialect;
  const lockAccounts = lockTable('accounts', 'SHARE ROW EXCLUSIVE');

  return {
    async addAccount(input, by) {
      try {
        return await engine.transaction(function* () {
          const row = (yield* get<AccountRow>(`
            INSERT INTO accounts (name, role, password_hash, created_at) VALUES (@name, @role, @passwordHash, @at) RETURNING ${ACCOUNT_COLUMNS}`,
          { name: input.name, role: input.role, passwordHash: input.passwordHash, at: now().toISOString() }))!;
          yield* writeAudit({ actor: by, action: 'account.add', subject: `account:${input.name}`, before: null, after: { role: input.role, disabled: false } }, now);
          return toAccount(row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new JikenboError('conflict', `an account named ${input.name} exists already`, { subject: input.name });
        throw err;
      }
    },
    async getAccountByName(name) {
      const row = await engine.each(() => get<SecretRow>(BY_NAME, { name }));
      return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
    },
    async listAccounts() {
      return (await engine.each(() => all<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY name ${byteOrder}`))).map(toAccount);
    },
    async changeAccount(name, c, by) {
      return engine.transaction(function* () {
        // One account change at a time (reads go on): two admins demoting each other cannot both see the other stay.
        if (lockAccounts) yield* run(lockAccounts);
        const row = yield* get<SecretRow>(`${BY_NAME} ${lockRows()}`, { name });
        if (!row) throw new JikenboError('not_found', `no account named ${name}`, { subject: name });
        const role = c.role ?? row.role;
        const disabled = c.disabled === undefined ? row.disabled : c.disabled ? 1 : 0;
        const others = (yield* get<{ n: number }>("SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND disabled = 0 AND id <> @id", { id: row.id }))!.n;
        const problem = lastAdminProblem(name, row, { role, disabled }, Number(others));
        if (problem) throw problem;
        yield* run('UPDATE accounts SET role = @role, password_hash = @passwordHash, disabled = @disabled WHERE id = @id',
          { role, passwordHash: c.passwordHash ?? row.password_hash, disabled, id: row.id });
        if (c.passwordHash !== undefined || disabled === 1) yield* run('DELETE FROM sessions WHERE account_id = @id', { id: row.id });
        const tokensRevoked = c.passwordHash === undefined ? 0 : (yield* run(
          "UPDATE api_tokens SET revoked_at = @at WHERE account_id = @id AND made_in = 'session' AND revoked_at IS NULL", { at: now().toISOString(), id: row.id })).changes;
        yield* writeAudit({
          actor: by, action: 'account.change', subject: `account:${name}`,
          before: { role: row.role, disabled: row.disabled === 1 },
          after: {
            role, disabled: disabled === 1, ...(c.passwordHash !== undefined ? { password: 'changed' } : {}),
            ...(tokensRevoked > 0 ? { tokensRevoked } : {}),
          },
        }, now);
        return toAccount({ ...row, role, disabled });
      });
    },
    async createSession(input) {
      const at = now().toISOString();
      const tokenHash = checkTokenHash(input.tokenHash);
      await engine.each(function* () {
        yield* run('DELETE FROM sessions WHERE expires_at <= @at', { at });
        yield* run('INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (@tokenHash, @accountId, @csrfToken, @at, @expiresAt)',
          { tokenHash, accountId: input.accountId, csrfToken: input.csrfToken, at, expiresAt: input.expiresAt });
      });
    },
    async findSession(tokenHash, at) {
      const row = await engine.each(() => get<AccountRow & { csrf_token: string; expires_at: string }>(SESSION, { tokenHash, at }));
      return row ? { account: toAccount(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
    },
    async deleteSession(tokenHash) {
      await engine.each(() => run('DELETE FROM sessions WHERE token_hash = @tokenHash', { tokenHash }));
    },
    async addApiToken(input, by) {
      const tokenHash = checkTokenHash(input.tokenHash);
      return engine.transaction(function* () {
        const { id } = (yield* get<{ id: number }>(
          'INSERT INTO api_tokens (account_id, label, scope, made_in, token_hash, created_at) VALUES (@accountId, @label, @scope, @madeIn, @tokenHash, @at) RETURNING id',
          { accountId: input.accountId, label: input.label, scope: toScope(input.scope), madeIn: input.madeIn, tokenHash, at: now().toISOString() }))!;
        const token = toApiToken((yield* get<ApiTokenRow>(TOKEN_BY_ID, { id }))!);
        yield* writeAudit({ actor: by, action: 'token.add', subject: `token:${id}`, before: null, after: { account: token.account, label: token.label, scope: token.scope } }, now);
        return token;
      });
    },
    async useApiToken(tokenHash, at) {
      const row = await engine.each(() => get<AccountRow & { scope: string }>(USE_TOKEN, { tokenHash, at }));
      return row ? { account: toAccount(row), scope: toScope(row.scope) } : null;
    },
    async listApiTokens(accountId) {
      const found = await engine.each(() => (accountId === undefined
        ? all<ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id ORDER BY t.id`)
        : all<ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.account_id = @accountId ORDER BY t.id`, { accountId })));
      return found.map(toApiToken);
    },
    async revokeApiToken(id, by) {
      return engine.transaction(function* () {
        const row = isRowId(id) ? yield* get<ApiTokenRow>(`${TOKEN_BY_ID} ${lockRows('UPDATE OF t')}`, { id }) : undefined;
        if (!row) throw new JikenboError('not_found', `no API token #${id}`, { subject: String(id) });
        if (row.revoked_at !== null) throw new JikenboError('conflict', `API token #${id} was revoked already`, { subject: String(id) });
        const at = now().toISOString();
        yield* run('UPDATE api_tokens SET revoked_at = @at WHERE id = @id', { at, id });
        yield* writeAudit({ actor: by, action: 'token.revoke', subject: `token:${id}`, before: { revokedAt: null }, after: { revokedAt: at } }, now);
        return toApiToken({ ...row, revoked_at: at });
      });
    },
    async reserveSignIn(nameKey, limit, at) {
      return engine.transaction(function* () {
        // Attempts of one name wait for each other here (on SQLite, the IMMEDIATE transaction's write lock is
        // taken before counting), so the count below cannot go stale before the insert.
        if (lockKey) yield* get(lockKey, { space: SIGN_IN_LOCK_SPACE, key: nameKey });
        yield* run('DELETE FROM sign_in_attempts WHERE at < @since', { since: limit.since });
        const { n } = (yield* get<{ n: number }>('SELECT count(*) AS n FROM sign_in_attempts WHERE name_key = @nameKey AND at >= @since', { nameKey, since: limit.since }))!;
        if (Number(n) >= limit.max) return null;
        return (yield* get<{ id: number }>('INSERT INTO sign_in_attempts (name_key, at) VALUES (@nameKey, @at) RETURNING id', { nameKey, at }))!.id;
      });
    },
    async settleSignIn(attemptId, outcome, entry) {
      await engine.transaction(function* () {
        if (outcome === 'failed') yield* run('UPDATE sign_in_attempts SET failed = 1 WHERE id = @attemptId', { attemptId });
        else yield* run('DELETE FROM sign_in_attempts WHERE id = @attemptId', { attemptId });
        if (entry) yield* writeAudit(entry, now);
      });
    },
    async appendAudit(entry) {
      return toAuditEntry(await engine.each(() => writeAudit(entry, now)));
    },
    async listAudit(query = {}) {
      const clauses: string[] = [];
      const params: Record<string, string | number> = { limit: Math.min(Math.max(1, Math.trunc(query.limit ?? 100)), AUDIT_PAGE_MAX) };
      if (query.beforeId !== undefined) { clauses.push('id < @beforeId'); params.beforeId = query.beforeId; }
      if (query.actor !== undefined) { clauses.push('actor = @actor'); params.actor = query.actor; }
      if (query.action !== undefined) { clauses.push('action = @action'); params.action = query.action; }
      if (query.subject !== undefined) { clauses.push('subject = @subject'); params.subject = query.subject; }
      if (query.since !== undefined) { clauses.push('at >= @since'); params.since = query.since; }
      const found = await engine.each(() => all<AuditRow>(`SELECT * FROM audit_log ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT @limit`, params));
      return found.map(toAuditEntry);
    },
  };
}
