// The Japanese UI speaks Japanese everywhere: every page and every error a person can meet (wrong
// password, internal error, refused forms, bad values, claim and merge reasons) has no English prose;
// the language link works on every page, /admin/* included; times are in the casebook's zone, shown.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { correctValue } from '../../src/app/review.ts';
import { createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/app/log.ts';
import { isMessageKey } from '../../src/server/i18n/error-text.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import type { Store } from '../../src/store/ports.ts';
import { englishIn } from '../helpers/english-in-page.ts';
import { RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { ORIGIN, PASSWORD, signIn, type Client } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FOLLOW_UP = `ランサムウェア被害に関するお知らせ（第2報）
令和6年10月1日
株式会社みなと精機

令和6年9月12日に公表いたしましたランサムウェア被害について、調査の結果をお知らせいたします。
外部の専門機関による調査の結果、取引先情報約1万2千件が流出したことを確認いたしました。
`;

const ENGLISH_IN_JAPANESE = /wrong name or password|internal error|too many failed|reload the page|your password is wrong|form field|query parameter|not a number|mapped to|days apart|the notice text|kana in the name|refers to the notice/;

describe('the message catalogue', () => {
  it('has no English prose among its Japanese messages', () => {
    const english = Object.entries(MESSAGES.ja).filter(([, message]) => englishIn(message.replace(/\{\w+\}/g, '')).length > 0);
    expect(english).toEqual([]);
  });

  it('names only keys it has on every JikenboError the source code gives a key', () => {
    const keys = [...readdirRecursive('src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bkey: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]!))];
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => !isMessageKey(k))).toEqual([]);
  });
});

function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? readdirRecursive(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe.each(CASEBOOK_ENGINES)('the Japanese UI on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let admin: Client;
  let viewer: Client;
  let incident = 0;
  let notice = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'ransom.txt'), RANSOM_NOTICE);
    writeFileSync(join(dir, 'ransom-2.txt'), FOLLOW_UP);
    casebook = await engine.open(dir, 'ja_ui');
    await ingestPaths([dir], casebook);
    notice = (await casebook.store.search('遺失届'))[0]!.id;
    incident = (await casebook.store.incidentOfNotice((await casebook.store.search('みなと精機'))[0]!.id))!;
    await casebook.store.addClaims([
      { group: 'qilin', victim: 'Minato Seiki Co., Ltd.', domain: 'minato-seiki.co.jp', country: 'JP', discovered: '2024-09-10T12:00:00', discoveredDate: '2024-09-10', source: 'test' },
      { group: 'play', victim: 'みなと精機', domain: null, country: null, discovered: '2024-12-30T00:00:00', discoveredDate: '2024-12-30', source: 'test' },
    ]);
    await correctValue(casebook.store, { target: 'notice', id: notice, field: 'affected_count', value: '130', by: 'kanri', reason: '第2報による' });
    app = createApp(casebook);
    admin = await signIn(app, casebook.store, 'kanri', 'admin');
    viewer = await signIn(app, casebook.store, 'yomu', 'viewer');
  }, 60_000);
  afterAll(async () => casebook.close());

  const pages = () => ['/', '/?q=紛失', '/notices', `/notices/${notice}`, `/incidents/${incident}`, '/dashboard', '/claims?month=2024-09',
    '/claims', '/account', '/admin', '/admin/watch', '/admin/audit', '/no/such/page', '/incidents/abc', '/incidents/999999', '/?year=abc'];

  it('shows every page and every error page without English prose in Japanese', async () => {
    for (const path of pages()) {
      const res = await admin.get(path, { 'Accept-Language': 'ja' });
      const body = await res.text();
      expect(body, path).toContain('<html lang="ja">');
      expect(englishIn(body, ['qilin', 'play', 'Minato', 'Seiki', 'Co', 'Ltd', 'kanri', 'yomu', 'minato-seiki', 'co', 'jp']), path).toEqual([]);
      expect(body, path).not.toMatch(ENGLISH_IN_JAPANESE);
    }
  });

  it('names what a bad id is of in Japanese', async () => {
    const page = await (await admin.get('/incidents/abc')).text();
    expect(page).toContain('事案の番号が正しくありません: abc');
    expect(await (await admin.get(`/incidents/999999`)).text()).toContain('事案 999999 はありません');
  });

  it('says why notices were grouped in Japanese', async () => {
    const body = await (await admin.get(`/incidents/${incident}`)).text();
    expect(body).toContain('data-rule="follow_up"');
    expect(body).toContain('2024-09-12 の公表文に言及');
  });

  it('says why a claim fits in Japanese', async () => {
    const body = await (await admin.get('/claims?month=2024-09')).text();
    expect(body).toContain('.jp ドメイン（minato-seiki.co.jp）');
    expect(body).toContain('日付の差');
  });

  it('answers a wrong password, a refused form, a bad value and a role in Japanese', async () => {
    const login = await app.request(`${ORIGIN}/login`, {
      method: 'POST', body: new URLSearchParams({ name: 'kanri', password: 'not the password', next: '/' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
    });
    expect(login.status).toBe(401);
    const loginPage = await login.text();
    expect(loginPage).toContain('アカウント名またはパスワードが違います');
    expect(loginPage).not.toMatch(ENGLISH_IN_JAPANESE);

    const noToken = await app.request(`${ORIGIN}/incidents/${incident}/review`, {
      method: 'POST', body: new URLSearchParams({ action: 'confirm', target: 'incident', field: 'title', value: 'x', notice: String(notice) }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, Cookie: admin.cookie },
    });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('ページを読み込み直して');

    const tooLong = await admin.post(`/incidents/${incident}/review`, { action: 'correct', target: 'incident', field: 'title', value: 'あ'.repeat(501), notice: String(notice) });
    expect(tooLong.status).toBe(400);
    const tooLongPage = await tooLong.text();
    expect(tooLongPage).toContain('「値」: 500 文字以内で入力してください');
    expect(englishIn(tooLongPage, ['kanri'])).toEqual([]);

    const wrongOwn = await admin.post('/admin/accounts', { name: 'hanako', role: 'viewer', password: 'a long enough password', confirm: 'not mine' });
    expect(wrongOwn.status).toBe(400);
    expect(await wrongOwn.text()).toContain('ご自身のパスワードが違います');

    const refused = await viewer.post(`/incidents/${incident}/review`, { action: 'confirm', target: 'incident', field: 'title', value: 'x', notice: String(notice) });
    expect(refused.status).toBe(403);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('閲覧者');
    expect(englishIn(refusedPage, ['yomu'])).toEqual([]);
  });

  it('says an internal error in Japanese and keeps its details out of the page', async () => {
    const broken = new Proxy(casebook.store, {
      get: (target, prop, receiver) => (prop === 'getNotice' ? async () => { throw new Error('disk on fire at /var/secret'); } : Reflect.get(target, prop, receiver)),
    }) as Store;
    // The details go to the log, never to the page.
    const errors: string[] = [];
    const log = createLogger({ level: 'error', write: (line) => errors.push(line) });
    const res = await createApp({ ...casebook, store: broken }, { publicRead: true, log }).request(`${ORIGIN}/notices/${notice}`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain('サーバー内部でエラーが発生しました');
    expect(body).toContain(res.headers.get('x-request-id')!);
    expect(body).not.toContain('disk on fire');
    expect(body).not.toMatch(ENGLISH_IN_JAPANESE);
    const en = await (await createApp({ ...casebook, store: broken }, { publicRead: true, log }).request(`${ORIGIN}/notices/${notice}?lang=en`)).text();
    expect(en).toContain('internal error');
    expect(errors.length).toBe(2);
    for (const line of errors) expect(line).toContain('disk on fire at /var/secret');
  });

  it('keeps the language link working on every page, /admin/* included', async () => {
    for (const path of pages().filter((p) => !['/no/such/page', '/incidents/abc', '/incidents/999999', '/?year=abc'].includes(p))) {
      const ja = await (await admin.get(path, { 'Accept-Language': 'ja' })).text();
      const link = /<a href="([^"]+)" lang="en" hreflang="en">/.exec(ja)?.[1]?.replaceAll('&amp;', '&');
      expect(link, path).toBeDefined();
      const en = await admin.get(link!);
      expect(en.status, `${path} → ${link}`).toBe(200);
      expect(await en.text(), link).toContain('<html lang="en">');
    }
    expect((await admin.get('/admin/audit?lang=en&action=correction.add')).status).toBe(200);
  });

  it('shows times in the casebook\'s time zone (Asia/Tokyo by default, or as configured) with the zone', async () => {
    const [entry] = await casebook.store.listAudit({ limit: 1 });
    const utc = new Date(entry!.at.includes('T') || entry!.at.endsWith('Z') ? entry!.at : `${entry!.at.replace(' ', 'T')}Z`);
    const tokyo = new Date(utc.getTime() + 9 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    const page = await (await admin.get('/admin/audit')).text();
    expect(page).toContain(`${tokyo} JST`);
    const london = createApp(casebook, { timeZone: 'UTC' });
    const client = await signIn(london, casebook.store, 'kanri', 'admin');
    const utcPage = await (await client.get('/admin/audit')).text();
    expect(utcPage).toContain(`${utc.toISOString().replace('T', ' ').slice(0, 19)} UTC`);
    expect(() => createApp(casebook, { timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    void PASSWORD;
  });
});
