// Phones and desktops, Japanese and English: on every page an admin sees (the ones with the most buttons),
// the page never scrolls sideways, charts fit the screen, and every button is on the screen where a
// thumb can reach it, not inside a table scrolled off to the right. Screenshots at 390 px are saved.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { correctValue } from '../../src/app/review.ts';
import { createApp } from '../../src/server/app.ts';
import { CHROMIUM, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { serveApp } from '../helpers/serve-app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { signIn } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const WIDTHS = [390, 1280] as const;
const LANGS = ['ja', 'en'] as const;

describe.each(CASEBOOK_ENGINES)('pages at 390 px and on a desktop on $name', (engine) => {
  const dir = tempDir('jikenbo-narrow-');
  let casebook: Casebook;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let cookie = '';
  let incident = 0;
  let notice = 0;

  beforeAll(async () => {
    casebook = await engine.open(dir, 'narrow');
    const report = await ingestPaths([resolve('demo/notices')], casebook);
    expect(report.failures).toEqual([]);
    const [first] = await casebook.store.search('不正アクセス');
    notice = first!.id;
    incident = (await casebook.store.incidentOfNotice(notice))!;
    await correctValue(casebook.store, { target: 'incident', id: incident, field: 'affected_count', value: '1200', by: 'kanri', reason: '第2報による' });
    await casebook.store.addClaims([{ group: 'qilin', victim: 'Example Co., Ltd.', domain: 'example.co.jp', country: 'JP', discovered: '2024-09-10T12:00:00', discoveredDate: '2024-09-10', source: 'test' }]);
    // A confirmed claim: the incident page shows it with its un-confirm form.
    await casebook.store.addClaims([{ group: 'play', victim: 'Example Holdings Japan Co., Ltd.', domain: 'example-holdings.example', country: 'JP', discovered: '2024-09-11T12:00:00', discoveredDate: '2024-09-11', source: 'test' }]);
    const confirmed = (await casebook.store.listClaims()).find((c) => c.group === 'play')!;
    await casebook.store.confirmClaimLink({ claimId: confirmed.id, incidentId: incident, score: null, reason: 'test', by: 'kanri' });
    const app = createApp(casebook);
    cookie = (await signIn(app, casebook.store, 'kanri', 'admin')).cookie;
    server = await serveApp(app);
    if (existsSync(CHROMIUM)) browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await casebook?.close();
  });

  const pages = () => ['/', `/incidents/${incident}`, `/notices/${notice}`, '/notices', '/dashboard', '/claims', '/account', '/admin', '/admin/watch', '/admin/audit'];

  it.skipIf(!existsSync(CHROMIUM)).each(LANGS.flatMap((lang) => WIDTHS.map((width) => ({ lang, width }))))('fits $width px in $lang: no sideways scroll, charts inside, every button on screen', async ({ lang, width }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: lang === 'ja' ? 'ja-JP' : 'en-GB' });
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of pages()) {
      await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      // Open every <details> so the tables inside count too.
      await page.evaluate(() => { for (const d of (globalThis as any).document.querySelectorAll('details')) d.open = true; });
      const found = await page.evaluate((viewport: number) => {
        const doc = (globalThis as any).document;
        const out: string[] = [];
        if (doc.documentElement.scrollWidth > viewport) out.push(`page is ${doc.documentElement.scrollWidth} px wide`);
        for (const svg of doc.querySelectorAll('figure svg')) {
          const r = svg.getBoundingClientRect();
          if (r.right > viewport + 0.5 || r.left < -0.5) out.push(`chart ${svg.getAttribute('aria-label')} spans ${Math.round(r.left)}–${Math.round(r.right)}`);
        }
        for (const b of doc.querySelectorAll('button')) {
          const r = b.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue; // not shown (e.g. a closed disclosure)
          if (r.right > viewport + 0.5 || r.left < -0.5) out.push(`button "${b.textContent.trim()}" spans ${Math.round(r.left)}–${Math.round(r.right)}`);
        }
        return out;
      }, width);
      problems.push(...found.map((p) => `${path}: ${p}`));
      if (width === 390 && ['/dashboard', `/incidents/${incident}`, '/admin'].includes(path)) {
        // The first chart, the record table, the accounts table: one screen each, as a phone shows it.
        await page.locator(path === '/dashboard' ? '#incidents-per-month' : path === '/admin' ? 'table.accounts' : '#record-h').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOT_DIR, `narrow-${lang}-${path.split('/')[1] || 'home'}.png`) });
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
