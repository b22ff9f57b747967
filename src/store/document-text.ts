// Each text stored once: a notice keeps its post's text, its document only the text in none of its notices.
//
// The splitter cuts a document into posts that run from the first post line to the end of the text, one
// after another (split-posts.ts), so what no notice holds is the lead: the blank and `source:` lines
// before the first post. A document's text is then its lead followed by its notices' texts in ordinal
// order. When the notices do not hold the rest of it exactly (notices made by hand, or text that does
// not reassemble), the document keeps its whole text instead, so nothing is ever lost.

/** What a document row holds of its text. */
export interface StoredDocumentText {
  /** The text before the first notice; '' when `wholeText` is set. */
  leadText: string;
  /** The whole text, only where the lead and the notices' texts do not give it back exactly; else null. */
  wholeText: string | null;
}

/** A UTF-16 low surrogate: an offset just before it would cut a character in two. */
function cutsPair(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** How to store `text` given the notices cut from it: the lead alone when they hold the rest, in order. */
export function storedDocumentText(text: string, notices: ReadonlyArray<{ ordinal: number; text: string }>): StoredDocumentText {
  const whole = { leadText: '', wholeText: text };
  const ordered = [...notices].sort((a, b) => a.ordinal - b.ordinal);
  let held = 0;
  for (const n of ordered) held += n.text.length;
  let at = text.length - held;
  if (at < 0) return whole;
  const leadLength = at;
  for (const n of ordered) {
    if (n.text.length > 0 && cutsPair(text, at)) return whole;
    if (!text.startsWith(n.text, at)) return whole;
    at += n.text.length;
  }
  return { leadText: text.slice(0, leadLength), wholeText: null };
}

/** The document's text back from what its row holds and its notices' texts in ordinal order. */
export function documentTextOf(stored: StoredDocumentText, noticeTexts: readonly string[]): string {
  return stored.wholeText ?? stored.leadText + noticeTexts.join('');
}

export interface NoticeSpan {
  id: number;
  /** Offsets into the document's text, in UTF-16 code units, as the splitter gave them. */
  start: number;
  end: number;
  text: string;
}

/**
 * The first notice whose offsets do not hold its text in its document's text (the evidence and the
 * document's text rely on them), with what is wrong; null when every one does. Notices in ordinal order.
 */
export function offsetProblem(stored: StoredDocumentText, notices: readonly NoticeSpan[]): { noticeId: number; detail: string } | null {
  if (stored.wholeText !== null) {
    const whole = stored.wholeText;
    const bad = notices.find((n) => n.start < 0 || n.end > whole.length || n.end - n.start !== n.text.length || !whole.startsWith(n.text, n.start));
    return bad ? { noticeId: bad.id, detail: `its offsets ${bad.start}–${bad.end} do not hold its text in its document's text` } : null;
  }
  let at = stored.leadText.length;
  for (const n of notices) {
    if (n.start !== at || n.end !== at + n.text.length) {
      return { noticeId: n.id, detail: `its offsets are ${n.start}–${n.end}, but its text is at ${at}–${at + n.text.length} of its document's text` };
    }
    at = n.end;
  }
  return null;
}
