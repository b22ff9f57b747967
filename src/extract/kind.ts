// kind: an incident, a list of ransomware leak-site victims, or a post about no security event at all.
// The wording is rule data (rules/kind.ts); how many event words make an incident is decided here.
import type { Kind } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';
import { applyRules, unitsOf } from './rules/engine.ts';
import { KIND_CLAIM_LIST_RULES, KIND_EVENT_RULES, KIND_HAPPENED_RULES, KIND_TITLE_RULES } from './rules/kind.ts';

export function extractKind(ctx: PostContext, casebookId: Found<string> | null): Found<Kind> {
  const opts = { without: ctx.without };
  const list = applyRules(KIND_CLAIM_LIST_RULES, unitsOf(ctx, 'header'), opts)[0];
  if (list) return { value: 'claim_list', at: [[list.start, list.end]], confidence: list.rule.confidence, rules: [list.rule.id] };
  const units = unitsOf(ctx, 'header+sentence');
  const events = [];
  for (const u of units) {
    if (events.length >= 2) break;
    for (const h of applyRules(KIND_EVENT_RULES, [u], opts)) if (events.length < 2) events.push(h);
  }
  const at = events.map((h): [number, number] => [h.start, h.end]);
  const rules = events.map((h) => h.rule.id);
  // A casebook post is about an incident unless its header says it lists claims; the number is the evidence.
  if (casebookId) return { value: 'incident', at: at.length ? [at[0]!] : casebookId.at, confidence: 'high', rules: ['kind/casebook-post', ...rules] };
  // A bare notice may open with its publisher's name; its title is then the next line.
  const title = applyRules(KIND_TITLE_RULES, units.slice(0, 2), opts)[0];
  if (title) rules.push(title.rule.id);
  if (events.length >= 2 && title) return { value: 'incident', at, confidence: 'high', rules };
  if (events.length >= 1 && title) return { value: 'incident', at, confidence: 'medium', rules };
  // No notice title: event words count only where the post says the event happened.
  const happened = applyRules(KIND_HAPPENED_RULES, units, opts)[0];
  if (happened) return { value: 'incident', at: [[happened.start, happened.end]], confidence: 'medium', rules: [...rules, happened.rule.id] };
  // Nothing in the text is an event: the header, which says what the post is about, is the evidence.
  return { value: 'other', at: at.length ? at : [[0, ctx.header.length]], confidence: events.length === 0 ? 'medium' : 'low', rules };
}
