// The dates the date fields read: every written date of the post (ctx.dates) and the day-only and relative
// ones (「23日」「同日」「翌日」) that take their month from the date before them.
import { findRelativeDates, type DateMention } from '../core/japanese-date.ts';
import type { PostContext } from './context.ts';

const MERGED = new WeakMap<DateMention[], DateMention[]>();
const RELATIVE = new WeakSet<DateMention>();

/** Written and relative dates of the post, in text order. */
export function allDates(ctx: PostContext): DateMention[] {
  let all = MERGED.get(ctx.dates);
  if (!all) {
    const rel = findRelativeDates(ctx.text, ctx.dates);
    for (const d of rel) RELATIVE.add(d);
    all = rel.length ? [...ctx.dates, ...rel].sort((a, b) => a.start - b.start) : ctx.dates;
    MERGED.set(ctx.dates, all);
  }
  return all;
}

/** Written and relative dates inside a range of the normalised text. */
export function datesWithin(ctx: PostContext, start: number, end: number): DateMention[] {
  const all = allDates(ctx);
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: DateMention[] = [];
  for (let i = lo; i < all.length && all[i]!.start < end; i++) if (all[i]!.end <= end) out.push(all[i]!);
  return out;
}

/** True for a day-only or relative date (「23日」「同日」), whose month was borrowed from the date before it. */
export function isRelative(ctx: PostContext, d: DateMention): boolean {
  allDates(ctx);
  return RELATIVE.has(d);
}
