// The review queue in Chromium, in Japanese and English, at desktop width and at 390 px: the values
// most in need of a person first, a confirm button that returns to the queue with the count moved on,
// no horizontal scroll of the page on a phone. Saved to .tmp/screenshots/review-queue*.png.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { CHROMIUM, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { CARDS, HOSPITAL, SNS, SPAM } from '../helpers/duty-notices.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { serveApp } from '../helpers/serve-app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { ensureAccount, PASSWORD } from '../helpers/sign-in.ts';

describe.skipIf(!existsSync(CHROMIUM))('review queue in a browser', () => {
  const dir = tempDir('jikenbo-queue-');
  let casebook: Casebook;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const notices: [string, string][] = [['usb.txt', USB_NOTICE], ['bcc.txt', BCC_NOTICE], ['ransom.txt', RANSOM_NOTICE], ['sns.txt', SNS], ['spam.txt', SPAM], ['hospital.txt', HOSPITAL], ['cards.txt', CARDS]];
    for (const [name, text] of notices) writeFileSync(join(dir, name), text);
    casebook = await CASEBOOK_ENGINES[0]!.open(dir, 'queue');
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

  async function open(path: string, width: number, locale = 'ja-JP'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url + path);
    return page;
  }

  it('shows the queue in Japanese, most in need first, and confirms a value from it', async () => {
    const page = await open('/login?next=%2Freview', 1280);
    await page.fill('#login-name', '佐藤');
    await page.fill('#login-password', PASSWORD);
    await page.click('form.login button[type=submit]');
    await page.waitForURL(/\/review$/);
    expect(await page.locator('h1').textContent()).toBe('レビュー待ちの値');
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('レビュー待ち');
    const scores = (await page.locator('table.queue tbody td.num').allTextContents()).map(Number);
    expect(scores.length).toBeGreaterThan(10);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.locator('table.queue tbody td.why').first().textContent()).toMatch(/確信度|統合|主張|報告義務/);
    const summary = await page.locator('#queue-summary').textContent();
    expect(summary).toMatch(/確認済み 0 件/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'review-queue.png'), fullPage: true });

    const first = page.locator('table.queue tbody tr').first();
    const [incident, field] = [await first.getAttribute('data-incident'), await first.getAttribute('data-field')];
    await first.locator('button', { hasText: '確認' }).click();
    await page.waitForURL(/\/review#queue$/);
    expect(await page.locator('#queue-summary').textContent()).toMatch(/確認済み 1 件/);
    expect(await page.locator(`table.queue tbody tr[data-incident="${incident}"][data-field="${field}"]`).count()).toBe(0);
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('shows it in English and fits a 390 px phone without scrolling the page sideways', async () => {
    const en = await open('/review?lang=en', 1280, 'en-GB');
    expect(await en.locator('h1').textContent()).toBe('Values waiting for review');
    expect(await en.locator('table.queue thead').textContent()).toContain('Why');
    expect(await en.locator('body').textContent()).not.toMatch(/確信度|報告義務の判定/);
    await en.close();
    for (const lang of ['ja', 'en']) {
      const phone = await open(`/review?lang=${lang}`, 390);
      const overflow = await phone.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, lang).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: join(SCREENSHOT_DIR, `review-queue-phone-${lang}.png`), fullPage: false });
      await phone.close();
    }
  }, 60_000);
});
