// discovered_date: the day the organisation became aware of the event (発覚日).
import type { DateMention } from '../core/japanese-date.ts';
import { VAGUE_DATE_RE } from '../core/japanese-date.ts';
import type { Found, PostContext, Sentence } from './context.ts';
import { datesIn, isoOf } from './context.ts';
import { ADVICE_RE } from './cues.ts';

const STAFF = '(?:職員|社員|従業員|教員|教諭|担当者|スタッフ|医師|看護師|当直)';

// 「2．発覚の経緯」 names a section; the finding is in the lines under it.
const SECTION_HEADING_RE = /^[\s0-9.()■●◆【一二三四五六七八九十、]*[^。、\s]{0,10}(?:経緯|経過|概要)[\s】]*$/;
// 「攻撃者は…を実行したことが確認されました」「…送信された痕跡が確認されました」 are what the investigation found
// the attacker did, not the day of learning.
const ATTACKER_SUBJECT_RE = /^(?:攻撃者|犯人|第三者|何者か)(?:は|が)|痕跡/;
// A follow-up report (第2報, 「…にてお知らせいたしました」) learned of the attack before; finding its data on a
// leak site later is news about the leak, not the day the organisation became aware of the event.
const FOLLOW_UP_RE = /第\s*[2-9]\s*報|続報|にてお知らせ(?:いたしました|しました)/;
// …and what its investigation found since (「その後の調査で…判明」) is a new fact, not the day of learning.
const LATER_FINDING_RE = /^(?:その後の|追加の|引き続きの)?調査(?:で|により|の結果)/;
const LEAK_SITE_RE = /リークサイト|暴露サイト|leak\s*site/i;

// Sentences that say when the organisation learned of it.
const AWARE_RE = new RegExp(`(?:判明|発覚)(?!後|次第|して(?:いる|お[りら]))|気付|気づ|検知|検出|覚知|把握し|発見(?!に至|されて(?:い|お))|(?:連絡|報告|指摘|申し出|通知)(?:を受け|があり|をいただ|を頂|され)|問い?合わ?せ(?:を受け|があり|が相次|が寄せられ)|ご指摘|確認され(?:まし)?た|確認いたしました|を確認しました|${STAFF}[^。]{0,30}(?:に|へ)報告し`);
// Words of detection: a date range in such a sentence still starts on the day it was noticed.
const DETECT_RE = /気付|気づ|検知|検出|覚知|発見|連絡|報告|指摘|申し出|通知|問い?合わ?せ/;
// A summary opening (「このたび、…が判明いたしました」) says what, not when; a bare date line is the notice's own date.
const SUMMARY_RE = /^(?:このたび|この度|今般|今回)/;
const DATE_ONLY_RE = /^[\s0-9年月日()曜日月火水木金土令和平成元R.\/\-]*(?:付|発表|公表)?$/;
const RELATIVE_RE = /分後|時間後|同日|当日|直後/;
const OUTWARD_RE = /個人情報保護委?員会|警察|所轄/;
const NOT_THIS_DATE_RE = /^\s*(?:付|予定|以降に|までに)/;

function usableDates(ctx: PostContext, s: Sentence): DateMention[] {
  return datesIn(ctx, s.start, s.end).filter((d) => !NOT_THIS_DATE_RE.test(ctx.text.slice(d.end, d.end + 6)));
}

export function extractDiscoveredDate(ctx: PostContext): Found<string> | null {
  const sentences = ctx.sentences.filter((s) => s.start < ctx.focusEnd);
  const followUp = FOLLOW_UP_RE.test(ctx.header) || FOLLOW_UP_RE.test(ctx.text.slice(0, 600));
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const m = AWARE_RE.exec(s.text);
    if (followUp && (LEAK_SITE_RE.test(s.text) || LATER_FINDING_RE.test(s.text))) continue;
    if (!m || ADVICE_RE.test(s.text) || SECTION_HEADING_RE.test(s.text) || (m[0].startsWith('確認') && ATTACKER_SUBJECT_RE.test(s.text)) || (OUTWARD_RE.test(s.text) && !DETECT_RE.test(s.text))) continue;
    const detect = DETECT_RE.test(s.text);
    // In 「…から…にかけて不正アクセスを受けたことが判明」 the range is the attack, not the finding.
    const dates = usableDates(ctx, s).filter((d) => detect || (!d.rangeStart && !d.rangeEnd));
    // The verb's own date is the last one before it (「在職中の2月10日に…、5月12日に判明」); else the first after.
    const verbAt = s.start + m.index;
    // A period inside the message (「5月2日から不正なアクセスが行われていたとの報告」) is the event's; it comes last.
    const single = dates.filter((d) => !d.rangeStart && !d.rangeEnd);
    const ranged = dates.filter((d) => d.rangeStart || d.rangeEnd);
    const ordered = [...single.filter((d) => d.end <= verbAt).reverse(), ...single.filter((d) => d.end > verbAt), ...ranged];
    for (const d of ordered) {
      const iso = isoOf(ctx, d);
      if (iso) return { value: iso, at: [[d.start, d.end]], confidence: d.year === null ? 'medium' : 'high' };
    }
    if (datesIn(ctx, s.start, s.end).length > 0 || VAGUE_DATE_RE.test(s.text)) continue;
    const today = s.text.indexOf('本日');
    if (today >= 0 && ctx.noticeDate) return { value: ctx.noticeDate, at: [[s.start + today, s.start + today + 2]], confidence: 'medium' };
    if (SUMMARY_RE.test(s.text)) continue;
    // No date of its own: 「…から約7分後に検出」 leans on the last date before; otherwise the sentence just before.
    const before = ctx.dates.filter((d) => d.end <= s.start && d.start >= ctx.bodyStart && !d.rangeEnd);
    const prev = sentences[i - 1];
    // A bare date line is the notice's own date, unless it heads a timeline entry (a date other than the notice's).
    const prevDates = prev ? usableDates(ctx, prev).filter((d) => !d.rangeStart && !d.rangeEnd) : [];
    const timelineLine = prev && DATE_ONLY_RE.test(prev.text) && prevDates.length > 0 && prevDates.every((d) => isoOf(ctx, d) !== ctx.noticeDate);
    const pick = RELATIVE_RE.test(s.text) || (prev && prevDates.length === 0 && RELATIVE_RE.test(prev.text))
      ? before.at(-1)
      : prev && (!DATE_ONLY_RE.test(prev.text) || timelineLine)
        ? prevDates.at(-1)
        : undefined;
    const iso = pick ? isoOf(ctx, pick) : null;
    if (pick && iso) return { value: iso, at: [[pick.start, pick.end]], confidence: RELATIVE_RE.test(s.text) ? 'medium' : 'low' };
  }
  return null;
}
