// The review panel of an incident page: correct a value (typed, or taken from a text selection by
// /static/review.js), link and unlink notices, and the history of every change with revert. The forms
// show to editors and admins; everyone else sees the history and a note on signing in.
import { incidentPath } from '../../core/public-id.ts';
import { html } from 'hono/html';
import type { MergedIncident } from '../../app/incidents.ts';
import { sameValue, type Correction } from '../../core/corrections.ts';
import type { RecordKey } from '../../core/record.ts';
import type { ManualDecision, NoticeDetail } from '../../store/store.ts';
import type { PageContext } from '../i18n/locale.ts';
import { fieldLabel, valueText } from './labels.ts';
import { allows } from '../../core/access.ts';
import { csrfField, type Html } from './layout.ts';

export interface ReviewPanelView {
  incident: MergedIncident;
  notices: NoticeDetail[];
  decisions: ManualDecision[];
  fields: readonly RecordKey[];
}

interface HistoryEntry {
  correction: Correction;
  target: string;
}

export function reviewPanel(ctx: PageContext, v: ReviewPanelView): Html {
  const { t, locale } = ctx;
  const path = incidentPath(v.incident);
  const anchorNotice = v.notices[0]?.id ?? 0;
  const canEdit = ctx.viewer !== null && allows(ctx.viewer.role, 'edit');
  const hidden = html`${csrfField(ctx)}<input type="hidden" name="notice" value="${anchorNotice}">`;

  const history: HistoryEntry[] = [
    ...v.incident.corrections.map((c) => ({ correction: c, target: t('review.target.incident') })),
    ...v.notices.flatMap((n) => n.corrections.map((c) => ({ correction: c, target: t('review.target.notice', { id: n.id }) }))),
  ].sort((a, b) => b.correction.at.localeCompare(a.correction.at) || b.correction.id - a.correction.id);

  return html`<section id="review" class="review" aria-labelledby="review-h">
<h2 id="review-h">${t('review.title')}</h2>
${canEdit ? html`<p class="help who">${t('review.signed_in_as', { name: ctx.viewer?.name ?? '' })}</p>
<form method="post" action="${path}/review" class="correct" id="correct-form">
<fieldset><legend>${t('review.correct')}</legend>
  <input type="hidden" name="action" value="correct">${hidden}
  <div class="row"><label for="c-target">${t('review.correct.target')}</label>
  <select id="c-target" name="target" aria-describedby="c-target-help"><option value="incident" selected>${t('review.target.merged')}</option>
  ${v.notices.map((n) => html`<option value="notice:${n.id}">${t('review.target.notice_only', { id: n.id })}</option>`)}</select></div>
  <p class="help" id="c-target-help">${t('review.correct.target.help')}</p>
  <div class="row"><label for="c-field">${t('review.correct.field')}</label>
  <select id="c-field" name="field">${v.fields.map((f) => html`<option value="${f}">${fieldLabel(t, f)}</option>`)}</select></div>
  <div class="row"><label for="c-value">${t('review.correct.value')}</label>
  <input id="c-value" name="value" maxlength="500" aria-describedby="c-value-help">
  <button type="button" id="use-selection" hidden>${t('review.correct.use_selection')}</button></div>
  <p class="help" id="c-value-help">${t('review.correct.value.help')}</p>
  <div class="row"><label for="c-reason">${t('review.correct.reason')}</label>
  <textarea id="c-reason" name="reason" maxlength="500" rows="2" required aria-describedby="c-reason-help"></textarea></div>
  <p class="help" id="c-reason-help">${t('review.correct.reason.help')}</p>
  <button type="submit">${t('review.correct.submit')}</button>
</fieldset>
</form>

<form method="post" action="${path}/link" class="link">
<fieldset><legend>${t('review.link')}</legend>
  ${hidden}
  <p class="help">${t('review.link.help')}</p>
  <div class="row"><label for="l-other">${t('review.link.other')}</label>
  <input id="l-other" name="other" required pattern="[Nn]?[0-9]+" maxlength="17" placeholder="N56"></div>
  <button type="submit">${t('review.link.submit')}</button>
</fieldset>
</form>` : html`<p class="help who">${t('review.sign_in_to_edit')} <a href="/login?next=${encodeURIComponent(`${path}#review`)}">${t('nav.sign_in')}</a></p>`}

${canEdit && v.notices.length > 1 ? html`<div class="unlink"><h3>${t('review.unlink')}</h3><p class="help">${t('review.unlink.help')}</p>
<ul>${v.notices.map((n) => html`<li><form method="post" action="/notices/${n.id}/unlink">${hidden}
  <button type="submit">${t('review.unlink')}: ${t('review.target.notice', { id: n.id })}</button></form></li>`)}</ul></div>` : ''}

<h3 id="history-h">${t('review.history')}</h3>
${history.length ? html`<div class="table-wrap"><table class="history" aria-labelledby="history-h">
<thead><tr><th scope="col">${t('review.history.when')}</th><th scope="col">${t('review.history.who')}</th><th scope="col">${t('review.history.what')}</th><th scope="col"></th></tr></thead>
<tbody>${history.map(({ correction: c, target }) => html`<tr class="${c.revertedAt ? 'reverted' : ''}" data-correction="${c.id}">
<td><time datetime="${c.at}">${ctx.time(c.at)}</time></td>
<td class="by">${c.by}</td>
<td>${target} · ${sameValue(c.oldValue, c.newValue) ? html`${fieldLabel(t, c.field)}: ${valueText(t, c.field, c.newValue, locale)} (${t('review.confirm')})`
    : t('review.history.change', { field: fieldLabel(t, c.field), old: valueText(t, c.field, c.oldValue, locale), new: valueText(t, c.field, c.newValue, locale) })}${c.reason ? html`<br><span class="reason">${t('review.history.reason', { reason: c.reason })}</span>` : ''}</td>
<td>${c.revertedAt ? t('review.history.reverted', { by: c.revertedBy ?? '', at: ctx.time(c.revertedAt) })
    : canEdit ? html`<form method="post" action="/corrections/${c.id}/revert">${hidden}<button type="submit" class="small">${t('review.revert')}</button></form>` : ''}</td>
</tr>`)}</tbody></table></div>` : html`<p>${t('review.history.empty')}</p>`}

${v.decisions.length ? html`<h3>${t('review.decisions')}</h3><ul class="decisions">${v.decisions.map((d) => html`<li>${d.action === 'link'
    ? t('review.decision.link', { by: d.by, at: ctx.time(d.at), a: String(d.noticeId), b: String(d.otherNoticeId ?? '') })
    : t('review.decision.unlink', { by: d.by, at: ctx.time(d.at), a: String(d.noticeId) })}
  ${canEdit && d.action === 'link' && d.otherNoticeId !== null ? html`<form method="post" action="/notices/${d.otherNoticeId}/unlink" class="inline">${hidden}<button type="submit" class="small">${t('review.revert')}</button></form>` : ''}</li>`)}</ul>` : ''}
</section>`;
}
