// sector: the victim organisation's field — from its name, else from what the notice says the organisation
// does, how it names itself, whom it addresses. Cues are rules (rules/sector.ts); this file decides.
import type { Sector } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';
import { DATA_DENIAL_RE } from './rules/data-types.ts';
import { applyRules, firstByRuleOrder, unitsOf, type Hit, type Unit } from './rules/engine.ts';
import { OWN_FACILITY_RULES, SECTOR_ACTIVITY_RULES, SECTOR_AUDIENCE_RULES, SECTOR_NAME_RULES, SECTOR_SELF_NAME_RULES } from './rules/sector.ts';

// A sentence in which the organisation says what it does (「当社は…の製造を行っており」「当社が運営する…」).
const SELF = '(?:当社|弊社|当グループ|当社グループ|弊社グループ|当法人|当組織|弊会|当会|本会|当協会|当団体|弊団体|当店|弊店)';
const DOES = '(?:製造|生産|運営|提供|販売|展開|行って|行う|行なって|営んで|営む|手掛け|手がけ|受託|代行|開発|である|です|オープン|開店|出店)';
const SELF_RE = new RegExp(
  `${SELF}が[^。]{0,20}?(?:サービス|事業)(?:において|で|に|を)|${SELF}(?:は|では)、?[^。]{0,60}?${DOES}|${SELF}が(?:[^。]{0,30}?(?:より|から))?(?:運営|提供|展開|販売|製造|開発|受託)(?:する|して|した)|${SELF}の(?=通信販売|通販|オンラインショップ|ネットショップ|ECサイト)|${SELF}の[^。]{0,20}(?:サービス|事業)|(?:営む|営んでいる|手がける|手掛ける|展開する|運営する|行う|行っている)${SELF}|(?:企業|会社|メーカー)として|${SELF}の?(?:工場|店舗|実店舗)|の(?:製造|生産|販売)(?:・[^。]{1,6})?を行って`,
);
// A shop with real stores that also sells online is a retailer (「弊社が運営する通販サイトおよび店舗」).
const STORES_RE = /実店舗|店舗(?:で|にて)の?(?:ご?購入|ご?利用)/;
// A card payment on the site: what makes an 「公式サイト」 an online shop.
const CARD_RE = /クレジットカード|カード情報|カード決済/;
// A header about an attack on or a failure of one named service.
// 「『みなとクラウド』における障害について」: a product named in quotes, and what happened to it.
const SERVICE_HEADER_RE = /サービス(?:へ|に対する|における|の)[^。]{0,10}(?:攻撃|障害|停止|不正アクセス)|[『「][^』」]{1,30}[』」][^。]{0,40}?(?:障害|停止|攻撃)(?:発生|の発生|について|に関する|のお詫び)/;
// An opening sentence about an outage of the writer's own product: 「『みなとクラウド』において障害が発生し、サービスをご利用のお客様に…」.
const OWN_OUTAGE_RE = /[『「][^』」]{1,30}[』」](?:において|で|に)[^。]{0,10}障害が発生[^。]*(?:ご利用|お使い)(?:いただいている|の)(?:お客様|皆様)/;
// Where a regulator's notice describes the company it is about (「学習塾を運営する株式会社…」).
const OPERATOR_RE = /を(?:運営|経営|展開|営む|手がけ|手掛け)(?:する|している|て)/;
const NONPROFIT_FORM_RE = /(?:一般|公益)(?:財団|社団)法人|特定非営利活動法人|NPO法人/;
const LEGAL_FORM_RE = /株式会社|有限会社|合同会社|\(株\)|\(有\)/g;
const FOR_PROFIT_RE = /株式会社|有限会社|合同会社|合資会社|\(株\)|\(有\)/;
// Opening sentences in which a public body's own school or hospital is named.
const OPENING = 6;

function found(h: Hit<Sector>, confidence = h.rule.confidence): Found<Sector> {
  return { value: h.rule.value, at: [[h.start, h.end]], confidence, rules: [h.rule.id] };
}

/** The hit that starts first; at the same place, the rule ranked first. */
function earliestHit(hits: ReadonlyArray<Hit<Sector>>): Hit<Sector> | null {
  let best: Hit<Sector> | null = null;
  for (const h of hits) {
    if (!best || h.start < best.start || (h.start === best.start && SECTOR_ACTIVITY_RULES.indexOf(h.rule) < SECTOR_ACTIVITY_RULES.indexOf(best.rule))) best = h;
  }
  return best;
}

export function extractSector(ctx: PostContext, org: Found<string> | null, title: Found<string> | null): Found<Sector> | null {
  const without = ctx.without;
  if (org) {
    const [os, oe] = org.at[0]!;
    const name: Unit = { start: os, text: org.value.normalize('NFKC').replace(LEGAL_FORM_RE, '') || org.value, index: -1 };
    const hit = firstByRuleOrder(applyRules(SECTOR_NAME_RULES, [name], { without }));
    if (hit) {
      // A field read from a guessed name is no surer than the name.
      const confidence = org.confidence === 'low' ? 'low' : hit.rule.confidence;
      const byName: Found<Sector> = { value: hit.rule.value, at: [[os, oe]], confidence, rules: [hit.rule.id] };
      if (hit.rule.id === 'sector/name-regulator') return victimField(ctx) ?? byName;
      if (hit.rule.value === 'government') return ownFacility(ctx, title) ?? byName;
      // A 「…商店」 that only runs an online store (no real stores in the notice) is an online shop.
      if (hit.rule.value === 'retail' && !STORES_RE.test(ctx.text)) {
        const online = activity(ctx, org);
        if (online?.value === 'ecommerce') return online;
      }
      return byName;
    }
    // 「一般財団法人○○財団△△センター」: the legal form in the text tells what the named body is.
    const form = new RegExp(`(?:${NONPROFIT_FORM_RE.source})[^、。\\s]{0,20}${escapeRe(org.value)}`).exec(ctx.text);
    if (form) return { value: 'nonprofit', at: [[form.index, form.index + form[0].length]], confidence: 'high', rules: ['sector/nonprofit-form'] };
  }
  const act = activity(ctx, org);
  if (act) return act;
  // A company (株式会社…) that calls itself 当会 or writes to 組合員 is still a company, not a non-profit body.
  const fits = (h: Hit<Sector>) => !(h.rule.value === 'nonprofit' && org && FOR_PROFIT_RE.test(org.value));
  const self = earliestOf(applyRules(SECTOR_SELF_NAME_RULES, unitsOf(ctx, 'header+sentence'), { without }).filter(fits));
  if (self) return found(self);
  const audience = earliestOf(applyRules(SECTOR_AUDIENCE_RULES, unitsOf(ctx, 'header+sentence'), { without }).filter(fits));
  if (audience) return found(audience);
  return null;
}

function earliestOf(hits: ReadonlyArray<Hit<Sector>>): Hit<Sector> | null {
  return hits.reduce<Hit<Sector> | null>((b, h) => (!b || h.start < b.start ? h : b), null);
}

/** A public body's notice about its own school or hospital: the title first, then the opening sentences. */
function ownFacility(ctx: PostContext, title: Found<string> | null): Found<Sector> | null {
  const units: Unit[] = [];
  if (title) units.push({ start: title.at[0]![0], text: ctx.text.slice(title.at[0]![0], title.at[0]![1]), index: -1 });
  units.push(...unitsOf(ctx, 'sentence').slice(0, OPENING));
  const hit = applyRules(OWN_FACILITY_RULES, units, { without: ctx.without, firstUnitOnly: true })[0];
  return hit ? found(hit) : null;
}

/** A regulator's notice about a company: the field of the company it describes. */
function victimField(ctx: PostContext): Found<Sector> | null {
  const units = unitsOf(ctx, 'header+sentence').filter((u) => OPERATOR_RE.test(u.text));
  const hit = earliestHit(applyRules(SECTOR_ACTIVITY_RULES, units, { without: ctx.without, firstUnitOnly: true }));
  return hit ? found(hit, 'low') : null;
}

/** What the organisation says it does (「当社は…の製造を行っており」「当社が運営する通販サイト」). */
function activity(ctx: PostContext, org: Found<string> | null): Found<Sector> | null {
  // The organisation named as the one doing it: 「ミナト社は…を運営」「ミナト社が運営する」「ミナト社のAI研究部門」「…がミナト社に管理を委託」「…を展開するミナト社」.
  const n = org ? escapeRe(org.value) : null;
  // A news story puts what the organisation does before its name: 「…を展開する株式会社ミナトは」.
  const byName = n ? new RegExp(`${n}(?:は|では)、?[^。]{0,60}?${DOES}|${n}が(?:運営|提供|展開|販売)する|を(?:展開|運営|経営|販売|製造|提供)(?:する|している)${n}|${n}の(?:AI|人工知能|ソフトウェア|クラウド)|${n}(?:\\([^)]{0,20}\\))?に[^。]{0,10}?(?:管理|運用|保守|開発)を委託`) : null;
  // The title too: 「弊社が運営する「…オンラインストア」への不正アクセス…」.
  // A header about one named service (「…監視サービスへの攻撃について」) is the provider's notice about it.
  const units = unitsOf(ctx, 'header+sentence').filter((u) => SELF_RE.test(u.text) || byName?.test(u.text) || (u.index < 0 && SERVICE_HEADER_RE.test(u.text)) || (u.index >= 0 && u.index < OPENING && OWN_OUTAGE_RE.test(u.text)));
  for (const u of units) {
    const hits = applyRules(SECTOR_ACTIVITY_RULES, [u], { without: ctx.without }).filter((h) => h.rule.id !== 'sector/activity-shop-site-with-card' || paysByCard(ctx));
    const hit = earliestHit(hits);
    if (!hit) continue;
    if (hit.rule.value === 'ecommerce') {
      const stores = STORES_RE.exec(ctx.text);
      if (stores) return { value: 'retail', at: [[stores.index, stores.index + stores[0].length]], confidence: 'low', rules: [hit.rule.id, 'sector/stores'] };
    }
    return found(hit);
  }
  return null;
}

/** Customers paid by card on the site: a sentence names card payment or card data and does not deny it. */
function paysByCard(ctx: PostContext): boolean {
  return ctx.sentences.some((s) => CARD_RE.test(s.text) && !DATA_DENIAL_RE.test(s.text));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
