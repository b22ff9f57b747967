// disclosure_date (公表日): the date ending the header, else the notice's own dated line, else, in a news
// story, the day the organisation announced. The wordings are rules (rules/disclosure-date.ts); this file
// picks the date each hit holds and the hit that wins.
import type { DateMention } from '../core/japanese-date.ts';
import { toIso } from '../core/japanese-date.ts';
import type { Found, PostContext } from './context.ts';
import { isoOf } from './context.ts';
import { datesWithin, isRelative } from './date-mentions.ts';
import { applyRules, unitsOf, type Hit } from './rules/engine.ts';
import { DISCLOSURE_RULES, type DisclosureRole } from './rules/disclosure-date.ts';

// A date line with a clock time is the posting time only among the first lines of the page.
const HEAD_REACH = 5;
// A news story states the announcement in its opening sentences.
const NEWS_REACH = 3;
// 「東山市は2030年6月3日、」「東山市は3日、」: the subject, then the date.
const NEWS_SUBJECT_RE = /(?:は|が)、?\s*$/;
const NEWS_DAY_RE = /(?:は|が)、?\s*([0-9]{1,2})\s*日\s*[、,]/;
// A reporter's sentence: the announcement in plain past, no polite form anywhere in it.
const PLAIN_REPORT_RE = /^(?![^]*(?:ます|ました|ません|いたし|おり))[^]*(?:発表|公表|明らかに)した(?:。|$)/;

const HEADER_RULES = DISCLOSURE_RULES.filter((r) => r.scope === 'header');
const BODY_RULES = DISCLOSURE_RULES.filter((r) => r.scope === 'sentence');

const found = (d: DateMention, iso: string, h: Hit<DisclosureRole>, confidence = h.rule.confidence): Found<string> => ({
  value: iso,
  at: [[d.start, d.end]],
  confidence,
  rules: [h.rule.id],
});

/** The full date (year written) lying inside a hit. */
function dateOf(ctx: PostContext, h: Hit<DisclosureRole>): DateMention | undefined {
  return datesWithin(ctx, h.start, h.end).find((d) => d.year !== null && d.iso !== null);
}

export function extractDisclosureDate(ctx: PostContext): Found<string> | null {
  const opts = { without: ctx.without };
  for (const h of applyRules(HEADER_RULES, unitsOf(ctx, 'header'), opts)) {
    const d = dateOf(ctx, h);
    if (d) return found(d, d.iso!, h);
  }
  const hits = applyRules(BODY_RULES, unitsOf(ctx, 'sentence'), opts);
  for (const h of hits) {
    if (h.rule.value === 'news' || (h.rule.value === 'head-line' && h.unit.index >= HEAD_REACH)) continue;
    const d = dateOf(ctx, h);
    if (!d) continue;
    // A clock line at a page's head is the time a story was posted; when the story says the day the
    // organisation announced (「…は8日、…と発表した」), that day is the notice's date.
    if (h.rule.value === 'head-line') return announced(ctx, hits) ?? found(d, d.iso!, h);
    // A bare date under a story's headline is its dateline too, where the story reports in plain style
    // that the organisation announced on a day (「…は8日、…と発表した。」); a notice's own second report
    // saying 「当社は3月1日、…を公表いたしました」 is polite, and keeps its own date line.
    if (h.rule.id === 'disclosure_date/bare-date-line' && h.unit.index < HEAD_REACH) {
      const story = announced(ctx, hits.filter((n) => n.rule.value !== 'news' || PLAIN_REPORT_RE.test(n.unit.text)));
      if (story) return story;
    }
    return found(d, d.iso!, h);
  }
  return announced(ctx, hits);
}

/** News stories: 「東山市は2030年6月3日、…と発表した」, or 「東山市は3日、…」 with the story's own date elsewhere. */
function announced(ctx: PostContext, hits: ReadonlyArray<Hit<DisclosureRole>>): Found<string> | null {
  for (const h of hits) {
    if (h.rule.value !== 'news' || h.unit.index >= NEWS_REACH) continue;
    const u = h.unit;
    for (const d of datesWithin(ctx, u.start, h.start)) {
      if (!NEWS_SUBJECT_RE.test(ctx.text.slice(Math.max(u.start, d.start - 3), d.start))) continue;
      // 「東山市は6月3日、…と発表した」 in a casebook post: a year-less day takes the casebook's year (low); in a
      // bare story, the year of the story's own date (its dateline, often at the foot).
      const iso = d.year !== null ? d.iso : (isoOf(ctx, d) ?? withStoryYear(ctx, d));
      if (iso) return found(d, iso, h, isRelative(ctx, d) || d.year === null ? 'low' : h.rule.confidence);
    }
    const m = NEWS_DAY_RE.exec(u.text.slice(0, h.start - u.start));
    const anchor = ctx.dates.find((d) => d.iso !== null);
    if (m && anchor) {
      const day = Number(m[1]);
      let y = anchor.year!;
      let mo = anchor.month;
      // A day after the story's date is in the month before.
      if (day > anchor.day) {
        mo--;
        if (mo < 1) { mo = 12; y--; }
      }
      const iso = toIso(y, mo, day);
      const at = u.start + m.index + m[0].indexOf(m[1]!);
      if (iso) return { value: iso, at: [[at, at + m[1]!.length + 1]], confidence: 'low', rules: [h.rule.id] };
    }
  }
  return null;
}

/** A year-less day in a story dated elsewhere: the story's year, or the year before where the day would fall after the story. */
function withStoryYear(ctx: PostContext, d: DateMention): string | null {
  const anchor = ctx.dates.find((a) => a.iso !== null && a.year !== null);
  if (!anchor) return null;
  const same = toIso(anchor.year!, d.month, d.day);
  return same && same > anchor.iso! ? toIso(anchor.year! - 1, d.month, d.day) : same;
}

/** A header year far from the casebook number's year is a typo (2003 in a 2023 post): the casebook year is meant. */
export function checkDisclosureYear(found: Found<string> | null, casebookId: string | null): Found<string> | null {
  if (!found || !casebookId || !/^[0-9]{4}/.test(casebookId)) return found;
  const cy = Number(casebookId.slice(0, 4));
  const y = Number(found.value.slice(0, 4));
  if (Math.abs(cy - y) <= 1) return found;
  const iso = toIso(cy, Number(found.value.slice(5, 7)), Number(found.value.slice(8, 10)));
  return iso ? { ...found, value: iso, confidence: 'low', rules: [...(found.rules ?? []), 'step/casebook-year'] } : found;
}
