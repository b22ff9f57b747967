// One notice's record beside its text, each value linked to its highlighted evidence.
import { html } from 'hono/html';
import { RECORD_KEYS, type RecordKey } from '../../core/record.ts';
import type { NoticeDetail } from '../../store/store.ts';
import type { PageContext } from '../i18n/locale.ts';
import { confidenceOf } from './incident-page.ts';
import { fieldLabel, valueText } from './labels.ts';
import { layout, type Html } from './layout.ts';
import { evidenceAnchor, noticeText, shownEvidence } from './notice-text.ts';
import { clipTitle } from './page-limits.ts';
import { sourceLinks } from './source-link.ts';
import type { StoredFetch } from '../../store/source-types.ts';

export function noticePage(ctx: PageContext, n: NoticeDetail, incidentId: string | null, fetches: readonly StoredFetch[] = []): Html {
  // incidentId: the incident's public identifier (2024-504), as its page is addressed.
  const { t, locale } = ctx;
  const { record } = n;
  const d = n.document;
  const field = (key: RecordKey): Html => {
    const shown = shownEvidence(n.text, record.evidence[key]);
    const count = shown.length;
    const conf = confidenceOf(record, key);
    const links = shown.map((i) => html` <a class="evlink" href="#${evidenceAnchor(n.id, key, i)}" aria-label="${t('incident.evidence.of', { field: fieldLabel(t, key), n: i + 1 })}">${t('incident.evidence.n', { n: count > 1 ? i + 1 : '' }).trim()}</a>`);
    return html`<div class="field${count ? ' has-ev' : ''}" data-field="${key}"><dt>${fieldLabel(t, key)}</dt><dd>${valueText(t, key, record[key], locale)}${conf ? html` <span class="conf-${conf}" title="${t('incident.confidence')}">${t(`confidence.${conf}`)}</span>` : ''}${links}</dd></div>`;
  };
  return layout(n.title ?? n.header, html`
<h1>${clipTitle(n.title ?? n.header)}</h1>
<p class="meta"><span class="org">${n.organization ?? t('common.unknown_org')}</span> <time>${n.disclosureDate ?? ''}</time>
 · <a href="/documents/${d.id}/original" download>${t('incident.download')}</a>
 (${t('incident.document', { type: d.mediaType + (d.encoding ? `, ${d.encoding}` : ''), size: t('common.bytes', { n: d.byteLength }), sha: `${d.sha256.slice(0, 16)}…` })})
${incidentId !== null ? html` · <a href="/incidents/${encodeURIComponent(incidentId)}">${t('notice.incident')}</a>` : ''}</p>
${sourceLinks(ctx, d, fetches)}
<div class="notice">
<section class="record" aria-labelledby="record-h">
<h2 id="record-h">${t('notice.record')}</h2>
<dl>
${RECORD_KEYS.map(field)}
</dl>
<p class="version">${t('notice.extractor', { version: n.extractorVersion })}</p>
</section>
<section class="text" aria-labelledby="text-h">
<h2 id="text-h">${t('notice.text')}</h2>
${noticeText(t, n.id, n.text, record.evidence)}
</section>
</div>`, ctx, { section: 'notices' });
}
