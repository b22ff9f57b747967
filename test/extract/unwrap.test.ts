// The view of a PDF copy that extractors read: which line breaks are cuts by the page's width.
// Every text here is invented; each case is a way a page's width cuts Japanese prose.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract.ts';
import { normalize } from '../../src/core/normalize.ts';
import { unwrapPdfLines } from '../../src/core/unwrap.ts';

const view = (lines: string[]) => unwrapPdfLines(normalize(lines.join('\n'))).text;

describe('a line cut by the page width', () => {
  it('is joined after a comma or a particle that needs what follows', () => {
    expect(view(['お知らせ', '', '外部から入手したとみられるIDとパスワードを使った攻撃により、', '会員アカウントへの不正ログインが発生しました。'])).toContain('により、会員アカウント');
    expect(view(['お知らせ', '', '4,312人分の登録情報が閲覧された可能性があることを', '明らかにしました。'])).toContain('ことを明らかに');
  });

  it('is joined inside a number, a katakana word or a common two-kanji word', () => {
    expect(view(['お知らせ', '', '通販サイトを運営するみなと商事株式会社は2', '日、会員情報が閲覧された可能性があると発表した。'])).toContain('は2日、');
    expect(view(['お知らせ', '', '外部から不正アクセスを受け、各種ファイルが暗号化されていることを 5 月', '6 日(土)に確認しました。'])).toContain('5 月6 日(土)に確認');
    expect(view(['お知らせ', '', '当社は、第三者による不正アクセスを受け、ランサムウ', 'ェアによる被害を受けました。'])).toContain('ランサムウェア');
    expect(view(['お知らせ', '', '当社サーバーにおいて、外部からのクレジットカ', 'ード情報の窃取が確認されました。'])).toContain('クレジットカード');
    expect(view(['お知らせ', '', '看護師は1月13日から5月29日にかけ、自身が担', '当していない患者5人のカルテを閲覧した。'])).toContain('担当していない');
  });

  it('carries the sentence across so that a field reads it whole', () => {
    const text = [
      '個人情報の漏えいについて',
      '',
      '2030年6月3日',
      'みなと商事株式会社',
      '',
      '当社は、外部からの不正アクセスにより、お客様の個人情報が流出したことを確認いたしました。5月28日午前3時ごろから、ログインの失敗が急増しているのを監視システムで検',
      '知し、同日中に該当アカウントのパスワードを初期化しました。',
    ];
    const r = extractDocument(text.join('\n'))[0]!.record;
    expect(r.discovery).toBe('internal_detection');
    expect(r.discovered_date).toBe('2030-05-28');
  });
});

describe('a line the writer ended', () => {
  it('stays a line of its own before 「なお、」, and a short line stays in a cut text', () => {
    const joined = view([
      'お知らせ',
      '',
      '当社が利用するクラウド型の問い合わせ管理サービスの提供元から、不正アクセスを受けたとの連',
      '絡を受けました。当社は同日、当該サービスの利用を停止し、影響範囲の確認を開始いたしま',
      'した。流出した可能性のある項目は次のとおりです。',
      '項目:氏名、会社名、電話番号、お問い合わせ内容',
      'なお、ログインパスワードは当該サービスに保存しておらず、影響はございません。',
    ]);
    expect(joined).toContain('との連絡を受けました');
    expect(joined).toContain('お問い合わせ内容\nなお、');
  });

  it('stays a heading after a closing angle bracket, before a sentence opening with こちら', () => {
    expect(view(['お知らせ', '', '<DNS設定の変更、及び自動更新サービスについて>', 'こちらは、上記の攻撃の影響で通信しづらい状態が続いておりました。'])).toContain('について>\nこちらは');
  });
});
