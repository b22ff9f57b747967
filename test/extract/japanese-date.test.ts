import { describe, expect, it } from 'vitest';
import { findDates, kanjiNumber, parseJapaneseDate, resolveYear, weekdayOf, eraToYear } from '../../src/core/japanese-date.ts';

describe('parseJapaneseDate', () => {
  it.each([
    ['2023年1月31日', '2023-01-31'],
    ['2022 年 11 月 5 日(土)', '2022-11-05'],
    ['2023/03/30', '2023-03-30'],
    ['2024/3/7', '2024-03-07'],
    ['2023.3.30', '2023-03-30'],
    ['令和5年10月4日', '2023-10-04'],
    ['令和 5 年 10 月 4 日(水)', '2023-10-04'],
    ['令和元年5月31日', '2019-05-31'],
    ['R5.10.4', '2023-10-04'],
    ['H31.4.30', '2019-04-30'],
    ['平成27年6月11日', '2015-06-11'],
    ['昭和64年1月7日', '1989-01-07'],
    ['令和4年(2022年)11月5日', '2022-11-05'],
    ['２０２３年１月３１日', '2023-01-31'],
    ['令和６年２月２９日', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseJapaneseDate(text)).toBe(iso);
  });

  it('rejects dates that do not exist', () => {
    expect(parseJapaneseDate('2023年2月29日')).toBeNull();
    expect(parseJapaneseDate('2023年13月1日')).toBeNull();
    // 平成 began on 1989-01-08; the day before was still 昭和
    expect(parseJapaneseDate('平成元年1月7日')).toBeNull();
  });

  it('gives a year-less date the notice year, or the year before when it would fall after the notice', () => {
    expect(parseJapaneseDate('1月 13 日(金)', { noticeDate: '2023-01-31' })).toBe('2023-01-13');
    expect(parseJapaneseDate('11月7日', { noticeDate: '2023-02-02' })).toBe('2022-11-07');
  });

  it('uses a fallback year only when the stated weekday agrees', () => {
    expect(parseJapaneseDate('10月13日(金)', { fallbackYear: 2023 })).toBe('2023-10-13');
    expect(parseJapaneseDate('10月13日(木)', { fallbackYear: 2023 })).toBeNull();
    expect(parseJapaneseDate('9月19日', { fallbackYear: 2023 })).toBe('2023-09-19');
    expect(parseJapaneseDate('9月19日')).toBeNull();
  });
});

describe('findDates', () => {
  it('carries the year across a range and marks both ends', () => {
    const [a, b] = findDates('2023年3月20日~3月27日の期間に');
    expect(a!.iso).toBe('2023-03-20');
    expect(a!.rangeStart).toBe(true);
    expect(b!.iso).toBe('2023-03-27');
    expect(b!.rangeEnd).toBe(true);
  });

  it('reads the weekday in brackets after a date', () => {
    const [d] = findDates('9月22日(金)、教員が');
    expect(d!.weekday).toBe(5);
    expect(resolveYear(d!, { fallbackYear: 2023 })).toBe('2023-09-22');
  });

  it('does not read month-only dates as days', () => {
    expect(findDates('2022年7月中旬に受信した')).toEqual([]);
    expect(findDates('2020年7月から始まり')).toEqual([]);
  });

  it('reports offsets into the searched text', () => {
    const text = '公表日:令和6年5月17日';
    const [d] = findDates(text);
    expect(text.slice(d!.start, d!.end)).toBe('令和6年5月17日');
  });
});

describe('calendar helpers', () => {
  it('knows weekdays and eras', () => {
    expect(weekdayOf(2023, 1, 13)).toBe(5);
    expect(weekdayOf(2024, 2, 29)).toBe(4);
    expect(eraToYear('令和', 1)).toBe(2019);
    expect(eraToYear('平成', 31)).toBe(2019);
    expect(eraToYear('昭和', 64)).toBe(1989);
  });
});

describe('dates in kanji numerals', () => {
  it('reads an era date and a year-less date written in kanji', () => {
    const ds = findDates('令和八年三月十六日付けの文書。三月九日に連絡があった。令和元年五月一日');
    expect(ds.map((d) => [d.year, d.month, d.day])).toEqual([[2026, 3, 16], [null, 3, 9], [2019, 5, 1]]);
  });
  it('reads kanji numbers up to 99 and refuses what is no such number', () => {
    expect([kanjiNumber('三'), kanjiNumber('十'), kanjiNumber('十六'), kanjiNumber('二十'), kanjiNumber('三十一')]).toEqual([3, 10, 16, 20, 31]);
    expect(kanjiNumber('三四')).toBeNaN();
    expect(findDates('十三月四十日')).toEqual([]);
  });
});
