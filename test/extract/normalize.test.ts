import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalize, toOriginalSpan } from '../../src/core/normalize.ts';

describe('normalize', () => {
  it('folds Kangxi radicals, full-width digits and half-width katakana like NFKC', () => {
    const n = normalize('個⼈情報１２３ｶﾞｲﾄﾞ');
    expect(n.text).toBe('個人情報123ガイド');
  });

  it('maps every normalised character back to where it came from', () => {
    const raw = '⽒名:ｶﾞｽ㈱';
    const n = normalize(raw);
    expect(n.text).toBe('氏名:ガス(株)');
    // ガ is two stored characters (ｶ + ﾞ)
    expect(toOriginalSpan(n, 3, 4)).toEqual([3, 5]);
    const [s, e] = toOriginalSpan(n, 0, 2);
    expect(raw.slice(s, e)).toBe('⽒名');
    // (株) comes from the single character ㈱; any part of it maps to the whole
    const at = n.text.indexOf('株');
    expect(raw.slice(...toOriginalSpan(n, at, at + 1))).toBe('㈱');
    expect(raw.slice(...toOriginalSpan(n, 0, n.text.length))).toBe(raw);
  });

  it('handles characters outside the BMP and era ligatures', () => {
    const raw = '𠮷野家㍻31年';
    const n = normalize(raw);
    expect(n.text).toBe('𠮷野家平成31年');
    const at = n.text.indexOf('平成');
    expect(raw.slice(...toOriginalSpan(n, at, at + 2))).toBe('㍻');
  });

  it('keeps circled list numbers apart from the numbers after them', () => {
    expect(normalize('②3378件').text).toBe('②3378件');
  });

  it('folds the wave dash used in date ranges', () => {
    expect(normalize('3月20日〜3月27日').text).toBe('3月20日~3月27日');
  });
});

describe('normalize on random Japanese text', () => {
  // Everything a notice mixes: kana, kanji, full- and half-width forms, voiced marks that combine with the
  // character before them, era and company ligatures, a character outside the BMP, a combining accent.
  const PIECES = [...'あいがぱアイガパ漢字個人情報ＡＢＣａｂｃ０１２３（）：！ｶｷﾊﾟﾊﾞｯｰﾞﾟ㍻㈱㌔ ', '𠮷', 'e\u0301', 'か\u3099', 'abcXYZ019()', '\u3000', '\n'];
  it('gives what NFKC gives for the whole text, where no list number or extra fold is involved', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(normalize(text).text).toBe(text.normalize('NFKC'));
      }),
      { numRuns: 3000 },
    );
  });
});
