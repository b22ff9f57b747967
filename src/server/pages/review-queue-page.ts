// The review queue: the values most likely to need a person first, each with why, a link to its
// incident's review panel and, for editors, a button that confirms the value as it stands.
import { html } from 'hono/html';
import type { ReviewQueue } from '../../app/review-queue.ts';
import { allows } from '../../core/access.ts';
import type { FieldValue } from '../../core/corrections.ts';
import type { PageContext } from '../i18n/locale.ts';
import { typedValue } from './field-input.ts';
import { fieldLabel, valueText } from './labels.ts';
import { csrfField, layout, type Html } from './layout.ts';

export function reviewQueuePage(ctx: PageContext, queue: ReviewQueue): Html {
  const { t, locale } = ctx;
  const canEdit = ctx.viewer !== null && allows(ctx.viewer.role, 'edit');
  return layout(t('queue.title'), html`
<h1>${t('queue.title')}</h1>
<p class="count" id="queue-summary">${t('queue.summary', { waiting: queue.waiting, confirmed: queue.confirmed, corrected: queue.corrected, values: queue.values })}</p>
<p class="help">${t('queue.help')}</p>
${queue.items.length === 0 ? html`<p>${t('queue.empty')}</p>` : html`<div class="table-wrap"><table class="queue" id="queue">
<thead><tr><th scope="col">${t('queue.col.need')}</th><th scope="col">${t('queue.col.incident')}</th><th scope="col">${t('queue.col.field')}</th>
<th scope="col">${t('queue.col.value')}</th><th scope="col">${t('queue.col.why')}</th><th scope="col"></th></tr></thead>
<tbody>${queue.items.map((i) => html`<tr data-incident="${i.incidentId}" data-field="${i.field}">
<td class="num">${i.score}</td>
<td><a href="/incidents/${i.incidentId}#review">${i.number ?? `#${i.incidentId}`}</a> ${i.organization ?? t('common.unknown_org')}</td>
<th scope="row">${fieldLabel(t, i.field)}</th>
<td>${valueText(t, i.field, i.value, locale)}</td>
<td class="why">${i.reasons.length ? i.reasons.map((r) => t(`queue.reason.${r}`)).join('・') : t('queue.reason.none')}</td>
<td class="act">${canEdit ? html`<form method="post" action="/incidents/${i.incidentId}/review" class="inline">
  <input type="hidden" name="action" value="confirm"><input type="hidden" name="target" value="incident"><input type="hidden" name="back" value="queue">
  <input type="hidden" name="field" value="${i.field}"><input type="hidden" name="value" value="${typedValue(i.value as FieldValue)}">
  ${csrfField(ctx)}<input type="hidden" name="notice" value="${i.noticeId}">
  <button type="submit" class="small" aria-label="${t('review.confirm')}: ${fieldLabel(t, i.field)}">${t('review.confirm')}</button></form>` : ''}
  <a href="/incidents/${i.incidentId}#review" class="small">${t('queue.open')}</a></td>
</tr>`)}</tbody></table></div>`}
`, ctx, { section: 'review' });
}
