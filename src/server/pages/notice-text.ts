// A notice's text with the evidence of each value highlighted; anchors `n<notice>-ev-<field>-<i>` let
// the record's values link to the passage that states them. Text is escaped by hono/html.
import { html } from 'hono/html';
import type { RecordKey } from '../../core/record.ts';
import { segmentByEvidence } from '../highlight.ts';
import type { Translate } from '../i18n/messages.ts';
import type { Html } from './layout.ts';
import { fieldLabel } from './labels.ts';

export const evidenceAnchor = (noticeId: number, field: string, n = 0) => `n${noticeId}-ev-${field}-${n}`;

export function noticeText(t: Translate, noticeId: number, text: string, evidence: Partial<Record<string, readonly (readonly [number, number])[]>>): Html {
  const segments = segmentByEvidence(text, evidence);
  const label = (fields: string[]) => fields.map((f) => fieldLabel(t, f as RecordKey)).join(', ');
  return html`<pre class="notice-text" data-notice="${noticeId}">${segments.map((s) => {
    const anchors = s.anchors.map((a) => html`<span class="anchor" id="n${noticeId}-${a}"></span>`);
    return s.fields.length
      ? html`${anchors}<mark class="ev" data-fields="${s.fields.join(' ')}" title="${label(s.fields)}">${s.text}</mark>`
      : html`${anchors}${s.text}`;
  })}</pre>`;
}
