// The address a request came from, for the per-address sign-in limit and the audit log: the socket's
// peer, or behind a reverse proxy that the operator named with `--trust-proxy`, the address that proxy
// appended to X-Forwarded-For (its last entry: any earlier ones are the client's own claims).
import { isIP } from 'node:net';
import type { Context } from 'hono';

function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // Several X-Forwarded-For headers arrive joined with ", "; the proxy's own hop is the last entry.
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
    const bare = last.replace(/^\[|\]$/g, '');
    if (isIP(bare) !== 0) return bare;
  }
  return socketAddress(c);
}
