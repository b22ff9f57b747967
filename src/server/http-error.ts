// Maps any thrown value to one HTTP status and a message that never shows internals.
import { HTTPException } from 'hono/http-exception';
import { JikenboError } from '../core/errors.ts';

/** Seconds a client is asked to wait after a 503 (the database could not answer in time). */
export const RETRY_AFTER = '5';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

export function toHttpError(err: unknown): { status: ErrorStatus; message: string } {
  if (err instanceof JikenboError && err.code !== 'internal') {
    return { status: err.status as ErrorStatus, message: err.message };
  }
  // Hono's own middleware (the CSRF check) throws these.
  if (err instanceof HTTPException && err.status === 403) return { status: 403, message: 'forbidden: the request came from another site' };
  return { status: 500, message: 'internal error' };
}
