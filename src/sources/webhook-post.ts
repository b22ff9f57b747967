// POSTs a webhook's JSON body, signed, through the fetcher's address guard: never to a loopback,
// private, link-local or metadata address (checked on the address connected to) unless allowed.
// No redirect is followed (a webhook that answers 3xx has not taken the delivery).
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { JikenboError } from '../core/errors.ts';
import { forbiddenAddressReason } from './address-policy.ts';
import { checkedLookup, parseHttpUrl, refuse, type FetchOptions } from './fetch-url.ts';

export const SIGNATURE_HEADER = 'X-Jikenbo-Signature';

/** 'sha256=' and the hex HMAC-SHA256 of the body under the secret, as the receiver recomputes it. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export type WebhookPostOptions = Pick<FetchOptions, 'allowPrivate' | 'resolve' | 'addressPolicy'> & {
  /** The whole request, in ms; default 10 s. */
  timeoutMs?: number;
  /** Headers besides the content type and the signature. */
  headers?: Record<string, string>;
};

/** The response's status; rejects (bad_input naming the URL) when no response came: refused address, timeout, connection error. */
export async function postWebhook(rawUrl: string, body: string, secret: string, options: WebhookPostOptions = {}): Promise<number> {
  const url = parseHttpUrl(rawUrl, 'webhook');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !options.allowPrivate) {
    const reason = (options.addressPolicy ?? forbiddenAddressReason)(host, host);
    if (reason) throw refuse('webhook', url, host, reason);
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise<number>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'POST',
      headers: {
        'User-Agent': 'jikenbo-webhook/0.1', 'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(body)), [SIGNATURE_HEADER]: signBody(body, secret), ...options.headers,
      },
      lookup: checkedLookup(url, options, 'webhook'),
      agent: false,
      timeout: timeoutMs,
    });
    const timer = setTimeout(() => request.destroy(new JikenboError('bad_input', `webhook: no answer from ${url.host} within ${timeoutMs / 1000} s`, { subject: 'webhook' })), timeoutMs);
    request.on('error', (err) => {
      clearTimeout(timer);
      reject(err instanceof JikenboError ? err : new JikenboError('bad_input', `webhook: ${url.host}: ${err.message}`, { subject: 'webhook', cause: err }));
    });
    request.on('response', (response) => {
      // The answer's body says nothing the delivery needs: read and dropped.
      response.resume();
      response.on('error', (err) => {
        clearTimeout(timer);
        reject(new JikenboError('bad_input', `webhook: ${url.host}: ${err.message}`, { subject: 'webhook', cause: err }));
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      });
    });
    request.end(body);
  });
}
