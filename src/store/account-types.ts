// What the store keeps about people and changes: accounts, their sessions and API tokens, and the
// append-only audit log. Secrets are never stored: sessions and tokens by their SHA-256, passwords
// by the hash the app made (scrypt with a salt of their own).

import type { Role, TokenScope } from '../core/access.ts';

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

/** Where a token was made: by a person signed in (ended when the password changes) or from the server's shell. */
export type TokenOrigin = 'session' | 'cli';

export interface ApiToken {
  id: number;
  accountId: number;
  account: string;
  label: string;
  scope: TokenScope;
  madeIn: TokenOrigin;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface ApiTokenInput {
  accountId: number;
  label: string;
  scope: TokenScope;
  madeIn: TokenOrigin;
  /** SHA-256 (hex) of the token; the token itself is shown once and never kept. */
  tokenHash: string;
}

/** The account an API token acts as, and what the token may do. */
export interface TokenHolder {
  account: Account;
  scope: TokenScope;
}

/** A sign-in limit: at most `max` attempts of one name (pending or failed) at or after `since`. */
export interface SignInLimit {
  max: number;
  since: string;
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
  'incident.link', 'incident.unlink', 'publication.mark', 'publication.unmark',
  'claim.import', 'claim.confirm', 'claim.unconfirm', 'claim.map_domain',
  'watch.add', 'watch.remove', 'watch.pause', 'watch.resume',
  'organisation.name', 'organisation.merge', 'organisation.split',
  'watchlist.add', 'watchlist.change', 'watchlist.remove', 'watchlist.entries', 'watchlist.remove_entry',
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
