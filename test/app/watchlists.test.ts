// Watchlists as the CLI and the server use them: a CSV import whose bad rows are named by file and
// line while the rest imports; the hits of notices ingested and claims imported after the list was
// made (and only those, once each); webhook deliveries signed with HMAC-SHA256, retried with backoff
// against a local node:http server, given up after MAX_ATTEMPTS, and refused by the address guard
// unless the list allows private addresses.
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { addClaimSource, runWatchOnce } from '../../src/app/watch.ts';
import { importClaimsFile, mapClaimDomain } from '../../src/app/claims.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { addOrganisationName, organisationsOfIncident, refreshOrganisations } from '../../src/app/organisations.ts';
import {
  addWatchlistEntry, createWatchlist, deliverWebhooks, importWatchlistFile, MAX_ATTEMPTS, retryDelayMs, updateWatchlistHits, watchlistView,
} from '../../src/app/watchlists.ts';
import { parseWatchlistCsv } from '../../src/formats/watchlist-csv.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer, type LocalServer } from '../sources/local-server.ts';

// A client's notice naming its contractor (fictional).
const CONTRACTOR_NOTICE = `委託先における不正アクセスについて
2024年8月1日
株式会社あさひ保険

当社が業務を委託している株式会社ひかり書房のサーバーが不正アクセスを受け、当社のお客様情報が閲覧された可能性があります。
`;

describe('parseWatchlistCsv', () => {
  it('reads a header, several values in a cell, and a file without a header', () => {
    const parsed = parseWatchlistCsv('\uFEFFname,domain,alias,alias2\n株式会社ひかり書房,"hikari-shobo.co.jp; https://www.hikari.example/",ひかり書房,Hikari Shobo\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([{ line: 2, entry: { name: '株式会社ひかり書房', domains: ['hikari-shobo.co.jp', 'hikari.example'], aliases: ['ひかり書房', 'Hikari Shobo'] } }]);
    expect(parseWatchlistCsv('株式会社みなと精機,minato-seiki.co.jp,みなと精機\r\n').entries[0]!.entry)
      .toEqual({ name: '株式会社みなと精機', domains: ['minato-seiki.co.jp'], aliases: ['みなと精機'] });
  });
});

describe.each(CASEBOOK_ENGINES)('watchlists on $name', (engine) => {
  const dir = tempDir('jikenbo-watchlists-');
  let casebook: Casebook;
  let n = 0;
  beforeEach(async () => {
    casebook = await engine.open(dir, `w${n++}`);
  });
  afterEach(async () => casebook.close());

  const ingestText = async (name: string, text: string) => {
    const path = join(dir, `${n}-${name}`);
    writeFileSync(path, text);
    const report = await ingestPaths([path], casebook);
    expect(report.failures).toEqual([]);
  };

  it('imports a CSV: each bad row is an error naming the file and line, and the other rows import', async () => {
    const file = join(dir, 'portfolio.csv');
    writeFileSync(file, [
      'name,domain,alias',
      '株式会社ひかり書房,hikari-shobo.co.jp,ひかり書房',
      ',nameless.co.jp,',
      '株式会社みなと精機,not a domain!,',
      '情報システム株式会社,,',
      'Minato Seiki,,',
      '"株式会社あおば企画,aoba.co.jp',
      '株式会社つばさ,tsubasa.co.jp',
    ].join('\n'));
    const report = await importWatchlistFile(casebook.store, 'insured', file, 'sato');
    expect(report.problems).toEqual([
      `${file}:3: the name is empty`,
      `${file}:4: "not a domain!" is not a domain name`,
      `${file}:5: "情報システム株式会社" is made of generic words only and has no domain: it would match nothing in particular`,
      `${file}:7: a quoted cell is never closed (a " is missing)`,
    ]);
    // A quote never closed takes the rest of the file into its cell (line 8 with it): that row is the problem.
    expect(report).toMatchObject({ rows: 6, added: 2, updated: 0, watchlist: { name: 'insured', private: true } });
    const view = await watchlistView(casebook.store, 'insured');
    expect(view.entries.map((e) => e.name)).toEqual(['Minato Seiki', '株式会社ひかり書房']);
    // Again: nothing new, the same entries updated.
    expect(await importWatchlistFile(casebook.store, String(view.watchlist.id), file, 'sato')).toMatchObject({ added: 0, updated: 2 });
    await expect(importWatchlistFile(casebook.store, 'insured', join(dir, 'missing.csv'), 'sato')).rejects.toThrow(/missing\.csv: cannot read/);
    await expect(addWatchlistEntry(casebook.store, 'insured', { name: 'システム', aliases: [], domains: [] }, 'sato')).rejects.toThrow(/generic words/);
    await expect(addWatchlistEntry(casebook.store, 'nobody', { name: 'ひかり', aliases: [], domains: [] }, 'sato')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records the hits of notices ingested and claims imported after the list was made, once each', async () => {
    await ingestText('usb.txt', USB_NOTICE); // before the list: never a hit
    const { watchlist } = await createWatchlist(casebook.store, { name: 'suppliers' }, 'sato');
    await addWatchlistEntry(casebook.store, 'suppliers', { name: '株式会社ひかり書房', aliases: [], domains: [] }, 'sato');
    await addWatchlistEntry(casebook.store, 'suppliers', { name: '株式会社みなと精機', aliases: [], domains: ['minato-seiki.co.jp'] }, 'sato');
    await addWatchlistEntry(casebook.store, 'suppliers', { name: 'みなみ野病院', aliases: [], domains: [] }, 'sato');
    await ingestText('bcc.txt', BCC_NOTICE);
    await ingestText('ransom.txt', RANSOM_NOTICE);
    await ingestText('contractor.txt', CONTRACTOR_NOTICE);
    // A subsidiary's foreign domain mapped to its Japanese parent names the parent.
    await mapClaimDomain(casebook.store, 'mst-asia.com', '株式会社みなと精機', 'sato');
    const claims = join(dir, 'posts.json');
    writeFileSync(claims, JSON.stringify([
      { post_title: 'Minato Seiki Co., Ltd.', group_name: 'lockbit3', discovered: '2024-09-20 10:00:00' },
      { post_title: 'shop.minato-seiki.co.jp', group_name: 'akira', discovered: '2024-09-21 10:00:00' },
      { post_title: 'Example Holdings Group', group_name: 'akira', discovered: '2024-09-22 10:00:00' },
      { post_title: 'mst-asia.com', group_name: 'play', discovered: '2024-09-23 10:00:00' },
    ]));
    expect((await importClaimsFile(casebook.store, claims)).added).toBe(4);
    const hits = (await watchlistView(casebook.store, 'suppliers')).hits;
    expect(hits.map((h) => [h.entryName, h.subject, h.how, h.organization]).sort()).toEqual([
      ['株式会社ひかり書房', 'notice', 'contractor', '株式会社あさひ保険'],
      ['株式会社ひかり書房', 'notice', 'name', '株式会社ひかり書房'],
      ['株式会社みなと精機', 'claim', 'domain', 'shop.minato-seiki.co.jp'],
      ['株式会社みなと精機', 'claim', 'name', 'mst-asia.com'],
      ['株式会社みなと精機', 'claim', 'romaji', 'Minato Seiki Co., Ltd.'],
      ['株式会社みなと精機', 'notice', 'name', '株式会社みなと精機'],
    ]);
    expect(hits.every((h) => h.delivery === null)).toBe(true);
    const noticeHit = hits.find((h) => h.subject === 'notice' && h.how === 'name' && h.entryName === '株式会社ひかり書房')!;
    expect(noticeHit.incidentId).not.toBeNull();
    expect(noticeHit.evidence).toBe('name: "株式会社ひかり書房" = "株式会社ひかり書房"');
    // Matching again finds nothing new: the cursors moved past what was matched.
    expect(await updateWatchlistHits(casebook.store)).toEqual({ added: {} });
    expect((await casebook.store.getWatchlist(watchlist.id))!.hits).toBe(6);
  });
});

describe.each(CASEBOOK_ENGINES)('watchlists and the organisation table on $name', (engine) => {
  const dir = tempDir('jikenbo-watchlists-orgs-');
  let casebook: Casebook;
  afterEach(async () => casebook.close());

  it('matches a notice by the other name and the domain people gave its organisation', async () => {
    casebook = await engine.open(dir, 'wlorgs');
    writeFileSync(join(dir, 'first.txt'), BCC_NOTICE);
    await ingestPaths([join(dir, 'first.txt')], casebook);
    const firstNotice = (await casebook.store.listNotices())[0]!.id;
    await refreshOrganisations(casebook.store);
    const [org] = await organisationsOfIncident(casebook.store, (await casebook.store.incidentOfNotice(firstNotice))!);
    await addOrganisationName(casebook.store, { organisationId: org!.id, kind: 'alias', value: 'Hikari Books', by: 'sato' });
    await addOrganisationName(casebook.store, { organisationId: org!.id, kind: 'domain', value: 'hikari-books.example.com', by: 'sato' });
    await createWatchlist(casebook.store, { name: 'by alias' }, 'sato');
    await createWatchlist(casebook.store, { name: 'by domain' }, 'sato');
    // Neither entry's own name or romaji is the notice's (ひかり書房 reads hikarishobo).
    await addWatchlistEntry(casebook.store, 'by alias', { name: 'Hikari Books', aliases: [], domains: [] }, 'sato');
    await addWatchlistEntry(casebook.store, 'by domain', { name: 'HB Publishing', aliases: [], domains: ['www.hikari-books.example.com'] }, 'sato');
    writeFileSync(join(dir, 'second.txt'), BCC_NOTICE.replace('2024年7月2日', '2024年8月5日').replace('312件', '45件'));
    await ingestPaths([join(dir, 'second.txt')], casebook);
    const alias = (await watchlistView(casebook.store, 'by alias')).hits;
    expect(alias.map((h) => [h.how, h.evidence])).toEqual([['romaji', 'romaji: "Hikari Books" = "Hikari Books"']]);
    expect(alias[0]!.subjectId).not.toBe(firstNotice);
    expect((await watchlistView(casebook.store, 'by domain')).hits.map((h) => h.how)).toEqual(['domain']);
  });
});

describe('watchlists and a polled leak-site tracker', () => {
  const dir = tempDir('jikenbo-watchlists-tracker-');
  let server: LocalServer;
  beforeAll(async () => {
    server = await localServer();
  });
  it('matches the claims a watched tracker brings in the run that polled it', async () => {
    server.route('/v2/recentvictims', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(readFileSync(resolve('test/fixtures/claims/watch/recentvictims-1.json'), 'utf8'));
    });
    const casebook = await openCasebook(join(dir, 'tracker.db'));
    try {
      await createWatchlist(casebook.store, { name: 'portfolio' }, 'sato');
      // つきみ工業 reads tsukimi kogyo: the tracker's "Tsukimi Kogyo".
      await addWatchlistEntry(casebook.store, 'portfolio', { name: 'つきみ工業株式会社', aliases: [], domains: [] }, 'sato');
      await addClaimSource(casebook.store, `${server.base}/v2/recentvictims`, { everySeconds: 3600, format: 'ransomware-live', allowPrivate: true });
      const report = await runWatchOnce(casebook, { now: () => new Date('2025-03-10T00:00:00Z') });
      expect(report.watchlists?.hits.added).toEqual({ portfolio: 1 });
      const [hit] = (await watchlistView(casebook.store, 'portfolio')).hits;
      expect(hit).toMatchObject({ subject: 'claim', how: 'romaji', organization: 'Tsukimi Kogyo', title: 'qilin', domain: 'tsukimi-kogyo.example' });
    } finally {
      await casebook.close();
    }
  });
});

describe('webhook deliveries', () => {
  const dir = tempDir('jikenbo-webhooks-');
  let casebook: Casebook;
  let server: Server;
  let url: string;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let answers: number[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = answers.shift() ?? 200;
        res.end('ok');
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => new Promise<void>((ok) => server.close(() => ok())));
  let n = 0;
  beforeEach(async () => {
    casebook = await CASEBOOK_ENGINES[0]!.open(dir, `h${n++}`);
    received.length = 0;
    answers = [];
  });
  afterEach(async () => casebook.close());

  const hitOnce = async (name: string, allowPrivate: boolean) => {
    const made = await createWatchlist(casebook.store, { name, webhookUrl: url, allowPrivate }, 'sato');
    await addWatchlistEntry(casebook.store, name, { name: '株式会社ひかり書房', aliases: [], domains: [] }, 'sato');
    const path = join(dir, `${name}.txt`);
    writeFileSync(path, BCC_NOTICE);
    await ingestPaths([path], casebook);
    return made;
  };

  it('refuses a webhook on a private address unless the list allows it', async () => {
    await expect(createWatchlist(casebook.store, { name: 'x', webhookUrl: url }, 'sato')).rejects.toThrow(/--webhook: refused to fetch 127\.0\.0\.1.*loopback/);
    await expect(createWatchlist(casebook.store, { name: 'x', webhookUrl: 'ftp://example.jp/' }, 'sato')).rejects.toThrow(/only http and https/);
    await expect(createWatchlist(casebook.store, { name: 'x', webhookUrl: 'https://example.jp/', webhookSecret: 'short' }, 'sato')).rejects.toThrow(/16 to 200 characters/);
    // A list whose address became private after it was made (or was changed behind its back) is still refused at delivery.
    const { watchlist } = await hitOnce('guarded', true);
    await casebook.store.changeWatchlist(watchlist.id, { allowPrivate: false }, 'sato');
    const now = new Date('2030-01-01T00:00:00Z');
    expect(await deliverWebhooks(casebook.store, { now: () => now })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(received).toEqual([]);
    const [hit] = (await watchlistView(casebook.store, 'guarded')).hits;
    expect(hit!.delivery).toMatchObject({ state: 'pending', attempts: 1, lastStatus: null });
    expect(hit!.delivery!.lastError).toMatch(/loopback/);
  });

  it('POSTs each hit signed with HMAC-SHA256 of the body, retries a failure with backoff, and records each attempt', async () => {
    const { secret } = await hitOnce('signed', true);
    expect(secret).toMatch(/^[\w-]{32}$/);
    answers = [500];
    let now = new Date('2030-01-01T00:00:00Z');
    const clock = () => now;
    expect(await deliverWebhooks(casebook.store, { now: clock })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let [hit] = (await watchlistView(casebook.store, 'signed')).hits;
    expect(hit!.delivery).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500', nextAttemptAt: '2030-01-01T00:00:30.000Z' });
    // Not due before its time: no request made.
    now = new Date('2030-01-01T00:00:29Z');
    expect(await deliverWebhooks(casebook.store, { now: clock })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    now = new Date('2030-01-01T00:00:30Z');
    expect(await deliverWebhooks(casebook.store, { now: clock })).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    [hit] = (await watchlistView(casebook.store, 'signed')).hits;
    expect(hit!.delivery).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 200, deliveredAt: '2030-01-01T00:00:30.000Z' });
    expect(received).toHaveLength(2);
    for (const r of received) {
      const expected = `sha256=${createHmac('sha256', secret!).update(r.body).digest('hex')}`;
      expect(r.headers['x-jikenbo-signature']).toBe(expected);
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(r.headers['x-jikenbo-event']).toBe('watchlist.hit');
    }
    const body = JSON.parse(received[1]!.body);
    expect(body).toMatchObject({
      event: 'watchlist.hit', watchlist: { name: 'signed' },
      hit: { entry: '株式会社ひかり書房', subject: 'notice', how: 'name', organization: '株式会社ひかり書房', title: expect.stringContaining('誤送信') },
    });
    // Delivered once: nothing more is sent.
    now = new Date('2030-01-02T00:00:00Z');
    expect(await deliverWebhooks(casebook.store, { now: clock })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('gives a delivery up after MAX_ATTEMPTS failures, each after a longer wait', async () => {
    await hitOnce('failing', true);
    answers = new Array(MAX_ATTEMPTS).fill(503);
    let now = new Date('2030-01-01T00:00:00Z');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverWebhooks(casebook.store, { now: () => now });
      expect(report).toEqual(attempt < MAX_ATTEMPTS ? { delivered: 0, retrying: 1, failed: 0 } : { delivered: 0, retrying: 0, failed: 1 });
      now = new Date(now.getTime() + retryDelayMs(attempt));
    }
    expect(retryDelayMs(1)).toBe(30_000);
    expect(retryDelayMs(3)).toBe(120_000);
    const [hit] = (await watchlistView(casebook.store, 'failing')).hits;
    expect(hit!.delivery).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, lastStatus: 503, nextAttemptAt: null });
    expect(received).toHaveLength(MAX_ATTEMPTS);
    expect(await deliverWebhooks(casebook.store, { now: () => new Date('2099-01-01T00:00:00Z') })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });
});
