// tokenize (one pass, a table of character classes) must cut exactly the tokens that queries are cut
// into (runsOf + tokensOfRun), or a notice could be indexed under tokens no query ever asks for.
// The reference below is that run-based cutting, written out as it was before tokenize was sped up.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTokens, normalizeForSearch, queryTokens, tokenize } from '../../src/core/bigram.ts';

const CJK = /^[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}]$/u;
const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

function referenceTokens(text: string): string[] {
  const runs: { cjk: boolean; chars: string[] }[] = [];
  let current: { cjk: boolean; chars: string[] } | null = null;
  for (const ch of normalizeForSearch(text)) {
    if (MARK.test(ch)) {
      if (current) current.chars[current.chars.length - 1] += ch;
      continue;
    }
    if (!TOKEN_CHAR.test(ch)) {
      current = null;
      continue;
    }
    const cjk = CJK.test(ch);
    if (!current || current.cjk !== cjk) runs.push((current = { cjk, chars: [] }));
    current.chars.push(ch);
  }
  return runs.flatMap((run) => {
    if (!run.cjk) return [run.chars.join('')];
    if (run.chars.length === 1) return [run.chars[0]!];
    return run.chars.slice(1).map((ch, i) => `${run.chars[i]}${ch}`);
  });
}

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
