// Reports to the 個人情報保護委員会 that notices state, on invented sentences: the kind, the date (a
// year-less one takes the notice's year), and what is no report (a plan, a denial, an event's date).
import { describe, expect, it } from 'vitest';
import { firstReport, sentenceAround, statedReports } from '../../src/analyze/ppc-reports.ts';

const read = (text: string, noticeDate: string | null = '2024-06-10') =>
  statedReports(7, text, noticeDate).map((r) => ({ kind: r.kind, date: r.date }));

describe('stated reports', () => {
  it('reads a dated 速報 and 確報, year-less dates in the notice\'s year', () => {
    expect(read('5月22日に確報を提出しました。')).toEqual([{ kind: 'kakuho', date: '2024-05-22' }]);
    expect(read('4月3日、個人情報保護委員会へ速報を行いました。')).toEqual([{ kind: 'sokuho', date: '2024-04-03' }]);
    expect(read('2024年4月3日に個人情報保護委員会に速報を、同年5月2日に確報を提出いたしました。'))
      .toEqual([{ kind: 'sokuho', date: '2024-04-03' }, { kind: 'kakuho', date: '2024-05-02' }]);
    expect(read('令和6年4月3日付で個人情報保護委員会に報告しております。')).toEqual([{ kind: 'report', date: '2024-04-03' }]);
  });

  it('reads compatibility characters as their letters (⼈ is 人)', () => {
    expect(read('3⽉8⽇、個⼈情報保護委員会に対する速報を⾏いました。')).toEqual([{ kind: 'sokuho', date: '2024-03-08' }]);
  });

  it('keeps a report without a date, undated', () => {
    expect(read('本件は個人情報保護委員会へ速報を行いました。')).toEqual([{ kind: 'sokuho', date: null }]);
    expect(read('個人情報保護委員会に報告済みです。')).toEqual([{ kind: 'report', date: null }]);
  });

  it('does not take the date of an event for the date of the report', () => {
    expect(read('4月1日に不正アクセスを確認し、4月5日に個人情報保護委員会へ速報いたしました。')).toEqual([{ kind: 'sokuho', date: '2024-04-05' }]);
    expect(read('4月1日に発覚した本件について、個人情報保護委員会へ報告いたしました。')).toEqual([{ kind: 'report', date: null }]);
  });

  it('reads no plan, denial or unrelated 報告 as a report', () => {
    expect(read('個人情報保護委員会へ確報を提出する予定です。')).toEqual([]);
    expect(read('判明次第、個人情報保護委員会へ報告いたします。')).toEqual([]);
    expect(read('個人情報保護委員会への報告は行っておりません。')).toEqual([]);
    expect(read('調査結果を取締役会に報告しました。')).toEqual([]);
    // A date after the notice is not a report made by then; a year-less one belongs to the year before.
    expect(read('2024年7月1日に確報を提出しました。', '2024-06-10')).toEqual([]);
    expect(read('7月1日に確報を提出しました。', '2024-06-10')).toEqual([{ kind: 'kakuho', date: '2023-07-01' }]);
  });

  it('takes the earliest dated report of a kind first', () => {
    const reports = statedReports(1, '5月2日に確報を提出しました。\n4月3日に速報を提出しました。\n4月20日に確報を提出しました。', '2024-06-01');
    expect(firstReport(reports, ['kakuho'])).toMatchObject({ date: '2024-04-20' });
    expect(firstReport(reports, ['sokuho', 'report'])).toMatchObject({ date: '2024-04-03' });
    expect(firstReport(reports, ['report'])).toBeNull();
  });
});

describe('the sentence around a span', () => {
  it('runs from the 。 or line end before to the 。 after', () => {
    const text = '前の文です。病歴を含む診療情報が閲覧された可能性があります。次の文。';
    const at = text.indexOf('病歴');
    expect(sentenceAround(text, at, at + 2)).toBe('病歴を含む診療情報が閲覧された可能性があります。');
    expect(sentenceAround('見出し\n氏名と住所\n次', 4, 6)).toBe('氏名と住所');
  });
});
