// A notice's text with the evidence of each value highlighted; anchors `n<notice>-ev-<field>-<i>` let
// the record's values link to the passage that states them. Text is escaped by hono/html. A page shows
// at most MAX_PAGE_TEXT_CHARS of it, with a note and a link to the whole text.
import { html } from 'hono/html';
import type { RecordKey } from '../../core/record.ts';
import { segmentByEvidence, shownSpans, type EvidenceSpans } from '../highlight.ts';
import type { Translate } from '../../i18n/messages.ts';
import type { Html } from './layout.ts';
import { fieldLabel } from './labels.ts';
import { MAX_PAGE_TEXT_CHARS, clipText } from './page-limits.ts';

export const evidenceAnchor = (noticeId: number, field: string, n = 0) => `n${noticeId}-ev-${field}-${n}`;

/** The indexes of a field's evidence spans that the notice's text on a page shows (what links may point to). */
export function shownEvidence(text: string, list: readonly (readonly [number, number])[] | undefined): number[] {
  return shownSpans(Math.min(text.length, MAX_PAGE_TEXT_CHARS), list).map((s) => s.n);
}

export function noticeText(t: Translate, noticeId: number, text: string, evidence: EvidenceSpans): Html {
  const shown = clipText(text, MAX_PAGE_TEXT_CHARS);
  const segments = segmentByEvidence(shown, evidence);
  const label = (fields: string[]) => fields.map((f) => fieldLabel(t, f as RecordKey)).join(', ');
  return html`<pre class="notice-text" data-notice="${noticeId}">${segments.map((s) => {
    const anchors = s.anchors.map((a) => html`<span class="anchor" id="n${noticeId}-${a}"></span>`);
    return s.fields.length
      ? html`${anchors}<mark class="ev" data-fields="${s.fields.join(' ')}" title="${label(s.fields)}">${s.text}</mark>`
      : html`${anchors}${s.text}`;
  })}</pre>${shown.length < text.length
    ? html`<p class="clipped" data-notice="${noticeId}">${t('notice.text.clipped', { shown: shown.length, total: text.length })} <a href="/notices/${noticeId}/text" download>${t('notice.text.download')}</a></p>`
    : ''}`;
}
