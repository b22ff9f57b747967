// Rules for disclosure_date: where a notice prints its own date — at the end of the header, on a line of
// its own (bare, labelled 掲載日/更新日, after a category and a bar, with a clock time at the page head), or,
// in a news story, as the day the organisation announced (「東山市は3日、…と発表した」). Which date the
// hit holds, and which hit wins, is decided in ../disclosure-date.ts.
import { defineRules } from './rule.ts';

export type DisclosureRole = 'header' | 'line' | 'head-line' | 'news';

// One written date: 西暦, 和暦, R5.10.4, 2023/03/30, with an optional weekday.
const DATE = String.raw`(?:(?:令和|平成)\s*(?:元|[0-9]{1,2})\s*年(?:\s*\(\s*[0-9]{4}\s*年?\s*\))?\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[RH]\s*[0-9]{1,2}\s*[./]\s*[0-9]{1,2}\s*[./]\s*[0-9]{1,2}|[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|[0-9]{4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,2}|(?:令和|平成)(?:元|[〇一二三四五六七八九十]{1,3})年[〇一二三四五六七八九十]{1,3}月[〇一二三四五六七八九十]{1,3}日)(?:\s*\(\s*[日月火水木金土](?:曜日?)?\s*\))?`;
const CLOCK = String.raw`(?:[0-9]{1,2}\s*:\s*[0-9]{2}|(?:午前|午後)?\s*[0-9]{1,2}\s*時(?:\s*[0-9]{1,2}\s*分)?)`;
// Names of a publisher that may follow the date at the end of an old-style casebook header.
const PUBLISHER = String.raw`(?![^\s。、]{0,40}(?:への|について|に関|における|による|に対|の件))[^\s。、]{0,25}(?:株式会社|有限会社|合同会社|法人|協会|機構|大学|病院|学校|市|町|村|県|府|都|庁|省)[^\s。、]{0,20}`;

export const DISCLOSURE_RULES = defineRules<DisclosureRole>('disclosure_date', [
  {
    id: 'disclosure_date/header-date',
    pattern: new RegExp(String.raw`${DATE}\s*$`),
    scope: 'header',
    value: 'header',
    confidence: 'high',
    why: 'A casebook header ends with the date of the notice it quotes.',
    examples: {
      match: [{ text: '【セキュリティ事件簿#2030-001】みずほ台商事 不正アクセスに関するお知らせ 2030年6月1日\n\n本文です。', expect: { disclosure_date: '2030-06-01' } }],
      noMatch: [{ text: '【セキュリティ事件簿#2030-001】2030年6月1日に発生した不正アクセスについて\n\n本文です。', expect: { disclosure_date: null } }],
    },
  },
  {
    id: 'disclosure_date/header-date-then-publisher',
    pattern: new RegExp(String.raw`\s${DATE}\s+${PUBLISHER}\s*$`),
    scope: 'header',
    value: 'header',
    confidence: 'medium',
    why: 'Older casebook headers end with the notice date and then the publisher (「…のお詫び 2030年5月16日 株式会社みずほ台商事」).',
    examples: {
      match: [{ text: '【セキュリティ事件簿#2030】採用情報の流出に関するお詫び 2030年5月16日 株式会社みずほ台商事\n\n本文です。', expect: { disclosure_date: '2030-05-16' } }],
      noMatch: [{ text: '【セキュリティ事件簿#2030】2030年5月16日 株式会社みずほ台商事への不正アクセス\n\n本文です。', expect: { disclosure_date: null } }],
    },
  },
  {
    id: 'disclosure_date/bare-date-line',
    pattern: new RegExp(String.raw`^\s*${DATE}\s*(?:付け?|発表|公表|現在)?\s*$`),
    scope: 'sentence',
    value: 'line',
    confidence: 'high',
    why: 'A line holding only a date is how a notice prints its issue date.',
    examples: {
      match: [{ text: 'お知らせ\n\n令和十二年三月十六日\n一般社団法人みなと観光協会\n\n本文です。', expect: { disclosure_date: '2030-03-16' } }, { text: 'お知らせ\n\n令和12年6月1日\nみずほ台商事株式会社\n\n本文です。', expect: { disclosure_date: '2030-06-01' } }],
      noMatch: [{ text: '2030年6月1日に不正アクセスが発生しました。', expect: { disclosure_date: null } }],
    },
  },
  {
    id: 'disclosure_date/labelled-date-line',
    // 「公開日:2030年1月27日 更新日:2030年1月30日」: a page giving both dates is dated by the first.
    pattern: new RegExp(String.raw`^\s*[【\[(]?(?:(?:掲載|公表|発表|公開|発行|作成|更新|最終更新|投稿|配信|登録|リリース)(?:日|日付|日時)|日付|Date)[】\])]?\s*[:：]?\s*${DATE}(?:\s*${CLOCK})?(?:\s+[【\[(]?(?:更新|最終更新|掲載|公開)(?:日|日時)[】\])]?\s*[:：]?\s*${DATE}(?:\s*${CLOCK})?)?\s*$`, 'i'),
    scope: 'sentence',
    value: 'line',
    confidence: 'high',
    why: 'A date line labelled as the page\'s posting or update date (掲載日, 公開日, 更新日) is the date of the notice.',
    examples: {
      match: [{ text: 'お知らせ\n\n更新日:2030年01月15日\n\n本文です。', expect: { disclosure_date: '2030-01-15' } }, { text: 'お知らせ\n\n公開日:2030年1月27日 更新日:2030年1月30日\n\n本文です。', expect: { disclosure_date: '2030-01-27' } }],
      noMatch: [{ text: 'お知らせ\n\n次回更新予定日:2030年01月15日\n\n本文です。', expect: { disclosure_date: null } }],
    },
  },
  {
    id: 'disclosure_date/date-publisher-line',
    pattern: new RegExp(String.raw`^\s*${DATE}\s+${PUBLISHER}\s*$`),
    scope: 'sentence',
    value: 'line',
    confidence: 'medium',
    why: 'A byline that puts the issue date and the publisher on one line (「2030年6月1日 みずほ台商事株式会社」) dates the notice.',
    examples: {
      match: [{ text: 'お知らせ\n\n2030年6月1日 みずほ台商事株式会社\n\n本文です。', expect: { disclosure_date: '2030-06-01' } }],
      noMatch: [{ text: 'お知らせ\n\n2030年6月1日 みずほ台商事株式会社への不正アクセスについて\n\n本文です。', expect: { disclosure_date: null } }],
    },
  },
  {
    id: 'disclosure_date/category-date-line',
    pattern: new RegExp(String.raw`^\s*[^\s|｜:：。、]{1,12}\s*[|｜]\s*${DATE}\s*$`),
    scope: 'sentence',
    value: 'line',
    confidence: 'medium',
    why: 'News pages print a category, a bar and the posting date on one line (「ニュース |2030年10月01日」).',
    examples: {
      match: [{ text: 'お知らせ\n\nニュース |2030年10月01日\n\n本文です。', expect: { disclosure_date: '2030-10-01' } }],
      noMatch: [{ text: 'お知らせ\n\n受付期間 |2030年10月01日から2030年10月05日まで\n\n本文です。', expect: { disclosure_date: null } }],
    },
  },
  {
    id: 'disclosure_date/date-time-line',
    pattern: new RegExp(String.raw`^\s*${DATE}\s*${CLOCK}\s*(?:更新|公開|配信|掲載|発表)?\s*$`),
    scope: 'sentence',
    value: 'head-line',
    confidence: 'medium',
    why: 'At the head of a page, a date with a clock time on a line of its own is the posting time (below, it is a timeline entry).',
    examples: {
      match: [{ text: 'お知らせ\n\n2030年5月2日 18:00\n\n本文です。', expect: { disclosure_date: '2030-05-02' } }],
      noMatch: [{ text: 'お知らせ\n\n経緯をお知らせします。\n一つ目の経過です。\n二つ目の経過です。\n三つ目の経過です。\n四つ目の経過です。\n五つ目の経過です。\n2030年5月2日 18:00\n攻撃を検知しました。', expect: { disclosure_date: null } }],
    },
  },
  {
    id: 'disclosure_date/news-announced',
    pattern: /発表し|発表した|公表し|公表した|明らかにし|記者会見|会見で/,
    scope: 'sentence',
    value: 'news',
    confidence: 'medium',
    why: 'A news story opens with 「東山市は3日、…と発表した」: the day the organisation announced is the notice date.',
    examples: {
      match: [
        { text: '東山市は2030年6月3日、市民の個人情報を含む書類を紛失したと発表した。', expect: { disclosure_date: '2030-06-03' } },
        { text: 'お知らせ\n\n東山市は3日、市民の個人情報を含む書類を紛失したと発表した。\n\n2030年6月4日 東山新聞', expect: { disclosure_date: '2030-06-03' } },
        { text: '【セキュリティ事件簿#2030-050】東山市 書類紛失\n\n東山市は6月3日、市民の個人情報を含む書類を紛失したと発表した。', expect: { disclosure_date: '2030-06-03' } },
        // The clock line under a story's headline is when it was posted, not when the city announced.
        { text: '東山市、住民票の写しを誤交付 - 北浜新報\n2030年6月4日 9時10分\n\n東山市は3日、住民票の写しを別人に交付したと発表した。', expect: { disclosure_date: '2030-06-03' } },
      ],
      noMatch: [{ text: '東山市は2030年6月3日、市民向けの説明会を開いた。', expect: { disclosure_date: null } }],
    },
  },
]);
