// discovery: how the organisation learned of the event (発覚の経緯). The rules (rules/discovery.ts) find
// learning sentences and classify their source; this decider picks among the hits:
// 1. hits under a 「発覚の経緯」-like heading come first;
// 2. a named source that told or noticed (tier 1) or the organisation's own detection (tier 2): the
//    earliest in the text, since the first learning event is how it learned;
// 3. only when there is neither, a weak cue (an active 確認, an unnamed tip: tier 3);
// within one sentence the rule order decides (a contractor's staff who noticed outranks 気付 alone).
import type { Discovery } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';
import { applyRules, type Hit, type Unit } from './rules/engine.ts';
import { DISCOVERY_RULES, DISCOVERY_TIER, LEARNING_CUE } from './rules/discovery.ts';
import { LEAK_SITE_RE, isFollowUpReport } from './follow-up-report.ts';

// 「2．発覚の経緯」「■事態判明の経緯と対応」: a heading over the learning sentences.
const LEARNING_HEADING_RE = /(?:発覚|判明|覚知|認知|把握|発見)(?:の|に至る|までの)?(?:経緯|経過|状況)|(?:経緯|経過)(?:及び|と|・)?(?:対応|概要)?$|^[\s0-9.()■●◆【一二三四五六七八九十、]*(?:事案|事件|事故|本件)?(?:の)?(?:経緯|経過)/;
// A leak-site post or a ransom claim is how the organisation learned only when its own people did not find the
// damage themselves: where the notice also says its staff found the encryption or detected the attack, the claim
// is news about the attack, and the own finding is how it learned.
const CLAIM_RULES = new Set(['discovery/attacker-claim', 'discovery/dark-web-listing']);
const OWN_FINDING_RULES = new Set(['discovery/staff-noticed', 'discovery/detected', 'discovery/noticed', 'discovery/own-office-check']);
// A contractor introduced by its name (「…業務を委託している株式会社ミドリデータのサーバー」) and later named bare
// as the one who told them (「ミドリデータから…との報告を受けた」): the vendor told them.
const CONTRACTOR_NAMED_RE = /(?:委託(?:して(?:いる|いた|おります|おりました)|した|する|先の|先である)|委託先)((?:株式会社|有限会社|合同会社)?\s?[^\s、。「」()]{2,24}?)(?:株式会社|有限会社|合同会社)?(?:の|が|は|に|で|から|より|\()/g;
const LEGAL_FORM_RE = /株式会社|有限会社|合同会社|\s/g;
const GENERIC_VENDOR_RE = /^(?:業者|事業者|会社|企業|先|者|事務局|ベンダー|センター|法人|団体)$|^(?:当社|弊社|同社|当該)/;
const TOLD_AFTER = '(?:社|様|さん)?(?:から|より)、?[^。]{0,80}?(?:報告|連絡|通知|知らせ)(?:を受け|があり|があった|が入)';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern of a contractor named in the text telling the organisation, or null when none is named. */
function namedContractorTold(ctx: PostContext): RegExp | null {
  const names = new Set<string>();
  CONTRACTOR_NAMED_RE.lastIndex = 0;
  for (let m = CONTRACTOR_NAMED_RE.exec(ctx.text); m; m = CONTRACTOR_NAMED_RE.exec(ctx.text)) {
    const core = m[1]!.replace(LEGAL_FORM_RE, '');
    if (core.length >= 3 && !GENERIC_VENDOR_RE.test(core)) names.add(core);
  }
  if (names.size === 0) return null;
  return new RegExp(`(?:${[...names].map(escapeRe).join('|')})${TOLD_AFTER}`);
}

/** How many units after a heading count as under it. */
const SECTION_REACH = 12;
/** A sentence cut inside a quotation (「…。」と連絡があり) is joined to the rest of the quotation. */
const MAX_JOINED = 3;

function rank(h: Hit<Discovery>): number {
  return DISCOVERY_RULES.indexOf(h.rule);
}

/** More 「 than 」: a quotation is still open at the end of the text. */
function quoteOpen(t: string): boolean {
  if (!t.includes('「')) return false;
  let n = 0;
  for (let k = t.indexOf('「'); k >= 0 && k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x300c) n++;
    else if (c === 0x300d) n--;
  }
  return n > 0;
}

function unitsOf(ctx: PostContext): Unit[] {
  const out: Unit[] = [{ start: 0, text: ctx.header, index: -1 }];
  const body = ctx.sentences;
  for (let i = 0; i < body.length && body[i]!.start < ctx.focusEnd; i++) {
    const first = body[i]!;
    let text = first.text;
    let j = i;
    while (j + 1 < body.length && j - i + 1 < MAX_JOINED && body[j + 1]!.line === first.line && quoteOpen(text)) {
      j++;
      text = ctx.text.slice(first.start, body[j]!.end);
    }
    out.push({ start: first.start, text, index: out.length - 1 });
    i = j;
  }
  return out;
}

function isHeading(u: Unit): boolean {
  return u.index >= 0 && u.text.length <= 30 && !u.text.includes('。') && LEARNING_HEADING_RE.test(u.text);
}

// The damage itself, as staff find it before any note (「サーバが停止」「ファイルが暗号化され」「拡張子が書き換えられ」).
const DAMAGE_RE = /暗号化|停止|異常|障害|動か(?:な|ず)|使え(?:な|ず)|起動(?:し|でき)(?:な|ず)|拡張子/;

/** Own staff who found the damage before the note in the same unit: they found it themselves, the note came with it. */
function ownDamageFirst(own: Hit<Discovery>, claim: Hit<Discovery>): boolean {
  if (!OWN_FINDING_RULES.has(own.rule.id)) return false;
  const before = own.unit.text.slice(0, Math.max(0, claim.start - own.unit.start));
  return DAMAGE_RE.test(before);
}

/** An outside source telling the organisation (a researcher, the police, a vendor, a customer): not its own people. */
const isTeller = (h: Hit<Discovery>) => !CLAIM_RULES.has(h.rule.id) && h.rule.value !== 'internal_detection';

/**
 * The best hit of a set: earliest unit, then rule order within the unit. A leak-site post or ransom note that
 * someone else told the organisation about (「セキュリティ企業から、リークサイトに当社の情報が掲載されているとの
 * 連絡」) is what they were told, not how: in one unit a teller outranks the claim. So does the organisation's
 * own staff finding the damage before the note (「サーバが停止したため担当者が確認したところ、ファイルが暗号化され、
 * 脅迫文が残されていた」): they found it themselves. Staff who noticed only the note on their screens (「脅迫文が表示
 * されていることに気付き」) learned it from the attacker.
 */
function best(hits: ReadonlyArray<Hit<Discovery>>): Hit<Discovery> | null {
  let b: Hit<Discovery> | null = null;
  const before = (h: Hit<Discovery>, o: Hit<Discovery>) => {
    if (h.unit.index !== o.unit.index) return h.unit.index < o.unit.index;
    if (CLAIM_RULES.has(o.rule.id) && ((isTeller(h) && DISCOVERY_TIER[h.rule.id] === 1) || ownDamageFirst(h, o))) return true;
    if (CLAIM_RULES.has(h.rule.id) && ((isTeller(o) && DISCOVERY_TIER[o.rule.id] === 1) || ownDamageFirst(o, h))) return false;
    return rank(h) < rank(o);
  };
  for (const h of hits) if (!b || before(h, b)) b = h;
  return b;
}

export function extractDiscovery(ctx: PostContext): Found<Discovery> | null {
  const units = unitsOf(ctx);
  const cued = units.filter((u) => LEARNING_CUE.test(u.text));
  // A follow-up report's leak-site post is news about the leak, not how it learned (follow-up-report.ts).
  const followUp = isFollowUpReport(ctx);
  const hitsIn = (u: Unit) => applyRules(DISCOVERY_RULES, [u], { without: ctx.without }).filter((h) => !(followUp && CLAIM_RULES.has(h.rule.id) && LEAK_SITE_RE.test(u.text)));
  const tier = (h: Hit<Discovery>) => DISCOVERY_TIER[h.rule.id] ?? 3;
  const found = (h: Hit<Discovery>): Found<Discovery> => ({ value: h.rule.value, at: [[h.start, h.end]], confidence: h.rule.confidence, rules: [h.rule.id] });
  // Units are read in order and reading stops at the first that decides, so a long notice costs what
  // its first learning sentences cost. 1. Under a 「発覚の経緯」 heading, the first strong hit there.
  const headings = units.filter(isHeading).map((u) => u.index);
  if (headings.length > 0) {
    for (const u of cued) {
      if (!headings.some((k) => u.index > k && u.index <= k + SECTION_REACH)) continue;
      const strong = best(hitsIn(u).filter((h) => tier(h) <= 2));
      if (strong) return found(strong);
    }
  }
  // 2. The earliest strong hit anywhere; 3. else the earliest weak cue.
  const weak: Array<Hit<Discovery>> = [];
  let claim: Hit<Discovery> | null = null;
  const vendorTold = namedContractorTold(ctx);
  for (const u of cued) {
    const named = vendorTold?.exec(u.text);
    if (named && !claim) return { value: 'vendor_report', at: [[u.start + named.index, u.start + named.index + named[0].length]], confidence: 'medium', rules: ['discovery/named-contractor-told'] };
    const hits = hitsIn(u);
    const strong = best(hits.filter((h) => tier(h) <= 2));
    if (strong && !claim && CLAIM_RULES.has(strong.rule.id)) {
      claim = strong;
      continue;
    }
    if (strong && claim && !OWN_FINDING_RULES.has(strong.rule.id)) continue;
    if (strong) return found(strong);
    weak.push(...hits);
  }
  if (claim) return found(claim);
  const pick = best(weak);
  return pick ? found(pick) : null;
}
