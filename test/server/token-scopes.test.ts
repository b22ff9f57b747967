// API tokens are script credentials for /api/ only, within the scope chosen when they were made: a
// token sent to a page or a form is refused, a read token cannot upload, no token can make tokens or
// accounts, and a password change revokes the tokens made in the account's sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, createApiToken } from '../../src/app/accounts.ts';
import type { Casebook } from '../../src/app/casebook.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { USB_NOTICE } from '../helpers/notices.ts';
import { ORIGIN, PASSWORD, signIn } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe.each(CASEBOOK_ENGINES)('API token scopes on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (token: string, name: string) => app.request(`${ORIGIN}/api/v1/notices?filename=${name}`, {
    method: 'POST', body: new TextEncoder().encode(`${USB_NOTICE}\n${name}`), headers: { ...bearer(token), 'Content-Type': 'application/octet-stream' },
  });

  beforeAll(async () => {
    casebook = await engine.open(dir, 'token_scopes');
    app = createApp(casebook);
    await addAccount(casebook.store, { name: 'boss', role: 'admin', password: PASSWORD }, 'test');
    await addAccount(casebook.store, { name: 'clerk', role: 'editor', password: PASSWORD }, 'test');
  }, 30_000);
  afterAll(async () => casebook.close());

  it('opens /api/ routes only: pages, forms, account and admin routes refuse a token, even an admin\'s', async () => {
    const { token } = await createApiToken(casebook.store, 'boss', { label: 'admin script', scope: 'ingest', madeIn: 'cli' }, 'test');
    expect((await app.request(`${ORIGIN}/api/v1/incidents`, { headers: bearer(token) })).status).toBe(200);
    for (const path of ['/', '/notices', '/account', '/admin', '/export.csv']) {
      expect((await app.request(`${ORIGIN}${path}`, { headers: bearer(token) })).status, path).toBe(403);
    }
    // The script token that made an admin account through the HTML form, in the issue: refused now.
    const made = await app.request(`${ORIGIN}/admin/accounts`, {
      method: 'POST', headers: { ...bearer(token), ...FORM }, body: new URLSearchParams({ name: 'intruder', role: 'admin', password: 'a long enough password', confirm: PASSWORD }),
    });
    expect(made.status).toBe(403);
    expect(await casebook.store.getAccountByName('intruder')).toBeNull();
    // Nor can a token make another token (one that would outlive its own revocation).
    const before = (await casebook.store.listApiTokens()).length;
    const minted = await app.request(`${ORIGIN}/account/tokens`, { method: 'POST', headers: { ...bearer(token), ...FORM }, body: new URLSearchParams({ label: 'backdoor' }) });
    expect(minted.status).toBe(403);
    expect(await casebook.store.listApiTokens()).toHaveLength(before);
  });

  it('lets a read token read and not upload; an ingest token uploads, never beyond its account\'s role', async () => {
    const read = (await createApiToken(casebook.store, 'clerk', { label: 'reader', scope: 'read', madeIn: 'cli' }, 'test')).token;
    const ingest = (await createApiToken(casebook.store, 'clerk', { label: 'uploader', scope: 'ingest', madeIn: 'cli' }, 'test')).token;
    expect((await app.request(`${ORIGIN}/api/v1/incidents`, { headers: bearer(read) })).status).toBe(200);
    const refused = await upload(read, 'read.txt');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/scope read/);
    expect((await upload(ingest, 'ingest.txt')).status).toBe(201);
    await addAccount(casebook.store, { name: 'guest', role: 'viewer', password: PASSWORD }, 'test');
    const viewers = (await createApiToken(casebook.store, 'guest', { label: 'wants more', scope: 'ingest', madeIn: 'cli' }, 'test')).token;
    expect((await upload(viewers, 'viewer.txt')).status).toBe(403);
    await expect(createApiToken(casebook.store, 'clerk', { label: 'x', scope: 'admin', madeIn: 'cli' }, 'test')).rejects.toThrow(/scope/);
  });

  it('makes tokens only in a session, with the scope chosen there, and revokes them when the password changes', async () => {
    const clerk = await signIn(app, casebook.store, 'clerk', 'editor');
    const page = await clerk.post('/account/tokens', { label: 'nightly', scope: 'ingest' });
    const token = /<code class="token">(jkb_[A-Za-z0-9_-]+)<\/code>/.exec(await page.text())![1]!;
    const made = (await casebook.store.listApiTokens()).find((t) => t.label === 'nightly')!;
    expect(made).toMatchObject({ scope: 'ingest', madeIn: 'session', account: 'clerk' });
    expect((await clerk.post('/account/tokens', { label: 'bad', scope: 'admin' })).status).toBe(400);
    const shell = (await createApiToken(casebook.store, 'clerk', { label: 'from the shell', scope: 'read', madeIn: 'cli' }, 'test')).token;
    expect((await upload(token, 'nightly.txt')).status).toBe(201);

    expect((await clerk.post('/account/password', { current: PASSWORD, password: 'a brand new password' })).status).toBe(303);
    expect((await app.request(`${ORIGIN}/api/v1/incidents`, { headers: bearer(token) })).status).toBe(401);
    // A token made from the server's shell is not a session's: it stays until revoked there.
    expect((await app.request(`${ORIGIN}/api/v1/incidents`, { headers: bearer(shell) })).status).toBe(200);
    const [change] = await casebook.store.listAudit({ action: 'account.change', subject: 'account:clerk' });
    expect(change?.after).toMatchObject({ password: 'changed', tokensRevoked: 1 });
  });
});
