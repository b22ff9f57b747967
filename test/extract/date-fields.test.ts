// Invented notices for the date fields' decisions that are code rather than rule data: the casebook-year
// check on the header date, day-only and relative dates, and timeline layouts.
import { describe, expect, it } from 'vitest';
import { findDates, findRelativeDates } from '../../src/core/japanese-date.ts';
import { extractDocument } from '../../src/extract/extract.ts';

const rec = (text: string) => extractDocument(text)[0]!.record;

describe('day-only and relative dates', () => {
  it('take the month and year of the date before them', () => {
    const text = '2030年1月20日に受付を始めた。23日午後、利用者から連絡があった。同日夜に停止し、翌24日に再開した。翌日、報告した。';
    const rel = findRelativeDates(text, findDates(text));
    expect(rel.map((d) => d.iso)).toEqual(['2030-01-23', '2030-01-23', '2030-01-24', '2030-01-25']);
  });
  it('read 同月 and 翌月 as the month of the date before and the month after it', () => {
    const text = '2030年12月9日に入力した。同月12日に検知した。翌月3日に報告した。';
    expect(findRelativeDates(text, findDates(text)).map((d) => d.iso)).toEqual(['2030-12-12', '2031-01-03']);
    expect(rec('お知らせ\n\n2030年2月9日、職員が偽のログイン画面にパスワードを入力しました。\n同月12日、情報システム部門が不審なログインを検知しました。').discovered_date).toBe('2030-02-12');
  });
  it('read 本年 and 今年 as the notice\'s year, taken from context like a year-less date', () => {
    expect(findDates('本年7月7日、今年8月1日').map((d) => [d.year, d.month, d.day])).toEqual([[null, 7, 7], [null, 8, 1]]);
    expect(rec('お知らせ\n\n2030年7月1日より調査しております。\n本年7月7日、当社社員のパソコンがウイルスに感染したことが判明しました。').discovered_date).toBe('2030-07-07');
  });
  it('in a story dated only at its foot, take the dateline\'s month, or the month before for a later day', () => {
    const text = 'ほしぞら町でメール送信\n 町は11日、職員のアカウントが使われたと発表した。町によると、8日夜から翌9日朝にかけて送信された。\n(2030年3月12日 東西新報)';
    expect(findRelativeDates(text, findDates(text)).map((d) => d.iso)).toEqual(['2030-03-11', '2030-03-08', '2030-03-09']);
    const late = '町は28日、職員のアカウントが使われたと発表した。\n(2030年3月2日 東西新報)';
    expect(findRelativeDates(late, findDates(late)).map((d) => d.iso)).toEqual(['2030-02-28']);
    const r = rec(text);
    expect(r.disclosure_date).toBe('2030-03-11');
    expect(r.occurred_date).toBe('2030-03-08');
  });
  it('leave a day-only date alone where no date comes before it and none closes the text', () => {
    const text = '町は11日、職員のアカウントが使われたと発表した。\n2030年4月1日から新しい仕組みに移り、職員のパスワードは全て変更する予定です。';
    expect(findRelativeDates(text, findDates(text))).toEqual([]);
  });
  it('leave durations and counts alone', () => {
    const text = '2030年1月20日から3日間、約10日以内に、毎月25日に';
    expect(findRelativeDates(text, findDates(text))).toEqual([]);
  });
});

describe('disclosure_date', () => {
  it('takes the casebook year when the header year is years away from it (a typo)', () => {
    const r = rec('【セキュリティ事件簿#2030-120】みずほ台市 書類の紛失について 2010年6月3日\n\n本文です。');
    expect(r.disclosure_date).toBe('2030-06-03');
    expect(r.low_confidence).toContain('disclosure_date');
  });
  it('keeps a header year one year from the casebook year', () => {
    expect(rec('【セキュリティ事件簿#2031-001】みずほ台市 書類の紛失について 2030年12月28日\n\n本文です。').disclosure_date).toBe('2030-12-28');
  });
});

describe('discovered_date in timelines', () => {
  it('reads the date heading of the entry that tells of the finding, across time-only lines and a quote', () => {
    const r = rec(
      [
        'お知らせ',
        '',
        '令和12年6月9日',
        '',
        '経緯',
        '5月8日(水)',
        '・担当者が案内メールを一斉送信した。',
        '5月10日(金)',
        '午後2時10分',
        '・参加者から「宛先が見えている。」と事務局へ連絡があり、事態を認識した。',
      ].join('\n'),
    );
    expect(r.discovered_date).toBe('2030-05-10');
    expect(r.occurred_date).toBe('2030-05-08');
  });
  it('takes the day-only date that 同日 refers to', () => {
    const r = rec('お知らせ\n\n2030年7月1日\n\n受付は6月23日午後7時に公開しました。同日午後9時、利用者からの指摘で事態を認識しました。');
    expect(r.discovered_date).toBe('2030-06-23');
  });
});

describe('occurred_date', () => {
  it('dates an event told just after a dated opening without an event word (low)', () => {
    const r = rec('お知らせ\n\n2030年4月3日午後、職員が顧客宅を訪問しました。\n帰りの電車内で、書類の入った封筒を置き忘れました。');
    expect(r.occurred_date).toBe('2030-04-03');
    expect(r.low_confidence).toContain('occurred_date');
  });
  it('prefers a date the event has of its own over a dated opening', () => {
    const r = rec('お知らせ\n\n2030年4月3日、職員が顧客宅を訪問しました。\n2030年4月5日、書類の入った封筒を紛失しました。');
    expect(r.occurred_date).toBe('2030-04-05');
  });
  it('reads the start of a window in which cards were used for payment', () => {
    expect(rec('お知らせ\n\n2030年3月1日~2030年4月14日に当店サイトにてクレジットカード決済をご利用いただいたお客様が対象です。').occurred_date).toBe('2030-03-01');
  });
});

describe('discovered_date and the event date in one finding sentence', () => {
  it('does not take a date tied by に to the event for the finding', () => {
    const r = rec('お知らせ\n\n当社従業員のパソコンが2030年2月3日にマルウェアに感染し、外部に不審なメールが送られていたことを確認いたしました。');
    expect(r.discovered_date).toBeNull();
    expect(r.occurred_date).toBe('2030-02-03');
  });
  it('keeps the date of the check in which something was found', () => {
    expect(rec('お知らせ\n\n2030年2月3日に実施した点検で、書類の所在が不明であることが判明しました。').discovered_date).toBe('2030-02-03');
  });
});
