// Sign-in and sessions over HTTP: cookie flags, session fixation, CSRF, sign-in limits, sign-out,
// accounts disabled or re-passworded mid-session, and the two access modes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, changeAccount, SIGN_IN_LIMIT } from '../../src/app/accounts.ts';
import type { Casebook } from '../../src/app/casebook.ts';
import { createApp } from '../../src/server/app.ts';
import { clientOf, ORIGIN, PASSWORD, signIn } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const cookieOf = (res: Response) => /jikenbo_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? null;

describe.each(CASEBOOK_ENGINES)('sessions on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  const login = (name: string, password: string, headers: Record<string, string> = {}, url = `${ORIGIN}/login`) =>
    app.request(url, { method: 'POST', body: new URLSearchParams({ name, password, next: '/notices?q=x' }), headers: { ...FORM, Origin: new URL(url).origin, ...headers } });

  beforeAll(async () => {
    casebook = await engine.open(dir, 'sessions');
    app = createApp(casebook);
    for (const name of ['alice', 'bob', 'carol', 'dave']) await addAccount(casebook.store, { name, role: 'editor', password: PASSWORD }, 'test');
  }, 30_000);
  afterAll(async () => casebook.close());

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure when the request came over https, and goes back where it was', async () => {
    const plain = await login('alice', PASSWORD);
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe('/notices?q=x');
    const flags = plain.headers.get('set-cookie')!;
    expect(flags).toMatch(/HttpOnly/);
    expect(flags).toMatch(/SameSite=Lax/);
    expect(flags).not.toMatch(/Secure/);
    const proxied = await login('alice', PASSWORD, { 'X-Forwarded-Proto': 'https' });
    expect(proxied.headers.get('set-cookie')).toMatch(/Secure/);
    const direct = await login('alice', PASSWORD, {}, 'https://casebook.example/login');
    expect(direct.headers.get('set-cookie')).toMatch(/Secure/);
    // `next` leads only to a path of this site.
    const away = await app.request(`${ORIGIN}/login`, { method: 'POST', body: new URLSearchParams({ name: 'alice', password: PASSWORD, next: '//evil.example/' }), headers: { ...FORM, Origin: ORIGIN } });
    expect(away.headers.get('location')).toBe('/');
  });

  it('never adopts a session id the browser brought: sign-in makes a new one and ends the old', async () => {
    // An id the attacker made up is no session at all, before or after the victim signs in.
    const planted = 'A'.repeat(43);
    const res = await login('bob', PASSWORD, { Cookie: `jikenbo_session=${planted}` });
    const fresh = cookieOf(res)!;
    expect(fresh).not.toBe(planted);
    expect((await app.request(`${ORIGIN}/account`, { headers: { Cookie: `jikenbo_session=${planted}` } })).status).toBe(303);
    expect((await app.request(`${ORIGIN}/account`, { headers: { Cookie: `jikenbo_session=${fresh}` } })).status).toBe(200);
    // A real session of the attacker's own, planted in the victim's browser, is ended when the victim signs in.
    const attacker = cookieOf(await login('carol', PASSWORD))!;
    const victim = cookieOf(await login('bob', PASSWORD, { Cookie: `jikenbo_session=${attacker}` }))!;
    expect(victim).not.toBe(attacker);
    expect((await app.request(`${ORIGIN}/account`, { headers: { Cookie: `jikenbo_session=${attacker}` } })).status).toBe(303);
    const page = await (await app.request(`${ORIGIN}/account`, { headers: { Cookie: `jikenbo_session=${victim}` } })).text();
    expect(page).toContain('bob');
  });

  it('refuses cross-site form posts, forged CSRF tokens, and a sign-in form posted from another site', async () => {
    const alice = await signIn(app, casebook.store, 'alice', 'editor');
    const bob = await signIn(app, casebook.store, 'bob', 'editor');
    const attempt = (headers: Record<string, string>, form: Record<string, string> = { label: 'stolen' }) =>
      app.request(`${ORIGIN}/account/tokens`, { method: 'POST', body: new URLSearchParams(form), headers: { ...FORM, Cookie: alice.cookie, ...headers } });
    expect((await attempt({ Origin: 'https://evil.example' }, { _csrf: alice.csrf, label: 'x' })).status).toBe(403);
    expect((await attempt({ 'Sec-Fetch-Site': 'cross-site' }, { _csrf: alice.csrf, label: 'x' })).status).toBe(403);
    expect((await attempt({ Origin: ORIGIN })).status).toBe(403);
    expect((await attempt({ Origin: ORIGIN }, { _csrf: 'forged', label: 'x' })).status).toBe(403);
    expect((await attempt({ Origin: ORIGIN }, { _csrf: bob.csrf, label: 'x' })).status).toBe(403);
    expect(await casebook.store.listApiTokens()).toEqual([]);
    expect((await attempt({ Origin: ORIGIN }, { _csrf: alice.csrf, label: 'mine' })).status).toBe(200);
    expect((await casebook.store.listApiTokens()).map((t) => [t.account, t.label])).toEqual([['alice', 'mine']]);
    const crossLogin = await app.request(`${ORIGIN}/login`, { method: 'POST', body: new URLSearchParams({ name: 'alice', password: PASSWORD }), headers: { ...FORM, Origin: 'https://evil.example' } });
    expect(crossLogin.status).toBe(403);
    expect(cookieOf(crossLogin)).toBeNull();
  });

  it('shows a made API token once, and lets only its owner revoke it from their page', async () => {
    const dave = await signIn(app, casebook.store, 'dave', 'editor');
    const made = await dave.post('/account/tokens', { label: 'nightly' });
    expect(made.headers.get('cache-control')).toBe('private, no-store');
    const token = /<code class="token">(jkb_[A-Za-z0-9_-]+)<\/code>/.exec(await made.text())?.[1];
    expect(token).toBeDefined();
    expect(await (await dave.get('/account')).text()).not.toContain(token!);
    const id = (await casebook.store.listApiTokens()).find((t) => t.label === 'nightly')!.id;
    const alice = await signIn(app, casebook.store, 'alice', 'editor');
    expect((await alice.post(`/account/tokens/${id}/revoke`)).status).toBe(404);
    expect((await dave.post(`/account/tokens/${id}/revoke`)).status).toBe(303);
    expect((await casebook.store.listApiTokens()).find((t) => t.id === id)?.revokedAt).not.toBeNull();
  });

  it(`refuses a name after ${SIGN_IN_LIMIT.failures} failed sign-ins, even with the right password, and says the same for unknown names`, async () => {
    await addAccount(casebook.store, { name: 'erin', role: 'viewer', password: PASSWORD }, 'test');
    for (let i = 0; i < SIGN_IN_LIMIT.failures; i++) {
      const wrong = await login('erin', 'not the password');
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).toContain('アカウント名またはパスワードが違います');
    }
    const blocked = await login('erin', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(cookieOf(blocked)).toBeNull();
    const unknown = await login('nobody', PASSWORD);
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('アカウント名またはパスワードが違います');
    const failures = await casebook.store.listAudit({ action: 'session.sign_in_failed', subject: 'account:erin' });
    expect(failures).toHaveLength(SIGN_IN_LIMIT.failures);
  });

  it('ends sessions at sign-out, when the account is disabled, and when its password changes', async () => {
    const a = await signIn(app, casebook.store, 'alice', 'editor');
    expect((await a.post('/logout')).status).toBe(303);
    expect((await a.get('/account')).status).toBe(303);
    const b = await signIn(app, casebook.store, 'bob', 'editor');
    await changeAccount(casebook.store, 'bob', { disabled: true }, 'test');
    expect((await b.get('/account')).status).toBe(303);
    expect((await login('bob', PASSWORD)).status).toBe(401);
    await changeAccount(casebook.store, 'bob', { disabled: false }, 'test');
    const c = await signIn(app, casebook.store, 'carol', 'editor');
    const other = await signIn(app, casebook.store, 'carol', 'editor');
    expect((await c.post('/account/password', { current: 'wrong wrong wrong', password: 'a new long password' })).status).toBe(400);
    expect((await c.post('/account/password', { current: PASSWORD, password: 'a new long password' })).status).toBe(303);
    expect((await other.get('/account')).status).toBe(303);
    expect((await login('carol', 'a new long password')).status).toBe(303);
  });

  it('asks for sign-in to read unless public-read, and never lets an anonymous reader write', async () => {
    const page = await app.request(`${ORIGIN}/notices?q=USB`);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fnotices%3Fq%3DUSB');
    const api = await app.request(`${ORIGIN}/api/v1/incidents`);
    expect(api.status).toBe(401);
    expect(api.headers.get('www-authenticate')).toBe('Bearer');
    const open = createApp(casebook, { publicRead: true });
    expect((await open.request(`${ORIGIN}/notices`)).status).toBe(200);
    expect((await open.request(`${ORIGIN}/api/v1/incidents`)).status).toBe(200);
    const write = await open.request(`${ORIGIN}/incidents/1/link`, { method: 'POST', body: new URLSearchParams({ notice: '1', other: '2' }), headers: { ...FORM, Origin: ORIGIN } });
    expect(write.status).toBe(401);
    expect((await open.request(`${ORIGIN}/admin`)).status).toBe(303);
    // The sign-in page says when there are no accounts yet.
    const empty = await engine.open(dir, 'empty');
    try {
      expect(await (await createApp(empty).request(`${ORIGIN}/login`)).text()).toContain('jikenbo user add');
    } finally {
      await empty.close();
    }
    // A client helper from an earlier session cannot be replayed after sign-out.
    const dave = await signIn(app, casebook.store, 'dave', 'editor');
    await dave.post('/logout');
    expect((await clientOf(app, dave.cookie, dave.csrf).post('/account/tokens', { label: 'replay' })).status).toBe(401);
  });
});
