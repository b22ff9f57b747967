// Incremental grouping reads a notice's contractor mentions without an index of every name: the
// store answers which of mentionCandidates are organisation keys. That gives what the whole index
// gives only if every name findContractorMentions could report is a candidate, and lies in the
// windows the store searches when a new organisation arrives. Checked on the grouping set and on
// random texts made of cues, names, legal forms, particles and marks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGroupingSet } from '../../bench/grouping-set.ts';
import { NameIndex, findContractorMentions, mentionCandidates, mentionStarts, mentionWindows, mentionsAmong, windowsMayName } from '../../src/analyze/contractor-mention.ts';
import { compactText, orgKey } from '../../src/analyze/org-name.ts';

/**
 * Every substring of 3 to 12 characters that could be an organisation's key (orgKey leaves it as it
 * is: no marks, no legal form): more names than any casebook has, including every real one.
 */
function allSubstrings(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) for (let n = 3; n <= 12 && i + n <= text.length; n++) out.add(text.slice(i, i + n));
  return [...out].filter((k) => orgKey(k) === k);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What the store answers for prefixes: every key beginning with each (orgKeysByPrefix). */
function byPrefix(prefixes: readonly string[], keys: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of prefixes) {
    const found = keys.filter((k) => k.startsWith(p));
    if (found.length > 0) out.set(p, found);
  }
  return out;
}

function check(compact: string, keys: string[], own: string | null): void {
  const whole = findContractorMentions(compact, new NameIndex(keys), own);
  const candidates = new Set(mentionCandidates(compact));
  const known = keys.filter((k) => candidates.has(k));
  expect(findContractorMentions(compact, new NameIndex(known), own)).toEqual(whole);
  // What regroup reads: the keys beginning with the prefixes, of which those among the candidates.
  const starts = mentionStarts(compact);
  expect(new Set(mentionsAmong(compact, starts, byPrefix(starts.map((s) => s.prefix), keys)))).toEqual(new Set(known));
  const windows = mentionWindows(compact);
  for (const m of whole) {
    expect(windows).toContain(m.key);
    expect(windowsMayName(windows, m.key)).toBe(true);
  }
}

describe('mention candidates', () => {
  const { notices } = loadGroupingSet();

  it('hold every contractor named in the grouping set, whatever the names known', () => {
    let mentions = 0;
    for (const n of notices) {
      const compact = compactText(n.text);
      const keys = allSubstrings(compact);
      check(compact, keys, orgKey(n.record.organization));
      mentions += findContractorMentions(compact, new NameIndex(keys), orgKey(n.record.organization)).length;
    }
    expect(mentions).toBeGreaterThan(20);
  });

  it('are the keys beginning with their prefixes that mentionsAmong picks, on texts with surrogate pairs and breaks', () => {
    const parts = ['委託先', '受託', 'の', 'は', '株式会社', '社', '𠮷野', '𩸽', 'データ', '・', '「', '」', ' ', 'abc', '様', '製'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 5 }), (words, extra) => {
      const compact = compactText(words.join(''));
      // As the store holds them: well-formed (a half of a surrogate pair alone is no stored text).
      const keys = [...allSubstrings(compact), compactText(extra.join(''))].filter((k) => k.length > 0 && !LONE_SURROGATE.test(k));
      const candidates = new Set(mentionCandidates(compact));
      const starts = mentionStarts(compact);
      expect(new Set(mentionsAmong(compact, starts, byPrefix(starts.map((s) => s.prefix), keys)))).toEqual(new Set(keys.filter((k) => candidates.has(k))));
    }), { numRuns: 400 });
  });

  it('hold every name on random texts of cues, names and marks', () => {
    const parts = ['委託先', '委託元', '受託', '業務委託', 'の', 'は', 'が', 'に', 'である', '株式会社', '(株)', '社', '様', '製', 'を装った',
      '、', '。', '「', '」', 'あさひ', 'データ', 'システム', '印刷', 'ミドリ', '市', '病院', 'サービス', 'abc', '12'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 60 }), fc.option(fc.constantFrom('あさひ', 'ミドリデータ')), (words, own) => {
      const compact = compactText(words.join(''));
      check(compact, allSubstrings(compact), own);
    }), { numRuns: 400 });
  });
});
