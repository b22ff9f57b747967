// title: the header without its leading 【…】 label and trailing date, as written (not normalised).
import type { Found, PostContext } from './context.ts';
import { datesIn } from './context.ts';

const LABEL_RE = /^\s*【[^】\n]*】\s*/;

/** Normalised offset where a trailing date starts in the header, or the header's end. */
export function headerDateStart(ctx: PostContext): number {
  const h = ctx.header.trimEnd();
  const last = datesIn(ctx, 0, ctx.header.length).at(-1);
  if (last && h.slice(last.end).trim() === '') return last.start;
  return h.length;
}

export function extractTitle(ctx: PostContext): Found<string> | null {
  const label = LABEL_RE.exec(ctx.header);
  const start = label ? label[0].length : 0;
  const end = headerDateStart(ctx);
  if (end <= start) return null;
  // Cut the stored text through the offset map so the title keeps the characters as written (⼈ stays ⼈).
  const s = ctx.norm.starts[start]!;
  const e = ctx.norm.ends[end - 1]!;
  const raw = ctx.post.text.slice(s, e);
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  if (!value) return null;
  return { value, at: [[start + lead, end - (raw.length - raw.trimEnd().length)]] };
}
