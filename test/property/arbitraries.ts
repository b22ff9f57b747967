// Generators of hostile input for the property tests: Japanese-heavy fragments, control characters,
// lone surrogates, huge runs, broken bytes in every encoding jikenbo reads, and tag soup.
import Encoding from 'encoding-japanese';
import type { Encoding as EncodingName } from 'encoding-japanese';
import fc from 'fast-check';

/** Inputs stay under this many UTF-16 units (or bytes): the size the per-call time limit is promised for. */
export const MAX_INPUT = 50_000;

// What notices are made of, and what trips the readers: 和暦, 万/件/名, 全角 digits, brackets, dates, ranges.
const FRAGMENTS = [
  '令和', '平成', '昭和', '大正', '明治', '元年', 'R', 'H', 'R5.10.4', 'H31/4/30', '年', '月', '日', '同年', '翌年',
  '(金)', '(月・祝)', '~', '〜', 'から', 'まで', '以降', '頃', '上旬', '午前', '時', '分',
  '万', '億', '千', '百', '十', '件', '名', '人', '人分', '名様', 'アカウント', '約', '最大', '計', '延べ', '余', '以上',
  '一', '二', '三', '〇', '①', '②', '⑳', '０', '１', '２', '９', '0', '1', '2', '9', ',', '.', '/', '-', ':', '：',
  '【', '】', '【セキュリティ事件簿#2023-042】', '#', '(', ')', '（', '）', '「', '」', '、', '。', '・', '※', '■',
  '株式会社', '医療法人', '委託先', '不正アクセス', 'ランサムウェア', '漏えい', '流出', '紛失', '誤送信', '個人情報',
  '個人情報保護委員会', '警察', '被害届', '報告', 'お詫び', 'お知らせ', '事案1', '事案2', '概要', 'ページ', '- 1 -',
  '代表取締役', 'クレジットカード', '氏名', '住所', 'メールアドレス', 'パスワード', 'LockBit', 'ｶﾞ', 'ｱｲｳ', 'か\u3099',
  'e\u0301', '\ufe0f', '㈱', '髙', '𠮷', '\u3000', ' ', '\t', '\n', '\n\n', '\n\n\n', '\r\n', '\r', '\u00a0', '\u2028',
  '\u200b', '\ufeff', '\ufffd', 'source: x', '出典:', 'https://example.jp/a', '<', '>', '&amp;',
];

const codePointIn = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/** One character of the kinds that matter: kanji, kana, full-width, controls, lone surrogates, anything. */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: codePointIn(0x4e00, 0x9fff) }, // kanji
  { weight: 3, arbitrary: codePointIn(0x3041, 0x30ff) }, // kana
  { weight: 2, arbitrary: codePointIn(0xff01, 0xff9f) }, // full-width and half-width forms
  { weight: 2, arbitrary: codePointIn(0x20, 0x7e) },
  { weight: 1, arbitrary: codePointIn(0x00, 0x1f) }, // controls
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }, // lone surrogates
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: hostileChar },
  { weight: 1, arbitrary: fc.nat({ max: 99_999_999 }).map(String) },
);

/** A run of one fragment, thousands long: the input that makes a backtracking regex quadratic. */
const hugeRun: fc.Arbitrary<string> = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 3 }), fc.integer({ min: 100, max: MAX_INPUT }))
  .map(([unit, times]) => unit.join('').repeat(times).slice(0, MAX_INPUT));

/** Japanese-heavy text: mostly fragments of notices, sometimes huge runs, sometimes anything at all. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 12, arbitrary: fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')) },
      { weight: 1, arbitrary: hugeRun },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join('').slice(0, MAX_INPUT));

/** Text with lines that look like casebook headers, titles and blank-line runs, for the post splitter. */
export const casebookText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constant('【セキュリティ事件簿#2024-001】'),
      fc.constantFrom('【搭乗記】', '【お知らせ】', '【事案1】', '【#】', '【'),
      fc.constant(''),
      fc.constant('source: https://example.jp/'),
      hostileText.map((t) => t.slice(0, 300)),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

// Tag soup: real block and inline tags, unclosed, mis-nested, attributes with charsets and quotes.
const TAGS = ['div', 'p', 'span', 'b', 'table', 'tr', 'td', 'li', 'ul', 'h1', 'title', 'article', 'main', 'nav', 'header', 'footer', 'script', 'style', 'pre', 'br', 'meta', 'html', 'body', 'head', 'font'];
const htmlPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((t) => `<${t}>`) },
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
  { weight: 1, arbitrary: fc.constantFrom('<meta charset="shift_jis">', '<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">', '<!doctype html>', '<!--', '-->', '<![CDATA[', '<?xml version="1.0"?>', '<a href="x', '"', "'", '&#0;', '&#xD800;', '&nbsp;', '<', '<<<', '>') },
  { weight: 4, arbitrary: fc.array(fragment, { maxLength: 20 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('div', 'span', 'b', 'li', 'table'), fc.integer({ min: 10, max: 120 })).map(([t, n]) => `<${t}>`.repeat(n)) },
);

const tagSoup = fc.array(htmlPiece, { maxLength: 120 }).map((parts) => parts.join(''));

/** Nesting hundreds to thousands deep: what makes a DOM walk overflow its stack or Readability crawl. */
const deepNesting = fc
  .tuple(fc.constantFrom('div', 'span', 'b', 'ul', 'font', 'table'), fc.integer({ min: 50, max: 6_000 }), fc.boolean())
  .map(([tag, depth, closed]) => `<${tag}>`.repeat(depth) + '本文' + (closed ? `</${tag}>`.repeat(depth) : ''));

/** HTML-ish text up to MAX_INPUT: tag soup, deep nesting, and notice text between tags. */
export const hostileHtml: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 6, arbitrary: tagSoup },
    { weight: 1, arbitrary: fc.tuple(tagSoup, deepNesting, tagSoup).map((parts) => parts.join('')) },
  )
  .map((html) => html.slice(0, MAX_INPUT));

const toBytes = (text: string, to: EncodingName) =>
  Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));

/**
 * Bytes as files bring them: Japanese text in each encoding, then cut, spliced with random bytes or
 * stray escapes; or random bytes outright, sometimes behind a BOM.
 */
export const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc
    .tuple(
      hostileText.map((t) => t.slice(0, 4000)),
      fc.constantFrom<EncodingName>('UTF8', 'SJIS', 'EUCJP', 'JIS', 'UTF16LE', 'UTF16BE'),
      fc.constantFrom(new Uint8Array(), Uint8Array.of(0xef, 0xbb, 0xbf), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xfe, 0xff)),
      fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })), { maxLength: 4 }),
      fc.option(fc.nat(), { nil: undefined }),
    )
    .map(([text, encoding, bom, splices, cut]) => {
      let bytes = Uint8Array.from([...bom, ...toBytes(text, encoding)]);
      for (const [at, junk] of splices) {
        const i = bytes.length ? at % bytes.length : 0;
        bytes = Uint8Array.from([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
      }
      return cut === undefined || bytes.length === 0 ? bytes : bytes.subarray(0, cut % bytes.length);
    }),
  fc.constantFrom(
    Uint8Array.of(0x1b, 0x24, 0x42), // a bare JIS escape
    Uint8Array.of(0x1b, 0x24, 0x42, 0xff, 0xfe), // an escape, then 8-bit bytes
    Uint8Array.of(0x82), // half a Shift_JIS character
    Uint8Array.of(0x8e), // half an EUC-JP half-width kana
    Uint8Array.of(0xed, 0xa0, 0x80), // an encoded surrogate: invalid UTF-8
    Uint8Array.of(0xff, 0xfe, 0x00, 0xd8), // UTF-16LE, a lone high surrogate
  ),
);
