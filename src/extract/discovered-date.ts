// discovered_date: the day the organisation became aware of the event (発覚日).
import type { DateMention } from '../core/japanese-date.ts';
import { VAGUE_DATE_RE } from '../core/japanese-date.ts';
import type { Found, PostContext, Sentence } from './context.ts';
import { isoOf } from './context.ts';
import { allDates, datesWithin as datesIn, isRelative } from './date-mentions.ts';
import { applyRules, type Hit } from './rules/engine.ts';
import { DISCOVERED_RULES, type AwareRole } from './rules/discovered-date.ts';
import { LEAK_SITE_RE, isFollowUpReport } from './follow-up-report.ts';

// What a follow-up report's investigation found since (「その後の調査で…判明」) is a new fact, not the day of learning.
const LATER_FINDING_RE = /^(?:その後の|追加の|引き続きの)?調査(?:で|により|の結果)/;

// A summary opening (「このたび、…が判明いたしました」) says what, not when; a bare date line is the notice's own date.
const SUMMARY_RE = /^(?:このたび|この度|今般|今回)/;
const DATE_ONLY_RE = /^[\s0-9年月日()曜日月火水木金土令和平成元R.\/\-]*(?:付|発表|公表)?$/;
// A timeline entry's heading: a line holding only a date, perhaps a weekday, a clock time and a bullet.
const TIMELINE_HEAD_RE = /^[\s・•●○◆■◇▼\-*]*(?:令和|平成|R)?[\s0-9年月日()曜火水木金土~〜、,.\/\-:時分午前後頃ごろ]*$/;
// How many sentences below its heading a timeline entry's finding may sit.
const TIMELINE_REACH = 6;
const EVENT_ATTACHED_RE = /^\s*(?:頃|ごろ)?に[^。、]{0,30}?(?:感染|送信|送付|発送|紛失|盗難|盗まれ|不正(?:に|な)?アクセス|侵入|流出|漏え|漏洩|改ざん|誤って|置き忘)/;
// Cues of the organisation being told: they end a contractor's finding's wait.
const TOLD_RULES = new Set(['discovered_date/told', 'discovered_date/timeline-told', 'discovered_date/staff-reported']);
const RELATIVE_RE = /分後|時間後|同日|当日|同じ日|その日|直後/;
// A date that is the notice's, a plan's, a status's or an earlier report's (「…日時点」「…日にお知らせしたとおり」「第一報」).
const NOT_THIS_DATE_RE = /^\s*(?:付|予定|以降に|までに|時点|現在)|^[^。]{0,15}?(?:第一報|第1報|にお知らせ(?:し|いたし)|に公表(?:し|いたし)|に発表(?:し|いたし)|に掲載(?:し|いたし))/;

// One member of staff noticing (「職員は…盗難に気付き」) is not yet the organisation learning, when a later
// sentence dates the report up the line (「翌15日朝、代表に報告がありました」): the organisation learned then.
const ONE_STAFF_NOTICED_RE = /(?:職員|社員|従業員|教員|教諭|担当者|スタッフ|医師|看護師|作業員|営業員|係員)(?:\([^()。]{0,20}\))?(?:は|が)[^。]{0,60}?(?:気付|気づ|発見し|見当たらな)/;
const REPORTED_UP_RE = /(?:上司|所属長|管理職|上長|代表|所長|院長|校長|学長|園長|施設長|支店長|店長|課長|部長|室長|事務局長|本部|本社|当社|弊社|当[一-龥]{1,6}|本[学院部社局課]|[一-龥]{1,8}(?:室|課|部|係|局))(?:弁護士|取締役|理事)?(?:に|へ)(?:は)?[^。]{0,20}?(?:報告|連絡)(?:が(?:あり|ありました|入り)|し|いたし|を(?:行|受け|し))|として(?:事案|本件|事態)?を?把握/;
/** How many sentences after the noticing the report up the line may be told, and how many days later. */
const REPORT_UP_REACH = 6;
const REPORT_UP_DAYS = 14;

function reportedUpLater(ctx: PostContext, sentences: readonly Sentence[], i: number, noticed: string): Found<string> | null {
  if (!ONE_STAFF_NOTICED_RE.test(sentences[i]!.text)) return null;
  const limit = new Date(`${noticed}T00:00:00Z`).getTime() + REPORT_UP_DAYS * 86_400_000;
  for (let j = i; j < Math.min(sentences.length, i + 1 + REPORT_UP_REACH); j++) {
    const s = sentences[j]!;
    const m = REPORTED_UP_RE.exec(s.text);
    if (!m) continue;
    const before = usableDates(ctx, s).filter((d) => !d.rangeStart && !d.rangeEnd && d.start < s.start + m.index);
    // …or, in a timeline, the date on the entry's own line just above (「2030年3月2日(月)」 over 「…に報告があり」).
    const head = j > 0 && TIMELINE_HEAD_RE.test(sentences[j - 1]!.text) ? usableDates(ctx, sentences[j - 1]!).at(-1) : undefined;
    const d = before.at(-1) ?? head;
    const iso = d ? isoOf(ctx, d) : null;
    if (d && iso && iso > noticed && new Date(`${iso}T00:00:00Z`).getTime() <= limit) {
      return { value: iso, at: [[d.start, d.end]], confidence: 'medium', rules: ['discovered_date/reported-up-later'] };
    }
  }
  return null;
}

const CLOCK_ONLY_RE = /(?:午前|午後|夕方|深夜|未明)\s*[0-9]{1,2}\s*時|[0-9]{1,2}\s*時\s*[0-9]{1,2}\s*分/;
/** How many sentences back a time of day may take its date from. */
const CLOCK_REACH = 4;

function usableDates(ctx: PostContext, s: Sentence): DateMention[] {
  return datesIn(ctx, s.start, s.end).filter((d) => !NOT_THIS_DATE_RE.test(ctx.text.slice(d.end, d.end + 24)));
}

/** The cue hits of one sentence, in text order (rules are applied sentence by sentence: the first finding ends the search). */
function cuesOf(ctx: PostContext, s: Sentence, index: number): Array<Hit<AwareRole>> {
  return applyRules(DISCOVERED_RULES, [{ start: s.start, text: s.text, index }], { without: ctx.without }).sort((a, b) => a.start - b.start);
}

export function extractDiscoveredDate(ctx: PostContext): Found<string> | null {
  const sentences = ctx.sentences.filter((s) => s.start < ctx.focusEnd);
  let deferred: Found<string> | undefined;
  // A follow-up report's leak-site finding and later findings are not the day of learning (follow-up-report.ts).
  const followUp = isFollowUpReport(ctx);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const all = cuesOf(ctx, s, i);
    const hits = all.filter((h) => h.rule.value === 'finding' || h.rule.value === 'detect');
    if (hits.length === 0) continue;
    // A contractor's own finding (「委託先において…を確認」) waits for the day the organisation was told.
    const thirdParty = all.some((h) => h.rule.value === 'third-party') && !hits.some((h) => TOLD_RULES.has(h.rule.id));
    const done = (found: Found<string>): Found<string> | undefined => {
      const r = reportedUpLater(ctx, sentences, i, found.value) ?? found;
      if (thirdParty) {
        deferred ??= r;
        return undefined;
      }
      if (!deferred || r.value < deferred.value) return deferred ?? r;
      return { ...r, rules: [...(r.rules ?? []), ...(deferred.rules ?? [])] };
    };
    const live = all.find((h) => h.rule.value === 'live');
    if (followUp && (LEAK_SITE_RE.test(s.text) || LATER_FINDING_RE.test(s.text))) continue;
    const rules = [...new Set([...hits.map((h) => h.rule.id), ...(live ? [live.rule.id] : [])])];
    const cueConfidence = hits.some((h) => h.rule.confidence === 'high') ? 'high' : hits[0]!.rule.confidence;
    // Words of detection: a date range in such a sentence still starts on the day it was noticed.
    const detect = hits.some((h) => h.rule.value === 'detect');
    // In 「…から…にかけて不正アクセスを受けたことが判明」 the range is the attack, not the finding.
    // 「2030年5月1日にマルウェアに感染し、…ことを確認」: a date tied by に to the event is the event's, not the finding's.
    const dates = usableDates(ctx, s).filter((d) => detect || (!d.rangeStart && !d.rangeEnd && !EVENT_ATTACHED_RE.test(ctx.text.slice(d.end, d.end + 40))));
    // The verb's own date is the last one before it (「退職前の4月3日に…、6月9日に判明」); else the first after.
    const verbAt = hits[0]!.end;
    // A period inside the message (「8月1日から不審な通信が続いていたとの報告」) is the event's; it comes last.
    const single = dates.filter((d) => !d.rangeStart && !d.rangeEnd);
    const ranged = dates.filter((d) => d.rangeStart || d.rangeEnd);
    const ordered = [...single.filter((d) => d.end <= verbAt).reverse(), ...single.filter((d) => d.end > verbAt), ...ranged];
    for (const d of ordered) {
      const iso = isoOf(ctx, d);
      if (iso) { const out = done({ value: iso, at: [[d.start, d.end]], confidence: d.year === null || isRelative(ctx, d) || cueConfidence !== 'high' ? 'medium' : 'high', rules }); if (out) return out; continue; }
    }
    if (datesIn(ctx, s.start, s.end).length > 0 || VAGUE_DATE_RE.test(s.text)) continue;
    const today = s.text.indexOf('本日');
    if (today >= 0 && ctx.noticeDate) return { value: ctx.noticeDate, at: [[s.start + today, s.start + today + 2]], confidence: 'medium', rules };
    if (SUMMARY_RE.test(s.text)) continue;
    // No date of its own: 「…の数分後に検出」 and an attack cut off as it ran lean on the last date before.
    const before = allDates(ctx).filter((d) => d.end <= s.start && d.start >= ctx.bodyStart && !d.rangeEnd);
    if (RELATIVE_RE.test(s.text) || live) {
      const d = before.at(-1);
      const iso = d ? isoOf(ctx, d) : null;
      if (d && iso) { const out = done({ value: iso, at: [[d.start, d.end]], confidence: live ? 'low' : 'medium', rules }); if (out) return out; continue; }
      continue;
    }
    // A time of day with no date of its own (「午後3時10分頃、課長に報告しました」) is on the day last dated a few
    // sentences before (a numbered account of one day: 「(1)1月28日午後2時頃、…」「(2)…」「(3)…午後3時10分頃…」).
    if (CLOCK_ONLY_RE.test(s.text)) {
      const d = before.filter((x) => x.start >= (sentences[Math.max(0, i - CLOCK_REACH)]?.start ?? 0)).at(-1);
      const iso = d ? isoOf(ctx, d) : null;
      if (d && iso) { const out = done({ value: iso, at: [[d.start, d.end]], confidence: 'low', rules }); if (out) return out; continue; }
    }
    // Otherwise the sentence just before, or the heading of the timeline entry it sits in (「9月9日(月)午前10時」
    // on a line of its own, then bullets or time-only lines below it).
    const prev = sentences[i - 1];
    const prevDates = prev ? usableDates(ctx, prev).filter((d) => !d.rangeStart && !d.rangeEnd) : [];
    if (prev && RELATIVE_RE.test(prev.text) && prevDates.length === 0) {
      const d = before.at(-1);
      const iso = d ? isoOf(ctx, d) : null;
      if (d && iso) { const out = done({ value: iso, at: [[d.start, d.end]], confidence: 'medium', rules }); if (out) return out; continue; }
      continue;
    }
    if (prev && prevDates.length > 0 && !DATE_ONLY_RE.test(prev.text) && !TIMELINE_HEAD_RE.test(prev.text)) {
      const d = prevDates.at(-1)!;
      const iso = isoOf(ctx, d);
      if (iso) { const out = done({ value: iso, at: [[d.start, d.end]], confidence: 'low', rules }); if (out) return out; continue; }
      continue;
    }
    for (let j = i - 1; j >= Math.max(0, i - TIMELINE_REACH); j--) {
      const h = sentences[j]!;
      const hd = usableDates(ctx, h);
      if (hd.length === 0) continue;
      if (!TIMELINE_HEAD_RE.test(h.text)) break;
      const d = hd[0]!;
      const iso = isoOf(ctx, d);
      // A bare date line that is the notice's own date heads the notice, not a timeline entry.
      if (iso && iso !== ctx.noticeDate) { const out = done({ value: iso, at: [[d.start, d.end]], confidence: 'low', rules }); if (out) return out; continue; }
      break;
    }
  }
  return deferred ?? null;
}
