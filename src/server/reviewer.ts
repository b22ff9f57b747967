// Who is reviewing: the name a person typed, remembered in a cookie until accounts exist (a later issue).
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';

export const NAME_COOKIE = 'jikenbo_name';

export const reviewerSchema = z.string().trim().min(1, 'give your name').max(80, 'at most 80 characters')
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');

export function reviewerName(c: Context): string | null {
  const raw = getCookie(c, NAME_COOKIE);
  const r = reviewerSchema.safeParse(raw ?? '');
  return r.success ? r.data : null;
}

export function rememberReviewer(c: Context, name: string): void {
  setCookie(c, NAME_COOKIE, name, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365 });
}
