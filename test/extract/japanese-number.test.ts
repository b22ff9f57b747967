import { describe, expect, it } from 'vitest';
import { findCounts, parseJapaneseNumber } from '../../src/core/japanese-number.ts';
import { cpuTimed } from '../helpers/cpu-time.ts';

describe('parseJapaneseNumber', () => {
  it.each([
    ['4,138', 4138],
    ['14万', 140000],
    ['約14万', 140000],
    ['1万2千', 12000],
    ['2千', 2000],
    ['三', 3],
    ['三百二十', 320],
    ['１２３', 123],
    ['1億2000万', 120000000],
  ])('%s → %d', (text, value) => {
    expect(parseJapaneseNumber(text)).toBe(value);
  });

  it('returns null for text that is not a number', () => {
    expect(parseJapaneseNumber('多数')).toBeNull();
    expect(parseJapaneseNumber('')).toBeNull();
  });

  it('returns null for a digit run longer than any count (found by test/property)', () => {
    expect(parseJapaneseNumber('1'.repeat(100))).toBeNull();
    expect(parseJapaneseNumber('一'.repeat(40))).toBeNull();
  });
});

describe('findCounts', () => {
  it('reads people and record counts with their markers', () => {
    const counts = findCounts('納税者情報 最大約14万人分、会員4,138名、計 3,137 名分、注文1万2千件');
    expect(counts.map((c) => [c.value, c.unit])).toEqual([
      [140000, 'person'],
      [4138, 'person'],
      [3137, 'person'],
      [12000, 'record'],
    ]);
    expect(counts[0]).toMatchObject({ max: true, approx: true });
    expect(counts[2]).toMatchObject({ total: true });
  });

  it('reads kanji counts and spaced digits from PDF copies', () => {
    expect(findCounts('職員三名が').map((c) => c.value)).toEqual([3]);
    expect(findCounts('生徒 532 名分').map((c) => c.value)).toEqual([532]);
  });

  it('reads kanji counts that open with 十, 百 or 千, whole', () => {
    expect(findCounts('会員百二名分の情報').map((c) => c.value)).toEqual([102]);
    expect(findCounts('応募者千二百四十人分').map((c) => c.value)).toEqual([1240]);
    expect(findCounts('利用者百十四人と職員十人').map((c) => c.value)).toEqual([114, 10]);
    expect(findCounts('百貨店で3名、千葉県で5件').map((c) => c.value)).toEqual([3, 5]);
  });

  it('reads a figure after a word ending in 数 (実人数), still not 数十名', () => {
    expect(findCounts('延べ4,215件(実人数3,870人)').map((c) => c.value)).toEqual([4215, 3870]);
    expect(findCounts('数十名の方')).toEqual([]);
  });

  it('ignores vague counts and other units', () => {
    expect(findCounts('数十名の方')).toEqual([]);
    expect(findCounts('サーバー2,000台、約5時間')).toEqual([]);
  });

  it('gives offsets that cover the number and unit', () => {
    const text = 'お客様20,132名の情報';
    const [c] = findCounts(text);
    expect(text.slice(c!.start, c!.end)).toBe('20,132名');
  });

  // Found by test/property/japanese.test.ts: with unbounded `\s*` after 万 the first call never returned,
  // and a run of digits or kanji numerals took seconds (each digit scanned to the end of the run).
  it('reads a hostile run in linear time', () => {
    // CPU time, not wall time: a loaded machine must not fail it (test/helpers/cpu-time.ts).
    const { cpuMs } = cpuTimed(() => {
      expect(findCounts('約1万' + ' '.repeat(20_000) + 'x')).toEqual([]);
      expect(findCounts('1 '.repeat(20_000) + 'x')).toEqual([]);
      expect(findCounts('一'.repeat(20_000))).toEqual([]);
    });
    expect(cpuMs).toBeLessThan(1_000);
  });
});
