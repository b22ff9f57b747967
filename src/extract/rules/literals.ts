// The words a regular expression cannot match without: a set of strings such that every match contains
// at least one of them. 「(?:ご)?(?:連絡|報告)を受け」 needs one of {ご連絡を受け, ご報告を受け, 連絡を受け,
// 報告を受け}; a sentence holding none of them cannot match, so the engine need not run the pattern
// on it. The answer is null when no such set is known (a match may be all `[^。]`, or a back-reference);
// the engine then always runs the pattern.
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Exact sets larger than this are not expanded further: the products of a sequence grow fast. */
const MAX_EXACT = 48;
/** A requirement of more strings than this is given up (a list of a hundred nouns is still worth checking). */
const MAX_NEED = 256;
/** A class of more characters than this is not worth listing as single-character literals. */
const MAX_CLASS = 12;

// What a node can match, as far as the analysis knows:
// - exact: every string it can match (zero-width nodes: the empty string), when few enough to list;
// - need: strings of which every match contains one (null: none known).
interface Info {
  exact: Set<string> | null;
  need: Set<string> | null;
}

const EMPTY: Info = { exact: new Set(['']), need: null };
const UNKNOWN: Info = { exact: null, need: null };

function cross(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** A set worth checking: no empty string (that is no requirement) and not too many strings. */
function usable(s: Set<string> | null): s is Set<string> {
  return !!s && s.size > 0 && s.size <= MAX_NEED && !s.has('');
}

// How likely a text is to hold one of the strings, for choosing among necessary sets: single
// characters (kana, punctuation) are nearly everywhere, two-character words are rarer, longer rarer still.
function cost(s: Set<string>): number {
  let c = 0;
  for (const x of s) c += x.length === 1 ? (/[一-龥]/.test(x) ? 0.3 : 1) : x.length === 2 ? 0.05 : 0.01;
  return c;
}

function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!usable(a)) return usable(b) ? b : null;
  if (!usable(b)) return a;
  return cost(b) < cost(a) ? b : a;
}

function alternatives(alts: readonly AST.Alternative[]): Info {
  let exact: Set<string> | null = new Set();
  let need: Set<string> | null = new Set();
  for (const a of alts) {
    const i = sequence(a.elements);
    if (exact && i.exact) {
      for (const x of i.exact) exact.add(x);
      if (exact.size > MAX_EXACT) exact = null;
    } else exact = null;
    // Every alternative must bring its own requirement, or the union requires nothing.
    const n = usable(i.exact) ? better(i.exact, i.need) : i.need;
    if (need && usable(n)) for (const x of n) need.add(x);
    else need = null;
  }
  return { exact, need: need && usable(need) ? need : null };
}

function sequence(elements: readonly AST.Element[]): Info {
  let exact: Set<string> | null = new Set(['']);
  let best: Set<string> | null = null;
  // `run` is the exact product of the elements since the last one that could not be listed.
  let run: Set<string> | null = new Set(['']);
  for (const e of elements) {
    const i = element(e);
    best = better(best, i.need);
    if (i.exact) {
      const next: Set<string> | null = run ? cross(run, i.exact) : null;
      if (next) run = next;
      else {
        // The run cannot grow without getting too large: keep what it requires, start anew from here.
        best = better(best, run);
        run = i.exact;
      }
      exact = exact ? cross(exact, i.exact) : null;
    } else {
      best = better(best, run);
      run = new Set(['']);
      exact = null;
    }
  }
  best = better(best, run);
  return { exact, need: best };
}

function chars(e: AST.CharacterClass): Set<string> | null {
  if (e.negate) return null;
  const out = new Set<string>();
  for (const x of e.elements) {
    if (x.type === 'Character') out.add(foldCase(String.fromCodePoint(x.value)));
    else if (x.type === 'CharacterClassRange' && x.max.value - x.min.value < MAX_CLASS) {
      for (let c = x.min.value; c <= x.max.value; c++) out.add(foldCase(String.fromCodePoint(c)));
    } else return null;
    if (out.size > MAX_CLASS) return null;
  }
  return out;
}

function element(e: AST.Element): Info {
  switch (e.type) {
    case 'Character':
      // Latin letters in lower case: the index looks strings up without regard to case, which also
      // serves patterns with the `i` flag.
      return { exact: new Set([foldCase(String.fromCodePoint(e.value))]), need: null };
    case 'CharacterClass': {
      const s = chars(e);
      return s ? { exact: s, need: null } : UNKNOWN;
    }
    case 'CharacterSet':
      return UNKNOWN;
    case 'Assertion': {
      // Zero width: it adds no characters to the match. What a positive lookaround asks for is still
      // in the text the pattern runs on (a lookbehind sees no further back than the text's start).
      if ((e.kind === 'lookahead' || e.kind === 'lookbehind') && !e.negate) {
        const i = alternatives(e.alternatives);
        return { exact: new Set(['']), need: usable(i.exact) ? better(i.exact, i.need) : i.need };
      }
      return EMPTY;
    }
    case 'Group':
    case 'CapturingGroup':
      return alternatives(e.alternatives);
    case 'Quantifier': {
      const inner = element(e.element);
      const need = e.min >= 1 ? (usable(inner.exact) ? better(inner.exact, inner.need) : inner.need) : null;
      let exact: Set<string> | null = null;
      if (inner.exact && e.max <= 3) {
        // x? x{0,2} x{2}: list every repetition count.
        exact = e.min === 0 ? new Set(['']) : null;
        let power: Set<string> | null = new Set(['']);
        for (let k = 1; k <= e.max && power; k++) {
          power = cross(power, inner.exact);
          if (power && k >= e.min) exact = exact ? unionCapped(exact, power) : new Set(power);
        }
        if (!power) exact = null;
      }
      return { exact, need };
    }
    case 'Backreference':
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function unionCapped(a: Set<string>, b: Set<string>): Set<string> | null {
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out.size > MAX_EXACT ? null : out;
}

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** Latin capitals to small letters, nothing else: how the index compares text. */
export function foldCase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Strings of which every match of `re` contains one, Latin letters in small case; null when none are known. */
export function requiredLiterals(re: RegExp): string[] | null {
  const pattern = parser.parsePattern(re.source, 0, re.source.length, { unicode: re.flags.includes('u') });
  const i = alternatives(pattern.alternatives);
  const s = usable(i.exact) ? better(i.exact, i.need) : i.need;
  if (!usable(s)) return null;
  // A string that holds a shorter one of the set adds nothing: the shorter one is found wherever it is.
  const list = [...s].sort((a, b) => a.length - b.length);
  return list.filter((x, k) => !list.slice(0, k).some((y) => x.includes(y)));
}
