// casebook_id: the number after '#' in a 【セキュリティ事件簿#2023-042】 header.
import type { Found, PostContext } from './context.ts';

const ID_RE = /^\s*【[^】#\n]*#\s*([0-9A-Za-z][0-9A-Za-z\-]*)\s*】/;

export function extractCasebookId(header: string): Found<string> | null {
  const m = ID_RE.exec(header);
  if (!m) return null;
  const at = m.index + m[0].indexOf(m[1]!, m[0].indexOf('#'));
  return { value: m[1]!, at: [[at, at + m[1]!.length]] };
}

/** The casebook number read from a context (its header is normalised; offsets stay within the header). */
export function casebookIdOf(ctx: PostContext): Found<string> | null {
  return extractCasebookId(ctx.header);
}
