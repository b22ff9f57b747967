// RFC 9457 problem details, the body of every error answered under /api/: type, title, status,
// detail, and `instance` naming this occurrence by its request id (`urn:jikenbo:request:<id>`, the
// response's X-Request-Id and the request's log line; see request-id.ts), plus `field`, the input the
// problem is about. Built only by error-response.ts.
/** The statuses an error is answered with (error-response.ts maps each error kind to one). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 501 | 503;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  field?: string;
}

const TITLES: Record<ErrorStatus, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict',
  413: 'Content too large', 415: 'Unsupported media type', 429: 'Too many requests', 500: 'Internal error', 501: 'Not implemented', 503: 'Service unavailable',
};

/** The `instance` of a problem: the request's id as a URN. */
export const requestInstance = (requestId: string) => `urn:jikenbo:request:${requestId}`;

/** `about:blank` types, as RFC 9457 §4.2.1 says, when the status says all there is. */
export function problem(status: ErrorStatus, detail: string, requestId: string, field?: string): Problem {
  return { type: 'about:blank', title: TITLES[status], status, detail, instance: requestInstance(requestId), ...(field ? { field } : {}) };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), { status: p.status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}
