// The one shape every extraction rule has: what it looks for, where, what voids a hit, the value it gives,
// how sure it is, why it exists, and invented examples that must and must not produce its value.
import type { Confidence, RecordKey } from '../../core/record.ts';
import type { GuardName } from './guards.ts';

/**
 * Where a rule looks.
 * - `header`: the post's first line only.
 * - `sentence`: each body sentence (cut at 。 and line ends).
 * - `header+sentence`: the header, then each body sentence.
 * - `name`: a name handed to the rule by the field that uses it (the organisation's name, for sector).
 */
export type Scope = 'header' | 'sentence' | 'header+sentence' | 'name';

/** An invented example: a text, and the field values the whole extractor must give for it. */
export interface Example {
  /** the example text; a sentence rule's example is put under a neutral header line by the tests */
  text: string;
  /** field values the record must have (arrays: must contain every listed element; other keys: equal) */
  expect?: Partial<Record<RecordKey, unknown>>;
}

export interface Rule<V = unknown> {
  /** unique, `field/what-it-reads` */
  id: string;
  field: RecordKey;
  /** the value a hit gives the field (or, for a cue rule, the role the hit plays in the field's decision) */
  value: V;
  /** what to find; flags other than `i` are ignored (the engine scans with its own global copy) */
  pattern: RegExp;
  scope: Scope;
  /** named conditions that void a hit (see guards.ts) */
  guards?: readonly GuardName[];
  /** the unit must also say this */
  requires?: RegExp;
  /** the unit must not say this */
  excludes?: RegExp;
  /** text right before the hit (up to 64 characters, anchor with `$`) that voids it */
  notBefore?: RegExp;
  /** text right after the hit (anchor with `^`) that voids it */
  notAfter?: RegExp;
  confidence: Confidence;
  /** one sentence: why the rule reads this wording this way */
  why: string;
  /**
   * Invented examples (never a real notice's text). `match`: the whole extractor gives the rule's value
   * (or the example's `expect`), and does not once the rule is removed. `noMatch`: wording close to the
   * rule's that must not give its value.
   */
  examples: { match: ReadonlyArray<string | Example>; noMatch: ReadonlyArray<string | Example> };
}

/** Declares a list of rules for one field, checking ids are unique and every rule has both kinds of example. */
export function defineRules<V>(field: RecordKey, rules: ReadonlyArray<Omit<Rule<V>, 'field'>>): ReadonlyArray<Rule<V>> {
  const seen = new Set<string>();
  return rules.map((r) => {
    if (seen.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
    seen.add(r.id);
    if (!r.id.startsWith(`${field}/`)) throw new Error(`rule ${r.id} must be named ${field}/…`);
    if (r.examples.match.length === 0 || r.examples.noMatch.length === 0) throw new Error(`rule ${r.id} needs an example that matches and one that does not`);
    return { ...r, field };
  });
}
