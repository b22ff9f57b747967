// The published site's page builders (server/pages/site/) and the use case that writes them
// (app/publish-site.ts), over a casebook with a hostile notice: every text escaped, no javascript: or
// absolute link but the notice's own http(s) source, only what a person marked publishable, prev/next
// in numbered order, and a site written whole or not at all.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { linkNoticesAsPerson, regroupIncidents } from '../../src/app/incidents.ts';
import { markPublication } from '../../src/app/publication.ts';
import { loadSiteModel, numberedOrder, publishSite, SITE_MARKER, type SiteModel } from '../../src/app/publish-site.ts';
import { publicIncidentId } from '../../src/core/public-id.ts';
import { dashboardSitePage, incidentSitePage, indexPage, sentenceAround, siteFeed, siteRenderer } from '../../src/server/pages/site/site-pages.ts';
import { siteContext } from '../../src/server/pages/site/site-layout.ts';
import { makeDocument, makeNotice, makeRecord } from '../store/fixtures.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const HOSTILE_ORG = '<script>alert("org")</script>株式会社"悪意"';
export const HOSTILE_TEXT = `不正アクセスに関するお詫び<script>alert(1)</script>
2024年5月20日
${HOSTILE_ORG}
このたび、当社サーバーが不正アクセスを受け、お客様1,200名分の氏名が漏えいしました。<img src=x onerror="alert(2)">
詳しくは <a href="javascript:alert(3)">こちら</a> javascript:alert(4) をご覧ください。'"&
`;
const QUIET_TEXT = `USBメモリ紛失のお詫び
2024年6月3日
さくら市役所
職員が住民情報を保存したUSBメモリを紛失しました。非公開のはずの文言ひみつ。
`;
const THIRD_TEXT = `メール誤送信のお詫び
2024年7月9日
あおば総合病院
患者様宛てのメールを誤って別の方へ送信しました。
`;

const span = (text: string, part: string): [number, number] => {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`no ${part}`);
  return [at, at + part.length];
};

/** Stores a notice as a document with its original in the archive; returns the notice id. */
async function put(casebook: Casebook, text: string, source: string, record: Parameters<typeof makeRecord>[0]): Promise<number> {
  const doc = makeDocument(text, source);
  await casebook.archive.put(doc.sha256, Buffer.from(text, 'utf8'));
  return (await casebook.store.ingestDocument(doc, [makeNotice(text, makeRecord(record))])).noticeIds[0]!;
}

const filesUnder = (dir: string): string[] => readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));

describe('the published site', () => {
  const dir = tempDir('jikenbo-site-');
  let casebook: Casebook;
  let hostile = 0;
  let third = 0;
  let quiet = 0;

  beforeAll(async () => {
    casebook = await openCasebook(join(dir, 'casebook.db'), { create: true });
    hostile = await put(casebook, HOSTILE_TEXT, 'https://example.jp/news/1"onmouseover="alert(5)', {
      header: '不正アクセスに関するお詫び<script>alert(1)</script>', title: '不正アクセスに関するお詫び<script>alert(1)</script>',
      organization: HOSTILE_ORG, disclosure_date: '2024-05-20', incident_types: ['unauthorized_access'], affected_count: 1200,
      data_types: ['name'], sector: 'retail', attacker: '"><svg onload=alert(6)>',
      evidence: { organization: [span(HOSTILE_TEXT, HOSTILE_ORG)], affected_count: [span(HOSTILE_TEXT, '1,200名')] },
    });
    quiet = await put(casebook, QUIET_TEXT, 'notices/quiet.txt', {
      header: 'USBメモリ紛失のお詫び', title: 'USBメモリ紛失のお詫び', organization: 'さくら市役所', disclosure_date: '2024-06-03',
      incident_types: ['loss'], sector: 'government', affected_count: 99999,
    });
    third = await put(casebook, THIRD_TEXT, 'javascript:alert(7)', {
      header: 'メール誤送信のお詫び', title: 'メール誤送信のお詫び', organization: 'あおば総合病院', disclosure_date: '2024-07-09',
      incident_types: ['misdelivery'], sector: 'healthcare', affected_count: 12,
    });
    await regroupIncidents(casebook.store);
    const ids = await Promise.all([hostile, third].map(async (n) => publicIncidentId((await casebook.store.getIncident((await casebook.store.incidentOfNotice(n))!))!)));
    await markPublication(casebook.store, { refs: ids, publishable: true, by: 'sato' });
    // Marked and then withdrawn: out, like the never-marked.
    const quietId = publicIncidentId((await casebook.store.getIncident((await casebook.store.incidentOfNotice(quiet))!))!);
    await markPublication(casebook.store, { refs: [quietId], publishable: true, by: 'sato' });
    await markPublication(casebook.store, { refs: [quietId], publishable: false, by: 'suzuki' });
  });
  afterAll(async () => casebook.close());

  const model = async (): Promise<SiteModel> => (await loadSiteModel(casebook.store, { timeZone: 'Asia/Tokyo', now: () => new Date('2025-01-02T03:04:05Z') })).model;

  it('takes only the incidents marked publishable, in numbered order, the figures over them alone', async () => {
    const m = await model();
    expect(m.incidents.map((i) => i.notices.map((n) => n.id))).toEqual([[hostile], [third]]);
    expect(m.figures.incidents).toBe(2);
    expect(m.figures.affected.total).toBe(1212);
  });

  it('escapes every notice text and value on the incident page, and links out only to an http(s) source', async () => {
    const m = await model();
    const ctx = siteContext('ja', ['ja', 'en'], m.timeZone, 'incidents/x.html');
    const page = String(await incidentSitePage(ctx, m, 0));
    expect(page).not.toMatch(/<script|<img|<svg|<a href="javascript/i);
    // No element carries an event handler: every on…= is inside escaped text.
    expect(page).not.toMatch(/<[a-z]+[^>]*\son(load|error|mouseover)=/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(page).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;');
    expect(page).toContain('&quot;&gt;&lt;svg onload=alert(6)&gt;');
    // The source URL is a link, its quote percent-encoded by URL parsing; the text shown is escaped.
    expect(page).toContain('href="https://example.jp/news/1%22onmouseover=%22alert(5)"');
    // The evidence sentence behind the count, and the link to the copy of the original.
    expect(page).toContain('「このたび、当社サーバーが不正アクセスを受け、お客様1,200名分の氏名が漏えいしました。」');
    expect(page).toMatch(/<a href="\.\.\/\.\.\/originals\/[0-9a-f]{64}\.txt" class="original">/);
    expect(page).toMatch(/rel="next"/);
    expect(page).not.toMatch(/rel="prev"/);

    const next = String(await incidentSitePage(ctx, m, 1));
    expect(next).toMatch(/rel="prev"/);
    // A source that is no http(s) URL (a file name, or here javascript:) is not shown, as on the web app's pages.
    expect(next).not.toContain('javascript:');
  });

  it('builds the index, the dashboard and the feed with relative links only', async () => {
    const m = await model();
    const ctx = siteContext('en', ['ja', 'en'], m.timeZone);
    const index = String(await indexPage(ctx, m));
    expect(index).toContain('href="months/2024-05.html"');
    expect(index).toContain('href="types/unauthorized_access.html"');
    expect(index).toContain('href="../ja/index.html"');
    expect(index).not.toContain('さくら市役所');
    const dashboard = String(await dashboardSitePage(siteContext('ja', ['ja'], m.timeZone, 'dashboard.html'), m));
    expect(dashboard).toContain('<svg');
    expect(dashboard).toContain('2 件の事案');
    expect(dashboard).not.toMatch(/<script/i);
    const feed = siteFeed(ctx, m);
    expect(feed).toContain('<link rel="alternate" type="text/html" href="incidents/');
    expect(feed).not.toContain('<script');
    expect(feed).toContain('&lt;script&gt;');
    for (const doc of [index, dashboard, feed]) expect(doc).not.toMatch(/(href|src)="(\/|https?:|\/\/)/);
  });

  it('writes the whole site, every file free of raw notice markup, the unpublished notice nowhere', async () => {
    const out = join(dir, 'site');
    const report = await publishSite(casebook.store, casebook.archive, { out, locales: ['ja', 'en'], renderer: siteRenderer, timeZone: 'UTC' });
    expect(report).toMatchObject({ incidents: 2, originals: 2, heldBack: [] });
    const files = filesUnder(out);
    expect(files.length).toBe(report.files);
    expect(files).toContain(SITE_MARKER);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'style.css', 'ja/index.html', 'en/dashboard.html', 'ja/feed.atom', 'en/months/2024-07.html', 'ja/sectors/healthcare.html']));
    for (const f of files.filter((x) => /\.(html|atom)$/.test(x))) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text, f).not.toMatch(/<script|href="javascript:|ひみつ/i);
      // Only the notice's own source URL leaves the site.
      const external = [...text.matchAll(/(?:href|src)="([^"]*)"/g)].map((x) => x[1]!).filter((u) => /^[a-z]+:|^\/\//i.test(u));
      expect(external, f).toEqual(external.filter((u) => u.startsWith('https://example.jp/')));
    }
    // The stylesheet loads nothing either (no web font, no @import).
    expect(readFileSync(join(out, 'style.css'), 'utf8')).not.toMatch(/url\(|@import/);
    // The originals are copied byte for byte, HTML or not, as .txt (never rendered).
    const original = files.find((f) => f.startsWith('originals/') && readFileSync(join(out, f), 'utf8') === HOSTILE_TEXT);
    expect(original).toMatch(/^originals\/[0-9a-f]{64}\.txt$/);
  });

  it('replaces its own earlier site, refuses a folder it did not make, and leaves the old site whole when it fails', async () => {
    const out = join(dir, 'site2');
    await publishSite(casebook.store, casebook.archive, { out, locales: ['ja'], renderer: siteRenderer, timeZone: 'UTC' });
    const before = filesUnder(out).sort();
    expect(before.some((f) => f.startsWith('en/'))).toBe(false);

    const failing = { ...siteRenderer, async *languagePages() { yield { path: 'ja/index.html', content: 'half' }; throw new Error('disk full'); } };
    await expect(publishSite(casebook.store, casebook.archive, { out, locales: ['ja'], renderer: failing, timeZone: 'UTC' })).rejects.toThrow('disk full');
    expect(filesUnder(out).sort()).toEqual(before);
    expect(readFileSync(join(out, 'ja/index.html'), 'utf8')).not.toBe('half');
    expect(readdirSync(dir).filter((f) => f.includes('.publish-') || f.includes('.old-'))).toEqual([]);

    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    await expect(publishSite(casebook.store, casebook.archive, { out: mine, locales: ['ja'], renderer: siteRenderer, timeZone: 'UTC' }))
      .rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(/--out: .*no \.jikenbo-site/) });
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('keep me');
    await expect(publishSite(casebook.store, casebook.archive, { out: join(dir, 'no', 'such'), locales: ['ja'], renderer: siteRenderer, timeZone: 'UTC' }))
      .rejects.toMatchObject({ code: 'bad_input' });
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  // Last: it changes the casebook.
  it('leaves out a marked incident whose notices changed since, and says so', async () => {
    await linkNoticesAsPerson(casebook.store, third, quiet, 'tanaka');
    const after = publicIncidentId((await casebook.store.getIncident((await casebook.store.incidentOfNotice(third))!))!);
    const { model: m, heldBack } = await loadSiteModel(casebook.store, { timeZone: 'UTC' });
    expect(m.incidents.map((i) => i.notices.map((n) => n.id))).toEqual([[hostile]]);
    expect(heldBack).toHaveLength(1);
    // The incident that now holds the notices, itself or the one a merge took it into.
    expect([after, `${after} (merged)`]).toContain(heldBack[0]!.publicId);
    expect(heldBack[0]!.state).toBe('changed');
    expect(m.figures.incidents).toBe(1);
  });
});

describe('site helpers', () => {
  it('finds the sentence around an evidence span', () => {
    const text = '前文です。当社は1,200名分の情報が漏えいしたことを確認しました。後文\n次の行';
    const [s, e] = [text.indexOf('1,200'), text.indexOf('1,200') + 6];
    expect(sentenceAround(text, s, e)).toBe('当社は1,200名分の情報が漏えいしたことを確認しました。');
    expect(sentenceAround('後文\n次の行', 3, 4)).toBe('次の行');
  });

  it('orders incidents by year, casebook numbers before jikenbo\'s own, then number', () => {
    const ids = ['J2024-0002', '2024-504', '2023-010', 'J2023-0001', '2024-050', '77'];
    const sorted = ids.map((publicId, id) => ({ publicId, id })).sort(numberedOrder).map((x) => x.publicId);
    expect(sorted).toEqual(['2023-010', 'J2023-0001', '2024-050', '2024-504', 'J2024-0002', '77']);
  });

});
