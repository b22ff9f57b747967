// The dashboard over the demo casebook, through HTTP and in Chromium: charts inline as SVG under the
// CSP (no violation, nothing blocked), tables and CSV agree with /api/stats, a hostile organisation
// name from a person's correction stays text, and the page is saved to .tmp/screenshots/dashboard.png.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { correctValue } from '../../src/app/review.ts';
import { createApp } from '../../src/server/app.ts';
import { CHROMIUM, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { serveApp } from '../helpers/serve-app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">';

describe.each(CASEBOOK_ENGINES)('dashboard on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let largestId: number;

  beforeAll(async () => {
    casebook = await engine.open(dir, 'demo');
    const report = await ingestPaths([resolve('demo/notices')], casebook);
    expect(report.failures).toEqual([]);
    const facts = await loadIncidentFacts(casebook.store);
    const largest = facts.filter((f) => f.affectedCount !== null).sort((a, b) => b.affectedCount! - a.affectedCount!)[0]!;
    largestId = largest.id;
    // Corrections are untrusted input too: the largest incident's organisation becomes markup.
    await correctValue(casebook.store, { target: 'incident', id: largestId, field: 'organization', value: HOSTILE, by: 'mallory', reason: '公表文の記載による' });
    app = createApp(casebook, { publicRead: true });
  }, 60_000);
  afterAll(async () => casebook.close());

  // Response bodies are checked field by field below; their exact types are the statistics modules'.
  const json = async (path: string): Promise<any> => (await app.request(path)).json();

  it('answers /api/stats with every statistic, and one with by=', async () => {
    const all = await json('/api/stats');
    const facts = await loadIncidentFacts(casebook.store);
    expect(all.incidents).toBe(facts.length);
    expect(all.affected.total).toBe(facts.reduce((a, f) => a + (f.affectedCount ?? 0), 0));
    const loss = await json('/api/stats?type=loss&by=type');
    expect(loss.by).toBe('type');
    expect(loss.incidents).toBe(facts.filter((f) => f.incidentTypes.includes('loss')).length);
    expect(loss.rows.find((r: { key: string }) => r.key === 'loss').count).toBe(loss.incidents);
    expect((await app.request('/api/stats?by=colour')).status).toBe(400);
    expect((await app.request('/api/stats?type=nope')).status).toBe(400);
    const duty = await json('/api/stats/duty');
    expect(duty.reportable).toBeGreaterThan(0);
    expect(duty.assessments).toBeUndefined();
  });

  it('serves each chart\'s numbers as CSV with a BOM, over the same filter', async () => {
    const res = await app.request('/dashboard/sectors.csv?type=loss');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const body = new Uint8Array(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(body.subarray(3));
    const lossCount = (await json('/api/stats?type=loss')).incidents;
    const sum = text.trim().split('\r\n').slice(1).reduce((a, line) => a + Number(line.split(',').at(-1)), 0);
    expect(sum).toBe(lossCount);
    expect((await app.request('/dashboard/nope.csv')).status).toBe(404);
    const affected = new TextDecoder().decode(await (await app.request('/dashboard/affected-people.csv')).arrayBuffer());
    expect(affected).toContain('<script>window.pwned=1</script>'); // CSV is data, not markup
  });

  it('escapes the hostile name in the page and its SVG', async () => {
    const page = await (await app.request('/dashboard')).text();
    expect(page).not.toContain('<script>window.pwned');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;window.pwned=1');
    expect(page).not.toMatch(/ style="/);
    expect(page.match(/<svg /g)?.length).toBe(5);
  });

  describe.skipIf(!existsSync(CHROMIUM))('in Chromium', () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof serveApp>>;
    beforeAll(async () => {
      browser = await launchBrowser();
      server = await serveApp(app);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('renders the charts under the CSP, runs nothing, and works without JavaScript', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 1600 } });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
      const res = await page.goto(`${server.url}/dashboard?lang=ja`);
      expect(res!.headers()['content-security-policy']).not.toContain('unsafe-inline');
      const charts = page.locator('section figure svg');
      await expect(charts.count()).resolves.toBe(5);
      const box = await charts.first().boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      // Font sizes arrive as attributes, not blocked style attributes: labels keep their 12px size.
      const fontSize = await page.locator('#sectors svg text').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } }).getComputedStyle(el).fontSize);
      expect(fontSize).toBe('12px');
      expect(violations).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard.png'), fullPage: true });
      await context.close();
    });

    it('keeps the hostile name inert with scripts enabled', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/dashboard`);
      expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
      await expect(page.locator('#affected-people svg text', { hasText: '<script>' }).count()).resolves.toBeGreaterThan(0);
      await page.close();
    });
  });
});
