// A document's text stored once: the lead it keeps and its notices' texts give it back exactly, and
// anything that would not is kept whole.

import { describe, expect, it } from 'vitest';
import { splitPosts } from '../../src/extract/split-posts.ts';
import { documentTextOf, offsetProblem, storedDocumentText } from '../../src/store/document-text.ts';

const CASEBOOK = [
  'source: https://example.invalid/casebook',
  '',
  '【セキュリティ事件簿#2024-001】架空商事株式会社 𠮷野家ではない𠮷田さんの情報が漏えい 🙏',
  '架空商事は不正アクセスを受けたと公表した。',
  '',
  '【セキュリティ事件簿#2024-002】みどり市 USBメモリ紛失',
  'みどり市は住民情報を保存したUSBメモリを紛失した。',
  '',
].join('\n');

const backFrom = (text: string, notices: Array<{ ordinal: number; text: string }>) => {
  const stored = storedDocumentText(text, notices);
  const texts = [...notices].sort((a, b) => a.ordinal - b.ordinal).map((n) => n.text);
  return { stored, back: documentTextOf(stored, texts) };
};

describe('storedDocumentText', () => {
  it('keeps only the lead of a document the splitter cut into posts, and gives the text back exactly', () => {
    const posts = splitPosts(CASEBOOK);
    expect(posts).toHaveLength(2);
    const { stored, back } = backFrom(CASEBOOK, posts.map((p, ordinal) => ({ ordinal, text: p.text })));
    expect(stored).toEqual({ leadText: 'source: https://example.invalid/casebook\n\n', wholeText: null });
    expect(back).toBe(CASEBOOK);
    // The notices' offsets still point into the text it gives back.
    for (const p of posts) expect(back.slice(p.start, p.end)).toBe(p.text);
  });

  it('orders the notices by ordinal, whatever order they come in', () => {
    const posts = splitPosts(CASEBOOK).map((p, ordinal) => ({ ordinal, text: p.text })).reverse();
    expect(backFrom(CASEBOOK, posts).stored.wholeText).toBeNull();
    expect(backFrom(CASEBOOK, posts).back).toBe(CASEBOOK);
  });

  it('keeps an empty lead for a bare notice that is the whole text, and the whole text as lead with no notices', () => {
    expect(storedDocumentText('本文のみ。', [{ ordinal: 0, text: '本文のみ。' }])).toEqual({ leadText: '', wholeText: null });
    expect(storedDocumentText('\n\n', [])).toEqual({ leadText: '\n\n', wholeText: null });
  });

  it('keeps the whole text when the notices do not hold the rest of it, in order', () => {
    const [a, b] = splitPosts(CASEBOOK).map((p) => p.text);
    const cases: Array<[string, Array<{ ordinal: number; text: string }>]> = [
      ['text after the last notice', [{ ordinal: 0, text: a! }, { ordinal: 1, text: b!.slice(0, -5) }]],
      ['the notices swapped', [{ ordinal: 0, text: b! }, { ordinal: 1, text: a! }]],
      ['a notice not in the text', [{ ordinal: 0, text: '別の文章' }]],
      ['notices longer than the text', [{ ordinal: 0, text: CASEBOOK }, { ordinal: 1, text: b! }]],
      ['a gap between notices', [{ ordinal: 0, text: a!.slice(0, -1) }, { ordinal: 1, text: b! }]],
    ];
    for (const [name, notices] of cases) {
      const { stored, back } = backFrom(CASEBOOK, notices);
      expect(stored, name).toEqual({ leadText: '', wholeText: CASEBOOK });
      expect(back, name).toBe(CASEBOOK);
    }
  });

  it('never cuts a character outside the basic plane in two between the lead and a notice', () => {
    const text = '𠮷本文';
    // '\udf77本文' alone would not survive a database's UTF-8: the whole text is kept instead.
    expect(storedDocumentText(text, [{ ordinal: 0, text: text.slice(1) }])).toEqual({ leadText: '', wholeText: text });
    expect(storedDocumentText(text, [{ ordinal: 0, text: text.slice(2) }])).toEqual({ leadText: '𠮷', wholeText: null });
  });
});

describe('offsetProblem', () => {
  const posts = splitPosts(CASEBOOK).map((p, k) => ({ id: k + 1, start: p.start, end: p.end, text: p.text }));
  const lead = { leadText: 'source: https://example.invalid/casebook\n\n', wholeText: null };
  const whole = { leadText: '', wholeText: CASEBOOK };

  it('finds nothing wrong with the splitter\'s offsets, in either layout', () => {
    expect(offsetProblem(lead, posts)).toBeNull();
    expect(offsetProblem(whole, posts)).toBeNull();
  });

  it('names the first notice whose offsets do not hold its text', () => {
    const moved = posts.map((p) => (p.id === 2 ? { ...p, start: p.start - 1 } : p));
    expect(offsetProblem(lead, moved)).toEqual({ noticeId: 2, detail: expect.stringContaining(`${posts[1]!.start - 1}–${posts[1]!.end}`) });
    expect(offsetProblem(whole, moved)?.noticeId).toBe(2);
    const shifted = posts.map((p) => ({ ...p, start: p.start + 1, end: p.end + 1 }));
    expect(offsetProblem(lead, shifted)?.noticeId).toBe(1);
    expect(offsetProblem(whole, shifted)?.noticeId).toBe(1);
    expect(offsetProblem(whole, [{ ...posts[1]!, end: CASEBOOK.length + 5, start: CASEBOOK.length + 5 - posts[1]!.text.length }])?.noticeId).toBe(2);
  });
});
