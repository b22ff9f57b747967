// contractor_involved: the event happened at, or was caused by, a contractor, vendor or outsourced service.
// Patterns are rules (rules/contractor.ts); the first sentence with a hit decides.
import type { Found, PostContext } from './context.ts';
import { applyRules, unitsOf } from './rules/engine.ts';
import { CONTRACTOR_RULES } from './rules/contractor.ts';

const LEGAL_FORM_RE = /株式会社|有限会社|合同会社|\(株\)|\(有\)/g;

/** The organisation's own name inside a hit (a news story's 「ミナト社のサーバー」) is not a third party. */
function namesOrg(hitText: string, org: Found<string> | null): boolean {
  if (!org) return false;
  const core = org.value.normalize('NFKC').replace(LEGAL_FORM_RE, '').replace(/\s+/g, '');
  return core.length >= 2 && hitText.includes(core);
}

export function extractContractor(ctx: PostContext, org: Found<string> | null = null): Found<boolean> | null {
  const hits = applyRules(CONTRACTOR_RULES, unitsOf(ctx, 'header+sentence'), { without: ctx.without });
  const hit = hits.find((h) => h.rule.id !== 'contractor_involved/service-provider-hit' || !namesOrg(h.match[0], org));
  return hit ? { value: true, at: [[hit.start, hit.end]], confidence: hit.rule.confidence, rules: [hit.rule.id] } : null;
}
