// The incident list: a search box, filters, and one row per record.
import { html } from 'hono/html';
import { INCIDENT_TYPES, SECTORS } from '../../core/record.ts';
import type { NoticeSummary, SearchHit } from '../../store/store.ts';
import { layout, type Html } from './layout.ts';

export interface ListView {
  query: string;
  filters: { type?: string; sector?: string; from?: string; to?: string };
  rows: (NoticeSummary | SearchHit)[];
  total: number | null;
  offset: number;
  limit: number;
}

export function listPage(view: ListView): Html {
  const { query, filters } = view;
  const next = new URLSearchParams({ ...definedOnly({ q: query, ...filters }), offset: String(view.offset + view.limit) });
  const prev = new URLSearchParams({ ...definedOnly({ q: query, ...filters }), offset: String(Math.max(0, view.offset - view.limit)) });
  const hasMore = view.rows.length === view.limit;
  return layout(query ? `「${query}」の検索結果` : '事案一覧', html`
<form class="search" method="get" action="/" role="search">
  <label for="q">全文検索</label>
  <input id="q" name="q" type="search" value="${query}" placeholder="例: 紛失 病院 委託">
  <label for="type">種類</label>
  <select id="type" name="type"><option value="">すべて</option>${INCIDENT_TYPES.map((t) => html`<option value="${t}" ${t === filters.type ? 'selected' : ''}>${t}</option>`)}</select>
  <label for="sector">業種</label>
  <select id="sector" name="sector"><option value="">すべて</option>${SECTORS.map((s) => html`<option value="${s}" ${s === filters.sector ? 'selected' : ''}>${s}</option>`)}</select>
  <label for="from">公表日</label>
  <input id="from" name="from" type="date" value="${filters.from ?? ''}"> – <input aria-label="公表日 (まで)" name="to" type="date" value="${filters.to ?? ''}">
  <button type="submit">検索</button>
</form>
<p class="count">${view.total == null ? `${view.rows.length} 件ヒット` : `${view.total} 件中 ${view.rows.length ? view.offset + 1 : 0}–${view.offset + view.rows.length} 件`}</p>
<ol class="incidents">
${view.rows.map((r) => row(r))}
</ol>
<nav class="pager" aria-label="ページ送り">
  ${view.offset > 0 ? html`<a href="/?${prev.toString()}">← 前へ</a>` : ''}
  ${hasMore ? html`<a href="/?${next.toString()}">次へ →</a>` : ''}
</nav>`);
}

function row(r: NoticeSummary | SearchHit): Html {
  const snippet = 'snippet' in r ? html`<p class="snippet">${markSnippet(r.snippet)}</p>` : '';
  return html`<li>
  <a class="title" href="/notices/${r.id}">${r.title ?? r.header}</a>
  <div class="meta">
    <span class="org">${r.organization ?? '(組織不明)'}</span>
    <time>${r.disclosureDate ?? '日付不明'}</time>
    ${r.incidentTypes.map((t) => html`<span class="tag">${t}</span>`)}
    ${r.affectedCount != null ? html`<span class="count">${r.affectedCount.toLocaleString('ja-JP')}人</span>` : ''}
    ${r.casebookId ? html`<span class="id">#${r.casebookId}</span>` : ''}
  </div>
  ${snippet}
</li>`;
}

/** Snippet marks (\u0001…\u0002) become <mark>; everything else is escaped text. */
function markSnippet(snippet: string): Html[] {
  return snippet.split('\u0001').map((part, i) => {
    if (i === 0) return html`${part}`;
    const [hit = '', rest = ''] = part.split('\u0002');
    return html`<mark>${hit}</mark>${rest}`;
  });
}

function definedOnly(o: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => !!e[1]));
}
