// The watchlists' pages and feeds over HTTP: a private list hidden from anonymous readers of a
// public-read casebook, its feed opened by an API token (header or ?token=) and by nothing else, a
// token refused on the page, every untrusted name escaped in the page and the feed, both languages.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts.ts';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { addWatchlistEntry, createWatchlist } from '../../src/app/watchlists.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { ORIGIN, signIn, ensureAccount } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const HOSTILE = `<script>alert(1)</script>ひかり書房"'&`;
const NOTICE = `メール誤送信による個人情報漏えいのお詫び
2024年7月2日
株式会社${HOSTILE}

2024年7月1日、弊社よりお客様へ送信したご案内メールにおいて、宛先をBCCではなくTOに設定したため、メールアドレス計312件が表示される状態となりました。
`;

describe.each(CASEBOOK_ENGINES.slice(0, 1))('watchlist pages on $name', (engine) => {
  const dir = tempDir('jikenbo-watchlist-pages-');
  let casebook: Casebook;
  let open: ReturnType<typeof createApp>;
  let privateId = 0;
  let publicId = 0;
  let token = '';

  beforeAll(async () => {
    casebook = await engine.open(dir, 'wlpages');
    privateId = (await createWatchlist(casebook.store, { name: `insured ${HOSTILE}` }, 'sato')).watchlist.id;
    publicId = (await createWatchlist(casebook.store, { name: 'open list', private: false }, 'sato')).watchlist.id;
    for (const list of [String(privateId), 'open list']) await addWatchlistEntry(casebook.store, list, { name: `株式会社${HOSTILE}`, aliases: [], domains: [] }, 'sato');
    writeFileSync(join(dir, 'n.txt'), NOTICE);
    await ingestPaths([join(dir, 'n.txt')], casebook);
    open = createApp(casebook, { publicRead: true });
    await ensureAccount(casebook.store, 'yomu', 'viewer');
    token = (await createApiToken(casebook.store, 'yomu', { label: 'feeds', scope: 'read', madeIn: 'cli' }, 'test')).token;
  }, 60_000);
  afterAll(async () => casebook?.close());

  const get = (path: string, headers: Record<string, string> = {}) => open.request(ORIGIN + path, { headers });

  it('hides a private list from anonymous readers and shows a public one', async () => {
    const list = await (await get('/watchlists')).text();
    expect(list).toContain(`href="/watchlists/${publicId}"`);
    expect(list).not.toContain(`href="/watchlists/${privateId}"`);
    expect((await get(`/watchlists/${privateId}`)).status).toBe(303);
    expect((await get(`/watchlists/${privateId}/feed.atom`)).status).toBe(303);
    const page = await get(`/watchlists/${publicId}`);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('該当した公表文と犯行声明');
    expect(body).toContain('組織名が一致');
    expect(body).not.toContain('<script>alert(1)');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;ひかり書房&quot;&#39;&amp;');
    expect((await get('/watchlists/999')).status).toBe(404);
    expect((await get('/watchlists/abc')).status).toBe(400);
  });

  it('shows the private list to someone signed in, in English too, escaped', async () => {
    const client = await signIn(open, casebook.store, 'yomu', 'viewer');
    const list = await (await client.get('/watchlists?lang=en')).text();
    expect(list).toContain(`href="/watchlists/${privateId}"`);
    expect(list).not.toContain('<script>alert(1)');
    const page = await (await client.get(`/watchlists/${privateId}?lang=en`)).text();
    expect(page).toContain('Notices and claims that name them');
    expect(page).toContain('same name');
    expect(page).toContain('needs an API token');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('opens a private feed to an API token in the header or the query, refuses a token on the page', async () => {
    const viaHeader = await get(`/watchlists/${privateId}/feed.atom`, { Authorization: `Bearer ${token}` });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = await viaHeader.text();
    expect(feed).toContain(`<id>tag:jikenbo.invalid,2024:watchlist:${privateId}</id>`);
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect(feed).toContain('&lt;script&gt;alert(1)&lt;/script&gt;ひかり書房&quot;&apos;&amp;');
    expect(feed).not.toContain('<script>');
    expect(feed).not.toContain(token);
    expect((await get(`/watchlists/${privateId}/feed.atom?token=${token}`)).status).toBe(200);
    expect((await get(`/watchlists/${privateId}/feed.atom?token=jkb_wrong`)).status).toBe(303);
    expect((await get(`/watchlists/${privateId}`, { Authorization: `Bearer ${token}` })).status).toBe(403);
    // A token opens feeds only: ?token= on a page is no sign-in.
    expect((await get(`/watchlists/${privateId}?token=${token}`)).status).toBe(303);
  });
});
