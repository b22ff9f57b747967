// Maps any thrown value to one HTTP status and a message that never shows internals.
import { JikenboError } from '../core/errors.ts';

export function toHttpError(err: unknown): { status: 400 | 404 | 409 | 415 | 500; message: string } {
  if (err instanceof JikenboError && err.code !== 'internal') {
    return { status: err.status as 400 | 404 | 409 | 415, message: err.message };
  }
  return { status: 500, message: 'internal error' };
}
