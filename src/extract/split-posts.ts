// Cuts a document into posts: casebook entries at their header lines, or the whole text as one bare notice.
import type { Post } from './post.ts';

interface Line {
  text: string;
  start: number;
  end: number;
  blank: boolean;
}

// 【セキュリティ事件簿#2023-042】: a bracketed casebook label carrying a number after '#'.
export const CASEBOOK_HEADER_RE = /^\s*【[^】\n]{0,40}#[^】\n]{0,20}】/;
// 【搭乗記】タイトル: a short label in brackets with the title on the same line.
const LABELLED_TITLE_RE = /^\s*【([^】\n]{1,12})】\s*\S/;
// Section labels inside notices that look like labelled titles but are not.
const SECTION_LABEL_RE = /概要|経緯|原因|対応|対象|内容|再発|防止|お問い?合わせ|お願い|窓口|事案|事例|更新|追記|リリース|お知らせ|ご報告|お詫び|[0-9]/;
const SENTENCE_END_RE = /[。．.、,:：]\s*$/;
const BULLET_START_RE = /^\s*(?:[•・*※\-−(（①-⑳]|[0-9]+[.)．]|[(（][0-9]+[)）])/;
const SOURCE_LINE_RE = /^source:/i;
// Source credits and archive links close a post; they never open one.
const TRAILER_RE = /^\s*(?:出典|引用|参考|source|via)\s*[:：]|アーカイブ\s*$/i;

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const t = text.slice(start, end).replace(/\r$/, '');
    // A line of only spaces or no-break spaces separates paragraphs like an empty one.
    lines.push({ text: t, start, end, blank: /^[\s\u00a0\u3000]*$/.test(t) });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

function blankRun(lines: Line[], from: number, step: 1 | -1): number {
  let n = 0;
  for (let i = from; i >= 0 && i < lines.length && lines[i]!.blank; i += step) n++;
  return n;
}

// A title standing alone: set off by blank lines (two after it), title-length, not a sentence or list item.
function isStandaloneTitle(lines: Line[], i: number): boolean {
  const t = lines[i]!.text.trim();
  if (t.length < 20 || t.length > 200) return false;
  if (SENTENCE_END_RE.test(t) || BULLET_START_RE.test(t) || TRAILER_RE.test(t) || /^【[^】]*】$/.test(t)) return false;
  if (blankRun(lines, i - 1, -1) < 1) return false;
  const gap = blankRun(lines, i + 1, 1);
  // A title opens a body: the blank lines must lead somewhere, not to the end of the document.
  return gap >= 2 && i + 1 + gap < lines.length;
}

function isLabelledTitle(lines: Line[], i: number): boolean {
  const t = lines[i]!.text;
  const m = LABELLED_TITLE_RE.exec(t);
  if (!m || SECTION_LABEL_RE.test(m[1]!)) return false;
  if (SENTENCE_END_RE.test(t.trim())) return false;
  return blankRun(lines, i - 1, -1) >= 1;
}

/** Splits a document into posts. A document without any casebook header is one bare notice. */
export function splitPosts(text: string): Post[] {
  const lines = toLines(text);
  let first = 0;
  while (first < lines.length && (lines[first]!.blank || SOURCE_LINE_RE.test(lines[first]!.text))) first++;
  if (first >= lines.length) return [];
  const hasCasebook = lines.some((l) => CASEBOOK_HEADER_RE.test(l.text));
  const starts = [first];
  if (hasCasebook) {
    for (let i = first + 1; i < lines.length; i++) {
      if (lines[i]!.blank) continue;
      if (CASEBOOK_HEADER_RE.test(lines[i]!.text) || isLabelledTitle(lines, i) || isStandaloneTitle(lines, i)) {
        starts.push(i);
      }
    }
  }
  const posts: Post[] = [];
  for (let k = 0; k < starts.length; k++) {
    const line = lines[starts[k]!]!;
    const next = starts[k + 1];
    const start = line.start;
    const end = next === undefined ? text.length : lines[next]!.start;
    posts.push({ header: line.text.trimEnd(), text: text.slice(start, end), start, end });
  }
  return posts;
}
