// One record beside its notice text, each value linked to its highlighted evidence.
import { html } from 'hono/html';
import { FIELD_LABELS, RECORD_KEYS, type RecordKey } from '../../core/record.ts';
import type { NoticeDetail } from '../../store/store.ts';
import { segmentByEvidence } from '../highlight.ts';
import { layout, type Html } from './layout.ts';

export function noticePage(n: NoticeDetail): Html {
  const { record } = n;
  const segments = segmentByEvidence(n.text, record.evidence);
  return layout(n.title ?? n.header, html`
<h1>${n.title ?? n.header}</h1>
<p class="meta"><span class="org">${n.organization ?? '(組織不明)'}</span> <time>${n.disclosureDate ?? ''}</time>
 · <a href="/documents/${n.document.id}/original" download>原本をダウンロード</a>
 (${n.document.mediaType}${n.document.encoding ? `, ${n.document.encoding}` : ''}, ${n.document.byteLength.toLocaleString('ja-JP')} bytes, sha256 <code>${n.document.sha256.slice(0, 16)}…</code>)</p>
<div class="notice">
<section class="record" aria-labelledby="record-h">
<h2 id="record-h">抽出された記録</h2>
<dl>
${RECORD_KEYS.map((k) => field(k, record[k], record.evidence[k]?.length ?? 0))}
</dl>
<p class="version">extractor ${n.extractorVersion}</p>
</section>
<section class="text" aria-labelledby="text-h">
<h2 id="text-h">公表文</h2>
<pre class="notice-text">${segments.map((s) =>
    s.fields.length
      ? html`${s.anchors.map((a) => html`<span id="${a}"></span>`)}<mark class="ev" data-fields="${s.fields.join(' ')}" title="${s.fields.map((f) => FIELD_LABELS[f as RecordKey] ?? f).join(', ')}">${s.text}</mark>`
      : html`${s.anchors.map((a) => html`<span id="${a}"></span>`)}${s.text}`)}</pre>
</section>
</div>`);
}

function field(key: RecordKey, value: unknown, evidenceCount: number): Html {
  const shown = Array.isArray(value) ? (value.length ? value.join(', ') : '—') : value == null ? '—' : String(value);
  const links = Array.from({ length: evidenceCount }, (_, i) => html` <a class="evlink" href="#ev-${key}-${i}" aria-label="${FIELD_LABELS[key]} の根拠 ${i + 1}">根拠${evidenceCount > 1 ? i + 1 : ''}</a>`);
  return html`<div class="field${evidenceCount ? ' has-ev' : ''}" data-field="${key}"><dt>${FIELD_LABELS[key]}</dt><dd>${shown}${links}</dd></div>`;
}
