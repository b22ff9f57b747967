// Turns blocks into the bytes of a file: plain text, an HTML page with its chrome, or a PDF; in a Japanese encoding.
import Encoding from 'encoding-japanese';
import { makeJapanesePdf } from '../make-pdf.ts';
import { blocksToLines, type Block } from './blocks.ts';
import type { Rng } from './prng.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'euc-jp';

export function randomEncoding(rng: Rng): TextEncoding {
  return rng.weighted<TextEncoding>([['utf-8', 60], ['utf-8-bom', 10], ['shift_jis', 20], ['euc-jp', 10]]);
}

export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf-8-bom':
      return new Uint8Array(Buffer.from('\ufeff' + text, 'utf8'));
    case 'shift_jis':
      return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
    case 'euc-jp':
      return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'EUCJP', from: 'UNICODE' }));
  }
}

/** Plain text with CRLF line ends in some files, as Windows-made notices have. */
export function renderText(blocks: readonly Block[], crlf = false): string {
  const text = blocksToLines(blocks).join('\n') + '\n';
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CHARSET: Record<TextEncoding, string> = { 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8', shift_jis: 'Shift_JIS', 'euc-jp': 'EUC-JP' };

/** A news page of the organisation's site: navigation, breadcrumbs, the article, a footer and scripts. */
export function renderHtml(blocks: readonly Block[], org: string, encoding: TextEncoding, rng: Rng): string {
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        body.push(`<h1>${esc(b.text)}</h1>`);
        break;
      case 'date':
        body.push(`<p class="date">${esc(b.text)}</p>`);
        break;
      case 'org':
        body.push(`<p class="org">${esc(b.text)}</p>`);
        break;
      case 'heading':
        body.push(`<h2>${esc(b.text)}</h2>`);
        break;
      case 'para':
        body.push(`<p>${esc(b.text)}</p>`);
        break;
      case 'items':
        body.push(`<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);
        break;
      case 'table':
        body.push(`<table class="leak">${b.rows.map((r, i) => `<tr>${r.map((c) => (i === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('\n')}</table>`);
        break;
    }
  }
  const tag = `T-${rng.int(100000, 999999)}`;
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="${CHARSET[encoding]}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>body{font-family:sans-serif;line-height:1.8}nav ul{display:flex;gap:1em;list-style:none}</style>
<script async src="https://analytics.example.jp/tag.js?id=${tag}"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('config','${tag}');</script>
</head>
<body>
<header class="site-header"><a class="logo" href="/">${esc(org)}</a>
<nav aria-label="グローバルナビゲーション"><ul><li><a href="/">トップ</a></li><li><a href="/company/">会社概要</a></li><li><a href="/news/">お知らせ</a></li><li><a href="/recruit/">採用情報</a></li><li><a href="/contact/">お問い合わせ</a></li></ul></nav>
</header>
<main>
<nav class="breadcrumb"><a href="/">トップ</a> &gt; <a href="/news/">お知らせ</a> &gt; 重要なお知らせ</nav>
<article>
${body.join('\n')}
</article>
</main>
<footer class="site-footer"><ul><li><a href="/privacy/">個人情報保護方針</a></li><li><a href="/sitemap/">サイトマップ</a></li></ul><p>Copyright &copy; ${esc(org)} All Rights Reserved.</p></footer>
<script>document.querySelectorAll('a[href^="http"]').forEach(function(a){a.rel='noopener';});</script>
</body>
</html>
`;
}

export function renderPdf(blocks: readonly Block[]): Uint8Array {
  return makeJapanesePdf(blocksToLines(blocks));
}
