// Watching feeds and news pages against a local server: new items only, ETag/304, failures kept with backoff.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { addWatchSource, parseInterval, runWatch } from '../../src/app/watch.ts';
import { looksLikeNoticeTitle } from '../../src/core/notice-title.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer, send, type LocalServer } from '../sources/local-server.ts';

const dir = tempDir();
let server: LocalServer;
let feedItems: Array<{ path: string; title: string }>;
const ETAG = () => `"v${feedItems.length}"`;

function rss(base: string): string {
  const items = feedItems.map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><pubDate>Mon, 20 May 2024 09:00:00 +0900</pubDate></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ニュース</title><link>${base}/</link>${items.join('')}</channel></rss>`;
}

beforeAll(async () => {
  server = await localServer();
  feedItems = [
    { path: '/news/1', title: '個人情報を含むUSBメモリの紛失に関するお詫び' },
    { path: '/news/2', title: '新製品発売のお知らせ' },
  ];
  server.route('/feed.xml', (req, res) => {
    if (req.headers['if-none-match'] === ETAG()) {
      res.writeHead(304, { ETag: ETAG() });
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: ETAG() });
    res.end(rss(server.base));
  });
  server.route('/news/1', send(200, { 'Content-Type': 'text/plain; charset=utf-8' }, USB_NOTICE));
  server.route('/news/2', send(200, { 'Content-Type': 'text/plain; charset=utf-8' }, '新製品を発売します。'));
  server.route('/news/3', send(200, { 'Content-Type': 'text/plain; charset=utf-8' }, BCC_NOTICE));
  server.route('/list.html', send(200, { 'Content-Type': 'text/html; charset=utf-8' },
    `<html><body><ul><li><a href="/news/4">ランサムウェア被害に関するお知らせ</a></li><li><a href="/about">会社概要</a></li>
     <li><a href="mailto:x@example.test">お問い合わせ</a></li></ul></body></html>`));
  server.route('/news/4', send(200, { 'Content-Type': 'text/plain; charset=utf-8' }, RANSOM_NOTICE));
  server.route('/broken.xml', send(500, { 'Content-Type': 'text/plain' }, 'internal error'));
});

describe('watching', () => {
  let casebook: Casebook;
  let clock = new Date('2024-06-01T00:00:00Z');
  const now = () => clock;

  beforeAll(async () => {
    casebook = await openCasebook(join(dir, 'watch.db'));
    return () => casebook.close();
  });

  it('ingests the notice-like items of a feed, then only the new ones, and honours the ETag', async () => {
    const source = await addWatchSource(casebook.store, `${server.base}/feed.xml`, { everySeconds: parseInterval('6h'), allowPrivate: true });
    const first = await runWatch(casebook, { now });
    expect(first.checked).toHaveLength(1);
    expect(first.checked[0]).toMatchObject({ status: 'changed', newLinks: 2 });
    expect(first.checked[0]!.notices.map((n) => [n.path, n.status])).toEqual([[`${server.base}/news/1`, 'new']]);
    expect(server.log.some((r) => r.path === '/news/2')).toBe(false); // not a notice: never fetched
    const doc = await casebook.store.getDocument(first.checked[0]!.notices[0]!.documentId!);
    expect(doc?.source).toBe(`${server.base}/news/1`);

    // Not due yet: nothing is checked.
    clock = new Date('2024-06-01T01:00:00Z');
    expect((await runWatch(casebook, { now })).checked).toHaveLength(0);

    // Due, unchanged: a conditional request and a 304.
    clock = new Date('2024-06-01T06:00:01Z');
    const unchanged = await runWatch(casebook, { now });
    expect(unchanged.checked[0]!.status).toBe('not_modified');
    expect(server.log.filter((r) => r.path === '/feed.xml').at(-1)!.headers['if-none-match']).toBe('"v2"');

    // A new item: only it is fetched.
    feedItems.push({ path: '/news/3', title: 'メール誤送信についてのお詫び' });
    clock = new Date('2024-06-01T12:00:02Z');
    const before = server.log.filter((r) => r.path === '/news/1').length;
    const second = await runWatch(casebook, { now });
    expect(second.checked[0]).toMatchObject({ status: 'changed', newLinks: 1 });
    expect(second.checked[0]!.notices.map((n) => [n.path, n.status])).toEqual([[`${server.base}/news/3`, 'new']]);
    expect(server.log.filter((r) => r.path === '/news/1').length).toBe(before);
    const [stored] = await casebook.store.listWatchSources();
    expect(stored).toMatchObject({ id: source.id, etag: '"v3"', failures: 0, lastError: null, nextCheckAt: '2024-06-01T18:00:02.000Z' });
  });

  it('reads an HTML news list: notice-like anchors only', async () => {
    await addWatchSource(casebook.store, `${server.base}/list.html`, { allowPrivate: true });
    const report = await runWatch(casebook, { now, all: true });
    const list = report.checked.find((c) => c.source.url.endsWith('/list.html'))!;
    expect(list.status).toBe('changed');
    expect(list.notices.map((n) => [n.title, n.status])).toEqual([['ランサムウェア被害に関するお知らせ', 'new']]);
  });

  it('keeps a failing source, counts its failures and backs off', async () => {
    const broken = await addWatchSource(casebook.store, `${server.base}/broken.xml`, { allowPrivate: true });
    clock = new Date('2024-07-01T00:00:00Z');
    const first = await runWatch(casebook, { now });
    const line = first.checked.find((c) => c.source.id === broken.id)!;
    expect(line).toMatchObject({ status: 'failed', error: expect.stringMatching(/HTTP 500/) });
    expect(line.source).toMatchObject({ failures: 1, nextCheckAt: '2024-07-01T00:15:00.000Z' });
    clock = new Date('2024-07-01T00:15:00Z');
    const second = (await runWatch(casebook, { now })).checked.find((c) => c.source.id === broken.id)!;
    expect(second.source).toMatchObject({ failures: 2, nextCheckAt: '2024-07-01T00:45:00.000Z' });
    expect((await casebook.store.listWatchSources()).map((s) => s.url)).toContain(`${server.base}/broken.xml`);
  });

  it('checks the other sources while one is slow to answer', async () => {
    const db = join(dir, 'slow.db');
    const cb = await openCasebook(db);
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    let fastDone = false;
    // The slow source answers only once the fast one's notice is stored: one after the other, it never would.
    server.route('/slow.xml', (_req, res) => {
      void released.then(() => {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
        res.end('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>遅いサイト</title></channel></rss>');
      });
    });
    server.route('/fast.html', send(200, { 'Content-Type': 'text/html; charset=utf-8' },
      '<html><body><ul><li><a href="/news/3">メール誤送信による個人情報漏えいのお詫び</a></li></ul></body></html>'));
    try {
      await addWatchSource(cb.store, `${server.base}/slow.xml`, { allowPrivate: true });
      await addWatchSource(cb.store, `${server.base}/fast.html`, { allowPrivate: true });
      const poll = (async () => {
        for (let i = 0; i < 600 && !fastDone; i++) {
          fastDone = (await cb.store.listNotices({ limit: 10 })).length > 0;
          await new Promise((r) => setTimeout(r, 50));
        }
        release();
      })();
      const report = await runWatch(cb);
      await poll;
      expect(fastDone).toBe(true);
      expect(report.checked.map((c) => c.source.url)).toEqual([`${server.base}/slow.xml`, `${server.base}/fast.html`]);
      expect(report.checked.map((c) => c.status)).toEqual(['changed', 'changed']);
    } finally {
      release();
      await cb.close();
    }
  }, 60_000);

  it('refuses a private address when the source is added (issue 19, item 8), and at every fetch still', async () => {
    const db = join(dir, 'refuse.db');
    const cb = await openCasebook(db);
    try {
      // At add: a literal loopback address, and a name that resolves to a private one.
      await expect(addWatchSource(cb.store, `${server.base}/feed.xml`)).rejects.toThrow(/refused to fetch .*loopback/);
      const intranet = { resolve: async () => [{ address: '10.1.2.3', family: 4 }] };
      await expect(addWatchSource(cb.store, 'https://intranet.example.jp/rss.xml', { fetch: intranet })).rejects.toThrow(/10\.1\.2\.3 is .*private/);
      expect(await cb.store.listWatchSources()).toEqual([]);
      // A source kept before this check (stored as it was) is still refused when fetched.
      await cb.store.addWatchSource({ url: `${server.base}/feed.xml`, everySeconds: 3600, allowPrivate: false });
      const report = await runWatch(cb);
      expect(report.checked[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/loopback/) });
      // A name with public answers is watched (not fetched here).
      const pub = { resolve: async () => [{ address: '8.8.8.8', family: 4 }] };
      expect((await addWatchSource(cb.store, 'https://news.example.jp/rss.xml', { fetch: pub })).url).toBe('https://news.example.jp/rss.xml');
    } finally {
      await cb.close();
    }
  });
});

describe('watch CLI', () => {
  it('adds, runs and lists through the real command', async () => {
    const db = join(dir, 'cli.db');
    expect((await jikenbo(['init', '--db', db])).code).toBe(0);
    const add = await jikenbo(['watch', 'add', `${server.base}/list.html`, '--every', '2h', '--allow-private', '--db', db]);
    expect(add.stdout).toMatch(/every 2h/);
    const run = await jikenbo(['watch', 'run', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 look like notices, 1 ingested/);
    const list = await jikenbo(['watch', 'list', '--db', db]);
    expect(list.stdout).toMatch(/list\.html\tevery 2h\tnext .*\tok, last/);
    // Paused, it is listed as such and not checked, even with --all; resumed, it is; removed, it is gone (issue 19, item 8).
    const pause = await jikenbo(['watch', 'pause', `${server.base}/list.html`, '--db', db]);
    expect(pause.stdout).toMatch(/^paused .*list\.html \(source 1\)/);
    expect((await jikenbo(['watch', 'list', '--db', db])).stdout).toMatch(/list\.html\tevery 2h\tnext .*\tPAUSED since /);
    expect((await jikenbo(['watch', 'run', '--all', '--allow-private', '--db', db])).stdout).toMatch(/^no source is due/);
    expect((await jikenbo(['watch', 'resume', '1', '--db', db])).stdout).toMatch(/^resumed .*list\.html/);
    expect((await jikenbo(['watch', 'list', '--db', db])).stdout).not.toContain('PAUSED');
    expect((await jikenbo(['watch', 'remove', '1', '--db', db])).stdout).toMatch(/^no longer watching .*list\.html/);
    expect((await jikenbo(['watch', 'list', '--db', db])).stdout).toMatch(/^no watched sources/);
    expect(await jikenbo(['watch', 'remove', '1', '--db', db])).toMatchObject({ code: 1, stderr: expect.stringContaining('no watched source 1') });
    // The address guard at add (issue 19, item 8): the local server without --allow-private is refused now.
    const local = await jikenbo(['watch', 'add', `${server.base}/feed.xml`, '--db', db]);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/refused to fetch .*loopback.*--allow-private/);
    expect((await jikenbo(['watch', 'list', '--db', db])).stdout).not.toContain('feed.xml');
    const bad = await jikenbo(['watch', 'add', 'file:///etc/passwd', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/only http and https/);
  }, 120_000); // four child processes: slow on a busy machine

  it('reads intervals and refuses others', () => {
    expect([parseInterval('6h'), parseInterval('30m'), parseInterval('1d')]).toEqual([21600, 1800, 86400]);
    expect(() => parseInterval('soon')).toThrow(/--every: "soon" is not an interval/);
    expect(() => parseInterval('10s')).toThrow(/at least 1m/);
  });
});

describe('looksLikeNoticeTitle', () => {
  it.each(['不正アクセスによる個人情報漏えいに関するお詫び', 'ランサムウェア被害の発生について', '書類の紛失について', 'メール誤送信に関するお知らせ',
    '当社を装った不審なメールに関するお知らせ', 'システム障害発生のお知らせ'])('takes %s', (t) => expect(looksLikeNoticeTitle(t)).toBe(true));
  it.each(['新製品発売のお知らせ', '年末年始の営業について', '会社概要', '採用情報'])('skips %s', (t) => expect(looksLikeNoticeTitle(t)).toBe(false));
});
