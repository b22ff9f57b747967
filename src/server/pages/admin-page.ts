// The admin pages: accounts (add, change role, disable), every API token, watched sources, and the
// audit log read newest first. Every value is untrusted text and goes through hono/html escaping.
import { html } from 'hono/html';
import { ROLES } from '../../core/access.ts';
import type { Account, ApiToken, AuditEntry } from '../../store/account-types.ts';
import { AUDIT_ACTIONS } from '../../store/account-types.ts';
import type { WatchSource } from '../../store/source-types.ts';
import type { PageContext } from '../i18n/locale.ts';
import { isMessageKey } from '../i18n/error-text.ts';
import { tokenTable } from './account-page.ts';
import { csrfField, type Html } from './layout.ts';

function adminNav(ctx: PageContext, current: 'accounts' | 'watch' | 'audit'): Html {
  const { t } = ctx;
  const item = (key: typeof current, href: string, label: string) =>
    html`<a href="${href}" aria-current="${key === current ? 'page' : undefined}">${label}</a>`;
  return html`<nav class="tabs" aria-label="${t('admin.title')}">${item('accounts', '/admin', t('admin.accounts'))}
${item('watch', '/admin/watch', t('admin.watch'))} ${item('audit', '/admin/audit', t('admin.audit'))}</nav>`;
}

export function accountsPage(ctx: PageContext, v: { accounts: Account[]; tokens: ApiToken[]; message: string | null }): Html {
  const { t } = ctx;
  const roleSelect = (id: string, selected: string) => html`<select id="${id}" name="role">${ROLES.map((r) =>
    html`<option value="${r}" ${r === selected ? 'selected' : ''}>${t(`role.${r}`)}</option>`)}</select>`;
  return html`<h1>${t('admin.title')}</h1>${adminNav(ctx, 'accounts')}
${v.message ? html`<p class="notice" role="status">${v.message}</p>` : ''}
<h2>${t('admin.accounts')}</h2>
<div class="table-wrap"><table class="accounts">
<thead><tr><th scope="col">${t('admin.accounts.name')}</th><th scope="col">${t('admin.accounts.role')}</th>
<th scope="col">${t('admin.accounts.state')}</th><th scope="col">${t('admin.accounts.created')}</th><th scope="col"></th></tr></thead>
<tbody>${v.accounts.map((a, i) => html`<tr data-account="${a.name}"><td>${a.name}</td><td>${t(`role.${a.role}`)}</td>
<td>${a.disabled ? t('admin.accounts.disabled') : t('admin.accounts.enabled')}</td><td>${ctx.time(a.createdAt)}</td>
<td><form method="post" action="/admin/accounts/${encodeURIComponent(a.name)}" class="inline">${csrfField(ctx)}
  <label class="visually-hidden" for="role-${i}">${t('admin.accounts.role')}</label>${roleSelect(`role-${i}`, a.role)}
  <label><input type="checkbox" name="disabled" value="1" ${a.disabled ? 'checked' : ''}> ${t('admin.accounts.disabled')}</label>
  <label class="visually-hidden" for="confirm-${i}">${t('admin.accounts.confirm')}</label>
  <input id="confirm-${i}" name="confirm" type="password" required maxlength="1024" autocomplete="current-password" placeholder="${t('admin.accounts.confirm')}">
  <button type="submit" class="small">${t('admin.accounts.change')}</button></form></td></tr>`)}</tbody>
</table></div>
<h2>${t('admin.accounts.add')}</h2>
<form method="post" action="/admin/accounts" class="add-account">${csrfField(ctx)}
  <div class="row"><label for="new-name">${t('admin.accounts.name')}</label><input id="new-name" name="name" required maxlength="64" autocomplete="off"></div>
  <div class="row"><label for="new-role">${t('admin.accounts.role')}</label>${roleSelect('new-role', 'viewer')}</div>
  <div class="row"><label for="new-password">${t('admin.accounts.password')}</label>
  <input id="new-password" name="password" type="password" required minlength="10" maxlength="1024" autocomplete="new-password"></div>
  <div class="row"><label for="new-confirm">${t('admin.accounts.confirm')}</label>
  <input id="new-confirm" name="confirm" type="password" required maxlength="1024" autocomplete="current-password"></div>
  <button type="submit">${t('admin.accounts.add')}</button>
</form>
<h2>${t('admin.accounts.tokens')}</h2>
${tokenTable(ctx, v.tokens, (tk) => `/admin/tokens/${tk.id}/revoke`, true)}`;
}

export function watchPage(ctx: PageContext, sources: WatchSource[]): Html {
  const { t } = ctx;
  return html`<h1>${t('admin.title')}</h1>${adminNav(ctx, 'watch')}
<h2>${t('admin.watch')}</h2>
${sources.length === 0 ? html`<p>${t('admin.watch.none')}</p>` : html`<div class="table-wrap"><table class="watch">
<thead><tr><th scope="col">URL</th><th scope="col">${t('admin.watch.every')}</th><th scope="col">${t('admin.watch.next')}</th>
<th scope="col">${t('admin.watch.failures')}</th><th scope="col"><span class="sr">${t('admin.watch.actions')}</span></th></tr></thead>
<tbody>${sources.map((s) => html`<tr><td><code>${s.url}</code>${s.kind === 'claims' ? html`<br><span class="help">${t('admin.watch.claims', { format: s.claimFormat ?? 'auto' })} <code>jikenbo claims watch</code></span>` : ''}${s.lastError ? html`<br><span class="error-message">${s.lastError}</span>` : ''}</td>
<td>${(s.everySeconds / 3600).toFixed(1)}</td><td>${s.pausedAt ? t('admin.watch.paused', { at: ctx.time(s.pausedAt) }) : ctx.time(s.nextCheckAt)}</td><td>${s.failures}</td>
<td class="act"><form method="post" action="/admin/watch/${s.id}/${s.pausedAt ? 'resume' : 'pause'}" class="inline">${csrfField(ctx)}<button type="submit" class="small">${t(s.pausedAt ? 'admin.watch.resume' : 'admin.watch.pause')}</button></form>
<form method="post" action="/admin/watch/${s.id}/remove" class="inline">${csrfField(ctx)}<button type="submit" class="small">${t('admin.watch.remove')}</button></form></td></tr>`)}</tbody></table></div>`}
<h2>${t('admin.watch.add')}</h2>
<form method="post" action="/admin/watch" class="add-watch">${csrfField(ctx)}
  <div class="row"><label for="watch-url">${t('admin.watch.url')}</label><input id="watch-url" name="url" type="url" required maxlength="2000"></div>
  <div class="row"><label for="watch-every">${t('admin.watch.every')}</label><input id="watch-every" name="hours" type="number" min="1" max="720" value="6" required></div>
  <button type="submit">${t('admin.watch.add')}</button>
</form>`;
}

/** An audit action in the reader's language; an action with no label yet shows its code. */
function actionLabel(ctx: PageContext, action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? ctx.t(key) : action;
}

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v));

export function auditPage(ctx: PageContext, v: { entries: AuditEntry[]; filter: { actor?: string; action?: string }; older: string | null }): Html {
  const { t } = ctx;
  return html`<h1>${t('admin.title')}</h1>${adminNav(ctx, 'audit')}
<h2>${t('admin.audit')}</h2>
<p class="help">${t('admin.audit.help')}</p>
<form method="get" action="/admin/audit" class="filters">
  <label>${t('admin.audit.who')} <input name="actor" maxlength="64" value="${v.filter.actor ?? ''}"></label>
  <label>${t('admin.audit.action')} <select name="action"><option value="">${t('common.all')}</option>
  ${AUDIT_ACTIONS.map((a) => html`<option value="${a}" ${a === v.filter.action ? 'selected' : ''}>${actionLabel(ctx, a)}</option>`)}</select></label>
  <button type="submit">${t('admin.audit.filter')}</button>
</form>
<div class="table-wrap"><table class="audit">
<thead><tr><th scope="col">#</th><th scope="col">${t('admin.audit.when')}</th><th scope="col">${t('admin.audit.who')}</th>
<th scope="col">${t('admin.audit.action')}</th><th scope="col">${t('admin.audit.subject')}</th>
<th scope="col">${t('admin.audit.before')}</th><th scope="col">${t('admin.audit.after')}</th></tr></thead>
<tbody>${v.entries.map((e) => html`<tr data-audit="${e.id}"><td>${e.id}</td><td><time datetime="${e.at}">${ctx.time(e.at)}</time></td>
<td>${e.actor}</td><td>${actionLabel(ctx, e.action)} <code>${e.action}</code></td><td><code>${e.subject}</code></td>
<td class="json"><code>${json(e.before)}</code></td><td class="json"><code>${json(e.after)}</code></td></tr>`)}</tbody></table></div>
${v.older ? html`<p><a href="${v.older}">${t('admin.audit.older')}</a></p>` : ''}`;
}
