import { describe, expect, it } from 'vitest';
import { indexTokens, queryPhrases, queryTokens, tokenize } from '../../src/core/bigram.ts';

describe('tokenize', () => {
  it('cuts a CJK run into overlapping bigrams', () => {
    expect(tokenize('個人情報漏洩')).toEqual(['個人', '人情', '情報', '報漏', '漏洩']);
    expect(tokenize('病院')).toEqual(['病院']);
  });

  it('keeps ASCII words whole and lowercased, after NFKC', () => {
    expect(tokenize('USBメモリ')).toEqual(['usb', 'メモ', 'モリ']);
    expect(tokenize('ＶＰＮ機器 CVE-2024-0001')).toEqual(['vpn', '機器', 'cve', '2024', '0001']);
    expect(tokenize('3万人分')).toEqual(['3', '万人', '人分']);
  });

  it('folds half-width katakana and composes voiced marks', () => {
    expect(tokenize('ﾗﾝｻﾑｳｪｱ')).toEqual(tokenize('ランサムウェア'));
    expect(tokenize('か\u3099')).toEqual(['が']);
  });

  it('keeps a single CJK character between non-CJK characters as a unigram', () => {
    expect(tokenize('A社とB社')).toEqual(['a', '社と', 'b', '社']);
    expect(tokenize('第3条')).toEqual(['第', '3', '条']);
  });

  it('breaks runs at whitespace and punctuation, which yield no tokens', () => {
    expect(tokenize('漏洩、紛失。盗難')).toEqual(['漏洩', '紛失', '盗難']);
    expect(tokenize('氏名・住所')).toEqual(['氏名', '住所']);
    expect(tokenize('「」（）！？ "*) ')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });

  it('keeps the long vowel mark and 々 inside a run', () => {
    expect(tokenize('サーバー')).toEqual(['サー', 'ーバ', 'バー']);
    expect(tokenize('人々')).toEqual(['人々']);
  });

  it('never splits a character outside the BMP', () => {
    expect(tokenize('𠮷野家')).toEqual(['𠮷野', '野家']);
  });

  it('makes tokens of letters, digits and marks only, so an index tokenizer can split at spaces', () => {
    for (const token of tokenize('【重要】Ａ社：不正アクセス（第2報）… e-mail@example.jp ｶﾞｲﾄﾞ')) {
      expect(token).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
    }
  });
});

describe('indexTokens', () => {
  it('joins the tokens with single spaces', () => {
    expect(indexTokens('委託先の PC 紛失')).toBe('委託 託先 先の pc 紛失');
  });
});

describe('queryTokens', () => {
  it('makes each whitespace-separated word a phrase of its bigrams', () => {
    expect(queryTokens('情報漏洩 病院')).toEqual([['情報', '報漏', '漏洩'], ['病院']]);
    expect(queryTokens('漏洩　委託')).toEqual([['漏洩'], ['委託']]);
  });

  it('returns nothing for empty or punctuation-only queries', () => {
    expect(queryTokens('')).toEqual([]);
    expect(queryTokens('   ')).toEqual([]);
    expect(queryTokens('" * ) （')).toEqual([]);
  });

  it('lowercases operator-looking words so they stay plain words', () => {
    expect(queryTokens("' OR 1=1 -- NEAR(")).toEqual([['or'], ['1', '1'], ['near']]);
  });

  it('uses the same tokens as the index for the same text', () => {
    const text = 'ＥＣサイトのカード情報';
    expect(queryTokens(text)).toEqual([indexTokens(text).split(' ')]);
  });
});

describe('queryPhrases', () => {
  it('marks a word ending in a lone CJK character as a prefix', () => {
    expect(queryPhrases('漏')).toEqual([{ tokens: ['漏'], prefix: true }]);
    expect(queryPhrases('A社')).toEqual([{ tokens: ['a', '社'], prefix: true }]);
    expect(queryPhrases('漏洩')).toEqual([{ tokens: ['漏洩'], prefix: false }]);
    expect(queryPhrases('usb')).toEqual([{ tokens: ['usb'], prefix: false }]);
  });
});
