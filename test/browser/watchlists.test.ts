// A watchlist end to end in Chromium: a notice uploaded through the API is matched against the list,
// its hit shows on the list's page (Japanese and English) and in its Atom feed, and the server's job
// loop POSTs it, signed, to a local webhook server. Saved to .tmp/screenshots/watchlist*.png.
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts.ts';
import type { Casebook } from '../../src/app/casebook.ts';
import { startWatchTimer } from '../../src/app/watch.ts';
import { addWatchlistEntry, createWatchlist } from '../../src/app/watchlists.ts';
import { createApp } from '../../src/server/app.ts';
import { CHROMIUM, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { BCC_NOTICE } from '../helpers/notices.ts';
import { serveApp } from '../helpers/serve-app.ts';
import { ensureAccount } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.skipIf(!existsSync(CHROMIUM))('a watchlist in a browser', () => {
  const dir = tempDir('jikenbo-watchlist-browser-');
  let casebook: Casebook;
  let server: { url: string; close(): Promise<void> };
  let hook: Server;
  let browser: Browser;
  let timer: { stop(): Promise<void> };
  let secret = '';
  let listId = 0;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.end();
      });
    });
    await new Promise<void>((ok) => hook.listen(0, '127.0.0.1', ok));
    casebook = await CASEBOOK_ENGINES[0]!.open(dir, 'watchlist_browser');
    const made = await createWatchlist(casebook.store, {
      name: '取引先', private: false, webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/jikenbo`, allowPrivate: true,
    }, 'sato');
    listId = made.watchlist.id;
    secret = made.secret!;
    await addWatchlistEntry(casebook.store, '取引先', { name: '株式会社ひかり書房', aliases: [], domains: ['hikari-shobo.co.jp'] }, 'sato');
    server = await serveApp(createApp(casebook, { publicRead: true }));
    // The server's job loop, ticking fast for the test (serve ticks every minute).
    timer = startWatchTimer(casebook, { intervalMs: 200, holder: 'browser-test' });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await timer?.stop();
    await browser?.close();
    await server?.close();
    await new Promise<void>((ok) => (hook ? hook.close(() => ok()) : ok()));
    await casebook?.close();
  });

  it('shows a notice ingested through the API on the list\'s page and feed, and delivers it to the webhook', async () => {
    await ensureAccount(casebook.store, 'uploader', 'editor');
    const { token } = await createApiToken(casebook.store, 'uploader', { label: 'upload', scope: 'ingest', madeIn: 'cli' }, 'test');
    const upload = await fetch(`${server.url}/api/v1/notices?filename=bcc.txt`, {
      method: 'POST', body: BCC_NOTICE, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain; charset=utf-8' },
    });
    expect(upload.status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/watchlists`);
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('ウォッチリスト');
    await page.click(`table.watchlists a[href="/watchlists/${listId}"]`);
    await page.waitForURL(new RegExp(`/watchlists/${listId}$`));
    expect(await page.locator('h1').textContent()).toBe('取引先');
    const row = page.locator('table.hits tbody tr[data-subject="notice"]');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('株式会社ひかり書房');
    expect(await row.textContent()).toContain('組織名が一致');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'watchlist.png'), fullPage: true });

    // The hit's link leads to its incident.
    await row.locator('a').first().click();
    await page.waitForURL(/\/incidents\/\d+$/);
    expect(await page.locator('body').textContent()).toContain('メール誤送信');

    const feed = await page.request.get(`${server.url}/watchlists/${listId}/feed.atom`);
    expect(feed.status()).toBe(200);
    const xml = await feed.text();
    expect(xml.match(/<entry>/g)).toHaveLength(1);
    expect(xml).toContain('[株式会社ひかり書房] 株式会社ひかり書房 メール誤送信による個人情報漏えいのお詫び');

    // The job loop delivers the hit: wait for it (ticks every 200 ms; far above what one tick takes).
    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((ok) => setTimeout(ok, 100));
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.headers['x-jikenbo-signature']).toBe(`sha256=${createHmac('sha256', secret).update(delivery!.body).digest('hex')}`);
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'watchlist.hit', watchlist: { id: listId, name: '取引先' }, hit: { entry: '株式会社ひかり書房', subject: 'notice' } });

    // The page says it was delivered, in English too.
    const en = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: 'en-GB' });
    await en.goto(`${server.url}/watchlists/${listId}?lang=en`);
    expect(await en.locator('table.hits tbody tr').first().textContent()).toContain('delivered');
    expect(await en.locator('h2').first().textContent()).toBe('Notices and claims that name them');
    expect(await en.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
    await en.screenshot({ path: join(SCREENSHOT_DIR, 'watchlist-en-390.png'), fullPage: true });
    await en.close();
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
