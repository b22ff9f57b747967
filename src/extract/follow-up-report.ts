// A follow-up report (第2報, 続報, 「…にてお知らせいたしました」) learned of the attack before it was written: data of
// its found on a leak site later is news about the leak, not how or when the organisation learned of the event.
// discovery.ts and discovered-date.ts both read it so.
import type { PostContext } from './context.ts';

const FOLLOW_UP_RE = /第\s*[2-9]\s*報|続報|にてお知らせ(?:いたしました|しました)/;
/** How far into a post its follow-up marker is looked for. */
const OPENING = 600;

export const LEAK_SITE_RE = /リークサイト|暴露サイト|leak\s*site/i;

export function isFollowUpReport(ctx: PostContext): boolean {
  return FOLLOW_UP_RE.test(ctx.header) || FOLLOW_UP_RE.test(ctx.text.slice(0, OPENING));
}
