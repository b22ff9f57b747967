// reported_to_ppc / reported_to_police: whether the notice says the 個人情報保護委員会 or the police were told.
import type { Found, PostContext } from './context.ts';
import { applyRules, unitsOf } from './rules/engine.ts';
import type { Rule } from './rules/rule.ts';
import { POLICE_QUESTION_RE, POLICE_RULES, PPC_RULES, YES_ANSWER_RE } from './rules/reporting.ts';

function firstHit(ctx: PostContext, rules: ReadonlyArray<Rule<true>>): Found<boolean> | null {
  const hit = applyRules(rules, unitsOf(ctx, 'header+sentence'), { without: ctx.without, firstUnitOnly: true })[0];
  return hit ? { value: true, at: [[hit.start, hit.end]], confidence: hit.rule.confidence, rules: [hit.rule.id] } : null;
}

export function extractReportedToPpc(ctx: PostContext): Found<boolean> | null {
  return firstHit(ctx, PPC_RULES);
}

export function extractReportedToPolice(ctx: PostContext): Found<boolean> | null {
  const hit = firstHit(ctx, POLICE_RULES);
  if (hit) return hit;
  // A Q&A asks 「警察に届け出ましたか。」 and answers 「はい、…」: the answer is the report.
  const s = ctx.sentences;
  for (let i = 0; i + 1 < s.length; i++) {
    if (POLICE_QUESTION_RE.test(s[i]!.text) && YES_ANSWER_RE.test(s[i + 1]!.text)) {
      return { value: true, at: [[s[i]!.start, s[i + 1]!.end]], confidence: 'medium', rules: ['reported_to_police/answered-yes'] };
    }
  }
  return null;
}
