// PostgreSQL side of accounts, sessions, API tokens and the audit log, as sqlite/account-queries.ts.
// Named differences: a change and its audit line share the caller's transaction client; what SQLite's
// IMMEDIATE transactions serialise is serialised here by a lock (the accounts table for the last-admin
// guard, an advisory lock per name for sign-in attempts).

import { JikenboError } from '../../core/errors.ts';
import type { AuditInput } from '../account-types.ts';
import {
  ACCOUNT_COLUMNS, AUDIT_PAGE_MAX, auditValues, checkTokenHash, lastAdminProblem, TOKEN_COLUMNS, toAccount, toApiToken, toAuditEntry, toScope,
  type AccountRow, type ApiTokenRow, type AuditRow,
} from '../rows/account-row.ts';
import { inTransaction, isRowId, one, rows, sqlState, type Pool, type Queryable } from './pg-database.ts';
import type { AccountStore } from '../ports.ts';

/** Appends one audit line inside the transaction of the change it describes; returns the row. */
export async function writeAudit(db: Queryable, entry: AuditInput, now: () => Date): Promise<AuditRow> {
  const v = auditValues(entry, now().toISOString());
  return (await one<AuditRow>(db, /* sql */ `
    INSERT INTO audit_log (at, actor, action, subject, before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
  [v.at, v.actor, v.action, v.subject, v.beforeJson, v.afterJson]))!;
}

/** The first key of the advisory lock a sign-in attempt takes on its name (the second is the name's hash). */
const SIGN_IN_LOCK_SPACE = 0x6a6b7369;
type SecretRow = AccountRow & { password_hash: string };

export function accountQueries(pool: Pool, now: () => Date): AccountStore {
  return {
    async addAccount(input, by) {
      try {
        return await inTransaction(pool, async (client) => {
          const row = (await one<AccountRow>(client, `
            INSERT INTO accounts (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING ${ACCOUNT_COLUMNS}`,
          [input.name, input.role, input.passwordHash, now().toISOString()]))!;
          await writeAudit(client, { actor: by, action: 'account.add', subject: `account:${input.name}`, before: null, after: { role: input.role, disabled: false } }, now);
          return toAccount(row);
        });
      } catch (err) {
        if (sqlState(err) === '23505') throw new JikenboError('conflict', `an account named ${input.name} exists already`, { subject: input.name });
        throw err;
      }
    },
    async getAccountByName(name) {
      const row = await one<SecretRow>(pool, `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE name = $1`, [name]);
      return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
    },
    async listAccounts() {
      return (await rows<AccountRow>(pool, `SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY name COLLATE "C"`)).map(toAccount);
    },
    async changeAccount(name, c, by) {
      return inTransaction(pool, async (client) => {
        // One account change at a time (reads go on): two admins demoting each other cannot both see the other stay.
        await client.query('LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE');
        const row = await one<SecretRow>(client, `SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE name = $1 FOR UPDATE`, [name]);
        if (!row) throw new JikenboError('not_found', `no account named ${name}`, { subject: name });
        const role = c.role ?? row.role;
        const disabled = c.disabled === undefined ? row.disabled : c.disabled ? 1 : 0;
        const others = (await one<{ n: number }>(client, "SELECT count(*)::int AS n FROM accounts WHERE role = 'admin' AND disabled = 0 AND id <> $1", [row.id]))!.n;
        const problem = lastAdminProblem(name, row, { role, disabled }, others);
        if (problem) throw problem;
        await client.query('UPDATE accounts SET role = $1, password_hash = $2, disabled = $3 WHERE id = $4',
          [role, c.passwordHash ?? row.password_hash, disabled, row.id]);
        if (c.passwordHash !== undefined || disabled === 1) await client.query('DELETE FROM sessions WHERE account_id = $1', [row.id]);
        const tokensRevoked = c.passwordHash === undefined ? 0 : (await client.query(
          "UPDATE api_tokens SET revoked_at = $1 WHERE account_id = $2 AND made_in = 'session' AND revoked_at IS NULL", [now().toISOString(), row.id])).rowCount ?? 0;
        await writeAudit(client, {
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
      await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [at]);
      await pool.query('INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [checkTokenHash(input.tokenHash), input.accountId, input.csrfToken, at, input.expiresAt]);
    },
    async findSession(tokenHash, at) {
      const row = await one<AccountRow & { csrf_token: string; expires_at: string }>(pool, /* sql */ `
        SELECT a.id, a.name, a.role, a.disabled, a.created_at, s.csrf_token, s.expires_at
        FROM sessions s JOIN accounts a ON a.id = s.account_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled = 0`, [tokenHash, at]);
      return row ? { account: toAccount(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
    },
    async deleteSession(tokenHash) {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async addApiToken(input, by) {
      return inTransaction(pool, async (client) => {
        const { id } = (await one<{ id: number }>(client,
          'INSERT INTO api_tokens (account_id, label, scope, made_in, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
          [input.accountId, input.label, toScope(input.scope), input.madeIn, checkTokenHash(input.tokenHash), now().toISOString()]))!;
        const token = toApiToken((await one<ApiTokenRow>(client, `SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.id = $1`, [id]))!);
        await writeAudit(client, { actor: by, action: 'token.add', subject: `token:${id}`, before: null, after: { account: token.account, label: token.label, scope: token.scope } }, now);
        return token;
      });
    },
    async useApiToken(tokenHash, at) {
      const row = await one<AccountRow & { scope: string }>(pool, /* sql */ `
        UPDATE api_tokens t SET last_used_at = $2 FROM accounts a
        WHERE a.id = t.account_id AND t.token_hash = $1 AND t.revoked_at IS NULL AND a.disabled = 0
        RETURNING a.id, a.name, a.role, a.disabled, a.created_at, t.scope`, [tokenHash, at]);
      return row ? { account: toAccount(row), scope: toScope(row.scope) } : null;
    },
    async listApiTokens(accountId) {
      const found = accountId === undefined
        ? await rows<ApiTokenRow>(pool, `SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id ORDER BY t.id`)
        : await rows<ApiTokenRow>(pool, `SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.account_id = $1 ORDER BY t.id`, [accountId]);
      return found.map(toApiToken);
    },
    async revokeApiToken(id, by) {
      return inTransaction(pool, async (client) => {
        const row = isRowId(id)
          ? await one<ApiTokenRow>(client, `SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.id = $1 FOR UPDATE OF t`, [id])
          : undefined;
        if (!row) throw new JikenboError('not_found', `no API token #${id}`, { subject: String(id) });
        if (row.revoked_at !== null) throw new JikenboError('conflict', `API token #${id} was revoked already`, { subject: String(id) });
        const at = now().toISOString();
        await client.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2', [at, id]);
        await writeAudit(client, { actor: by, action: 'token.revoke', subject: `token:${id}`, before: { revokedAt: null }, after: { revokedAt: at } }, now);
        return toApiToken({ ...row, revoked_at: at });
      });
    },
    async reserveSignIn(nameKey, limit, at) {
      return inTransaction(pool, async (client) => {
        // Attempts of one name wait for each other here, so the count below cannot go stale before the insert.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SIGN_IN_LOCK_SPACE, nameKey]);
        await client.query('DELETE FROM sign_in_attempts WHERE at < $1', [limit.since]);
        const { n } = (await one<{ n: number }>(client, 'SELECT count(*)::int AS n FROM sign_in_attempts WHERE name_key = $1 AND at >= $2', [nameKey, limit.since]))!;
        if (n >= limit.max) return null;
        return (await one<{ id: number }>(client, 'INSERT INTO sign_in_attempts (name_key, at) VALUES ($1, $2) RETURNING id', [nameKey, at]))!.id;
      });
    },
    async settleSignIn(attemptId, outcome, entry) {
      await inTransaction(pool, async (client) => {
        if (outcome === 'failed') await client.query('UPDATE sign_in_attempts SET failed = 1 WHERE id = $1', [attemptId]);
        else await client.query('DELETE FROM sign_in_attempts WHERE id = $1', [attemptId]);
        if (entry) await writeAudit(client, entry, now);
      });
    },
    async appendAudit(entry) {
      return toAuditEntry(await writeAudit(pool, entry, now));
    },
    async listAudit(query = {}) {
      const params: unknown[] = [];
      const bind = (v: unknown) => `$${params.push(v)}`;
      const clauses: string[] = [];
      if (query.beforeId !== undefined) clauses.push(`id < ${bind(query.beforeId)}`);
      if (query.actor !== undefined) clauses.push(`actor = ${bind(query.actor)}`);
      if (query.action !== undefined) clauses.push(`action = ${bind(query.action)}`);
      if (query.subject !== undefined) clauses.push(`subject = ${bind(query.subject)}`);
      if (query.since !== undefined) clauses.push(`at >= ${bind(query.since)}`);
      const limit = bind(Math.min(Math.max(1, Math.trunc(query.limit ?? 100)), AUDIT_PAGE_MAX));
      const found = await rows<AuditRow>(pool, `SELECT * FROM audit_log ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`, params);
      return found.map(toAuditEntry);
    },
  };
}
