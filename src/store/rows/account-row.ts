// The accounts, API token and audit rows both engines read, and their mapping to the port's types.

import { isRole, isTokenScope } from '../../core/access.ts';
import { JikenboError } from '../../core/errors.ts';
import type { Account, ApiToken, AuditAction, AuditEntry, AuditInput } from '../account-types.ts';
import { AUDIT_ACTIONS } from '../account-types.ts';

export interface AccountRow {
  id: number;
  name: string;
  role: string;
  disabled: number;
  created_at: string;
}

export interface ApiTokenRow {
  id: number;
  account_id: number;
  account: string;
  label: string;
  scope: string;
  made_in: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before_json: string;
  after_json: string;
}

export const ACCOUNT_COLUMNS = 'id, name, role, disabled, created_at';

export function toAccount(row: AccountRow): Account {
  if (!isRole(row.role)) throw new JikenboError('internal', `account ${row.name} has an unknown role "${row.role}"`);
  return { id: row.id, name: row.name, role: row.role, disabled: row.disabled === 1, createdAt: row.created_at };
}

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id, accountId: row.account_id, account: row.account, label: row.label, scope: toScope(row.scope),
    madeIn: row.made_in === 'session' ? 'session' : 'cli', createdAt: row.created_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at,
  };
}

export function toScope(scope: string): ApiToken['scope'] {
  if (!isTokenScope(scope)) throw new JikenboError('internal', `an API token has an unknown scope "${scope}"`);
  return scope;
}

export const TOKEN_COLUMNS = 't.id, t.account_id, a.name AS account, t.label, t.scope, t.made_in, t.created_at, t.revoked_at, t.last_used_at';

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  id: row.id, at: row.at, actor: row.actor, action: row.action as AuditAction, subject: row.subject,
  before: JSON.parse(row.before_json) as unknown, after: JSON.parse(row.after_json) as unknown,
});

/** The row values of an entry: JSON text for before and after (undefined becomes null). */
export function auditValues(entry: AuditInput, at: string) {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(entry.action)) {
    throw new JikenboError('internal', `unknown audit action "${entry.action}"`);
  }
  const actor = entry.actor.trim();
  if (!actor) throw new JikenboError('bad_input', 'an audit entry needs who made the change', { subject: 'actor' });
  return {
    at, actor, action: entry.action, subject: entry.subject,
    beforeJson: JSON.stringify(entry.before ?? null), afterJson: JSON.stringify(entry.after ?? null),
  };
}

/**
 * The refusal of a change that would leave no enabled admin, or null. `othersEnabled` counts the other
 * enabled admins; the caller holds a lock that keeps concurrent changes from changing that count.
 */
export function lastAdminProblem(
  name: string, before: { role: string; disabled: number }, after: { role: string; disabled: number }, othersEnabled: number,
): JikenboError | null {
  const wasAdmin = before.role === 'admin' && before.disabled === 0;
  const staysAdmin = after.role === 'admin' && after.disabled === 0;
  if (!wasAdmin || staysAdmin || othersEnabled > 0) return null;
  return new JikenboError('conflict', `${name} is the last enabled admin; make another admin first`, { subject: name, key: 'error.last_admin', params: { name } });
}

export const HEX64 = /^[0-9a-f]{64}$/;

export function checkTokenHash(hash: string): string {
  if (!HEX64.test(hash)) throw new JikenboError('bad_input', 'a token hash is a lowercase hex SHA-256');
  return hash;
}

export const AUDIT_PAGE_MAX = 500;
