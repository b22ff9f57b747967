// The claims page (/claims): unconfirmed leak-site claims with their proposed incidents and a confirm
// form per proposal; a JSON view of an incident's confirmed claims. Claims are untrusted text: every
// value goes through hono/html escaping. POSTs pass the app's CSRF check and a zod schema.
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { claimProposals, confirmClaim, confirmedClaimsOf, unconfirmClaim, type ClaimWithProposals } from '../../app/claims.ts';
import { invalidInput } from '../../core/invalid-input.ts';
import type { Store } from '../../store/ports.ts';
import { pageContext, type PageContext } from '../i18n/locale.ts';
import { layout } from '../pages/layout.ts';
import { allows } from '../../core/access.ts';
import { actorOf } from '../auth/viewer.ts';
import { csrfField } from '../pages/layout.ts';
import { readForm } from '../read-form.ts';
import { claimReasonText, claimWhyText } from '../pages/claim-reason-text.ts';
import { parseId } from './incidents.ts';

const listQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM').optional(),
  jp: z.enum(['1']).optional(),
});
const confirmForm = z.object({
  incident: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
const unconfirmForm = z.object({
  reason: z.string().trim().min(1, 'un-confirming needs a reason').max(500),
});

function check<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalidInput(r.error, { what, fallback: 'input' });
}

export function claimRoutes(deps: { store: Store }): Hono {
  const app = new Hono();
  const { store } = deps;

  app.get('/claims', async (c) => {
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const q = check(listQuery, raw, 'query');
    const list = await claimProposals(store, { ...(q.month ? { month: q.month } : {}), ...(q.jp ? { country: 'jp' as const } : {}) });
    const ctx = pageContext(c);
    return c.html(layout(ctx.t('claims.title'), claimsPage(list, q, ctx), ctx, { section: 'claims' }));
  });

  app.post('/claims/:id/confirm', async (c: Context) => {
    const claimId = parseId(c.req.param('id')!, 'claim');
    const f = await readForm(c, confirmForm);
    await confirmClaim(store, claimId, f.incident, actorOf(c));
    return c.redirect(`/incidents/${f.incident}`, 303);
  });

  app.post('/claims/:id/unconfirm', async (c: Context) => {
    const claimId = parseId(c.req.param('id')!, 'claim');
    const f = await readForm(c, unconfirmForm);
    const link = await unconfirmClaim(store, claimId, actorOf(c), f.reason);
    return c.redirect(`/incidents/${link.incidentId}`, 303);
  });

  app.get('/api/incidents/:id/claims', async (c) => {
    return c.json({ claims: await confirmedClaimsOf(store, parseId(c.req.param('id'), 'incident')) });
  });

  return app;
}

function claimsPage(list: ClaimWithProposals[], q: z.infer<typeof listQuery>, ctx: PageContext) {
  const { t } = ctx;
  const canConfirm = ctx.viewer !== null && allows(ctx.viewer.role, 'edit');
  return html`<h1>${t('claims.title')}</h1>
<p>${t('claims.intro')}</p>
<form method="get" action="/claims">
  <label>${t('claims.filter.month')} <input type="month" name="month" value="${q.month ?? ''}"></label>
  <label><input type="checkbox" name="jp" value="1" ${q.jp ? 'checked' : ''}> ${t('claims.filter.japan')}</label>
  <button type="submit">${t('claims.filter.submit')}</button>
</form>
<p>${list.length ? t('claims.count', { n: list.length }) : t('claims.empty')}</p>
${list.length ? html`<div class="table-wrap"><table class="stack">
<thead><tr><th>${t('claims.col.date')}</th><th>${t('claims.col.group')}</th><th>${t('claims.col.victim')}</th><th>${t('claims.col.domain')}</th><th>${t('claims.col.japan')}</th><th>${t('claims.col.proposals')}</th></tr></thead>
<tbody>${list.map(({ claim, proposals }) => html`<tr>
  <td data-label="${t('claims.col.date')}">${claim.discoveredDate}</td><td data-label="${t('claims.col.group')}">${claim.group}</td><td data-label="${t('claims.col.victim')}">${claim.victim}</td><td data-label="${t('claims.col.domain')}">${claim.domain ?? ''}</td>
  <td data-label="${t('claims.col.japan')}">${claim.japanese ? html`${claimWhyText(t, claim.japanese.why)}${claim.japanese.strength === 'weak' ? html` (${t('claims.weak')})` : ''}` : ''}</td>
  <td data-label="${t('claims.col.proposals')}">${proposals.length === 0 ? t('claims.no_proposal') : html`<ul>${proposals.map((p) => html`<li>
    <a href="/incidents/${p.incidentId}">#${p.incidentNumber ?? p.incidentId}</a> ${t('claims.score', { score: p.score.toFixed(2) })}
    <small>${p.reasons.map((r) => claimReasonText(t, r)).join(t('list.separator'))}</small>
    ${canConfirm ? html`<form method="post" action="/claims/${claim.id}/confirm">${csrfField(ctx)}
      <input type="hidden" name="incident" value="${p.incidentId}">
      <button type="submit">${t('claims.confirm')}</button>
    </form>` : ''}</li>`)}</ul>`}</td>
</tr>`)}</tbody>
</table></div>` : ''}`;
}
