// Organisation pages in Chromium: a person types an organisation's name into the search box, opens its
// page from the organisations shown above the incident hits, sees its two incidents with their data
// types and counts, then (signed in as an editor) merges the organisation its name's katakana spelling
// made into it, and sees three incidents and the merge in its history. Saved to .tmp/screenshots/organisation*.png.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { CHROMIUM, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { BCC_NOTICE, HIKARI_SECOND_NOTICE, RANSOM_NOTICE } from '../helpers/notices.ts';
import { serveApp } from '../helpers/serve-app.ts';
import { ensureAccount, PASSWORD } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** The same bookshop written in katakana: the casebook keeps it apart until a person merges them. */
const KATAKANA_NOTICE = `会員サイトへの不正ログインに関するお知らせ
2025年8月4日
株式会社ヒカリ書房

2025年7月30日、弊社会員サイトにおいて第三者による不正ログインが確認され、
会員様の氏名・住所・電話番号56件が閲覧された可能性があることが判明しました。
`;

describe.skipIf(!existsSync(CHROMIUM))('organisation pages in a browser', () => {
  const dir = tempDir('jikenbo-orgs-browser-');
  let casebook: Casebook;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const notices: [string, string][] = [['bcc.txt', BCC_NOTICE], ['hikari2.txt', HIKARI_SECOND_NOTICE], ['katakana.txt', KATAKANA_NOTICE], ['ransom.txt', RANSOM_NOTICE]];
    for (const [name, text] of notices) writeFileSync(join(dir, name), text);
    casebook = await CASEBOOK_ENGINES[0]!.open(dir, 'orgs_browser');
    await ingestPaths([dir], casebook);
    server = await serveApp(createApp(casebook, { publicRead: true }));
    await ensureAccount(casebook.store, '佐藤', 'editor');
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await casebook?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url + path);
    return page;
  }

  it('opens an organisation from the search box and sees its two incidents', async () => {
    const page = await open('/');
    await page.fill('#q', 'ひかり書房');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\?q=/);
    const hits = page.locator('section.org-hits li');
    expect(await hits.count()).toBe(1);
    await hits.locator('a').first().click();
    await page.waitForURL(/\/organisations\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('組織: 株式会社ひかり書房');
    const rows = page.locator('table.org-incidents tbody tr');
    expect(await rows.count()).toBe(2);
    const cells = await rows.locator('td[data-label="件数"]').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual(['1,024', '312']);
    expect(await rows.nth(0).locator('td[data-label="漏えいした情報"]').textContent()).toContain('クレジットカード');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'organisation.png'), fullPage: true });
    // Each incident's page links back to its organisation.
    const orgPath = new URL(page.url()).pathname;
    await rows.nth(1).locator('a').first().click();
    await page.waitForURL(/\/incidents\//);
    expect(await page.locator(`p.organisations a[href="${orgPath}"]`).textContent()).toBe('株式会社ひかり書房');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('lets an editor merge the katakana spelling\'s organisation into it', async () => {
    const page = await open('/login?next=%2Forganisations%3Fq%3D%E6%9B%B8%E6%88%BF');
    await page.fill('#login-name', '佐藤');
    await page.fill('#login-password', PASSWORD);
    await page.click('form.login button[type=submit]');
    await page.waitForURL(/\/organisations\?q=/);
    const rows = page.locator('table.organisations tbody tr');
    expect(await rows.count()).toBe(2);
    const byName = async (name: string) => (await rows.filter({ hasText: name }).getAttribute('data-organisation'))!;
    const hiragana = await byName('株式会社ひかり書房');
    const katakana = await byName('株式会社ヒカリ書房');
    await rows.filter({ hasText: '株式会社ヒカリ書房' }).locator('a').click();
    await page.waitForURL(new RegExp(`/organisations/${katakana}$`));
    await page.fill('#merge-form input[name=into]', hiragana);
    await page.fill('#merge-form input[name=reason]', '同じ書店のカタカナ表記');
    await page.click('#merge-form button[type=submit]');
    await page.waitForURL(new RegExp(`/organisations/${hiragana}$`));
    expect(await page.locator('table.org-incidents tbody tr').count()).toBe(3);
    expect(await page.locator('ul.names').textContent()).toContain('株式会社ヒカリ書房');
    expect(await page.locator('ol.changes').textContent()).toMatch(new RegExp(`佐藤: 統合（組織 ${katakana} をこの組織へ） — 同じ書店のカタカナ表記`));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'organisation-merged.png'), fullPage: true });
    // The merged organisation's address leads to the one that answers for it.
    await page.goto(`${server.url}/organisations/${katakana}`);
    expect(new URL(page.url()).pathname).toBe(`/organisations/${hiragana}`);
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
