// The published site (jikenbo publish) opened from file:// in Chromium: index → month → incident →
// the copy of the original, by clicking links, with every request recorded by interception and none
// leaving the site's folder; a hostile notice (script, event handlers, javascript: URLs) runs nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { markPublication } from '../../src/app/publication.ts';
import { publishSite } from '../../src/app/publish-site.ts';
import { publicIncidentId } from '../../src/core/public-id.ts';
import { siteRenderer } from '../../src/server/pages/site/site-pages.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const HOSTILE_NOTICE = `不正アクセスによる個人情報漏えいに関するお詫び<script>window.pwned=1</script>
2024年5月20日
株式会社あやしい商会

<img src=x onerror="window.pwned=2">このたび、当社ウェブサイトが第三者による不正アクセスを受け、お客様1,200名分の氏名とメールアドレスが漏えいしました。
詳細は <a href="javascript:window.pwned=3">こちら</a> をご覧ください。"' onmouseover="window.pwned=4"
<link rel="stylesheet" href="https://fonts.example.com/x.css"><iframe src="https://example.com/"></iframe>
`;

describe('the published site in Chromium from file://', () => {
  const dir = tempDir('jikenbo-site-browser-');
  let casebook: Casebook;
  let browser: Browser;
  const out = join(dir, 'site');
  let siteUrl = '';

  beforeAll(async () => {
    const notices = join(dir, 'notices');
    mkdirSync(notices);
    writeFileSync(join(notices, 'hostile.txt'), HOSTILE_NOTICE);
    casebook = await openCasebook(join(dir, 'casebook.db'), { create: true });
    const report = await ingestPaths([notices, resolve('demo/notices')], casebook);
    expect(report.failures).toEqual([]);
    // Every incident but one is published: the one left out must appear nowhere.
    const incidents = await casebook.store.listIncidents();
    const hostile = incidents.find((i) => i.members.some((m) => m.header.includes('window.pwned=1')))!;
    expect(hostile).toBeDefined();
    const left = incidents.find((i) => i !== hostile)!;
    await markPublication(casebook.store, { refs: incidents.filter((i) => i !== left).map((i) => publicIncidentId(i)), publishable: true, by: 'sato' });
    await publishSite(casebook.store, casebook.archive, { out, locales: ['ja', 'en'], renderer: siteRenderer, timeZone: 'Asia/Tokyo' });
    siteUrl = pathToFileURL(out).href + '/';
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await casebook?.close();
  });

  /** A page whose every request is intercepted: file:// requests inside the site go on, anything else is recorded and refused. */
  async function sitePage(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const requests: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (!requests.includes(url)) requests.push(url);
      return url.startsWith(siteUrl) ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    // Requests the router may not see (file:// loads in some versions) are recorded here too.
    page.on('request', (r) => { if (!requests.includes(r.url())) requests.push(r.url()); });
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, requests, errors };
  }

  it('goes index → month → incident → original, every request inside the site folder, the hostile notice inert', async () => {
    const { page, requests, errors } = await sitePage();
    await page.goto(`${siteUrl}index.html`);
    await page.getByRole('link', { name: /公開事件簿 \(日本語\)/ }).click();
    await page.waitForURL(`${siteUrl}ja/index.html`);
    await expect(page.locator('h1').textContent()).resolves.toBe('公開事件簿');

    await page.locator('ul.months a', { hasText: '2024-05' }).click();
    await page.waitForURL(`${siteUrl}ja/months/2024-05.html`);
    await page.locator('ol.related li').filter({ hasText: 'window.pwned=1' }).locator('a').click();
    await page.waitForURL(/\/ja\/incidents\/[^/]+\.html$/);
    expect(await page.locator('h1').textContent()).toContain('<script>window.pwned=1</script>');
    expect(await page.locator('pre.notice-text').textContent()).toContain('<img src=x onerror="window.pwned=2">');
    expect(await page.locator('td.sentence').filter({ hasText: '1,200名' }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('main script, main img, main iframe, main a[href^="javascript"]').count()).toBe(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'published-incident.png'), fullPage: true });

    await page.locator('a.original').first().click();
    await page.waitForURL(/\/originals\/[0-9a-f]{64}\.txt$/);
    expect(await page.locator('body').textContent()).toContain('<script>window.pwned=1</script>');
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();

    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(6);
    expect(requests.filter((u) => !u.startsWith(siteUrl))).toEqual([]);
    expect(requests).toContain(`${siteUrl}style.css`);
  });

  it('follows prev/next through every incident, the dashboard and the English pages without leaving the folder', async () => {
    const { page, requests, errors } = await sitePage();
    await page.goto(`${siteUrl}en/index.html`);
    const count = await page.locator('#all + ol.related > li').count();
    await page.locator('#all + ol.related a').last().click();
    let seen = 1;
    while (await page.locator('nav.pager a[rel=next]').first().count()) {
      await page.locator('nav.pager a[rel=next]').first().click();
      await page.waitForLoadState();
      seen++;
    }
    expect(seen).toBe(count);
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await page.waitForURL(`${siteUrl}en/dashboard.html`);
    expect(await page.locator('main svg').count()).toBe(5);
    await page.getByRole('link', { name: '日本語' }).click();
    await page.waitForURL(`${siteUrl}ja/dashboard.html`);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(siteUrl))).toEqual([]);
  }, 60_000);

  it('fits a phone: no page of the site scrolls sideways at 390 px', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${siteUrl}ja/index.html`);
    const pages = [`${siteUrl}ja/index.html`, `${siteUrl}ja/dashboard.html`,
      ...await page.locator('#all + ol.related a').evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href))];
    for (const url of pages) {
      await page.goto(url);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth'), url).toBeLessThanOrEqual(0);
    }
    await context.close();
  }, 60_000);

  it('would see a request that left the folder (the interception is not blind)', async () => {
    const { page, requests } = await sitePage();
    await page.goto(`${siteUrl}ja/index.html`);
    // A resource asked for from outside, as a hostile page would: the interception must record it.
    await page.evaluate(`new Promise((done) => {
      const img = document.createElement('img');
      img.onerror = done;
      img.onload = done;
      img.src = 'https://example.com/probe.png';
      document.body.append(img);
    })`);
    expect(requests.filter((u) => !u.startsWith(siteUrl))).toEqual(['https://example.com/probe.png']);
  });
});
