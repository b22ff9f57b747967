// Japanese full-text tokens shared by every store engine: overlapping character bigrams for CJK runs,
// whole lowercased words for everything else (what Lucene's CJKAnalyzer does).

/** Han, Hiragana, Katakana and Hangul letters are bigrammed; punctuation in those scripts is not. */
const CJK = /^[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Hangul}]$/u;
const TOKEN_CHAR = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;

/** One run of token characters: a CJK run is bigrammed, a word run is kept whole. */
interface Run {
  cjk: boolean;
  /** Code points, each with any combining marks that follow it, so a bigram never splits a character. */
  chars: string[];
}

/** NFKC then lowercase: full-width ASCII becomes ASCII, half-width kana becomes full-width. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function runsOf(normalized: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of normalized) {
    if (MARK.test(ch)) {
      // A mark belongs to the character before it; on its own it breaks nothing and starts nothing.
      if (current) current.chars[current.chars.length - 1] += ch;
      continue;
    }
    if (!TOKEN_CHAR.test(ch)) {
      current = null;
      continue;
    }
    const cjk = CJK.test(ch);
    if (!current || current.cjk !== cjk) {
      current = { cjk, chars: [] };
      runs.push(current);
    }
    current.chars.push(ch);
  }
  return runs;
}

function tokensOfRun(run: Run): string[] {
  if (!run.cjk) return [run.chars.join('')];
  // A lone CJK character between non-CJK characters is kept as a unigram so that it stays findable.
  if (run.chars.length === 1) return [run.chars[0] as string];
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < run.chars.length; i++) bigrams.push(`${run.chars[i]}${run.chars[i + 1]}`);
  return bigrams;
}

const CharClass = { Other: 1, Mark: 2, Cjk: 3, Word: 4 } as const;
type CharClass = (typeof CharClass)[keyof typeof CharClass];

/** Classes of the Basic Multilingual Plane, filled as characters are first seen (0: not yet). */
const BMP_CLASSES = new Uint8Array(0x10000);

function classOf(code: number): CharClass {
  if (code < 0x10000) return (BMP_CLASSES[code] ||= classify(String.fromCharCode(code))) as CharClass;
  return classify(String.fromCodePoint(code));
}

function classify(ch: string): CharClass {
  if (MARK.test(ch)) return CharClass.Mark;
  if (!TOKEN_CHAR.test(ch)) return CharClass.Other;
  return CJK.test(ch) ? CharClass.Cjk : CharClass.Word;
}

/**
 * The tokens of a text, in order. Each token consists of letters, digits and marks only. The same
 * tokens as runsOf + tokensOfRun (what queries use), in one pass over the text with each character's
 * class looked up in a table: this runs on every notice stored, where three Unicode property tests per
 * character cost more than storing the notice.
 */
export function tokenize(text: string): string[] {
  const s = normalizeForSearch(text);
  const tokens: string[] = [];
  let run: CharClass | null = null;
  let runStart = 0;
  // In a CJK run: where the current character (with its marks) and the one before it start.
  let unitStart = 0;
  let previousStart = -1;
  const endRun = (end: number) => {
    if (run === CharClass.Word) tokens.push(s.slice(runStart, end));
    else if (run === CharClass.Cjk) tokens.push(s.slice(previousStart >= 0 ? previousStart : unitStart, end));
    run = null;
  };
  for (let i = 0; i < s.length; ) {
    const code = s.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const kind = classOf(code);
    if (kind === CharClass.Mark) {
      // Part of the character before it, or dropped when there is none (as in runsOf).
    } else if (kind === CharClass.Other) {
      endRun(i);
    } else if (kind !== run) {
      endRun(i);
      run = kind;
      runStart = unitStart = i;
      previousStart = -1;
    } else if (kind === CharClass.Cjk) {
      if (previousStart >= 0) tokens.push(s.slice(previousStart, i));
      previousStart = unitStart;
      unitStart = i;
    }
    i += width;
  }
  endRun(s.length);
  return tokens;
}

/** The space-joined token string an engine indexes in place of the text. */
export function indexTokens(text: string): string {
  return tokenize(text).join(' ');
}

/** One query word as the index sees it: its tokens must appear adjacent and in order. */
export interface QueryPhrase {
  tokens: string[];
  /**
   * True when the word ends in a lone CJK character (「社」, 「A社」): the text may continue the run
   * (「A社は」 is indexed as `a 社は`), so the last token must match as a prefix. A one-character query
   * therefore finds the character where it starts a bigram or stands alone, but not as the last
   * character of a longer run (the 社 of 株式会社 at the end of a sentence).
   */
  prefix: boolean;
  /** Other spellings of the word, any of which matches in its place (`漏洩|漏えい`: see spelling-variants.ts). */
  or?: QueryPhrase[];
}

function phraseOf(word: string): QueryPhrase | null {
  const runs = runsOf(word);
  const last = runs[runs.length - 1];
  if (!last) return null;
  const tokens = runs.flatMap(tokensOfRun);
  return tokens.length > 0 ? { tokens, prefix: last.cjk && last.chars.length === 1 } : null;
}

/**
 * Whitespace-separated query words (after NFKC, so 全角 spaces count), each a phrase; they combine with
 * AND. A word of spellings joined by `|` (`漏洩|漏えい|ろうえい`) matches any one of them.
 */
export function queryPhrases(query: string): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  for (const word of normalizeForSearch(query).split(/\s+/u)) {
    const spellings: QueryPhrase[] = [];
    for (const spelling of word.split('|')) {
      const phrase = phraseOf(spelling);
      if (phrase && !spellings.some((p) => p.prefix === phrase.prefix && p.tokens.join(' ') === phrase.tokens.join(' '))) spellings.push(phrase);
    }
    const [first, ...others] = spellings;
    if (first) phrases.push(others.length > 0 ? { ...first, or: others } : first);
  }
  return phrases;
}

/** A word's spellings: itself and its `or`. */
export const spellingsOf = (phrase: QueryPhrase): QueryPhrase[] => [phrase, ...(phrase.or ?? [])];

/** The tokens of each query word; a word of two or more CJK characters becomes a phrase of its bigrams. */
export function queryTokens(query: string): string[][] {
  return queryPhrases(query).map((phrase) => phrase.tokens);
}
