// tokenize (one pass, a table of character classes) must cut exactly the tokens that queries are cut
// into (runsOf + tokensOfRun), or a notice could be indexed under tokens no query ever asks for.
// The reference is that run-based cutting itself, through queryTokens.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTokens, queryTokens, tokenize } from '../../src/core/bigram.ts';

/** The tokens queries are cut into (runsOf + tokensOfRun, word by word): the reference tokenize must match. */
const referenceTokens = (text: string): string[] => queryTokens(text).flat();

// What notices are made of, and what trips tokenizers: kana and kanji with iteration and length marks,
// half-width kana and full-width ASCII (NFKC), combining marks alone and after letters, Hangul, a
// kanji outside the BMP, emoji, Japanese punctuation, spaces, and a lone surrogate.
const PIECES = [
  'a', 'Z', '7', '-', ' ', '\n', '。', '、', '・', '「', '」', 'ー', '々', '〆', 'あ', 'か', 'ガ', 'ｶ', 'ﾞ', 'ｳｪ',
  '個', '人', '情', '報', '社', 'Ａ', '１', '\u3099', '\u0301', 'é', 'e\u0301', '한', '국', '𠀋', '😀', '\ud800', 'ß', 'İ', '①', 'Ⅳ',
];

describe('tokenize', () => {
  it('cuts the same tokens as the run-based reference, on texts made of tricky pieces', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      expect(tokenize(text)).toEqual(referenceTokens(text));
    }), { numRuns: 2000 });
  });

  it('cuts the same tokens as the reference on any Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
      expect(tokenize(text)).toEqual(referenceTokens(text));
    }), { numRuns: 500 });
  });

  it('indexes a notice under the tokens its words are queried by', () => {
    const notice = 'ＵＳＢメモリ(3個)を紛失。ｶﾞｲﾄﾞﾗｲﾝに基づき個人情報保護委員会へ報告';
    expect(indexTokens(notice).split(' ')).toEqual(queryTokens('USBメモリ 3個 を紛失 ガイドラインに基づき個人情報保護委員会へ報告').flat());
  });
});
