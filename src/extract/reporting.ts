// reported_to_ppc / reported_to_police: whether the notice says the 個人情報保護委員会 or the police were told.
import type { Found, PostContext } from './context.ts';
import { applyRules, unitsOf } from './rules/engine.ts';
import type { Rule } from './rules/rule.ts';
import { POLICE_RULES, PPC_RULES } from './rules/reporting.ts';

function firstHit(ctx: PostContext, rules: ReadonlyArray<Rule<true>>): Found<boolean> | null {
  const hit = applyRules(rules, unitsOf(ctx, 'header+sentence'), { without: ctx.without, firstUnitOnly: true })[0];
  return hit ? { value: true, at: [[hit.start, hit.end]], confidence: hit.rule.confidence, rules: [hit.rule.id] } : null;
}

export function extractReportedToPpc(ctx: PostContext): Found<boolean> | null {
  return firstHit(ctx, PPC_RULES);
}

export function extractReportedToPolice(ctx: PostContext): Found<boolean> | null {
  return firstHit(ctx, POLICE_RULES);
}
