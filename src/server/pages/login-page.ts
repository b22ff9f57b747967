// The sign-in form. It posts to /login with the page it came from, and shows why the last try failed.
import { html } from 'hono/html';
import type { PageContext } from '../i18n/locale.ts';
import type { Html } from './layout.ts';

export interface LoginView {
  next: string;
  error: string | null;
  name: string;
  noAccounts: boolean;
  publicRead: boolean;
}

export function loginPage(ctx: PageContext, v: LoginView): Html {
  const { t } = ctx;
  return html`<h1>${t('login.title')}</h1>
${v.noAccounts ? html`<p class="notice" role="status">${t('login.no_accounts')}</p>` : ''}
${v.publicRead ? html`<p class="help">${t('login.public_read')}</p>` : ''}
${v.error ? html`<p class="error-message" role="alert">${v.error}</p>` : ''}
<form method="post" action="/login" class="login">
  <input type="hidden" name="next" value="${v.next}">
  <div class="row"><label for="login-name">${t('login.name')}</label>
  <input id="login-name" name="name" required maxlength="64" autocomplete="username" value="${v.name}" autofocus></div>
  <div class="row"><label for="login-password">${t('login.password')}</label>
  <input id="login-password" name="password" type="password" required maxlength="1024" autocomplete="current-password"></div>
  <button type="submit">${t('login.submit')}</button>
</form>`;
}
