// The web app in a real browser (Debian's Chromium through playwright-core), over the demo casebook
// and one hostile notice: search and facets, a correction that persists, escaping, screenshots.
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { serveApp } from '../helpers/serve-app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { ensureAccount, PASSWORD } from '../helpers/sign-in.ts';

const HOSTILE = `<script>window.__pwned = 1; alert("script")</script>不正アクセスに関するお知らせ
2024年3月1日
株式会社<img src=x onerror="window.__pwned = 2; alert('img')">テスト商事

当社サーバーが不正アクセスを受け、顧客情報1,000件が漏えいした可能性があります。"><script>alert(2)</script>
<svg onload=alert(3)></svg><a href="javascript:alert(4)">詳細</a>
`;

describe.each(CASEBOOK_ENGINES)('web app in a browser on $name', (engine) => {
  const dir = tempDir('jikenbo-browser-');
  let casebook: Casebook;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const notices = join(dir, 'notices');
    const demo = join(process.cwd(), 'demo', 'notices');
    await import('node:fs').then((fs) => fs.mkdirSync(notices));
    for (const f of readdirSync(demo)) copyFileSync(join(demo, f), join(notices, f));
    writeFileSync(join(notices, 'zz-hostile.txt'), HOSTILE);
    casebook = await engine.open(dir, 'browser');
    const report = await ingestPaths([notices], casebook);
    expect(report.failures ?? []).toEqual([]);
    server = await serveApp(createApp(casebook, { publicRead: true }));
    await ensureAccount(casebook.store, '佐藤', 'editor');
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await casebook?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'ja-JP' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(server.url + path);
    return page;
  }

  const rowCount = (page: Page) => page.locator('ol.incidents > li').count();

  it('narrows the list by search and by facet clicks, keeping them in the URL', async () => {
    const page = await open('/');
    const all = await rowCount(page);
    expect(all).toBeGreaterThan(10);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'incidents.png'), fullPage: true });

    await page.fill('#q', '病院');
    await page.click('form.search button[type=submit]');
    await page.waitForURL(/q=/);
    const searched = await rowCount(page);
    expect(searched).toBeGreaterThan(0);
    expect(searched).toBeLessThan(all);
    expect(await page.locator('ol.incidents mark').first().textContent()).toBe('病院');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'incidents-search.png'), fullPage: true });

    await page.goto(server.url + '/');
    const facet = page.locator('.facet[data-facet="types"] a[data-value="ransomware"]');
    const expected = Number(await facet.locator('.n').textContent());
    expect(expected).toBeGreaterThan(0);
    await facet.click();
    await page.waitForURL(/type=ransomware/);
    expect(await rowCount(page)).toBe(expected);
    expect(expected).toBeLessThan(all);
    for (const tags of await page.locator('ol.incidents > li .meta').allTextContents()) expect(tags).toContain('ランサムウェア');

    // A second facet narrows further (or keeps) and the bookmark reproduces the view.
    const ppc = page.locator('.facet[data-facet="ppc"] a[data-value="yes"]');
    const ppcCount = Number(await ppc.locator('.n').textContent());
    await ppc.click();
    await page.waitForURL(/ppc=yes/);
    expect(await rowCount(page)).toBe(ppcCount);
    const bookmarked = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await rowCount(bookmarked)).toBe(ppcCount);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'incidents-facets.png'), fullPage: true });
    await page.close();
    await bookmarked.close();

    const phone = await open('/', 390);
    await phone.screenshot({ path: join(SCREENSHOT_DIR, 'incidents-phone.png'), fullPage: false });
    const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  }, 60_000);

  it('signs in from the incident page and keeps a correction made there, with its author, after a reload', async () => {
    const page = await open('/?q=' + encodeURIComponent('USBメモリ'));
    await page.locator('ol.incidents > li a.title').first().click();
    await page.waitForURL(/\/incidents\/J?\d{4}-\d{3,}/);
    const incidentUrl = page.url();
    // A reader of a public casebook sees no review forms, only a way to sign in, which comes back here.
    expect(await page.locator('#correct-form').count()).toBe(0);
    await page.locator('header.site a', { hasText: 'ログイン' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.fill('#login-name', '佐藤');
    await page.fill('#login-password', PASSWORD);
    await page.click('form.login button[type=submit]');
    await page.waitForURL(incidentUrl);
    expect(await page.locator('header.site a.who').textContent()).toContain('佐藤');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'incident.png'), fullPage: true });

    // A value links to its evidence in the text.
    const valueLink = page.locator('table.record tr[data-field="affected_count"] td.value a');
    const hash = await valueLink.getAttribute('href');
    expect(hash).toMatch(/^#n\d+-ev-affected_count-0$/);
    expect(await page.locator(hash!).count()).toBe(1);

    await page.selectOption('#c-field', 'affected_count');
    await page.fill('#c-value', '4321');
    await page.fill('#c-reason', '第2報の本文に4,321名とある');
    await page.click('#correct-form button[type=submit]');
    await page.waitForLoadState('load');
    await page.reload();
    expect(await page.locator('table.record tr[data-field="affected_count"] td.value').textContent()).toContain('4,321');
    const history = page.locator('table.history tbody tr').first();
    expect(await history.locator('td.by').textContent()).toBe('佐藤');
    expect(await history.textContent()).toContain('4,321');
    expect(await history.textContent()).toContain('理由: 第2報の本文に4,321名とある');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'incident-reviewed.png'), fullPage: true });

    // Reverting brings the machine's value back and keeps the history line.
    await history.locator('button', { hasText: '取り消す' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('table.record tr[data-field="affected_count"] td.value').textContent()).not.toContain('4,321');
    expect(await page.locator('table.history tbody tr').first().textContent()).toContain('取り消し');
    await page.close();
  }, 60_000);

  it('shows script and img payloads of a notice as text and runs nothing', async () => {
    const list = await open('/?q=' + encodeURIComponent('テスト商事'));
    await list.locator('ol.incidents > li a.title').first().click();
    await list.waitForURL(/\/incidents\/J?\d{4}-\d{3,}/);
    const text = await list.locator('pre.notice-text').first().textContent();
    expect(text).toContain('<script>window.__pwned = 1;');
    expect(text).toContain('<img src=x onerror=');
    expect(await list.locator('main img, main script, main svg').count()).toBe(0);
    expect(await list.evaluate<unknown>('window.__pwned')).toBeUndefined();
    await list.screenshot({ path: join(SCREENSHOT_DIR, 'incident-hostile.png'), fullPage: true });
    await list.goto(list.url().replace(/\/incidents\/.*/, '/notices'));
    await list.close();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows hostile search queries, filter values and sign-in names as text, on every page they reach', async () => {
    const payload = '"><img src=x onerror="window.__pwned=5;alert(5)"><script>window.__pwned=6;alert(6)</script>';
    const search = await open('/?q=' + encodeURIComponent(payload));
    expect(await search.inputValue('#q')).toBe(payload);
    expect(await search.evaluate<unknown>('window.__pwned')).toBeUndefined();
    await search.goto(server.url + '/?sector=' + encodeURIComponent(payload) + '&type=' + encodeURIComponent(payload));
    expect(await search.locator('main').textContent()).toMatch(/「(事案の種類|業種)」: 選べる値のどれでもありません/);
    expect(await search.locator('main img, main script').count()).toBe(0);
    await search.goto(server.url + '/notices?q=' + encodeURIComponent(payload));
    await search.goto(server.url + '/dashboard?q=' + encodeURIComponent(payload));
    expect(await search.evaluate<unknown>('window.__pwned')).toBeUndefined();
    // A sign-in name is echoed on the form and lands in the audit log: text both times.
    await search.goto(server.url + '/login');
    await search.fill('#login-name', payload.slice(0, 64));
    await search.fill('#login-password', 'not the password');
    await search.click('form.login button[type=submit]');
    await search.waitForLoadState('load');
    expect(await search.inputValue('#login-name')).toBe(payload.slice(0, 64));
    await ensureAccount(casebook.store, 'kanri', 'admin');
    await search.fill('#login-name', 'kanri');
    await search.fill('#login-password', PASSWORD);
    await search.click('form.login button[type=submit]');
    await search.waitForLoadState('load');
    await search.goto(server.url + '/admin/audit?action=session.sign_in_failed');
    expect(await search.locator('table.audit tbody').textContent()).toContain(payload.slice(0, 20));
    expect(await search.locator('main img, main script').count()).toBe(0);
    expect(await search.evaluate<unknown>('window.__pwned')).toBeUndefined();
    await search.close();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('renders the dashboard charts as SVG', async () => {
    const page = await open('/dashboard');
    expect(await page.locator('main svg').count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard.png'), fullPage: true });
    await page.close();
    expect(existsSync(join(SCREENSHOT_DIR, 'dashboard.png'))).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
