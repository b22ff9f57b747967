// The strings a pattern cannot match without (literals.ts) and the index that finds them in a text
// (literal-index.ts). The engine skips a rule on a unit holding none of its strings, so a wrong set
// would silently lose hits: the sets are checked against every rule's examples and every real
// sentence of ../shared, and against random text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/extract/context.ts';
import { splitPosts } from '../../src/extract/split-posts.ts';
import { foldCase, requiredLiterals } from '../../src/extract/rules/literals.ts';
import { LiteralIndex } from '../../src/extract/rules/literal-index.ts';
import { ALL_RULES } from '../../src/extract/rules/index.ts';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';

/** The sets, each sorted, in a fixed order. */
const sets = (re: RegExp) => requiredLiterals(re)?.map((x) => x.slice().sort()).sort((x, y) => x.join().localeCompare(y.join())) ?? null;
const expected = (...xs: string[][]) => xs.map((x) => x.slice().sort()).sort((x, y) => x.join().localeCompare(y.join()));
/** Whether the text holds a string of every set. */
const holds = (need: string[][], text: string) => need.every((set) => set.some((s) => foldCase(text).includes(s)));

describe('requiredLiterals', () => {
  it('lists the words of an alternation, joined with the fixed text around them', () => {
    expect(sets(/(?:ご)?(?:連絡|報告)を受け/)).toEqual(expected(['報告を受け', '連絡を受け']));
    expect(sets(/書類を(?:紛失|盗難)/)).toEqual(expected(['書類を盗難', '書類を紛失']));
  });

  it('keeps both sides of free text, each a set of its own', () => {
    expect(sets(/委託先[^。]{0,20}から/)).toEqual(expected(['委託先'], ['から']));
    expect(sets(/(?:から|より)[^。]{0,30}(?:不正アクセス|ランサムウェア)/)).toEqual(expected(['から', 'より'], ['ランサムウェア', '不正アクセス']));
  });

  it('keeps the three rarest sets of a long sequence', () => {
    const need = sets(/顧客[^。]{0,5}から[^。]{0,5}の[^。]{0,5}連絡[^。]{0,5}を受け/)!;
    expect(need).toHaveLength(3);
    expect(need.flat()).not.toContain('の'); // one kana is in nearly every sentence
    expect(need.flat()).toEqual(expect.arrayContaining(['顧客', '連絡']));
  });

  it('knows nothing where a match can be made of anything', () => {
    expect(requiredLiterals(/[^。]{2,40}/)).toBeNull();
    expect(requiredLiterals(/紛失|[^。]{1,3}/)).toBeNull(); // one alternative requires nothing
    expect(requiredLiterals(/(?:様)?(?:の方)?/)).toBeNull(); // can match the empty string
    expect(requiredLiterals(/(.)\1/)).toBeNull(); // a back-reference is never listed
  });

  it('gives Latin letters in small case, for patterns with or without the i flag', () => {
    expect(sets(/DDoS攻撃/i)).toEqual(expected(['ddos攻撃']));
    expect(sets(/(?:LockBit|Akira)/)).toEqual(expected(['akira', 'lockbit']));
  });

  it('counts what a positive lookaround asks for, but not a negative one', () => {
    expect(sets(/(?<=委託先の)(?:から|より)/)).toEqual(expected(['委託先の'], ['から', 'より']));
    expect(sets(/(?<!委託先の)(?:から|より)/)).toEqual(expected(['から', 'より']));
    expect(sets(/報告(?=を受け)/)).toEqual(expected(['報告'], ['を受け']));
  });

  it('lists a small character class and an optional part as the strings they stand for', () => {
    expect(sets(/ランサムウ[ェエ]ア/)).toEqual(expected(['ランサムウェア', 'ランサムウエア']));
    expect(sets(/不正(?:な)?アクセス/)).toEqual(expected(['不正アクセス', '不正なアクセス']));
  });

  it('joins a set from each alternative into a set the alternation needs', () => {
    // 「顧客…連絡」 or 「会員…報告」: every match holds 顧客 or 会員, and 連絡 or 報告, and so on.
    const need = requiredLiterals(/顧客[^。]{0,3}連絡|会員[^。]{0,3}報告/)!;
    expect(need.length).toBeGreaterThan(0);
    for (const set of need) expect(set).toHaveLength(2);
    expect(holds(need, '顧客から連絡')).toBe(true);
    expect(holds(need, '会員より報告')).toBe(true);
    expect(holds(need, '顧客より報告')).toBe(need.every((set) => set.includes('顧客') || set.includes('報告')));
  });

  // A set is sound when every match contains one of its strings: random text over an alphabet of the
  // patterns' own characters and a few others tries the corners (optional parts, nearby words).
  // Each pattern with pieces of its own words and a few others, so that random texts often match.
  const CASES: Array<[RegExp, string[]]> = [
    [/(?:ご)?(?:連絡|報告)を受け/, ['ご', '連絡', '報告', 'を受け', 'を', '受け', '連', '。']],
    [/委託先[^。]{0,4}から/, ['委託先', '委託', 'の', 'から', 'か', '。', 'x']],
    [/(?<=委託先の)(?:から|より)/, ['委託先', 'の', 'から', 'より', '委託', '。']],
    [/不正(?:な)?アクセス(?:を受け|が)/, ['不正', 'な', 'アクセス', 'を受け', 'が', '不', '。']],
    [/(?:A|B)(?:C|D)?(?:E|F)/, [...'ABCDEFabcdef']],
    [/ab?c{1,2}d/i, [...'abcdABCDx']],
    [/(?:x|y)[^。]{0,2}z|w{2}/, [...'xyzw。a']],
    [/顧客[^。]{0,3}連絡|会員[^。]{0,3}報告/, ['顧客', '会員', '連絡', '報告', 'から', '。']],
    [/(?:から|より)(?<=(?:顧客|会員)(?:から|より))[^。]{0,3}(?:連絡|報告)/, ['顧客', '会員', 'から', 'より', '連絡', '報告', 'の', '。']],
  ];

  it.each(CASES.map(([p, pieces]) => [String(p), p, pieces] as const))('finds a listed string in every match of %s', (_, p, pieces) => {
    const need = requiredLiterals(p)!;
    expect(need).not.toBeNull();
    let matched = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (chosen) => {
        const text = chosen.join('');
        if (!p.test(text)) return true;
        matched++;
        return holds(need, text);
      }),
      { numRuns: 4000 },
    );
    expect(matched).toBeGreaterThan(20); // the property was tried on matching texts, not only on others
  });
});

describe('every rule', () => {
  it('has a set of strings, or is one of the few that must always run', () => {
    const always = ALL_RULES.filter((r) => requiredLiterals(r.pattern) === null).map((r) => r.id);
    expect(always.length).toBeLessThanOrEqual(5);
  });

  const texts = (): string[] => {
    const out: string[] = [];
    for (const r of ALL_RULES) for (const e of [...r.examples.match, ...r.examples.noMatch]) out.push((typeof e === 'string' ? e : e.text).normalize('NFKC'));
    return out;
  };

  it('matches no example that holds none of its strings', () => {
    expect(unsound(texts())).toEqual([]);
  });

  const DIRS = ['corpus/dev', 'corpus/seeds'].map(sharedPath);
  it.skipIf(!haveShared('literals against the real notices', ...DIRS))('matches no sentence of a real notice that holds none of its strings', () => {
    const units: string[] = [];
    for (const d of DIRS) {
      for (const f of readdirSync(d)) {
        for (const post of splitPosts(readFileSync(join(d, f), 'utf8'))) {
          const ctx = buildContext(post, null);
          units.push(ctx.header, ...ctx.sentences.map((s) => s.text));
        }
      }
    }
    expect(units.length).toBeGreaterThan(2000);
    expect(unsound(units)).toEqual([]);
  });
});

/** Rule ids with a text the rule matches but that lacks every string of one of the rule's sets. */
function unsound(texts: string[]): string[] {
  const bad: string[] = [];
  for (const r of ALL_RULES) {
    const need = requiredLiterals(r.pattern);
    if (!need) continue;
    const re = new RegExp(r.pattern.source, r.pattern.flags.replace('g', ''));
    for (const t of texts) {
      if (re.test(t) && !holds(need, t)) {
        bad.push(`${r.id}: ${t.slice(0, 40)}`);
        break;
      }
    }
  }
  return bad;
}

describe('LiteralIndex', () => {
  it('finds each string once, at the start, in the middle, at the end, in any Latin case', () => {
    const index = new LiteralIndex();
    const [a, b, c, d, e] = index.idsOf(['紛失', '誤送信', 'の', 'ddos', '送信']);
    const found = index.scan('紛失の後、DDoS攻撃の件で誤送信');
    expect(new Set(found)).toEqual(new Set([a, b, c, d, e]));
    expect(found.length).toBe(5);
    expect(index.scan('何もありません')).toEqual([]);
    expect(index.scan('誤送')).toEqual([]); // a prefix of a string is not the string
  });

  it('finds strings added after earlier scans', () => {
    const index = new LiteralIndex();
    index.idsOf(['紛失']);
    expect(index.scan('盗難')).toEqual([]);
    const [id] = index.idsOf(['盗難']);
    expect(index.scan('盗難')).toEqual([id]);
    expect(index.idsOf(['盗難'])).toEqual(Int32Array.of(id!)); // the same string keeps its id
  });

  it('finds exactly the strings that String.includes finds', () => {
    const words = ['あい', 'あいう', 'いう', 'う', 'ab', 'AbC', '漢字', '字あ', 'かなカナ'];
    const index = new LiteralIndex();
    const ids = index.idsOf(words);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'あいうabcABC漢字かなカナ。'), { maxLength: 20 }), (chars) => {
        const text = chars.join('');
        const got = new Set(index.scan(text));
        const want = new Set(words.flatMap((w, k) => (foldCase(text).includes(foldCase(w)) ? [ids[k]!] : [])));
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});
