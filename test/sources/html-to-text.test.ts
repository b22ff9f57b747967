import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { htmlCharset } from '../../src/sources/html-charset.ts';
import { htmlToText } from '../../src/sources/html-to-text.ts';
import { cpuTimed } from '../helpers/cpu-time.ts';

const TITLE = '不正アクセスによる個人情報漏えいに関するお詫びとお知らせ';
const BODY =
  'このたび、株式会社みなと架空商事が運営するオンラインショップにおいて、第三者による不正アクセスを受け、' +
  'お客様のクレジットカード情報が漏えいした可能性があることが判明いたしました。';

const PAGE = `<!DOCTYPE html>
<html lang="ja"><head>
<meta charset="Shift_JIS">
<title>お知らせ｜株式会社みなと架空商事</title>
<style>body { font-family: sans-serif } .secret::after { content: "スタイル本文" }</style>
<script>window.dataLayer = ["スクリプト本文"];</script>
</head><body>
<header class="site-header"><div class="logo">みなと架空商事ロゴ</div></header>
<nav><ul><li><a href="/">ホーム</a></li><li><a href="/products">製品一覧ナビ</a></li></ul></nav>
<main><article>
<h1>${TITLE}</h1>
<p class="date">2024年6月3日</p>
<p>${BODY.slice(0, 40)}
${BODY.slice(40)}</p>
<h2>1. 漏えいした可能性のある情報</h2>
<table>
<tr><th>項目</th><th>件数</th></tr>
<tr><td>カード番号・有効期限</td><td>最大2,468件</td></tr>
</table>
<ul><li>氏名</li><li>住所<br>電話番号</li></ul>
<p>株式会社みなと架空商事<br>代表取締役　架空太郎</p>
</article></main>
<aside><h3>関連記事サイド</h3><p>新商品のお知らせ</p></aside>
<footer><p>Copyright みなと架空商事フッター</p></footer>
</body></html>`;

describe('htmlToText', () => {
  const text = htmlToText(PAGE);

  it('keeps the notice title as the first line', () => {
    expect(text.split('\n')[0]).toBe(TITLE);
  });

  it('keeps the main text, joining a paragraph the source wrapped between kanji', () => {
    expect(text).toContain('2024年6月3日');
    expect(text).toContain(BODY);
    expect(text).toContain('代表取締役　架空太郎');
  });

  it('keeps block structure: table rows as lines with tab-separated cells, list items and <br> as lines', () => {
    expect(text).toContain('項目\t件数\nカード番号・有効期限\t最大2,468件');
    expect(text).toContain('氏名\n住所\n電話番号');
    expect(text).toContain('株式会社みなと架空商事\n代表取締役');
    expect(text).not.toMatch(/\n{3}/);
  });

  it('drops scripts, styles, navigation, header, aside and footer', () => {
    for (const chrome of ['スクリプト本文', 'スタイル本文', '製品一覧ナビ', 'みなと架空商事ロゴ', '関連記事サイド', 'フッター']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('reads a page Readability finds too short, title first', () => {
    const short = '<html><head><title>お詫び</title><script>var x="スクリプト";</script></head>' +
      '<body><nav>メニュー</nav><div>誤送信が発生しました。<br>対象は3名です。</div></body></html>';
    expect(htmlToText(short)).toBe('お詫び\n\n誤送信が発生しました。\n対象は3名です。');
  });

  it('keeps a page that ASP.NET wraps in one <form>', () => {
    const aspx = `<html><body><form id="form1"><nav>サイト内メニュー</nav><div id="content"><h1>${TITLE}</h1><p>${BODY}</p></div></form></body></html>`;
    expect(htmlToText(aspx)).toBe(`${TITLE}\n\n${BODY}`);
  });

  it('reads a fragment without <html> or <body>', () => {
    expect(htmlToText('<p>紛失事案<br>USBメモリ1本</p>')).toBe('紛失事案\nUSBメモリ1本');
  });

  // Found by test/property/decoders.test.ts: 5,000 nested tags overflowed the stack (a RangeError),
  // 1,000 took Readability 12 s, 100,000 took linkedom 23 s to parse.
  // Bounds in CPU time, which a loaded machine does not stretch (test/helpers/cpu-time.ts).
  it('refuses a page nested deeper than 1,000 levels, naming it, before parsing it', () => {
    const { cpuMs } = cpuTimed(() => {
      const deep = `<html><body><h1>${TITLE}</h1>${'<div>'.repeat(100_000)}${BODY}${'</div>'.repeat(100_000)}</body></html>`;
      expect(() => htmlToText(deep, { source: 'deep.html' })).toThrowError(
        /^deep\.html: HTML nested 100000 levels deep, more than the limit of 1000$/,
      );
      expect(() => htmlToText(`<span>${'<b>'.repeat(5_000)}${BODY}`, { source: 'soup.html' })).toThrowError(/^soup\.html: HTML nested 5001 levels/);
    });
    expect(cpuMs).toBeLessThan(5_000);
  });

  it('reads a page 150 levels deep as its body text, without Readability', () => {
    const { cpuMs } = cpuTimed(() => {
      const deep = `<html><body><h1>${TITLE}</h1>${'<div>'.repeat(150)}<p>${BODY}</p>${'</div>'.repeat(150)}</body></html>`;
      expect(htmlToText(deep)).toBe(`${TITLE}\n\n${BODY}`);
    });
    expect(cpuMs).toBeLessThan(2_000);
  });

  it('refuses a page of more than 50,000 elements', () => {
    const page = `<html><body><h1>${TITLE}</h1>${'<p>本文</p>'.repeat(60_000)}</body></html>`;
    // html, body, h1 and the paragraphs
    expect(() => htmlToText(page, { source: 'big.html' })).toThrowError(/^big\.html: HTML 60003 elements, more than the limit of 50000$/);
  });
});

describe('htmlCharset', () => {
  const sjis = (s: string) => Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to: 'SJIS', from: 'UNICODE' }));

  it('reads <meta charset> and http-equiv Content-Type', () => {
    expect(htmlCharset(sjis(PAGE))).toBe('Shift_JIS');
    const httpEquiv = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP"></head></html>';
    expect(htmlCharset(new TextEncoder().encode(httpEquiv))).toBe('EUC-JP');
  });

  it('lets a byte-order mark win, and says null when nothing is declared', () => {
    expect(htmlCharset(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(htmlCharset(new TextEncoder().encode('<html><body>本文</body></html>'))).toBeNull();
  });
});
