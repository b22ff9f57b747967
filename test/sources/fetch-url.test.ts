// URL fetching against a local server: charsets, PDF, redirects, limits, and the address policy.
import Encoding from 'encoding-japanese';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { ingestSources } from '../../src/app/ingest-url.ts';
import { forbiddenAddressReason } from '../../src/sources/address-policy.ts';
import { fetchUrl } from '../../src/sources/fetch-url.ts';
import { makeJapanesePdf } from '../../scripts/make-pdf.ts';
import { createApp } from '../../src/server/app.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer, send, type LocalServer } from './local-server.ts';

const sjis = (s: string) => Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to: 'SJIS', from: 'UNICODE' }));
const page = (body: string, meta = '') => `<html><head>${meta}<title>お知らせ</title></head><body><pre>${body}</pre></body></html>`;

let server: LocalServer;
const dir = tempDir();
const allow = { allowPrivate: true };
/** How long /slow takes to end its body: far beyond any time limit the tests set. */
const SLOW_MS = 40_000;

beforeAll(async () => {
  server = await localServer();
  server.route('/sjis-header', send(200, { 'Content-Type': 'text/html; charset=Shift_JIS' }, sjis(page(USB_NOTICE))));
  server.route('/sjis-meta', send(200, { 'Content-Type': 'text/html' }, sjis(page(BCC_NOTICE, '<meta charset="Shift_JIS">'))));
  server.route('/utf8', send(200, { 'Content-Type': 'text/html; charset=utf-8' }, page(RANSOM_NOTICE)));
  server.route('/notice.pdf', send(200, { 'Content-Type': 'application/pdf' }, makeJapanesePdf(USB_NOTICE.replace('みなみ野病院', 'きたの台病院').split('\n'))));
  for (let i = 0; i < 6; i++) server.route(`/hop${i}`, send(302, { Location: `/hop${i + 1}` }));
  server.route('/hop6', send(200, { 'Content-Type': 'text/plain; charset=utf-8' }, 'end of the chain'));
  server.route('/two-hops', send(301, { Location: '/hop5' }));
  server.route('/to-loopback', send(302, { Location: 'http://127.0.0.1:9/secret' }));
  server.route('/to-file', send(302, { Location: 'file:///etc/passwd' }));
  server.route('/slow', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('start…');
    const timer = setTimeout(() => res.end('too late'), SLOW_MS);
    res.on('close', () => clearTimeout(timer));
  });
  server.route('/huge', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' }); // no Content-Length: the cap must cut the stream
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    const pump = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('error', () => {});
    pump();
  });
  server.route('/announced-huge', send(200, { 'Content-Type': 'text/plain', 'Content-Length': String(50 * 1024 * 1024) }));
});

describe('fetchUrl', () => {
  it('follows up to 5 redirects and names each hop', async () => {
    const got = await fetchUrl(`${server.base}/hop1`, allow);
    expect(got.status).toBe(200);
    expect(got.redirects).toHaveLength(5);
    expect(got.url).toBe(`${server.base}/hop6`);
    expect(new TextDecoder().decode(got.bytes)).toBe('end of the chain');
  });

  it('refuses a chain of 6 redirects', async () => {
    await expect(fetchUrl(`${server.base}/hop0`, allow)).rejects.toThrow(/more than 5 redirects/);
  });

  it('refuses a redirect to another scheme', async () => {
    await expect(fetchUrl(`${server.base}/to-file`, allow)).rejects.toThrow(/only http and https/);
  });

  it('stops a slow response at the time limit', async () => {
    const started = Date.now();
    await expect(fetchUrl(`${server.base}/slow`, { ...allow, timeoutMs: 300 })).rejects.toThrow(/within 0.3 s/);
    // Stopped long before the body would have ended: the bound is generous (a loaded machine may
    // take seconds to run the timer) and still half of what waiting for the server would take.
    expect(Date.now() - started).toBeLessThan(SLOW_MS / 2);
  });

  it('cuts off a streamed body over the size cap', async () => {
    await expect(fetchUrl(`${server.base}/huge`, { ...allow, maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than the limit of 1.0 MB \(cut off after/);
  });

  it('refuses at once a body announced over the cap', async () => {
    await expect(fetchUrl(`${server.base}/announced-huge`, allow)).rejects.toThrow(/larger than the limit of 20.0 MB \(the server announces 50.0 MB\)/);
  });

  it('refuses the local server without --allow-private, and a redirect to loopback', async () => {
    await expect(fetchUrl(`${server.base}/utf8`)).rejects.toThrow(/127\.0\.0\.1 is loopback/);
    // The first hop is allowed only by a resolver that answers with a public-looking name → loopback is then refused.
    const port = new URL(server.base).port;
    const resolve = async (host: string) => (host === 'notices.test' ? [{ address: '127.0.0.1', family: 4 }] : []);
    await expect(fetchUrl(`http://notices.test:${port}/utf8`, { resolve })).rejects.toThrow(/refused to fetch notices\.test:\d+: 127\.0\.0\.1 is loopback/);
    // A trusted first hop (a name the policy allows) redirecting to 127.0.0.1: the redirect is checked again and refused.
    const trusting = {
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      addressPolicy: (address: string, host: string) => (host === 'trusted.test' ? null : forbiddenAddressReason(address)),
    };
    const hop = await fetchUrl(`http://trusted.test:${port}/utf8`, trusting);
    expect(hop.status).toBe(200);
    await expect(fetchUrl(`http://trusted.test:${port}/to-loopback`, trusting)).rejects.toThrow(/refused to fetch 127\.0\.0\.1:9: 127\.0\.0\.1 is loopback/);
    expect(server.log.some((r) => r.path === '/secret')).toBe(false);
  });

  it('refuses a DNS answer that mixes a public and a private address', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.1.2.3', family: 4 }];
    await expect(fetchUrl('http://mixed.test/', { resolve })).rejects.toThrow(/10\.1\.2\.3 is private \(10\/8\)/);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    await expect(fetchUrl('ftp://example.test/x')).rejects.toThrow(/only http and https/);
    await expect(fetchUrl('http://user:pw@example.test/')).rejects.toThrow(/user name or password/);
  });
});

describe('forbiddenAddressReason', () => {
  const forbidden: Array<[string, RegExp]> = [
    ['127.0.0.1', /loopback/], ['127.255.255.254', /loopback/], ['::1', /loopback/],
    ['10.0.0.1', /private \(10\/8\)/], ['10.255.255.255', /private/],
    ['172.16.0.1', /172\.16\/12/], ['172.31.255.255', /172\.16\/12/],
    ['192.168.1.1', /192\.168\/16/],
    ['100.64.0.1', /carrier-grade NAT/], ['100.127.255.254', /carrier-grade NAT/],
    ['169.254.1.1', /link-local/], ['169.254.169.254', /cloud metadata/],
    ['fe80::1', /link-local/], ['fe80::1%eth0', /link-local/], ['fc00::1', /unique local/], ['fd12:3456::1', /unique local/],
    ['fd00:ec2::254', /cloud metadata/],
    ['0.0.0.0', /unspecified/], ['0.1.2.3', /unspecified/], ['::', /unspecified/],
    ['::ffff:127.0.0.1', /loopback, inside the IPv6 address/], ['::ffff:7f00:1', /loopback/],
    ['::ffff:10.0.0.1', /private/], ['::ffff:169.254.169.254', /cloud metadata/], ['::ffff:192.168.0.1', /private/],
    ['0:0:0:0:0:ffff:a00:1', /private/], ['::ffff:0:7f00:1', /loopback/], ['::ffff:0:10.0.0.1', /private/], ['::ffff:0:a9fe:a9fe', /cloud metadata/],
    ['64:ff9b::a9fe:a9fe', /cloud metadata/], ['2002:7f00:1::', /loopback/],
    ['224.0.0.1', /multicast/], ['255.255.255.255', /reserved/], ['ff02::1', /multicast/],
    ['[::1]', /loopback/], ['localhost', /not an IP address/],
  ];
  it.each(forbidden)('refuses %s', (address, why) => {
    expect(forbiddenAddressReason(address)).toMatch(why);
  });

  const allowed = ['93.184.216.34', '8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '192.169.0.1',
    '169.253.255.255', '2001:4860:4860::8888', '2606:4700::1111', '::ffff:8.8.8.8', '::ffff:0:808:808', '11.0.0.1'];
  it.each(allowed)('allows %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });
});

describe('ingest URLs', () => {
  it('reads Shift_JIS by header and by meta, UTF-8 and PDF in one batch with a path, archives each byte for byte', async () => {
    const casebook = await openCasebook(join(dir, 'urls.db'));
    try {
      const { writeFile } = await import('node:fs/promises');
      const file = join(dir, 'local.txt');
      await writeFile(file, '個人情報の紛失に関するお詫び\n2024年4月1日\n株式会社テスト堂\n\n当社従業員が顧客名簿を紛失しました。\n');
      const urls = ['/sjis-header', '/sjis-meta', '/utf8', '/notice.pdf'].map((p) => `${server.base}${p}`);
      const report = await ingestSources([...urls, file, `${server.base}/missing`], casebook, { fetch: allow });
      expect(report.files).toBe(6);
      expect(report.failures.map((f) => f.reason)).toEqual([expect.stringMatching(/HTTP 404/)]);
      expect(report.newRecords).toBeGreaterThanOrEqual(5);

      const byUrl = new Map(report.outcomes.map((o) => [o.path, o]));
      const expectations: Array<[string, string, string | null, string]> = [
        ['/sjis-header', 'text/html', 'Shift_JIS', 'みなみ野病院'],
        ['/sjis-meta', 'text/html', 'Shift_JIS', 'ひかり書房'],
        ['/utf8', 'text/html', 'UTF-8', 'みなと精機'],
        ['/notice.pdf', 'application/pdf', null, 'きたの台病院'],
      ];
      const app = createApp(casebook, { publicRead: true });
      for (const [path, mediaType, encoding, org] of expectations) {
        const outcome = byUrl.get(`${server.base}${path}`)!;
        expect(outcome.status, path).toBe('new');
        const doc = (await casebook.store.getDocument(outcome.documentId!))!;
        expect(doc.source).toBe(`${server.base}${path}`);
        expect(doc.mediaType).toBe(mediaType);
        expect(doc.encoding).toBe(encoding);
        const notices = await casebook.store.search(org);
        expect(notices.map((n) => n.documentId), path).toContain(doc.id);
        const fetches = await casebook.store.listFetches(doc.id);
        expect(fetches).toHaveLength(1);
        expect(fetches[0]).toMatchObject({ status: 200, requestedUrl: `${server.base}${path}`, sha256: doc.sha256 });
        expect(fetches[0]!.headers['content-type']).toBeTruthy();
        // The original, downloaded later, is the server's bytes exactly.
        const res = await app.request(`/documents/${doc.id}/original`);
        expect(res.status).toBe(200);
        const body = new Uint8Array(await res.arrayBuffer());
        expect(createHash('sha256').update(body).digest('hex')).toBe(doc.sha256);
      }
      // Same bytes again: a duplicate, but the fetch is still recorded.
      const again = await ingestSources([`${server.base}/utf8`], casebook, { fetch: allow });
      expect(again.duplicates).toBe(1);
      const utf8Doc = byUrl.get(`${server.base}/utf8`)!.documentId!;
      expect(await casebook.store.listFetches(utf8Doc)).toHaveLength(2);
    } finally {
      await casebook.close();
    }
  });

  it('lists a refused URL as a failed line without stopping the batch', async () => {
    const casebook = await openCasebook(join(dir, 'refused.db'));
    try {
      const report = await ingestSources([`${server.base}/utf8`, 'gopher://example.test/'], casebook);
      expect(report.failures).toHaveLength(2);
      expect(report.failures[0]!.reason).toMatch(/loopback/);
      expect(report.failures[1]!.reason).toMatch(/only http and https/);
    } finally {
      await casebook.close();
    }
  });
});
