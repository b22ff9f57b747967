// attacker: a named threat actor or ransomware group, as written (LockBit 3.0, LOCKBIT2.0). The wording
// is rule data (rules/attacker.ts); the value is the name a hit matched, from the first rule (in rule
// order) that has a hit, at its first place in the text.
import type { Found, PostContext } from './context.ts';
import { applyRules, firstByRuleOrder, ranked, unitsOf } from './rules/engine.ts';
import { ATTACKER_RULES } from './rules/attacker.ts';

const RULES = ranked(ATTACKER_RULES);

export function extractAttacker(ctx: PostContext): Found<string> | null {
  const hit = firstByRuleOrder(applyRules(RULES, unitsOf(ctx, 'header+sentence'), { without: ctx.without }));
  if (!hit) return null;
  // A rule with a capture group gives the name inside the quotes; otherwise the whole match is the name.
  const name = (hit.match[1] ?? hit.match[0]).trim();
  const off = hit.start + hit.match[0].indexOf(name);
  return { value: name, at: [[off, off + name.length]], confidence: hit.rule.confidence, rules: [hit.rule.id] };
}
