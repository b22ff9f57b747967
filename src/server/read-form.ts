// Reads a form body against a zod schema: a rejection is one bad_input naming the field. The CSRF
// field travels in every form and is checked before any route sees the body, so it is dropped here.
import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidInput } from '../core/invalid-input.ts';
import { CSRF_FIELD } from './auth/middleware.ts';

export async function readForm<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const body = await c.req.parseBody();
  const strings = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== CSRF_FIELD));
  const r = schema.safeParse(strings);
  if (!r.success) throw invalidInput(r.error, { what: 'form field', fallback: 'form' });
  return r.data;
}

/** A path of this site to go back to after a form (`/incidents/3`), never another site (`//evil`, `/\\evil`). */
export const localPath = (value: string | undefined, fallback = '/') =>
  value !== undefined && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : fallback;
