// Which requests need what, in one table: every route of the app falls under one of these rules, so a
// new route is guarded from the start (default: reading needs `read`, anything else needs `edit`).

import type { Need } from '../../core/access.ts';

/** `public`: anyone, signed in or not. `self`: any signed-in account (its own sign-out, tokens). */
export type Requirement = 'public' | 'self' | Need;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requirementOf(method: string, path: string): Requirement {
  if (path.startsWith('/static/')) return 'public';
  if (path === '/login') return 'public';
  if (path === '/logout' || path === '/account' || path.startsWith('/account/')) return 'self';
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  return SAFE.has(method.toUpperCase()) ? 'read' : 'edit';
}

export const isSafeMethod = (method: string) => SAFE.has(method.toUpperCase());
