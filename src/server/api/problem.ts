// RFC 9457 problem details for /api/v1: every error of the API becomes one of these, in one place.
import type { Context } from 'hono';
import { JikenboError } from '../../core/errors.ts';
import { toHttpError } from '../http-error.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  field?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict',
  413: 'Content too large', 415: 'Unsupported media type', 500: 'Internal error', 501: 'Not implemented', 503: 'Service unavailable',
};

/** `about:blank` types, as RFC 9457 §4.2.1 says, when the status says all there is. */
export function problem(status: number, detail: string, extra: { instance?: string; field?: string } = {}): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

export function problemResponse(c: Context, p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), { status: p.status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

/** Any thrown value as a problem; internals never reach the client (toHttpError decides what is safe). */
export function problemOf(err: unknown, path: string): Problem {
  const { status, message } = toHttpError(err);
  const field = err instanceof JikenboError && status !== 500 ? err.subject : undefined;
  return problem(status, message, { instance: path, ...(field ? { field } : {}) });
}
