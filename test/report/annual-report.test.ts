// The annual report of the seed casebook (read in place from ../shared, never copied): one
// self-contained HTML file that renders in Chromium without a single request; its first page is
// saved to .tmp/screenshots/report.png for people to look at. --pdf prints the same.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SEEDS = sharedPath('corpus/seeds');

describe.skipIf(!haveShared('the annual report of the seed casebook', SEEDS) || !existsSync(CHROMIUM))('the annual report of the seed casebook', () => {
  const dir = tempDir();
  const db = join(dir, 'seeds.db');
  const out = join(dir, 'report-2024.html');
  let browser: Browser;

  beforeAll(async () => {
    const ingest = await jikenbo(['ingest', SEEDS, '--db', db]);
    expect(ingest.code).toBe(0);
    const report = await jikenbo(['report', '--year', '2024', '--out', out, '--db', db]);
    expect(report.stderr).toBe('');
    expect(report.stdout).toMatch(/incidents disclosed in 2024/);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => browser?.close());

  it('is one file with its charts inline and nothing to fetch', () => {
    const doc = readFileSync(out, 'utf8');
    expect(doc.match(/<svg /g)?.length).toBe(5);
    expect(doc).not.toMatch(/<script|<link|<img|src=|url\(|@import/);
    for (const section of ['概要', '月別の推移', '原因 (東京商工リサーチの4分類)', '業種', '漏えいした項目', '公表までの日数', '個人情報保護委員会への報告', '想定損害賠償額 (JNSAモデル)', '影響人数の多い10件']) {
      expect(doc).toContain(`<h2>${section}</h2>`);
    }
    // Every section says what it was computed over.
    expect(doc.match(/集計対象: 公表年: 2024/g)!.length).toBeGreaterThanOrEqual(8);
  });

  it('names as non-reporters only incidents whose conditions hold: SNS account takeovers are counted as doubtful', () => {
    const doc = readFileSync(out, 'utf8');
    const start = doc.indexOf('<section id="reporting">');
    const section = doc.slice(start, doc.indexOf('</section>', start));
    // Two 2024 seed notices are X account takeovers that state no leak of personal data.
    expect(section).not.toMatch(/愛知県選挙管理委員会|日本経済新聞社/);
    expect(section).toMatch(/疑わしく、一覧に含めなかった事案 \([1-9]\d* 件\)/);
    // Nobody reviewed the seed casebook: the lead says so rather than 「人が確かめた記録」.
    expect(doc).toContain('公表文から機械で抽出した記録 (人が確かめた値はありません)');
    expect(doc).not.toContain('人が確かめた記録');
  });

  it('renders in Chromium without a request, and its first page is saved', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${out}`);
    expect(requests).toEqual([`file://${out}`]);
    await expect(page.locator('h1').textContent()).resolves.toBe('2024年のセキュリティ事案');
    const box = await page.locator('#months svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'report.png') });
    await page.close();
  });

  it('prints the same to PDF', async () => {
    const pdf = join(dir, 'report-2024.pdf');
    const r = await jikenbo(['report', '--year', '2024', '--pdf', '--out', pdf, '--db', db]);
    expect(r.stderr).toBe('');
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000);
  }, 60_000);
});
