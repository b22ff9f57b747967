import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, makeSnippet } from '../../src/store/snippet.ts';

const marked = (s: string) => `${MATCH_START}${s}${MATCH_END}`;

describe('makeSnippet', () => {
  it('marks every match of the query words in the passage', () => {
    const text = '委託先のサーバーから個人情報が漏洩しました。漏洩の範囲は調査中です。';
    expect(makeSnippet(text, '漏洩')).toBe(`委託先のサーバーから個人情報が${marked('漏洩')}しました。${marked('漏洩')}の範囲は調査中です。`);
    expect(makeSnippet(text, '委託 調査')).toBe(`${marked('委託')}先のサーバーから個人情報が漏洩しました。漏洩の範囲は${marked('調査')}中です。`);
  });

  it('cuts about 40 characters either side of the first match', () => {
    const text = `${'あ'.repeat(100)}紛失${'い'.repeat(100)}`;
    expect(makeSnippet(text, '紛失')).toBe(`…${'あ'.repeat(40)}${marked('紛失')}${'い'.repeat(40)}…`);
  });

  it('marks the raw text when the query matches only after NFKC and lowercasing', () => {
    expect(makeSnippet('社内のＵＳＢメモリを紛失', 'usb')).toBe(`社内の${marked('ＵＳＢ')}メモリを紛失`);
    expect(makeSnippet('ﾗﾝｻﾑｳｪｱ感染', 'ランサムウェア')).toBe(`${marked('ﾗﾝｻﾑｳｪｱ')}感染`);
    expect(makeSnippet('㈱みどりの件', '(株)')).toBe(`${marked('㈱')}みどりの件`);
  });

  it('keeps a combining mark with the character before it, inside a run of kana and kanji', () => {
    // か + U+3099 (a combining dakuten) normalises to が; the mark ends the run of plain characters before it.
    expect(makeSnippet('鍵か\u3099見つからない', 'が見')).toBe(`鍵${marked('か\u3099見')}つからない`);
    expect(makeSnippet('ＵＳＢのか\u3099いしゃ', 'usbの')).toBe(`${marked('ＵＳＢの')}か\u3099いしゃ`);
  });

  it('finds a word with punctuation by its pieces when the text punctuates it differently', () => {
    expect(makeSnippet('氏名及び住所', '氏名・住所')).toBe(`${marked('氏名')}及び${marked('住所')}`);
  });

  it('puts the passage on one line', () => {
    expect(makeSnippet('第一報\n\n病院の\tお知らせ', '病院')).toBe(`第一報 ${marked('病院')}の お知らせ`);
  });

  it('falls back to the opening when nothing matches', () => {
    const text = 'う'.repeat(200);
    expect(makeSnippet(text, '漏洩')).toBe(`${'う'.repeat(80)}…`);
  });

  it('never splits a surrogate pair at the edge of the passage', () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const pad of [0, 1]) {
      const snippet = makeSnippet(`${'𠮷'.repeat(50)}${'x'.repeat(pad)}漏洩${'x'.repeat(pad)}${'𠮷'.repeat(50)}`, '漏洩');
      expect(snippet).toContain(marked('漏洩'));
      expect(snippet).not.toMatch(loneSurrogate);
    }
  });

  it('lets a longer word win where two words overlap, whichever comes first in the text', () => {
    expect(makeSnippet('個人情報漏えい', '個人情報 情報漏')).toBe(`${marked('個人情報')}漏えい`);
    expect(makeSnippet('情報漏洩の個人情報', '個人情報 情報漏')).toBe(`${marked('情報漏')}洩の${marked('個人情報')}`);
    expect(makeSnippet('情報漏洩の個人情報と情報漏洩', '個人情報 情報漏')).toBe(`${marked('情報漏')}洩の${marked('個人情報')}と${marked('情報漏')}洩`);
  });

  it('marks only the passage of a notice repeating one word 80,000 times', () => {
    const text = '個人情報'.repeat(80_000);
    const snippet = makeSnippet(text, '個人情報 情報');
    // Matches 0, 4, … 40 end within 40 characters of the first one.
    expect(snippet.split(MATCH_START)).toHaveLength(12);
    expect(snippet).toBe(`${marked('個人情報').repeat(11)}…`);
  });

  it('gives the same passage from a prefix of the text as from the whole, wherever the matches fall', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Kanji, kana, full-width letters and digits (NFKC changes them), ㈱ (one character, three after), a
    // dakuten to compose, spaces and punctuation: matches that normalise to another length sit anywhere.
    const pieces = ['個人', '情報', '漏えい', 'ＡＢＣ', 'abc', '１２', '㈱', 'カ\u3099', 'が', '、', ' ', '\n', '（株）', 'の', '🀄'];
    const text = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
    const queries = ['個人情報', '情報 漏えい', 'abc', '(株)', 'が', '１２ 個人', '存在しない語'];
    for (let k = 0; k < 400; k++) {
      const t = text(5 + Math.floor(rand() * 400));
      for (const q of [queries[k % queries.length]!, queries[(k * 3 + 1) % queries.length]!]) {
        const whole = makeSnippet(t, q, 40, Infinity);
        for (const prefix of [1, 5, 37]) expect(makeSnippet(t, q, 40, prefix)).toBe(whole);
      }
    }
  });
});
