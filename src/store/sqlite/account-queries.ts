// SQLite side of accounts, sessions, API tokens and the audit log. Every account or token change
// writes its audit line in the same transaction as the change.

import type Database from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';
import type { ApiTokenInput, AuditInput, SignInLimit } from '../account-types.ts';
import {
  ACCOUNT_COLUMNS, AUDIT_PAGE_MAX, auditValues, checkTokenHash, lastAdminProblem, TOKEN_COLUMNS, toAccount, toApiToken, toAuditEntry, toScope,
  type AccountRow, type ApiTokenRow, type AuditRow,
} from '../rows/account-row.ts';
import type { AccountStore } from '../ports.ts';

/** Appends one audit line; called inside the transaction of the change it describes. Returns its id. */
export type AuditWriter = (entry: AuditInput) => number;

export function auditWriter(db: Database.Database, now: () => Date): AuditWriter {
  const insert = db.prepare(/* sql */ `
    INSERT INTO audit_log (at, actor, action, subject, before_json, after_json)
    VALUES (@at, @actor, @action, @subject, @beforeJson, @afterJson)`);
  return (entry) => Number(insert.run(auditValues(entry, now().toISOString())).lastInsertRowid);
}

export function accountQueries(db: Database.Database, now: () => Date, audit: AuditWriter): AccountStore {
  const byName = db.prepare<[string], AccountRow & { password_hash: string }>(`SELECT ${ACCOUNT_COLUMNS}, password_hash FROM accounts WHERE name = ?`);
  const insertAccount = db.prepare('INSERT INTO accounts (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)');
  const updateAccount = db.prepare('UPDATE accounts SET role = @role, password_hash = @passwordHash, disabled = @disabled WHERE id = @id');
  const endSessions = db.prepare('DELETE FROM sessions WHERE account_id = ?');
  const otherAdmins = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM accounts WHERE role = 'admin' AND disabled = 0 AND id <> ?");
  const revokeSessionTokens = db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND made_in = 'session' AND revoked_at IS NULL");
  const insertSession = db.prepare('INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const selectSession = db.prepare<[string, string], AccountRow & { csrf_token: string; expires_at: string }>(/* sql */ `
    SELECT a.id, a.name, a.role, a.disabled, a.created_at, s.csrf_token, s.expires_at
    FROM sessions s JOIN accounts a ON a.id = s.account_id
    WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0`);
  const removeSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  const insertToken = db.prepare('INSERT INTO api_tokens (account_id, label, scope, made_in, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const selectToken = db.prepare<[number], ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?`);
  const tokenAccount = db.prepare<[string], AccountRow & { token_id: number; scope: string }>(/* sql */ `
    SELECT a.id, a.name, a.role, a.disabled, a.created_at, t.id AS token_id, t.scope
    FROM api_tokens t JOIN accounts a ON a.id = t.account_id
    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.disabled = 0`);
  const touchToken = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const selectAudit = db.prepare<[number], AuditRow>('SELECT * FROM audit_log WHERE id = ?');
  const forgetOldAttempts = db.prepare('DELETE FROM sign_in_attempts WHERE at < ?');
  const countAttempts = db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM sign_in_attempts WHERE name_key = ? AND at >= ?');
  const insertAttempt = db.prepare('INSERT INTO sign_in_attempts (name_key, at) VALUES (?, ?)');
  const markFailed = db.prepare('UPDATE sign_in_attempts SET failed = 1 WHERE id = ?');
  const forgetAttempt = db.prepare('DELETE FROM sign_in_attempts WHERE id = ?');

  const add = db.transaction((name: string, role: string, hash: string, by: string) => {
    if (byName.get(name)) throw new JikenboError('conflict', `an account named ${name} exists already`, { subject: name });
    const at = now().toISOString();
    const id = Number(insertAccount.run(name, role, hash, at).lastInsertRowid);
    audit({ actor: by, action: 'account.add', subject: `account:${name}`, before: null, after: { role, disabled: false } });
    return toAccount({ id, name, role, disabled: 0, created_at: at });
  });

  const change = db.transaction((name: string, c: { role?: string; passwordHash?: string; disabled?: boolean }, by: string) => {
    const row = byName.get(name);
    if (!row) throw new JikenboError('not_found', `no account named ${name}`, { subject: name });
    const next = {
      id: row.id, role: c.role ?? row.role, passwordHash: c.passwordHash ?? row.password_hash,
      disabled: c.disabled === undefined ? row.disabled : c.disabled ? 1 : 0,
    };
    // Under the write lock of this IMMEDIATE transaction: no other change can demote the other admins meanwhile.
    const problem = lastAdminProblem(name, row, next, otherAdmins.get(row.id)!.n);
    if (problem) throw problem;
    updateAccount.run(next);
    if (c.passwordHash !== undefined || next.disabled === 1) endSessions.run(row.id);
    const tokensRevoked = c.passwordHash !== undefined ? revokeSessionTokens.run(now().toISOString(), row.id).changes : 0;
    audit({
      actor: by, action: 'account.change', subject: `account:${name}`,
      before: { role: row.role, disabled: row.disabled === 1 },
      after: {
        role: next.role, disabled: next.disabled === 1, ...(c.passwordHash !== undefined ? { password: 'changed' } : {}),
        ...(tokensRevoked > 0 ? { tokensRevoked } : {}),
      },
    });
    return toAccount({ ...row, role: next.role, disabled: next.disabled });
  });

  const addToken = db.transaction((input: ApiTokenInput, by: string) => {
    const id = Number(insertToken.run(input.accountId, input.label, toScope(input.scope), input.madeIn, checkTokenHash(input.tokenHash), now().toISOString()).lastInsertRowid);
    const token = toApiToken(selectToken.get(id)!);
    audit({ actor: by, action: 'token.add', subject: `token:${id}`, before: null, after: { account: token.account, label: token.label, scope: token.scope } });
    return token;
  });

  const revokeToken = db.transaction((id: number, by: string) => {
    const row = selectToken.get(id);
    if (!row) throw new JikenboError('not_found', `no API token #${id}`, { subject: String(id) });
    if (row.revoked_at !== null) throw new JikenboError('conflict', `API token #${id} was revoked already`, { subject: String(id) });
    const at = now().toISOString();
    revoke.run(at, id);
    audit({ actor: by, action: 'token.revoke', subject: `token:${id}`, before: { revokedAt: null }, after: { revokedAt: at } });
    return toApiToken({ ...row, revoked_at: at });
  });

  const reserve = db.transaction((nameKey: string, limit: SignInLimit, at: string) => {
    forgetOldAttempts.run(limit.since);
    if (countAttempts.get(nameKey, limit.since)!.n >= limit.max) return null;
    return Number(insertAttempt.run(nameKey, at).lastInsertRowid);
  });

  const settle = db.transaction((attemptId: number, outcome: 'failed' | 'released', entry: AuditInput | null) => {
    if (outcome === 'failed') markFailed.run(attemptId);
    else forgetAttempt.run(attemptId);
    if (entry) audit(entry);
  });

  return {
    async addAccount(input, by) {
      return add.immediate(input.name, input.role, input.passwordHash, by);
    },
    async getAccountByName(name) {
      const row = byName.get(name);
      return row ? { ...toAccount(row), passwordHash: row.password_hash } : null;
    },
    async listAccounts() {
      return (db.prepare(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY name`).all() as AccountRow[]).map(toAccount);
    },
    async changeAccount(name, c, by) {
      return change.immediate(name, c, by);
    },
    async createSession(input) {
      const at = now().toISOString();
      removeExpired.run(at);
      insertSession.run(checkTokenHash(input.tokenHash), input.accountId, input.csrfToken, at, input.expiresAt);
    },
    async findSession(tokenHash, at) {
      const row = selectSession.get(tokenHash, at);
      return row ? { account: toAccount(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : null;
    },
    async deleteSession(tokenHash) {
      removeSession.run(tokenHash);
    },
    async addApiToken(input, by) {
      return addToken.immediate(input, by);
    },
    async useApiToken(tokenHash, at) {
      const row = tokenAccount.get(tokenHash);
      if (!row) return null;
      touchToken.run(at, row.token_id);
      return { account: toAccount(row), scope: toScope(row.scope) };
    },
    async listApiTokens(accountId) {
      const sql = `SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN accounts a ON a.id = t.account_id
        ${accountId === undefined ? '' : 'WHERE t.account_id = ?'} ORDER BY t.id`;
      const statement = db.prepare(sql);
      return ((accountId === undefined ? statement.all() : statement.all(accountId)) as ApiTokenRow[]).map(toApiToken);
    },
    async revokeApiToken(id, by) {
      return revokeToken.immediate(id, by);
    },
    async reserveSignIn(nameKey, limit, at) {
      // IMMEDIATE: the write lock is taken before counting, so two processes cannot both see room for one more.
      return reserve.immediate(nameKey, limit, at);
    },
    async settleSignIn(attemptId, outcome, entry) {
      settle.immediate(attemptId, outcome, entry);
    },
    async appendAudit(entry) {
      return toAuditEntry(selectAudit.get(audit(entry))!);
    },
    async listAudit(query = {}) {
      const clauses: string[] = [];
      const params: Record<string, string | number> = { limit: Math.min(Math.max(1, Math.trunc(query.limit ?? 100)), AUDIT_PAGE_MAX) };
      if (query.beforeId !== undefined) { clauses.push('id < @beforeId'); params.beforeId = query.beforeId; }
      if (query.actor !== undefined) { clauses.push('actor = @actor'); params.actor = query.actor; }
      if (query.action !== undefined) { clauses.push('action = @action'); params.action = query.action; }
      if (query.subject !== undefined) { clauses.push('subject = @subject'); params.subject = query.subject; }
      if (query.since !== undefined) { clauses.push('at >= @since'); params.since = query.since; }
      const rows = db.prepare(`SELECT * FROM audit_log ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT @limit`).all(params) as AuditRow[];
      return rows.map(toAuditEntry);
    },
  };
}
