// incident_types: every kind of event the notice reports, most specific first. The wording is rule data
// (rules/incident-types.ts); this file decides what the hits mean together, in named deciders.
import type { Confidence, DataType, IncidentType } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';
import { applyRules, unitsOf, type Hit } from './rules/engine.ts';
import { INCIDENT_TYPE_RULES } from './rules/incident-types.ts';

type Hits = Map<IncidentType, Array<Hit<IncidentType>>>;

const RANK: Confidence[] = ['low', 'medium', 'high'];
const lower = (a: Confidence, b: Confidence): Confidence => (RANK.indexOf(a) <= RANK.indexOf(b) ? a : b);
const down = (c: Confidence): Confidence => RANK[Math.max(0, RANK.indexOf(c) - 1)]!;

/** Generic malware wording adds nothing once ransomware, a support scam or skimming is named: the planted program is that event. */
export function malwareInsideNamedAttack(hits: Hits): void {
  if (hits.has('malware') && (hits.has('ransomware') || hits.has('support_scam') || hits.has('web_skimming'))) hits.delete('malware');
}

/** A list-type login attack is the 不正アクセス the notice speaks of, not a second event (the labelling convention). */
export function intrusionInsideCredentialStuffing(hits: Hits): void {
  if (hits.has('credential_stuffing') && hits.has('unauthorized_access')) hits.delete('unauthorized_access');
}

// The phishing rule that reads the organisation's own people falling for it; other phishing hits may only
// say the organisation's name was used on the mails.
const PHISHED_HERE = new Set(['incident_types/phishing-credentials-entered', 'incident_types/phishing-led-to-takeover']);

/**
 * Phishing mails sent from the organisation's hijacked account or infected PC are the takeover or the
 * infection, not a phishing incident of the organisation; only its people being phished counts then.
 */
export function phishingAsImpersonatedSender(hits: Hits): boolean {
  const p = hits.get('phishing');
  if (!p || !(hits.has('account_takeover') || hits.has('malware'))) return false;
  if (p.some((h) => PHISHED_HERE.has(h.rule.id))) return false;
  hits.delete('phishing');
  return true;
}

/** A failure counts as an outage only when no attack or mishap explains it. */
export function outageOnlyWhenUnexplained(hits: Hits): void {
  if (hits.has('outage') && hits.size > 1) hits.delete('outage');
}

const CARD_DATA_LEAKED_RE = /(?:クレジット)?カード(?:の)?(?:情報|番号)[^。]{0,30}(?:漏え|漏洩|流出|不正(?:に)?取得|窃取|盗ま|(?:外部|第三者)(?:に|へ)送信)/;

/** A shop program tampered with is web skimming only where the exposed data is card data (a step: it reads data_types). */
export function skimmingNeedsCardData(ctx: PostContext, types: Found<IncidentType[]>, data: Found<DataType[]>): Found<IncidentType[]> {
  const i = types.value.indexOf('web_skimming');
  if (i < 0 || data.value.includes('credit_card') || data.value.includes('card_security_code')) return types;
  // data_types may drop card data it cannot place in a list; card data named as what leaked still counts.
  if (CARD_DATA_LEAKED_RE.test(ctx.text)) return types;
  return {
    ...types,
    value: types.value.filter((_, k) => k !== i),
    at: types.at.filter((_, k) => k !== i),
    rules: [...(types.rules ?? []), 'step/skimming-needs-card-data'],
  };
}

// A page or form setting named beside what was shown (「…が見られる設定」「公開設定」).
const VIEW_SETTING_RE = /設定[^。]{0,20}(?:公開|閲覧|表示|見られ)|(?:公開|閲覧|表示|見られ)[^。]{0,20}設定/;

/**
 * Data posted on a page where the notice also blames a page setting sits between misdelivery (a posting
 * mistake) and misconfiguration (a setting): the labels may call it either, so the type is a guess.
 */
export function postingOrSetting(ctx: PostContext, hits: Hits): boolean {
  const m = hits.get('misdelivery');
  if (!m || hits.has('misconfiguration')) return false;
  return m.every((h) => /掲載|公開|表示/.test(h.match[0])) && VIEW_SETTING_RE.test(ctx.text);
}

export function extractIncidentTypes(ctx: PostContext): Found<IncidentType[]> {
  const all = applyRules(INCIDENT_TYPE_RULES, unitsOf(ctx, 'header+sentence'), { without: ctx.without });
  const hits: Hits = new Map();
  for (const h of all) {
    const list = hits.get(h.rule.value) ?? [];
    list.push(h);
    hits.set(h.rule.value, list);
  }
  malwareInsideNamedAttack(hits);
  intrusionInsideCredentialStuffing(hits);
  const dropped = phishingAsImpersonatedSender(hits);
  outageOnlyWhenUnexplained(hits);
  const guess = postingOrSetting(ctx, hits);

  // Output order is rule order; each type's evidence is the hit of its earliest rule.
  const value: IncidentType[] = [];
  const at: Array<[number, number]> = [];
  const rules: string[] = [];
  let confidence: Confidence = 'high';
  for (const rule of INCIDENT_TYPE_RULES) {
    const h = hits.get(rule.value);
    if (!h || value.includes(rule.value)) continue;
    const best = h.find((x) => x.rule === rule) ?? h[0]!;
    value.push(rule.value);
    at.push([best.start, best.end]);
    // The type is as sure as the surest rule that found it.
    let sure: Confidence = 'low';
    for (const x of h) {
      if (!rules.includes(x.rule.id)) rules.push(x.rule.id);
      if (RANK.indexOf(x.rule.confidence) > RANK.indexOf(sure)) sure = x.rule.confidence;
    }
    confidence = lower(confidence, sure);
  }
  // Every further type is one more chance that one of them is not what the labels call the event.
  if (value.length >= 3 || dropped) confidence = down(confidence);
  if (guess) confidence = 'low';
  return { value, at, confidence, rules };
}
