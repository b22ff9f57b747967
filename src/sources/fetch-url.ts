// Fetches one URL for the casebook: http(s) only, a size cap, time limits, at most 5 redirects, and
// never an address on the machine's own network (checked on the address actually connected to).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { JikenboError } from '../core/errors.ts';
import { forbiddenAddressReason } from './address-policy.ts';

export interface FetchOptions {
  /** Largest body accepted, in bytes (after decompression); default 20 MB. */
  maxBytes?: number;
  /** The whole fetch, every redirect included, in ms; default 30 s. */
  timeoutMs?: number;
  /** Until each connection is open, in ms; default 10 s. */
  connectTimeoutMs?: number;
  /** default 5 */
  maxRedirects?: number;
  /** Allow loopback, private and link-local addresses (tests against a local server). */
  allowPrivate?: boolean;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for a conditional request. */
  headers?: Record<string, string>;
  /** Name resolution; default the system resolver. Tests pass their own to play a DNS answer. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
  /**
   * Why an address of a host must not be connected to, or null; default forbiddenAddressReason.
   * Consulted unless allowPrivate; tests use it to trust one host name and nothing else.
   */
  addressPolicy?: (address: string, hostname: string) => string | null;
}

export interface FetchedPage {
  /** The URL as asked for. */
  requestedUrl: string;
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  /** Response headers, lower-case names; Set-Cookie is left out (nothing jikenbo needs, possibly personal). */
  headers: Record<string, string>;
  bytes: Uint8Array;
  fetchedAt: string;
  /** Every URL redirected to, in order. */
  redirects: string[];
}

const MB = 1024 * 1024;
export const DEFAULT_MAX_FETCH_BYTES = 20 * MB;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'jikenbo/0.1 (casebook of security-incident notices)';

/** Fetches a URL, following redirects; any final status is returned (callers decide what is usable). */
export async function fetchUrl(rawUrl: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const maxRedirects = options.maxRedirects ?? 5;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const redirects: string[] = [];
  let url = parseHttpUrl(rawUrl, rawUrl);
  for (;;) {
    const response = await requestOnce(url, options, deadline, rawUrl);
    const location = response.headers.location;
    if (REDIRECTS.has(response.status) && location) {
      if (redirects.length >= maxRedirects) {
        throw new JikenboError('bad_input', `${rawUrl}: more than ${maxRedirects} redirects (the last to ${location.slice(0, 200)})`, { subject: rawUrl });
      }
      url = parseHttpUrl(new URL(location, url).href, rawUrl);
      redirects.push(url.href);
      continue;
    }
    return { requestedUrl: rawUrl, url: url.href, redirects, fetchedAt: new Date().toISOString(), ...response };
  }
}

/** An absolute http: or https: URL without credentials, else bad_input naming the URL. */
export function parseHttpUrl(raw: string, subject: string = raw): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new JikenboError('bad_input', `${subject}: not a URL`, { subject });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new JikenboError('bad_input', `${subject}: only http and https URLs are fetched, not ${url.protocol.replace(/:$/, '')}`, { subject });
  }
  if (url.username || url.password) {
    throw new JikenboError('bad_input', `${subject}: URLs with a user name or password are not fetched`, { subject });
  }
  return url;
}

export function refuse(subject: string, url: URL, address: string, reason: string): JikenboError {
  return new JikenboError(
    'bad_input',
    `${subject}: refused to fetch ${url.host}: ${address} is ${reason} (use --allow-private for a server you trust)`,
    { subject },
  );
}

/** How long `refuseNonPublicHost` waits for a name to resolve before letting the fetch check it later. */
const ADD_TIME_LOOKUP_MS = 5_000;

/**
 * The fetch's address guard, asked once when a URL is kept to be fetched later (`watch add`, the
 * admin form): a host that is, or resolves to, a loopback, private or other non-public address is
 * refused now, with the fetch's own reason, rather than at its first check. A name that does not
 * resolve (yet) is let through: every fetch checks every answer again, on every redirect.
 */
export async function refuseNonPublicHost(raw: string, options: Pick<FetchOptions, 'resolve' | 'addressPolicy'> = {}, subject: string = raw): Promise<void> {
  const url = parseHttpUrl(raw, subject);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const policy = options.addressPolicy ?? forbiddenAddressReason;
  if (isIP(host)) {
    const reason = policy(host, host);
    if (reason) throw refuse(subject, url, host, reason);
    return;
  }
  const resolve = options.resolve ?? ((name: string) => new Promise<LookupAddress[]>((ok, fail) => {
    dnsLookup(name, { all: true }, (err, addresses) => (err ? fail(err) : ok(addresses)));
  }));
  let timer: NodeJS.Timeout | undefined;
  const addresses = await Promise.race([
    resolve(host).catch(() => [] as LookupAddress[]),
    new Promise<LookupAddress[]>((ok) => { timer = setTimeout(() => ok([]), ADD_TIME_LOOKUP_MS); }),
  ]).finally(() => clearTimeout(timer));
  for (const a of addresses) {
    const reason = policy(a.address, host);
    if (reason) throw refuse(subject, url, a.address, reason);
  }
}

/** Resolves, checks every answer, and hands the socket only the checked addresses: no rebinding between check and connect. */
export function checkedLookup(url: URL, options: FetchOptions, subject: string): LookupFunction {
  const resolve = options.resolve ?? ((host: string) => new Promise<LookupAddress[]>((ok, fail) => {
    dnsLookup(host, { all: true }, (err, addresses) => (err ? fail(err) : ok(addresses)));
  }));
  return (hostname, lookupOptions, callback) => {
    resolve(hostname).then((addresses) => {
      if (addresses.length === 0) throw new JikenboError('bad_input', `${subject}: ${hostname} has no address`, { subject });
      if (!options.allowPrivate) {
        const policy = options.addressPolicy ?? forbiddenAddressReason;
        for (const a of addresses) {
          const reason = policy(a.address, hostname);
          if (reason) throw refuse(subject, url, a.address, reason);
        }
      }
      const wanted = lookupOptions.family === 4 || lookupOptions.family === 6
        ? addresses.filter((a) => a.family === lookupOptions.family) : addresses;
      const usable = wanted.length > 0 ? wanted : addresses;
      if (lookupOptions.all) callback(null, usable);
      else callback(null, usable[0]!.address, usable[0]!.family);
    }).catch((err: unknown) => {
      const error = err instanceof JikenboError ? err
        : new JikenboError('bad_input', `${subject}: cannot resolve ${hostname}: ${(err as Error).message}`, { subject, cause: err });
      callback(error as NodeJS.ErrnoException, '', 0);
    });
  };
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

function requestOnce(url: URL, options: FetchOptions, deadline: number, subject: string): Promise<RawResponse> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address is connected to without any lookup, so it is checked here.
  if (isIP(host) && !options.allowPrivate) {
    const reason = (options.addressPolicy ?? forbiddenAddressReason)(host, host);
    if (reason) return Promise.reject(refuse(subject, url, host, reason));
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FETCH_BYTES;
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(timeUp(subject, options));

  return new Promise<RawResponse>((resolveResponse, rejectResponse) => {
    let settled = false;
    const finish = (err: Error | null, value?: RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      if (err) {
        request.destroy();
        rejectResponse(err);
      } else resolveResponse(value!);
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(url, {
      method: 'GET',
      headers: { 'User-Agent': USER_AGENT, Accept: '*/*', 'Accept-Encoding': 'gzip, deflate, br', ...options.headers },
      lookup: checkedLookup(url, options, subject),
      agent: false,
    });
    const totalTimer = setTimeout(() => finish(timeUp(subject, options)), remaining);
    const connectTimer = setTimeout(
      () => finish(new JikenboError('bad_input', `${subject}: no connection to ${url.host} within ${(options.connectTimeoutMs ?? 10_000) / 1000} s`, { subject })),
      Math.min(options.connectTimeoutMs ?? 10_000, remaining),
    );
    request.on('socket', (socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (!socket.connecting) connected();
      socket.once('connect', connected);
    });
    request.on('error', (err) => {
      finish(err instanceof JikenboError ? err : new JikenboError('bad_input', `${subject}: ${url.host}: ${err.message}`, { subject, cause: err }));
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const headers = flatHeaders(response);
      if (REDIRECTS.has(status) && headers.location) {
        response.resume();
        finish(null, { status, headers, bytes: new Uint8Array() });
        return;
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes && !headers['content-encoding']) {
        finish(tooLarge(subject, maxBytes, `the server announces ${sizeOf(declared)}`));
        return;
      }
      let body: Readable;
      try {
        body = decoded(response, headers['content-encoding']);
      } catch (err) {
        finish(err as Error);
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      body.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          body.destroy();
          finish(tooLarge(subject, maxBytes, `cut off after ${sizeOf(total)}`));
          return;
        }
        chunks.push(chunk);
      });
      body.on('error', (err) => finish(new JikenboError('bad_input', `${subject}: reading the response: ${err.message}`, { subject, cause: err })));
      body.on('end', () => {
        const bytes = Buffer.concat(chunks);
        finish(null, { status, headers, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
      });
    });
    request.end();
  });
}

function decoded(response: IncomingMessage, encoding: string | undefined): Readable {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity': case '': return response;
    case 'gzip': case 'x-gzip': return response.pipe(createGunzip());
    case 'deflate': return response.pipe(createInflate());
    case 'br': return response.pipe(createBrotliDecompress());
    default: throw new JikenboError('unsupported', `content encoding "${encoding}" is not read`);
  }
}

function flatHeaders(response: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined || name === 'set-cookie') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function timeUp(subject: string, options: FetchOptions): JikenboError {
  return new JikenboError('bad_input', `${subject}: no complete answer within ${(options.timeoutMs ?? 30_000) / 1000} s`, { subject });
}

function tooLarge(subject: string, maxBytes: number, detail: string): JikenboError {
  return new JikenboError('bad_input', `${subject}: larger than the limit of ${sizeOf(maxBytes)} (${detail})`, { subject });
}

function sizeOf(n: number): string {
  return n >= MB ? `${(n / MB).toFixed(1)} MB` : `${n} bytes`;
}
