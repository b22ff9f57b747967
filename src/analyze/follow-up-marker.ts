// Whether a notice presents itself as a later report on an event already disclosed (第2報, 続報, 調査結果…).

import { compactText } from './org-name.ts';

// In the header a report's kind is stated plainly; 調査結果 there means the notice reports results.
const HEADER_MARKER = /第[2-9二三四五六七八九十][0-9]*報|続報|調査結果|最終報告|最終報|確定報|経過報告|追加報告|進捗報告|その[2-9二三四五]|\(更新\)|【更新】/;
// In the body only phrases that point back at an earlier disclosure count: 調査結果 alone is in
// almost every first notice (「調査結果を踏まえ」).
const BODY_MARKER = new RegExp([
  '第[2-9二三四五六七八九十][0-9]*報', '続報', '既報', '第1報', '第一報',
  '【[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}リリース分】', '【[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日更新】',
  '(?:先般|先日|前回|既に|これまでに)(?:の|、)?[^。]{0,30}?(?:お知らせ|公表|ご報告|ご案内)(?:いたし|し)(?:ました|ており)',
  '[0-9]{1,2}月[0-9]{1,2}日(?:\\([月火水木金土日]\\))?(?:付|に)(?:て)?[^。]{0,12}?(?:お知らせ|公表|ご報告|公開)(?:いたし|し)ました',
].join('|'));

/** The marker as written (after NFKC), or null. */
export function findFollowUpMarker(header: string, text: string): string | null {
  const h = compactText(header).match(HEADER_MARKER);
  if (h) return h[0];
  const b = compactText(text).match(BODY_MARKER);
  return b ? b[0] : null;
}
