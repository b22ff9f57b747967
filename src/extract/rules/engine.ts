// The one engine that applies rules: for each unit of a rule's scope, every match of its pattern that
// no guard, neighbour check or sentence condition voids becomes a hit. Fields decide from hits.
import type { PostContext } from '../context.ts';
import { GUARDS, type GuardInput, type GuardName } from './guards.ts';
import type { Rule, Scope } from './rule.ts';

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
  /** one test that every unit must pass before any rule is tried on it */
  any: RegExp | null;
}
const NO_GUARD_INPUT = { text: '', start: 0, end: 0 };

const COMPILED = new WeakMap<ReadonlyArray<Rule<unknown>>, Compiled<unknown>>();

function compile<V>(rules: ReadonlyArray<Rule<V>>): Compiled<V> {
  let c = COMPILED.get(rules as ReadonlyArray<Rule<unknown>>) as Compiled<V> | undefined;
  if (c) return c;
  const scans = rules.map((r) => new RegExp(r.pattern.source, r.pattern.flags.includes('i') ? 'gi' : 'g'));
  const ci = rules.some((r) => r.pattern.flags.includes('i'));
  let any: RegExp | null = null;
  // A list of one rule needs no gate: the gate would be the rule's own pattern, run twice.
  if (rules.length > 1) try {
    any = new RegExp(rules.map((r) => `(?:${r.pattern.source})`).join('|'), ci ? 'i' : '');
  } catch {
    any = null; // a pattern with a back-reference cannot join the union; every unit is then tried
  }
  c = { rules, scans, any };
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
    if (c.any && !c.any.test(u.text)) continue;
    const before = out.length;
    g.text = u.text;
    for (let k = 0; k < c.rules.length; k++) {
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
