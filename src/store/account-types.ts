// What the store keeps about people and changes: accounts, their sessions and API tokens, and the
// append-only audit log. Secrets are never stored: sessions and tokens by their SHA-256, passwords
// by the hash the app made (scrypt with a salt of their own).

import type { Role } from '../core/access.ts';

export interface Account {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface AccountInput {
  name: string;
  role: Role;
  passwordHash: string;
}

export interface AccountChange {
  role?: Role;
  passwordHash?: string;
  disabled?: boolean;
}

export interface SessionInput {
  /** SHA-256 (hex) of the cookie value. */
  tokenHash: string;
  accountId: number;
  /** The token every form of this session carries (synchronizer token). */
  csrfToken: string;
  expiresAt: string;
}

export interface ActiveSession {
  account: Account;
  csrfToken: string;
  expiresAt: string;
}

export interface ApiToken {
  id: number;
  accountId: number;
  account: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface ApiTokenInput {
  accountId: number;
  label: string;
  /** SHA-256 (hex) of the token; the token itself is shown once and never kept. */
  tokenHash: string;
}

/** One line of the audit log: who did what to which thing, with the value before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  subject: string;
  before: unknown;
  after: unknown;
}

export type AuditInput = Omit<AuditEntry, 'id' | 'at'>;

export const AUDIT_ACTIONS = [
  'document.ingest', 'record.reextract',
  'correction.add', 'correction.revert',
  'incident.link', 'incident.unlink',
  'claim.import', 'claim.confirm', 'claim.map_domain',
  'watch.add',
  'account.add', 'account.change', 'token.add', 'token.revoke',
  'session.sign_in', 'session.sign_in_failed', 'session.sign_out',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditQuery {
  /** Entries with an id below this one (the next page), newest first. */
  beforeId?: number;
  limit?: number;
  actor?: string;
  action?: AuditAction;
  /** Entries at or after this ISO time. */
  since?: string;
  subject?: string;
}

/** Who a store change is made by when the caller names no one: the machine itself (regroups, reextraction). */
export const SYSTEM_ACTOR = 'system';
