// How much of a notice a page renders: a 45 MB notice must not make a 45 MB page. The whole text
// stays downloadable (/notices/:id/text, and the original at /documents/:id/original).

/** Characters of a notice's text shown on a page; a real notice is a few thousand. */
export const MAX_PAGE_TEXT_CHARS = 100_000;
/** Characters of a title or header shown; a header is a notice's first line, which may be its whole text. */
export const MAX_TITLE_CHARS = 300;

/** The first `max` characters, cut between code points (never inside a surrogate pair). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max);
  return text.slice(0, code >= 0xdc00 && code <= 0xdfff ? max - 1 : max);
}

/** A title as a page shows it: at most MAX_TITLE_CHARS, with an ellipsis where it was cut. */
export function clipTitle(title: string): string;
export function clipTitle(title: string | null | undefined): string | null;
export function clipTitle(title: string | null | undefined): string | null {
  if (title === null || title === undefined) return null;
  return title.length <= MAX_TITLE_CHARS ? title : `${clipText(title, MAX_TITLE_CHARS)}…`;
}
