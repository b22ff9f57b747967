// contractor_involved: the event happened at, or was caused by, a contractor, vendor or outsourced service.
// Patterns are rules (rules/contractor.ts); the first sentence with a hit decides.
import type { Found, PostContext } from './context.ts';
import { applyRules, unitsOf, type Hit } from './rules/engine.ts';
import { CONTRACTOR_RULES } from './rules/contractor.ts';

const LEGAL_FORM_RE = /株式会社|有限会社|合同会社|\(株\)|\(有\)/g;

/** The organisation's own name at a hit (a news story's 「ミナト社のサーバー」) is not a third party. */
function namesOrg(h: Hit<true>, org: Found<string> | null): boolean {
  if (!org) return false;
  const core = org.value.normalize('NFKC').replace(LEGAL_FORM_RE, '').replace(/\s+/g, '').replace(/社$/, '');
  const at = h.start - h.unit.start;
  return core.length >= 2 && h.unit.text.slice(Math.max(0, at - core.length - 2), at + h.match[0].length).includes(core);
}

export function extractContractor(ctx: PostContext, org: Found<string> | null = null): Found<boolean> | null {
  for (const u of unitsOf(ctx, 'header+sentence')) {
    const hit = applyRules(CONTRACTOR_RULES, [u], { without: ctx.without }).find((h) => h.rule.id !== 'contractor_involved/service-provider-hit' || !namesOrg(h, org));
    if (hit) return { value: true, at: [[hit.start, hit.end]], confidence: hit.rule.confidence, rules: [hit.rule.id] };
  }
  return null;
}
