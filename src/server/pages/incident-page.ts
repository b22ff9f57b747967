// One incident: the merged record (each value with its confidence, source notice and evidence link),
// the timeline, related incidents, the review panel, and every notice's text with its evidence marked.
import { incidentPath } from '../../core/public-id.ts';
import { html } from 'hono/html';
import { mergedChangesByNotice } from '../../analyze/merge-changes.ts';
import { MERGE_RULES, type MergedField, type Provenance } from '../../analyze/merge-incident.ts';
import type { MergedIncident } from '../../app/incidents.ts';
import { CONFIDENCES, RECORD_KEYS, type Confidence, type IncidentRecord, type RecordKey } from '../../core/record.ts';
import type { ManualDecision, NoticeDetail } from '../../store/store.ts';
import type { PageContext } from '../i18n/locale.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { ConfirmedClaim } from '../../app/claims.ts';
import type { DutyAssessment } from '../../analyze/reporting-duty.ts';
import type { FieldReview } from '../../analyze/review-queue.ts';
import type { RelatedIncident } from '../../app/related-incidents.ts';
import { typedValue } from './field-input.ts';
import { allows } from '../../core/access.ts';
import { fieldLabel, valueText } from './labels.ts';
import { csrfField, layout, type Html } from './layout.ts';
import { clashNoteText, linkEvidenceText } from './link-evidence.ts';
import { evidenceAnchor, noticeText, shownEvidence } from './notice-text.ts';
import { clipTitle } from './page-limits.ts';
import { reviewPanel } from './review-panel.ts';
import { sourceLinks } from './source-link.ts';
import type { StoredFetch } from '../../store/source-types.ts';
import type { OrganisationSummary } from '../../store/organisation-types.ts';
import { organisationPath } from './organisations-page.ts';
import type { IncidentPublication } from '../../app/publication.ts';

export interface IncidentView {
  incident: MergedIncident;
  notices: NoticeDetail[];
  decisions: ManualDecision[];
  related: RelatedIncident[];
  /** Leak-site claims a person confirmed as this incident. */
  claims: ConfirmedClaim[];
  /** The reporting duty read from the notices: the timeline shows its stated reports and due dates. */
  duty?: DutyAssessment;
  /** Each stated value's review state: confirmed and corrected ones say so, with who. */
  reviews?: FieldReview[];
  /** Each document's fetches, for where its notices came from. */
  fetches?: ReadonlyMap<number, readonly StoredFetch[]>;
  /** The organisations of its notices, each with a page. */
  organisations?: OrganisationSummary[];
  /** Whether `jikenbo publish` takes it, and the marks people made. */
  publication?: IncidentPublication;
}

export const MERGED_FIELDS = RECORD_KEYS.filter((k): k is MergedField & RecordKey => Object.hasOwn(MERGE_RULES, k));

/** Records stored before confidences existed have none; anything else unexpected reads as none too. */
export function confidenceOf(record: IncidentRecord, field: RecordKey): Confidence | null {
  const c: unknown = (record as { confidence?: unknown }).confidence;
  if (!c || typeof c !== 'object') return null;
  const v: unknown = (c as Record<string, unknown>)[field];
  return typeof v === 'string' && (CONFIDENCES as readonly string[]).includes(v) ? (v as Confidence) : null;
}

export function incidentPage(ctx: PageContext, v: IncidentView): Html {
  const { t, locale } = ctx;
  const { incident } = v;
  const m = incident.merged;
  const byId = new Map(v.notices.map((n) => [n.id, n]));
  const title = incident.number ? t('incident.title', { number: incident.number })
    : incident.externalId ? t('incident.imported_title', { id: incident.externalId }) : t('incident.unnumbered');
  const anchorNotice = v.notices[0]?.id ?? 0;
  const canEdit = ctx.viewer !== null && allows(ctx.viewer.role, 'edit');
  const changes = mergedChangesByNotice(incident.members.map((x) => ({ noticeId: x.noticeId, record: x.record, links: x.links })));

  const recordRow = (field: MergedField & RecordKey): Html => {
    const prov = m[field] as Provenance<unknown>;
    const source = prov.noticeId !== null ? byId.get(prov.noticeId) : undefined;
    const first = source ? shownEvidence(source.text, source.record.evidence[field])[0] : undefined;
    const evidence = source && first !== undefined ? evidenceAnchor(source.id, field, first) : null;
    const shown = valueText(t, field, prov.value, locale);
    const conf = prov.rule === 'person' ? null : source ? confidenceOf(source.record, field) : null;
    const review = v.reviews?.find((r) => r.field === field);
    const settled = review && review.state !== 'unreviewed' && review.correction
      ? html` <span class="review-${review.state}">${t(`review.state.${review.state}`, { by: review.correction.by })}</span>` : '';
    return html`<tr data-field="${field}" class="${conf === 'low' ? 'low' : ''}">
<th scope="row">${fieldLabel(t, field)}</th>
<td class="value">${evidence ? html`<a href="#${evidence}" title="${t('incident.evidence')}">${shown}</a>` : shown}</td>
<td class="conf">${prov.rule === 'person' ? t('rule.person') : conf ? html`<span class="conf-${conf}">${t(`confidence.${conf}`)}</span>` : t('confidence.none')}${settled}</td>
<td class="source">${prov.correction
    ? t('incident.source.person', { by: prov.correction.by })
    : prov.noticeIds.map((id) => html`<a href="#notice-${id}">${t('incident.source.notice', { id })}</a> `)}
  <span class="rule">${t(`rule.${prov.rule}` as MessageKey)}</span></td>
<td class="act">${canEdit ? html`<form method="post" action="${incidentPath(incident)}/review">
  <input type="hidden" name="action" value="confirm"><input type="hidden" name="target" value="incident">
  <input type="hidden" name="field" value="${field}"><input type="hidden" name="value" value="${typedValue(prov.value as never)}">
  ${csrfField(ctx)}<input type="hidden" name="notice" value="${anchorNotice}">
  <button type="submit" class="small" aria-label="${t('review.confirm.submit')}: ${fieldLabel(t, field)}">${t('review.confirm')}</button>
</form>` : ''}</td>
</tr>`;
  };

  return layout(`${title} ${m.title.value ?? ''}`, html`
<h1><span class="num">${title}</span> ${clipTitle(m.title.value ?? m.organization.value ?? '')}</h1>
<p class="meta"><span class="org">${m.organization.value ?? t('common.unknown_org')}</span>
 <time>${m.disclosure_date.value ?? t('common.unknown_date')}</time>
 ${m.organizations.length > 1 ? html`<span>(${m.organizations.join(' / ')})</span>` : ''}</p>
${v.organisations?.length ? html`<p class="meta organisations">${t('incident.organisations')}: ${v.organisations.map((o, i) => html`${i ? ' / ' : ''}<a href="${organisationPath(o)}" data-organisation="${o.id}">${clipTitle(o.name)}</a>`)}</p>` : ''}
<p class="meta ids">${t('incident.ids', { own: incident.ownNumber ?? '—', key: incident.exportKey })}</p>
${incident.numberClash ? html`<p class="warn" role="note">${t('incident.clash', { notes: clashNoteText(t, incident.clashNotes ?? '') })}</p>` : ''}
<nav class="toc" aria-label="${title}"><a href="#record-h">${t('incident.record')}</a> <a href="#timeline-h">${t('incident.timeline')}</a>
 <a href="#related-h">${t('incident.related')}</a> <a href="#review">${t('review.title')}</a> <a href="#notices-h">${t('incident.notices')}</a></nav>

<section aria-labelledby="record-h">
<h2 id="record-h">${t('incident.record')}</h2>
<p class="help">${t('incident.record.help')}</p>
<div class="table-wrap"><table class="record">
<thead><tr><th scope="col">${t('incident.field')}</th><th scope="col">${t('incident.value')}</th><th scope="col">${t('incident.confidence')}</th><th scope="col">${t('incident.source')}</th><th scope="col"><span class="sr">${t('review.confirm')}</span></th></tr></thead>
<tbody>${MERGED_FIELDS.map(recordRow)}</tbody>
</table></div>
</section>

<section aria-labelledby="timeline-h">
<h2 id="timeline-h">${t('incident.timeline')}</h2>
${timeline(ctx, v)}
${v.duty ? dutyBlock(ctx, v.duty) : ''}
</section>

<section aria-labelledby="related-h">
<h2 id="related-h">${t('incident.related')}</h2>
${v.related.length ? html`<ul class="related">${v.related.map((r) => html`<li><a href="${incidentPath(r.facts)}">${r.facts.number ? `#${r.facts.number} ` : ''}${clipTitle(r.facts.title ?? r.facts.organization ?? '')}</a>
  <span class="meta">${r.facts.organization ?? ''} · ${r.facts.disclosureDate ?? ''} · ${t(r.reason === 'clash' ? 'incident.related.clash' : 'incident.related.same_org')}</span></li>`)}</ul>`
    : html`<p>${t('incident.related.none')}</p>`}
</section>
${v.claims.length ? html`
<section aria-labelledby="claims-h">
<h2 id="claims-h">${t('claims.confirmed.title')}</h2>
<ul class="related">${v.claims.map(({ claim, link }) => html`<li><strong>${claim.group}</strong> — ${claim.victim}${claim.domain ? html` (<code>${claim.domain}</code>)` : ''} · <time>${claim.discoveredDate}</time>
  <span class="meta">${t('claims.confirmed.by', { by: link.by, at: ctx.time(link.at) })}</span>
  ${canEdit ? html`<form method="post" action="/claims/${claim.id}/unconfirm" class="inline">${csrfField(ctx)}
    <label>${t('claims.unconfirm.reason')} <input name="reason" required maxlength="500"></label>
    <button type="submit">${t('claims.unconfirm')}</button>
  </form>` : ''}</li>`)}</ul>
</section>` : ''}

${reviewPanel(ctx, { incident, notices: v.notices, decisions: v.decisions, fields: MERGED_FIELDS })}
${v.publication ? publicationPanel(ctx, incidentPath(incident), v.publication, canEdit) : ''}

<section aria-labelledby="notices-h">
<h2 id="notices-h">${t('incident.notices')}</h2>
${v.notices.map((n) => noticeArticle(n))}
</section>`, ctx, { section: 'incidents', scripts: ['/static/review.js'] });

  function noticeArticle(n: NoticeDetail): Html {
    const member = incident.members.find((x) => x.noticeId === n.id);
    const links = member?.links ?? [];
    // A person's correction of a field outranks every notice: no notice changes it then.
    const changed = (changes.get(n.id) ?? []).filter((c) => m[c.field].rule !== 'person');
    const d = n.document;
    return html`<article class="notice-card" id="notice-${n.id}" aria-labelledby="notice-${n.id}-h">
<h3 id="notice-${n.id}-h">${t('incident.notice.heading', { id: n.id, title: clipTitle(n.title ?? n.header) })}</h3>
<p class="meta"><span class="org">${n.organization ?? t('common.unknown_org')}</span> <time>${n.disclosureDate ?? t('common.unknown_date')}</time>
 · <a href="/documents/${d.id}/original" download>${t('incident.download')}</a>
 (${t('incident.document', { type: d.mediaType + (d.encoding ? `, ${d.encoding}` : ''), size: t('common.bytes', { n: d.byteLength }), sha: `${d.sha256.slice(0, 16)}…` })})
 · <a href="/notices/${n.id}">${t('incident.notice.page')}</a></p>
${sourceLinks(ctx, d, v.fetches?.get(d.id) ?? [])}
${links.length ? html`<p class="links">${t('incident.links')}: ${links.map((l) => {
    const other = l.notices[0] === n.id ? l.notices[1] : l.notices[0];
    return html`<span class="tag" data-rule="${l.rule}">${t(`link.${l.rule}`)}${l.by ? ` (${l.by})` : ''} · <a href="#notice-${other}">${t('incident.source.notice', { id: other })}</a>: ${linkEvidenceText(t, l.evidence)}</span> `;
  })}</p>` : ''}
${changed.length ? html`<p class="merge-changes">${t('incident.changes')}: ${changed.map((c) => html`<span class="tag" data-field="${c.field}">${fieldLabel(t, c.field)} ${valueText(t, c.field, c.without, locale)} → ${valueText(t, c.field, c.with, locale)}</span> `)}</p>` : ''}
${noticeText(t, n.id, n.text, n.record.evidence)}
</article>`;
  }
}

/**
 * Whether the incident goes into the published site, with the marks people made, and (for editors) a
 * button that marks it publishable as it is now or withdraws it, posted as the review panel's forms are.
 */
function publicationPanel(ctx: PageContext, path: string, p: IncidentPublication, canEdit: boolean): Html {
  const { t } = ctx;
  const who = p.mark ? { by: p.mark.by, at: ctx.time(p.mark.at) } : { by: '', at: '' };
  const publish = p.state !== 'published';
  return html`<section id="publication" class="publication" aria-labelledby="publication-h">
<h2 id="publication-h">${t('publish.title')}</h2>
<p class="publication-state" data-state="${p.state}">${t(`publish.state.${p.state}`, who)}</p>
<p class="help">${t('publish.help')}</p>
${canEdit ? html`<form method="post" action="${path}/publish" class="publish">${csrfField(ctx)}
  <input type="hidden" name="action" value="${publish ? 'mark' : 'unmark'}">
  <button type="submit" class="${publish ? '' : 'small'}">${t(publish ? 'publish.mark' : 'publish.unmark')}</button>
</form>` : ''}
${p.history.length > 1 ? html`<ul class="publication-history">${[...p.history].reverse().map((m) => html`<li>${t('publish.history', {
    at: ctx.time(m.at), by: m.by, what: t(m.publishable ? 'audit.action.publication.mark' : 'audit.action.publication.unmark') })}${m.reason ? html` — ${m.reason}` : ''}</li>`)}</ul>` : ''}
</section>`;
}

/** The reporting duty: whether it holds, is in doubt or does not arise, each condition with its sentence, each doubt with its reason. */
function dutyBlock(ctx: PageContext, duty: DutyAssessment): Html {
  const { t } = ctx;
  return html`<div class="duty" id="duty">
<h3>${t('duty.title')}: <span class="duty-${duty.status}">${t(`duty.status.${duty.status}`)}</span></h3>
${duty.conditions.length ? html`<ul class="duty-conditions">${duty.conditions.map((c) => html`<li>${c.label}${c.sentence ? html` — 「${c.sentence}」` : ''}</li>`)}</ul>` : ''}
${duty.doubts.length ? html`<ul class="duty-doubts">${duty.doubts.map((d) => html`<li>${t(`duty.doubt.${d.kind}`)}${d.sentence ? html` — 「${d.sentence}」` : ''}</li>`)}</ul>` : ''}
</div>`;
}

function timeline(ctx: PageContext, v: IncidentView): Html {
  const { t } = ctx;
  const m = v.incident.merged;
  const events: { date: string | null; label: string; note?: string }[] = [];
  if (m.occurred_date.value) events.push({ date: m.occurred_date.value, label: t('incident.timeline.occurred') });
  if (m.discovered_date.value) events.push({ date: m.discovered_date.value, label: t('incident.timeline.discovered') });
  // The reports the notices state, dated where they say when; a report no sentence dates is listed, undated, last.
  const reports = v.duty?.reports ?? [];
  for (const r of reports) {
    const label = t(r.kind === 'sokuho' ? 'incident.timeline.reported_sokuho' : r.kind === 'kakuho' ? 'incident.timeline.reported_kakuho' : 'incident.timeline.reported');
    const against = r.kind === 'kakuho' ? v.duty!.kakuho : v.duty!.sokuho;
    const verdict = against.report === r && against.late !== null ? t(against.late ? 'incident.timeline.after_due' : 'incident.timeline.by_due') : null;
    events.push({ date: r.date, label, note: [verdict, t('incident.source.notice', { id: r.noticeId })].filter((x) => x !== null).join(' · ') });
  }
  if (m.reported_to_ppc.value && reports.length === 0) events.push({ date: null, label: t('incident.timeline.reported'), note: t('incident.timeline.reported_undated') });
  if (v.duty?.sokuhoDue && v.duty.status !== 'not_reportable') events.push({ date: v.duty.sokuhoDue, label: t('incident.timeline.due_sokuho') });
  if (v.duty?.kakuhoDue && v.duty.kakuhoDays) events.push({ date: v.duty.kakuhoDue, label: t('incident.timeline.due_kakuho', { days: v.duty.kakuhoDays }) });
  for (const n of v.notices) {
    if (n.disclosureDate) events.push({ date: n.disclosureDate, label: t('incident.timeline.disclosed'), note: t('incident.source.notice', { id: n.id }) });
  }
  events.sort((a, b) => (a.date === null ? 1 : b.date === null ? -1 : a.date.localeCompare(b.date)));
  if (!events.length) return html`<p>${t('incident.timeline.empty')}</p>`;
  return html`<ol class="timeline">${events.map((e) => html`<li>${e.date ? html`<time datetime="${e.date}">${e.date}</time>` : html`<span class="undated">—</span>`}
 <strong>${e.label}</strong>${e.note ? html` <span class="meta">${e.note}</span>` : ''}</li>`)}</ol>`;
}
