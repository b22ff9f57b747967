// The one engine that applies rules: for each unit of a rule's scope, every match of its pattern that
// no guard, neighbour check or sentence condition voids becomes a hit. Fields decide from hits.
// A rule is run only on units that hold one of the strings its pattern cannot match without
// (literals.ts), found for all rules at once in one pass over each unit (literal-index.ts).
import type { PostContext } from '../context.ts';
import { GUARDS, type GuardInput, type GuardName } from './guards.ts';
import type { Rule, Scope } from './rule.ts';
import { requiredLiterals } from './literals.ts';
import { LiteralIndex } from './literal-index.ts';

/** A stretch of text a rule is applied to: the header, one body sentence, or a name. */
export interface Unit {
  /** where the unit starts in the normalised post text (names: where the name was found) */
  start: number;
  text: string;
  /** index among the body sentences; -1 for the header or a name */
  index: number;
}

export interface Hit<V> {
  rule: Rule<V>;
  unit: Unit;
  /** offsets in the normalised post text */
  start: number;
  end: number;
  /** the matched text */
  match: RegExpExecArray;
}

// Every notBefore pattern ends at the hit; the text before it is cut to this length, since a `…$`
// pattern is tried from every character (quadratic over a long sentence of hits).
const NOT_BEFORE_REACH = 64;
// A rule reports at most this many hits per unit: enough to decide, bounded on hostile text.
const MAX_HITS_PER_UNIT = 8;

interface Compiled<V> {
  rules: ReadonlyArray<Rule<V>>;
  scans: RegExp[];
  /** per rule: its number among all rules compiled so far */
  numbers: Int32Array;
}

// One index for all lists: a unit's text is scanned once for the strings of every rule, and gives the
// rules (by number) that can match it.
const INDEX = new LiteralIndex();
/** per string id: the rules whose sets hold it, each as rule number × 8 + the set's index */
const SETS_BY_STRING: number[][] = [];
/** per rule number: a bit for each of its sets (0 for a rule with none, which runs everywhere) */
const ALL_SETS: number[] = [];
/** changes whenever a list is compiled: what a unit was found to allow before is stale */
let rulesVersion = 0;

// Which rules can match each recent text. Every field reads the same sentences of a post (the same
// string objects), so each is scanned once per post; the memo is dropped whole when it grows past a
// few posts.
const ALLOWED = new Map<string, Uint8Array>();
const ALLOWED_MAX = 1024;
let allowedVersion = -1;

/** Per rule number, the sets of the rule that the text holds a string of, as bits. */
function allowedIn(text: string): Uint8Array {
  if (allowedVersion !== rulesVersion) {
    ALLOWED.clear();
    allowedVersion = rulesVersion;
  }
  let allowed = ALLOWED.get(text);
  if (!allowed) {
    if (ALLOWED.size >= ALLOWED_MAX) ALLOWED.clear();
    allowed = new Uint8Array(ALL_SETS.length);
    const held = INDEX.scan(text);
    for (let i = 0; i < held.length; i++) {
      const rs = SETS_BY_STRING[held[i]!];
      if (rs) for (let j = 0; j < rs.length; j++) allowed[rs[j]! >>> 3]! |= 1 << (rs[j]! & 7);
    }
    ALLOWED.set(text, allowed);
  }
  return allowed;
}

const NO_GUARD_INPUT = { text: '', start: 0, end: 0 };

const COMPILED = new WeakMap<ReadonlyArray<Rule<unknown>>, Compiled<unknown>>();

function compile<V>(rules: ReadonlyArray<Rule<V>>): Compiled<V> {
  let c = COMPILED.get(rules as ReadonlyArray<Rule<unknown>>) as Compiled<V> | undefined;
  if (c) return c;
  const scans = rules.map((r) => new RegExp(r.pattern.source, r.pattern.flags.includes('i') ? 'gi' : 'g'));
  const numbers = new Int32Array(rules.length);
  rules.forEach((r, k) => {
    const n = (numbers[k] = ALL_SETS.length);
    const sets = requiredLiterals(r.pattern) ?? [];
    ALL_SETS.push((1 << sets.length) - 1);
    sets.forEach((set, b) => {
      for (const id of INDEX.idsOf(set)) (SETS_BY_STRING[id] ??= []).push(n * 8 + b);
    });
  });
  rulesVersion++;
  c = { rules, scans, numbers };
  COMPILED.set(rules as ReadonlyArray<Rule<unknown>>, c as Compiled<unknown>);
  return c;
}

/** The units of a scope in a post. */
export function unitsOf(ctx: PostContext, scope: Exclude<Scope, 'name'>, until = Infinity): Unit[] {
  const header: Unit = { start: 0, text: ctx.header, index: -1 };
  const body = ctx.sentences.filter((s) => s.start < until).map((s, i) => ({ start: s.start, text: s.text, index: i }));
  if (scope === 'header') return [header];
  if (scope === 'sentence') return body;
  return [header, ...body];
}

export interface ApplyOptions {
  /** rule ids to leave out (the rule-example tests remove one rule at a time) */
  without?: ReadonlySet<string>;
  /** stop at the first unit that has any hit (for fields where the first sentence decides) */
  firstUnitOnly?: boolean;
}

/** Applies rules to units; hits come unit by unit, in rule order within a unit. */
export function applyRules<V>(rules: ReadonlyArray<Rule<V>>, units: readonly Unit[], opts: ApplyOptions = {}): Array<Hit<V>> {
  const c = compile(rules);
  const out: Array<Hit<V>> = [];
  const without = opts.without && opts.without.size > 0 ? opts.without : null;
  const g = { ...NO_GUARD_INPUT };
  for (const u of units) {
    // A rule runs where the unit holds a string of each of its sets (everywhere if it has none).
    const allowed = allowedIn(u.text);
    const before = out.length;
    g.text = u.text;
    for (let k = 0; k < c.rules.length; k++) {
      const num = c.numbers[k]!;
      if (allowed[num] !== ALL_SETS[num]) continue;
      const rule = c.rules[k]!;
      if (without?.has(rule.id)) continue;
      if (rule.requires && !rule.requires.test(u.text)) continue;
      if (rule.excludes && rule.excludes.test(u.text)) continue;
      const re = c.scans[k]!;
      re.lastIndex = 0;
      let n = 0;
      for (let m = re.exec(u.text); m && n < MAX_HITS_PER_UNIT; m = re.exec(u.text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const s = m.index;
        const e = s + m[0].length;
        if (rule.notAfter?.test(u.text.slice(e))) continue;
        if (rule.notBefore?.test(u.text.slice(Math.max(0, s - NOT_BEFORE_REACH), s))) continue;
        if (rule.guards && voided(rule.guards, g, s, e)) continue;
        out.push({ rule, unit: u, start: u.start + s, end: u.start + e, match: m });
        n++;
      }
    }
    if (opts.firstUnitOnly && out.length > before) break;
  }
  return out;
}

/** Whether any of the named guards voids a hit (one input object, no closure per hit). */
function voided(guards: readonly GuardName[], g: GuardInput, start: number, end: number): boolean {
  g.start = start;
  g.end = end;
  for (let i = 0; i < guards.length; i++) if (GUARDS[guards[i]!](g)) return true;
  return false;
}

/** The first hit of the first rule (in rule order) that has one; rules earlier in the list take precedence. */
export function firstByRuleOrder<V>(hits: ReadonlyArray<Hit<V>>): Hit<V> | null {
  let best: Hit<V> | null = null;
  let bestRank = Infinity;
  for (const h of hits) {
    const rank = rankOf(h.rule);
    if (rank < bestRank) {
      best = h;
      bestRank = rank;
    }
  }
  return best;
}

const RANK = new WeakMap<object, number>();
/** Registers the order of a rule list so that firstByRuleOrder can rank hits. */
export function ranked<V>(rules: ReadonlyArray<Rule<V>>): ReadonlyArray<Rule<V>> {
  rules.forEach((r, i) => RANK.set(r, i));
  return rules;
}
function rankOf(rule: object): number {
  return RANK.get(rule) ?? Infinity;
}
