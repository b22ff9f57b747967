// The admin pages: add an account and change its role through the forms, keep at least one enabled
// admin, watch a source, and read the audit log (escaped, filtered, paged) with who did each change.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { createApp } from '../../src/server/app.ts';
import { PASSWORD, signIn, type Client } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES)('admin pages on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let admin: Client;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    casebook = await engine.open(dir, 'admin');
    app = createApp(casebook);
    admin = await signIn(app, casebook.store, 'kanri', 'admin');
  }, 30_000);
  afterAll(async () => casebook.close());

  it('adds an account, changes its role, and refuses to leave no enabled admin', async () => {
    const confirm = PASSWORD;
    expect((await admin.post('/admin/accounts', { name: '<b>x</b>', role: 'viewer', password: 'a long enough password', confirm })).status).toBe(400);
    expect((await admin.post('/admin/accounts', { name: 'hanako', role: 'viewer', password: 'short', confirm })).status).toBe(400);
    expect((await admin.post('/admin/accounts', { name: 'hanako', role: 'viewer', password: 'a long enough password', confirm })).status).toBe(303);
    expect((await admin.post('/admin/accounts', { name: 'hanako', role: 'viewer', password: 'a long enough password', confirm })).status).toBe(409);
    expect((await admin.post('/admin/accounts/hanako', { role: 'editor', confirm })).status).toBe(303);
    expect((await casebook.store.getAccountByName('hanako'))?.role).toBe('editor');
    const last = await admin.post('/admin/accounts/kanri', { role: 'editor', confirm });
    expect(last.status).toBe(409);
    expect(await last.text()).toContain('有効な最後の管理者です');
    expect((await admin.post('/admin/accounts/kanri', { role: 'admin', disabled: '1', confirm })).status).toBe(409);
    const page = await (await admin.get('/admin')).text();
    expect(page).toContain('data-account="hanako"');
    expect(page).toContain('name="_csrf"');
    expect(page).toContain('name="confirm"');
  });

  it('asks for the admin\'s own password again before adding or changing an account', async () => {
    const without = await admin.post('/admin/accounts', { name: 'mallory', role: 'admin', password: 'a long enough password' });
    expect(without.status).toBe(400);
    const wrong = await admin.post('/admin/accounts', { name: 'mallory', role: 'admin', password: 'a long enough password', confirm: 'not my password' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('ご自身のパスワードが違います');
    expect(await casebook.store.getAccountByName('mallory')).toBeNull();
    await admin.post('/admin/accounts', { name: 'jiro', role: 'viewer', password: 'a long enough password', confirm: PASSWORD });
    expect((await admin.post('/admin/accounts/jiro', { role: 'admin', confirm: 'not my password' })).status).toBe(400);
    expect((await casebook.store.getAccountByName('jiro'))?.role).toBe('viewer');
    // A wrong confirmation counts against the name like a failed sign-in.
    const failures = await casebook.store.listAudit({ action: 'session.sign_in_failed', subject: 'account:kanri' });
    expect(failures).toHaveLength(2);
  });

  it('watches a source and shows the audit log, escaped, newest first, filtered by who and what', async () => {
    expect((await admin.post('/admin/watch', { url: 'https://example.jp/news/<script>', hours: '6' })).status).toBe(303);
    expect((await admin.post('/admin/watch', { url: 'ftp://example.jp/', hours: '6' })).status).toBe(400);
    const watch = await (await admin.get('/admin/watch')).text();
    expect(watch).toContain('https://example.jp/news/%3Cscript%3E');
    const log = await (await admin.get('/admin/audit')).text();
    const actions = [...log.matchAll(/<td>[^<]*<code>([a-z_.]+)<\/code><\/td>/g)].map((m) => m[1]);
    expect(actions[0]).toBe('watch.add');
    expect(actions).toEqual(expect.arrayContaining(['account.change', 'account.add', 'session.sign_in']));
    expect(log).toContain('<td>kanri</td>');
    expect(log).not.toContain('<script>');
    const filtered = await (await admin.get('/admin/audit?action=account.add&actor=kanri')).text();
    expect(new Set([...filtered.matchAll(/<td>[^<]*<code>([a-z_.]+)<\/code><\/td>/g)].map((m) => m[1]))).toEqual(new Set(['account.add']));
    expect((await admin.get('/admin/audit?action=drop%20table')).status).toBe(400);
    expect((await admin.get('/admin/audit?sort=id;--')).status).toBe(400);
  });

  it('shows each watched source\'s last error and pauses, resumes and removes it (issue 19, item 8)', async () => {
    const source = await casebook.store.addWatchSource({ url: 'https://example.jp/broken.xml', everySeconds: 3600, allowPrivate: false });
    await casebook.store.recordWatchCheck(source.id, { ok: false, at: '2024-12-01T00:00:00.000Z', nextCheckAt: '2024-12-01T00:15:00.000Z', error: 'HTTP 503 from example.jp' });
    const page = await (await admin.get('/admin/watch')).text();
    expect(page).toContain('HTTP 503 from example.jp');
    expect(page).toContain(`action="/admin/watch/${source.id}/pause"`);
    expect((await admin.post(`/admin/watch/${source.id}/pause`)).status).toBe(303);
    expect((await casebook.store.listWatchSources()).find((s) => s.id === source.id)?.pausedAt).not.toBeNull();
    const paused = await (await admin.get('/admin/watch')).text();
    expect(paused).toContain('から一時停止中');
    expect(paused).toContain(`action="/admin/watch/${source.id}/resume"`);
    expect((await admin.post(`/admin/watch/${source.id}/resume`)).status).toBe(303);
    expect((await admin.post(`/admin/watch/${source.id}/remove`)).status).toBe(303);
    expect((await casebook.store.listWatchSources()).map((s) => s.id)).not.toContain(source.id);
    expect((await admin.post(`/admin/watch/${source.id}/remove`)).status).toBe(404);
    const log = await casebook.store.listAudit({ actor: 'kanri', limit: 3 });
    expect(log.map((e) => e.action)).toEqual(['watch.remove', 'watch.resume', 'watch.pause']);
  });

  it('marks a watched leak-site tracker as one, and its URL cannot be added again as a page (issue 21)', async () => {
    const tracker = await casebook.store.addWatchSource({ url: 'https://tracker.example/posts.json', everySeconds: 3600, allowPrivate: false, kind: 'claims', claimFormat: 'ransomwatch' });
    const page = await (await admin.get('/admin/watch')).text();
    expect(page).toContain('リークサイトの犯行声明（ransomwatch）の監視。操作: <code>jikenbo claims watch</code>');
    expect((await admin.post('/admin/watch', { url: tracker.url, hours: '6' })).status).toBe(409);
    expect((await casebook.store.listWatchSources()).find((s) => s.id === tracker.id)).toMatchObject({ kind: 'claims', everySeconds: 3600 });
  });
});
