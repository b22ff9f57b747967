// Who may do what: three roles, each allowed everything the one before it is. Pure; the web app and
// the command line ask `allows` and nothing else.

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a request needs: reading the casebook, changing it, or running it (accounts, watched sources). */
export type Need = 'read' | 'edit' | 'admin';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
const NEEDED: Record<Need, number> = { read: 0, edit: 1, admin: 2 };

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export function allows(role: Role, need: Need): boolean {
  return RANK[role] >= NEEDED[need];
}

/**
 * What an API token may do on /api/ routes, chosen when it is made: `read`, or `ingest` (read, and
 * upload notices). A token never does more than its account's role allows, and never acts outside
 * /api/: corrections, links, accounts and tokens are a signed-in person's, not a script's.
 */
export const TOKEN_SCOPES = ['read', 'ingest'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const isTokenScope = (value: string): value is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(value);

/** Whether a token of this scope may do what `need` names (its account's role is asked separately). */
export function scopeAllows(scope: TokenScope, need: Need): boolean {
  return need === 'read' || (need === 'edit' && scope === 'ingest');
}

/** The least role that may do what `need` names. */
export function roleFor(need: Need): Role {
  return ROLES[NEEDED[need]]!;
}

/**
 * An account name: what people sign in with and what the audit log and corrections show. Letters of
 * any script, digits and . _ - @; 1 to 64 characters. Returns the reason a name is refused, or null.
 */
export function accountNameProblem(name: string): string | null {
  if (name.length === 0) return 'the name is empty';
  if (name.length > 64) return 'at most 64 characters';
  if (!/^[\p{L}\p{N}._@-]+$/u.test(name)) return 'letters, digits and . _ - @ only';
  return null;
}
