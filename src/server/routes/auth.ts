// Signing in and out, and a person's own account page (API tokens, password). The sign-in form is the
// one POST that needs no session: it is guarded by the same-origin check and by rate limits (per name,
// across servers, reserved in the store before the password is checked; per address, in this process,
// counting only passwords that were checked and wrong, so a locked name does not lock out its neighbours).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { changeAccount, confirmPassword, createApiToken, endSession, revokeApiToken, signIn, signOut } from '../../app/accounts.ts';
import { TOKEN_SCOPES } from '../../core/access.ts';
import { JikenboError } from '../../core/errors.ts';
import { invalidInput } from '../../core/invalid-input.ts';
import type { Store } from '../../store/ports.ts';
import type { AccessOptions } from '../auth/middleware.ts';
import { AttemptLimiter } from '../auth/attempt-limiter.ts';
import { clientAddress } from '../auth/client-address.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from '../auth/session-cookie.ts';
import { actorOf, viewerOf } from '../auth/viewer.ts';
import { pageContext } from '../i18n/locale.ts';
import { errorText } from '../i18n/error-text.ts';
import { accountPage } from '../pages/account-page.ts';
import { layout } from '../pages/layout.ts';
import { loginPage } from '../pages/login-page.ts';
import { localPath, readForm } from '../read-form.ts';
import { parseId } from './incidents.ts';

// Control characters have no place in a name or a path (a NUL cannot even be stored by PostgreSQL).
const CONTROL = /[\u0000-\u001f\u007f]/;
const printable = (what: string, max: number) => z.string().max(max).refine((v) => !CONTROL.test(v), `${what} holds a control character`);
const loginForm = z.object({ name: printable('the name', 200), password: z.string().max(1024), next: printable('next', 500).optional() });
const tokenForm = z.object({ label: z.string().trim().min(1, 'give the token a label').max(100), scope: z.enum(TOKEN_SCOPES).default('read') });
const passwordForm = z.object({ current: z.string().max(1024), password: z.string().max(1024) });

export function authRoutes(deps: { store: Store }, access: AccessOptions): Hono {
  const app = new Hono();
  const { store } = deps;
  const perAddress = new AttemptLimiter({ max: 30, windowMs: 15 * 60_000 });

  const showLogin = async (c: Context, v: { next: string; error: string | null; name: string }, status: 200 | 401 | 429 = 200) => {
    const ctx = pageContext(c);
    const noAccounts = (await store.listAccounts()).length === 0;
    c.header('Cache-Control', 'no-store');
    return c.html(layout(ctx.t('login.title'), loginPage(ctx, { ...v, noAccounts, publicRead: access.publicRead }), ctx), status);
  };

  // Shown even to a browser that has a session: it may be someone else's, planted; signing in replaces it.
  app.get('/login', async (c) => {
    const next = printable('next', 2000).optional().safeParse(c.req.query('next'));
    if (!next.success) throw invalidInput(next.error, { what: 'query parameter', fallback: 'next' });
    return showLogin(c, { next: localPath(next.data), error: null, name: '' });
  });

  app.post('/login', async (c) => {
    const f = await readForm(c, loginForm);
    const next = localPath(f.next);
    const address = clientAddress(c, access.trustProxy);
    if (!perAddress.allow(address)) {
      return showLogin(c, { next, error: pageContext(c).t('error.too_many'), name: f.name }, 429);
    }
    try {
      const signed = await signIn(store, f.name, f.password, { ip: address });
      perAddress.release(address);
      // A session cookie the browser brought (perhaps planted) is ended, never promoted: sign-in always starts a new session.
      const previous = readSessionCookie(c);
      if (previous) await endSession(store, previous);
      writeSessionCookie(c, signed.sessionToken, signed.expiresAt);
      return c.redirect(next, 303);
    } catch (err) {
      // Only a password checked and found wrong counts against the address: a name already locked cost nothing.
      if (!(err instanceof JikenboError) || err.code !== 'unauthorized') perAddress.release(address);
      if (!(err instanceof JikenboError) || (err.code !== 'unauthorized' && err.code !== 'too_many')) throw err;
      const { t, locale } = pageContext(c);
      return showLogin(c, { next, error: errorText(err, t, locale), name: f.name }, err.code === 'too_many' ? 429 : 401);
    }
  });

  app.post('/logout', async (c) => {
    const viewer = viewerOf(c)!;
    if (viewer.sessionToken) await signOut(store, viewer.sessionToken, viewer.account);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });

  const showAccount = async (c: Context, v: { newToken: string | null; message: string | null }) => {
    const ctx = pageContext(c);
    const tokens = await store.listApiTokens(viewerOf(c)!.account.id);
    c.header('Cache-Control', 'no-store');
    return c.html(layout(ctx.t('account.title'), accountPage(ctx, { tokens, ...v }), ctx, { section: 'account' }));
  };

  app.get('/account', (c) => showAccount(c, { newToken: null, message: null }));

  app.post('/account/tokens', async (c) => {
    const f = await readForm(c, tokenForm);
    const { token } = await createApiToken(store, actorOf(c), { label: f.label, scope: f.scope, madeIn: 'session' }, actorOf(c));
    // Shown in this response only (no redirect, no-store): the store keeps its hash.
    return showAccount(c, { newToken: token, message: null });
  });

  app.post('/account/tokens/:id/revoke', async (c) => {
    const id = parseId(c.req.param('id'), 'token');
    await revokeApiToken(store, id, actorOf(c), { ofAccount: viewerOf(c)!.account.id });
    return c.redirect('/account', 303);
  });

  app.post('/account/password', async (c) => {
    const f = await readForm(c, passwordForm);
    const me = actorOf(c);
    await confirmPassword(store, me, f.current, { ip: clientAddress(c, access.trustProxy) });
    // Changing the password ends every session of the account, this one too, and revokes the tokens
    // made in its sessions (a thief's among them): sign in again with the new one.
    await changeAccount(store, me, { password: f.password }, me);
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });

  return app;
}
