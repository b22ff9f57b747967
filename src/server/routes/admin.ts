// The admin pages (admins only, by policy.ts, and never with an API token): accounts, every API token,
// watched sources, and the audit log. Adding or changing an account asks for the admin's password
// again, so a session left open or stolen does not make accounts. The store refuses to leave the
// casebook without an enabled admin.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { addAccount, changeAccount, confirmPassword, revokeApiToken } from '../../app/accounts.ts';
import { addWatchSource } from '../../app/watch.ts';
import { ROLES } from '../../core/access.ts';
import { AUDIT_ACTIONS } from '../../store/account-types.ts';
import type { Store } from '../../store/ports.ts';
import { storeActingAs } from '../../store/with-actor.ts';
import { clientAddress } from '../auth/client-address.ts';
import type { AccessOptions } from '../auth/middleware.ts';
import { actorOf } from '../auth/viewer.ts';
import { pageContext } from '../i18n/locale.ts';
import { accountsPage, auditPage, watchPage } from '../pages/admin-page.ts';
import { layout } from '../pages/layout.ts';
import { readForm } from '../read-form.ts';
import { invalidInput } from '../../core/invalid-input.ts';
import { parseId } from './incidents.ts';

const confirm = z.string().min(1, 'give your own password to confirm').max(1024);
const newAccount = z.object({ name: z.string().max(200), role: z.enum(ROLES), password: z.string().max(1024), confirm });
const accountChange = z.object({ role: z.enum(ROLES), disabled: z.enum(['1']).optional(), confirm });
const watchForm = z.object({ url: z.string().trim().min(1).max(2000), hours: z.coerce.number().int().min(1).max(720) });
const auditQuery = z.object({
  actor: z.string().max(100).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  before: z.coerce.number().int().positive().optional(),
}).strict();
const PAGE = 100;

export function adminRoutes(deps: { store: Store }, access: AccessOptions): Hono {
  const app = new Hono();
  const { store } = deps;
  const confirmed = (c: Context, password: string) => confirmPassword(store, actorOf(c), password, { ip: clientAddress(c, access.trustProxy) });

  const showAccounts = async (c: Context, message: string | null = null, status: 200 | 400 | 409 = 200) => {
    const ctx = pageContext(c);
    const [accounts, tokens] = [await store.listAccounts(), await store.listApiTokens()];
    return c.html(layout(ctx.t('admin.title'), accountsPage(ctx, { accounts, tokens, message }), ctx, { section: 'admin' }), status);
  };

  app.get('/admin', (c) => showAccounts(c));

  app.post('/admin/accounts', async (c) => {
    const f = await readForm(c, newAccount);
    await confirmed(c, f.confirm);
    await addAccount(store, f, actorOf(c));
    return c.redirect('/admin', 303);
  });

  app.post('/admin/accounts/:name', async (c) => {
    const name = c.req.param('name');
    const f = await readForm(c, accountChange);
    await confirmed(c, f.confirm);
    // The last-admin rule is the store's, checked under a lock in the change's own transaction.
    await changeAccount(store, name, { role: f.role, disabled: f.disabled === '1' }, actorOf(c));
    return c.redirect('/admin', 303);
  });

  app.post('/admin/tokens/:id/revoke', async (c) => {
    await revokeApiToken(store, parseId(c.req.param('id'), 'token'), actorOf(c));
    return c.redirect('/admin', 303);
  });

  app.get('/admin/watch', async (c) => {
    const ctx = pageContext(c);
    return c.html(layout(ctx.t('admin.watch'), watchPage(ctx, await store.listWatchSources()), ctx, { section: 'admin' }));
  });

  app.post('/admin/watch', async (c) => {
    const f = await readForm(c, watchForm);
    await addWatchSource(storeActingAs(store, actorOf(c)), f.url, { everySeconds: f.hours * 3600 });
    return c.redirect('/admin/watch', 303);
  });

  // Pause, resume or stop watching a source: each recorded under the admin's name.
  for (const action of ['pause', 'resume', 'remove'] as const) {
    app.post(`/admin/watch/:id/${action}`, async (c) => {
      const id = parseId(c.req.param('id'), 'source');
      await readForm(c, z.object({}));
      const acting = storeActingAs(store, actorOf(c));
      if (action === 'remove') await acting.removeWatchSource(id);
      else await acting.pauseWatchSource(id, action === 'pause');
      return c.redirect('/admin/watch', 303);
    });
  }

  app.get('/admin/audit', async (c) => {
    // ?lang= is every page's (the language switch), not a filter of this one.
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([k, v]) => v !== '' && k !== 'lang'));
    const parsed = auditQuery.safeParse(raw);
    if (!parsed.success) throw invalidInput(parsed.error, { what: 'query parameter', fallback: 'query' });
    const q = parsed.data;
    const entries = await store.listAudit({ limit: PAGE, ...(q.actor ? { actor: q.actor } : {}), ...(q.action ? { action: q.action } : {}), ...(q.before ? { beforeId: q.before } : {}) });
    const olderParams = new URLSearchParams({ ...(q.actor ? { actor: q.actor } : {}), ...(q.action ? { action: q.action } : {}), before: String(entries.at(-1)?.id ?? 0) });
    const ctx = pageContext(c);
    return c.html(layout(ctx.t('admin.audit'), auditPage(ctx, {
      entries, filter: q, older: entries.length === PAGE ? `/admin/audit?${olderParams}` : null,
    }), ctx, { section: 'admin' }));
  });

  return app;
}
