// Sign-in limits over HTTP: a burst of guesses at one name checks at most 5 passwords; a name locked
// does not lock out the names next to it; behind a proxy (`--trust-proxy`) each client has its own
// per-address limit, read from the address the proxy appended, never from one the client made up.
// And the lows of the sign-in form: control characters are a 400, an anonymous failure leaves the
// readers' cache as it was, signed-in pages are private and never stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, SIGN_IN_LIMIT } from '../../src/app/accounts.ts';
import type { Casebook } from '../../src/app/casebook.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { ORIGIN, PASSWORD, signIn } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN };
/** The per-address limit of routes/auth.ts: wrong passwords per address per server in 15 minutes. */
const PER_ADDRESS = 30;

describe.each(CASEBOOK_ENGINES)('sign-in limits on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  const login = (app: ReturnType<typeof createApp>, form: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(`${ORIGIN}/login`, { method: 'POST', body: new URLSearchParams(form), headers: { ...FORM, ...headers } });

  beforeAll(async () => {
    casebook = await engine.open(dir, 'sign_in_limits');
    for (const name of ['target', 'neighbour', 'other', 'viewer1']) await addAccount(casebook.store, { name, role: 'viewer', password: PASSWORD }, 'test');
  }, 30_000);
  afterAll(async () => casebook.close());

  it('answers a burst of 40 guesses with at most 5 checked wrong passwords, then refuses the right one; other names still sign in', async () => {
    const app = createApp(casebook);
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 25 ? PASSWORD : `guess ${i}`));
    const statuses = (await Promise.all(guesses.map((password) => login(app, { name: 'target', password })))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_LIMIT.failures);
    expect(statuses.filter((s) => s !== 401 && s !== 429 && s !== 303)).toEqual([]);
    expect(statuses.filter((s) => s === 303).length).toBeLessThanOrEqual(1);
    expect((await login(app, { name: 'target', password: PASSWORD })).status).toBe(429);
    // Forty more tries at the locked name cost nothing and count against no one else: over the
    // per-address limit in number, yet the neighbour (same address, as behind a proxy) signs in.
    for (let i = 0; i < 40; i++) expect((await login(app, { name: 'target', password: `more ${i}` })).status).toBe(429);
    expect((await login(app, { name: 'neighbour', password: PASSWORD })).status).toBe(303);
  });

  it('reads the client address from the proxy\'s X-Forwarded-For entry only with --trust-proxy', async () => {
    const proxied = createApp(casebook, { trustProxy: true });
    // One client guessing many names, each a wrong password: its address is locked, whatever it claims
    // in the header's earlier entries; another client behind the same proxy is not.
    for (let i = 0; i < PER_ADDRESS; i++) {
      const res = await login(proxied, { name: `nobody${i}`, password: 'wrong' }, { 'X-Forwarded-For': `10.9.9.${i}, 198.51.100.7` });
      expect(res.status).toBe(401);
    }
    expect((await login(proxied, { name: 'other', password: PASSWORD }, { 'X-Forwarded-For': '10.0.0.1, 198.51.100.7' })).status).toBe(429);
    expect((await login(proxied, { name: 'other', password: PASSWORD }, { 'X-Forwarded-For': '198.51.100.8' })).status).toBe(303);
    const [audited] = await casebook.store.listAudit({ action: 'session.sign_in', subject: 'account:other' });
    expect(audited?.after).toEqual({ ip: '198.51.100.8' });

    // Without it the header is the client's to invent, and is ignored: every request here comes from one socket.
    const direct = createApp(casebook);
    for (let i = 0; i < PER_ADDRESS; i++) {
      await login(direct, { name: `stranger${i}`, password: 'wrong' }, { 'X-Forwarded-For': `203.0.113.${i}` });
    }
    expect((await login(direct, { name: 'other', password: PASSWORD }, { 'X-Forwarded-For': '203.0.113.200' })).status).toBe(429);
    // 2 × PER_ADDRESS sign-ins, each an scrypt hash of N=2^15 (about 0.1 s of CPU): some 6 s on a quiet
    // machine, over 30 s at load 13 on two cores. A reason, not a budget.
  }, 300_000);

  it('refuses control characters in the name and in next with a 400, on every engine', async () => {
    const app = createApp(casebook);
    expect((await login(app, { name: 'viewer1\u0000', password: PASSWORD, next: '/' })).status).toBe(400);
    expect((await login(app, { name: 'viewer1', password: PASSWORD, next: '/notices\u0001' })).status).toBe(400);
    expect((await login(app, { name: 'viewer1', password: PASSWORD, next: '/a\u007fb' })).status).toBe(400);
    expect((await app.request(`${ORIGIN}/login?next=${encodeURIComponent('/x\u0000y')}`)).status).toBe(400);
    // Refused before any password was checked: no failure counted against the name.
    expect(await casebook.store.listAudit({ action: 'session.sign_in_failed', subject: 'account:viewer1' })).toEqual([]);
  });

  it('keeps the readers\' cache through an anonymous failed sign-in, and marks signed-in pages private, no-store', async () => {
    const app = createApp(casebook, { publicRead: true });
    const before = await casebook.store.changeToken();
    expect((await login(app, { name: 'nobody-at-all', password: 'wrong' })).status).toBe(401);
    expect(await casebook.store.changeToken()).toBe(before);
    const anonymous = await app.request(`${ORIGIN}/notices`);
    expect(anonymous.headers.get('cache-control')).toBeNull();
    const reader = await signIn(app, casebook.store, 'viewer1', 'viewer');
    expect(await casebook.store.changeToken()).toBe(before);
    for (const path of ['/', '/notices', '/account']) {
      expect((await reader.get(path)).headers.get('cache-control'), path).toBe('private, no-store');
    }
    // Twice: the second answer comes from the readers' cache and carries the header too.
    expect((await reader.get('/notices')).headers.get('cache-control')).toBe('private, no-store');
    expect((await reader.get('/static/app.css')).headers.get('cache-control')).toBe('max-age=3600');
  });
});
