// The signed-in person's own page: their API tokens (make one, shown once; revoke) and their password.
import { html } from 'hono/html';
import { TOKEN_SCOPES } from '../../core/access.ts';
import type { ApiToken } from '../../store/account-types.ts';
import type { PageContext } from '../i18n/locale.ts';
import { csrfField, type Html } from './layout.ts';

export function tokenTable(ctx: PageContext, tokens: ApiToken[], revokeAction: (t: ApiToken) => string, showAccount = false): Html {
  const { t } = ctx;
  if (tokens.length === 0) return html`<p>${t('account.tokens.none')}</p>`;
  return html`<div class="table-wrap"><table class="tokens">
<thead><tr><th scope="col">#</th>${showAccount ? html`<th scope="col">${t('admin.accounts.name')}</th>` : ''}<th scope="col">${t('account.tokens.label')}</th><th scope="col">${t('account.tokens.scope')}</th>
<th scope="col">${t('admin.accounts.created')}</th><th scope="col">${t('account.tokens.last_used')}</th><th scope="col"></th></tr></thead>
<tbody>${tokens.map((tk) => html`<tr data-token="${tk.id}"><td>${tk.id}</td>${showAccount ? html`<td>${tk.account}</td>` : ''}<td>${tk.label}</td><td>${t(`account.tokens.scope.${tk.scope}`)}</td>
<td>${ctx.time(tk.createdAt)}</td><td>${ctx.time(tk.lastUsedAt)}</td>
<td>${tk.revokedAt ? t('account.tokens.revoked', { at: ctx.time(tk.revokedAt) })
    : html`<form method="post" action="${revokeAction(tk)}" class="inline">${csrfField(ctx)}<button type="submit" class="small">${t('account.tokens.revoke')}</button></form>`}</td></tr>`)}</tbody>
</table></div>`;
}

export function accountPage(ctx: PageContext, v: { tokens: ApiToken[]; newToken: string | null; message: string | null }): Html {
  const { t } = ctx;
  return html`<h1>${t('account.title')}: ${ctx.viewer?.name ?? ''}</h1>
${v.message ? html`<p class="notice" role="status">${v.message}</p>` : ''}
<section aria-labelledby="tokens-h"><h2 id="tokens-h">${t('account.tokens')}</h2>
<p class="help">${t('account.tokens.help')} ${t('account.tokens.scope_help')}</p>
${v.newToken ? html`<p class="notice" role="status">${t('account.tokens.created')} <code class="token">${v.newToken}</code></p>` : ''}
${tokenTable(ctx, v.tokens, (tk) => `/account/tokens/${tk.id}/revoke`)}
<form method="post" action="/account/tokens" class="row">${csrfField(ctx)}
  <label for="token-label">${t('account.tokens.label')}</label>
  <input id="token-label" name="label" required maxlength="100">
  <label for="token-scope">${t('account.tokens.scope')}</label>
  <select id="token-scope" name="scope">${TOKEN_SCOPES.map((sc) => html`<option value="${sc}">${t(`account.tokens.scope.${sc}`)}</option>`)}</select>
  <button type="submit">${t('account.tokens.create')}</button>
</form></section>
<section aria-labelledby="password-h"><h2 id="password-h">${t('account.password')}</h2>
<form method="post" action="/account/password" class="password">${csrfField(ctx)}
  <div class="row"><label for="pw-current">${t('account.password.current')}</label>
  <input id="pw-current" name="current" type="password" required autocomplete="current-password" maxlength="1024"></div>
  <div class="row"><label for="pw-new">${t('account.password.new')}</label>
  <input id="pw-new" name="password" type="password" required minlength="10" maxlength="1024" autocomplete="new-password"></div>
  <button type="submit">${t('account.password.submit')}</button>
</form></section>`;
}
