// The words a regular expression cannot match without. The answer is a few sets of strings; a text
// the pattern matches holds a string of every set. 「(?:ご)?(?:連絡|報告)を受け」 needs one of
// {連絡を受け, 報告を受け}; 「(?:から|より)(?<=(?:顧客|会員)(?:から|より))…(?:連絡|報告)」 needs one of
// {から, より}, one of {顧客, 会員} and one of {連絡, 報告}. A sentence lacking a set cannot match, so the
// engine need not run the pattern on it. The answer is null when nothing is known (a match may be all
// `[^。]`, or a back-reference); the engine then always runs the pattern.
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** Exact sets larger than this are not expanded further: the products of a sequence grow fast. */
const MAX_EXACT = 48;
/** A set of more strings than this is given up (a list of a hundred nouns is still worth checking). */
const MAX_NEED = 256;
/** A class of more characters than this is not worth listing as single-character literals. */
const MAX_CLASS = 12;
/** The most sets kept for one node: the rarest ones. */
const MAX_SETS = 3;
/** Alternatives whose sets combine in more ways than this are combined rank by rank only. */
const MAX_COMBINATIONS = 64;

type Need = Set<string>[];

// What a node can match, as far as the analysis knows:
// - exact: every string it can match (zero-width nodes: the empty string), when few enough to list;
// - need: sets of strings; every match (or, for a lookaround, the text around it) holds one of each set.
interface Info {
  exact: Set<string> | null;
  need: Need;
}

const EMPTY: Info = { exact: new Set(['']), need: [] };
const UNKNOWN: Info = { exact: null, need: [] };

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

// How likely a text is to hold one of the strings, for choosing among sets: single characters are
// nearly everywhere, and kana-only strings are grammar (から, された) that most sentences hold.
function cost(s: Set<string>): number {
  let c = COST.get(s);
  if (c !== undefined) return c;
  c = 0;
  for (const x of s) c += x.length === 1 ? (isKanji(x.charCodeAt(0)) ? 0.3 : 1) : x.length === 2 ? (isKana(x) ? 0.5 : 0.05) : x.length === 3 && isKana(x) ? 0.15 : 0.01;
  COST.set(s, c);
  return c;
}
const COST = new WeakMap<Set<string>, number>();
const isKanji = (c: number) => c >= 0x4e00 && c <= 0x9fff;
function isKana(x: string): boolean {
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (!((c >= 0x3041 && c <= 0x3096) || c === 0x3001)) return false;
  }
  return true;
}


/** Whether a text holding a string of `a` always holds one of `b` (each string of a contains one of b). */
function implies(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) {
    let found = false;
    for (const y of b) {
      if (x.includes(y)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** The rarest usable sets, at most MAX_SETS, leaving out any that a rarer one already implies (or equals). */
function rarest(sets: ReadonlyArray<Set<string> | null>): Need {
  const all = [...new Set(sets.filter(usable))].map((s) => ({ s, c: cost(s) }));
  all.sort((a, b) => a.c - b.c);
  const out: Need = [];
  for (const { s } of all) {
    if (out.length === MAX_SETS) break;
    if (!out.some((kept) => implies(kept, s))) out.push(s);
  }
  return out;
}

/** What a node requires, its exact strings counted as one more set. */
function needOf(i: Info): Need {
  return rarest([...i.need, i.exact]);
}

function union(sets: ReadonlyArray<Set<string>>): Set<string> | null {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out.size > MAX_NEED ? null : out;
}

function alternatives(alts: readonly AST.Alternative[]): Info {
  const infos = alts.map((a) => sequence(a.elements));
  let exact: Set<string> | null = new Set();
  for (const i of infos) {
    if (!exact || !i.exact) {
      exact = null;
      break;
    }
    for (const x of i.exact) exact.add(x);
    if (exact.size > MAX_EXACT) exact = null;
  }
  const needs = infos.map(needOf);
  if (needs.length === 1) return { exact, need: needs[0]! };
  // Every alternative must bring its own requirement, or the alternation requires nothing. A set
  // taken from each alternative gives, together, a set the alternation requires; try each choice
  // where there are few, else pair the alternatives' sets rank by rank.
  if (needs.some((n) => n.length === 0)) return { exact, need: [] };
  const combined: Array<Set<string> | null> = [];
  const ways = needs.reduce((p, n) => p * n.length, 1);
  if (ways <= MAX_COMBINATIONS) {
    const choose = (k: number, picked: Array<Set<string>>): void => {
      if (k === needs.length) combined.push(union(picked));
      else for (const s of needs[k]!) choose(k + 1, [...picked, s]);
    };
    choose(0, []);
  } else {
    for (let r = 0; r < MAX_SETS; r++) combined.push(union(needs.map((n) => n[Math.min(r, n.length - 1)]!)));
  }
  return { exact, need: rarest(combined) };
}

function sequence(elements: readonly AST.Element[]): Info {
  let exact: Set<string> | null = new Set(['']);
  const sets: Array<Set<string> | null> = [];
  // `run` is the exact product of the elements since the last one that could not be listed; plain
  // characters wait in `text` and join it as one string.
  let run: Set<string> = new Set(['']);
  let text = '';
  const add = (x: Set<string>): void => {
    const next = cross(run, x);
    if (next) run = next;
    else {
      // The run cannot grow without getting too large: keep what it requires, start anew from here.
      sets.push(run);
      run = x;
    }
    exact = exact ? cross(exact, x) : null;
  };
  for (const e of elements) {
    if (e.type === 'Character') {
      text += foldCase(String.fromCodePoint(e.value));
      continue;
    }
    if (text) add(new Set([text]));
    text = '';
    const i = element(e);
    sets.push(...i.need);
    if (i.exact) add(i.exact);
    else {
      sets.push(run);
      run = new Set(['']);
      exact = null;
    }
  }
  if (text) add(new Set([text]));
  sets.push(run);
  return { exact, need: rarest(sets) };
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
      return { exact: new Set([foldCase(String.fromCodePoint(e.value))]), need: [] };
    case 'CharacterClass': {
      const s = chars(e);
      return s ? { exact: s, need: [] } : UNKNOWN;
    }
    case 'CharacterSet':
      return UNKNOWN;
    case 'Assertion': {
      // Zero width: it adds no characters to the match. What a positive lookaround asks for is still
      // in the text the pattern runs on (a lookbehind sees no further back than the text's start).
      if ((e.kind === 'lookahead' || e.kind === 'lookbehind') && !e.negate) return { exact: new Set(['']), need: needOf(alternatives(e.alternatives)) };
      return EMPTY;
    }
    case 'Group':
    case 'CapturingGroup': {
      // Rules share sub-patterns (a list of nouns, the verbs of telling): each is read once.
      let i = GROUPS.get(e.raw);
      if (!i) GROUPS.set(e.raw, (i = alternatives(e.alternatives)));
      return i;
    }
    case 'Quantifier': {
      const inner = element(e.element);
      const need = e.min >= 1 ? needOf(inner) : [];
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
    default:
      // a back-reference: nothing known
      return UNKNOWN;
  }
}

/** What each group's text requires; the sets in it are never changed once made. */
const GROUPS = new Map<string, Info>();

function unionCapped(a: Set<string>, b: Set<string>): Set<string> | null {
  const out = new Set(a);
  for (const x of b) out.add(x);
  return out.size > MAX_EXACT ? null : out;
}

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** Latin capitals to small letters, nothing else: how the index compares text. */
export function foldCase(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s;
}

/**
 * Sets of strings, Latin letters in small case, such that a text `re` matches holds one string of
 * every set; null when none are known. The sets are the rarest found, at most three.
 */
export function requiredLiterals(re: RegExp): string[][] | null {
  const pattern = parser.parsePattern(re.source, 0, re.source.length, { unicode: re.flags.includes('u') });
  const need = needOf(alternatives(pattern.alternatives));
  if (need.length === 0) return null;
  // A string that holds a shorter one of its set adds nothing: the shorter one is found wherever it is.
  return need.map((s) => {
    const kept: string[] = [];
    for (const x of [...s].sort((a, b) => a.length - b.length)) if (!kept.some((y) => x.includes(y))) kept.push(x);
    return kept;
  });
}
