// disclosure_date (公表日): the date ending the header, else the notice's own dated line, else "X は DATE、…発表".
import { CharPositions } from './char-positions.ts';
import type { Found, PostContext } from './context.ts';
import { datesIn, isoOf } from './context.ts';
import { headerDateStart } from './title.ts';

// A line that is only a date, as notices print their issue date (「2024年5月17日」「令和6年5月17日 発表」).
const DATE_LINE_TAIL_RE = /^\s*(?:付|発表|公表|現在)?\s*$/;
// …or after a label naming it the posting date (「掲載日：R7.2.7」「公表日 2025年2月7日」).
const DATE_LINE_HEAD_RE = /^\s*(?:(?:掲載|公表|発表|公開|発行|作成)(?:日|日付)|日付)?\s*[:：]?\s*$/;
const NEWS_RE = /(?:は|が)、?\s*$/;
const ANNOUNCE_RE = /発表|公表|明らかにし|記者会見/;

export function extractDisclosureDate(ctx: PostContext): Found<string> | null {
  const hs = headerDateStart(ctx);
  const hd = datesIn(ctx, 0, ctx.header.length).find((d) => d.start === hs);
  if (hd) {
    const iso = isoOf(ctx, hd);
    if (iso) return { value: iso, at: [[hd.start, hd.end]], confidence: hd.year === null ? 'medium' : 'high' };
  }
  const lines = new CharPositions(ctx.text, '\n');
  for (const d of ctx.dates) {
    if (d.start < ctx.bodyStart || d.year === null) continue;
    const lineStart = lines.lastAtOrBefore(Math.max(0, d.start - 1)) + 1;
    let lineEnd = lines.firstAtOrAfter(d.end);
    if (lineEnd < 0) lineEnd = ctx.text.length;
    if (DATE_LINE_HEAD_RE.test(ctx.text.slice(lineStart, d.start)) && DATE_LINE_TAIL_RE.test(ctx.text.slice(d.end, lineEnd))) {
      return { value: d.iso!, at: [[d.start, d.end]], confidence: 'high' };
    }
  }
  // News stories: 「東山市は2024年6月3日、…と発表した」 in the opening sentences.
  for (const s of ctx.sentences.slice(0, 3)) {
    for (const d of datesIn(ctx, s.start, s.end)) {
      // The end of the text before the date only: the regex tried from every character of it.
      if (d.year === null || !NEWS_RE.test(ctx.text.slice(s.start, d.start).trimEnd().slice(-2))) continue;
      if (ANNOUNCE_RE.test(ctx.text.slice(d.end, s.end))) return { value: d.iso!, at: [[d.start, d.end]], confidence: 'medium' };
    }
  }
  return null;
}
