// data_types: the kinds of personal data exposed. The words, the exposure contexts and the clause
// boundaries are rules (rules/data-types.ts); this decider reads them sentence by sentence: a data word
// counts where its sentence, or the list it belongs to, states an exposure, and not in a clause (or a
// parenthesis) that denies it.
import { DATA_TYPES, type Confidence, type DataType } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';
import { applyRules, unitsOf, type Hit, type Unit } from './rules/engine.ts';
import { GUARDS } from './rules/guards.ts';
import { DATA_CUE_RULES, DATA_DENIAL_RE, DATA_TYPE_RULES, REJECTED_CLAIM_RE, UNSPECIFIED_DATA_RULES, type DataCue } from './rules/data-types.ts';

// A list item: a bullet or number, or a short line without a sentence end.
const ITEM_RE = /^\s*(?:[•・*※\-]|[0-9]+[.)]|\(?[0-9]+\)|[①-⑳]|[ア-ン][.)])/;
// A section heading: 「2．流出のおそれがある情報」「■漏えいした情報」「【対象となる情報】」, a short line without a
// sentence end. Sub-levels ((1), ①, ・) are not headings: they stay inside the section.
const SECTION_HEADING_RE = /^\s*(?:[0-9０-９]{1,2}\s*[.．、](?![0-9０-９])|[一二三四五六七八九十]{1,3}\s*[、.．]|第[0-9一二三四五六七八九十]{1,3}[章節項]?\s|[■□◆◇●○▼▽◎]|【[^】]{1,30}】\s*$)/;
// A contact block's heading (「お問い合わせ先」「受付時間」) ends any list of exposed items.
// 「・緊急連絡先」 is an item of the exposed data, not the heading of a contact block.
const CONTACT_RE = /問い?合わ?せ|窓口|受付時間|(?<!緊急|保護者の?|勤務先の?)連絡先\s*[:：]?$|相談窓口/;
// A line that writes out a phone number, a postal code or a mail address is a contact block or a byline
// (「住所 東京都… 電話番号 03-…」), not a statement of what was exposed.
const CONTACT_LINE_RE = /0[0-9]{1,4}[-‐ー−][0-9]{1,4}[-‐ー−][0-9]{3,4}|〒\s?[0-9]{3}-?[0-9]{4}|(?<![A-Za-z0-9._-])[A-Za-z0-9._-]{1,64}@[A-Za-z0-9-]{1,63}\.[A-Za-z]{2,24}/;
// 「(…)」 or an unclosed 「(…」 at the end of a unit (a 。 inside a parenthesis ends the unit).
const PAREN_RE = /\([^()]*(?:\)|$)/g;

const ORDER = new Map<DataType, number>(DATA_TYPES.map((t, i) => [t, i]));
const UNSPECIFIED = 'data_types/unspecified-personal-data';
const RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

const isData = (h: Hit<DataCue>): h is Hit<DataCue> & { rule: { value: DataType } } => h.rule.value !== 'context' && h.rule.value !== 'boundary';

/** Offsets (in the unit) of the parenthesised stretches that deny something themselves. */
function deniedParens(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  PAREN_RE.lastIndex = 0;
  for (let m = PAREN_RE.exec(text); m; m = PAREN_RE.exec(text)) {
    if (m[0].length === 0) {
      PAREN_RE.lastIndex++;
      continue;
    }
    if (DATA_DENIAL_RE.test(m[0])) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** A list item: a bullet or number, or a short body line without a sentence end. */
function isItemUnit(u: Unit): boolean {
  return u.index >= 0 && (ITEM_RE.test(u.text) || (u.text.length <= 30 && !/[。:：]$/.test(u.text)));
}

/** What lets a clause's data words count besides its own unit's context: list membership. */
interface Licence {
  /** the unit states an exposure (a context hit) */
  context: boolean;
  /** the unit is a list item under a line that stated an exposure */
  listed: boolean;
}

// An enumeration of several kinds of data is itself a statement of what the data held; an unspecified
// 個人情報 hit carries its own statement of a leak (its rule requires one).
function allowed(words: Array<Hit<DataCue>>, l: Licence): boolean {
  if (l.context || l.listed) return true;
  let first: DataCue | null = null;
  for (const w of words) {
    if (w.rule.id === UNSPECIFIED) return true;
    const v = w.rule.value;
    if (v === 'other') continue;
    if (first === null) first = v;
    else if (v !== first) return true;
  }
  return false;
}

/** The data words of one unit that its clauses (and parentheses) do not deny and that the unit licenses. */
function affirmed(u: Unit, hits: Array<Hit<DataCue>>, l: Licence): Array<Hit<DataCue>> {
  if (REJECTED_CLAIM_RE.test(u.text)) return [];
  const cuts = [0];
  for (const h of hits) if (h.rule.value === 'boundary') cuts.push(h.end - u.start);
  cuts.push(u.text.length);
  cuts.sort((a, b) => a - b);
  const parens = deniedParens(u.text);
  const out: Array<Hit<DataCue>> = [];
  const denied: boolean[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const cs = cuts[k]!;
    const ce = cuts[k + 1]!;
    if (ce <= cs) continue;
    // The clause without its denying parentheses: a denial there covers the whole clause.
    let clause = u.text.slice(cs, ce);
    for (const [s, e] of parens) if (e > cs && s < ce) clause = clause.slice(0, Math.max(0, s - cs)) + ' '.repeat(Math.min(e, ce) - Math.max(s, cs)) + clause.slice(Math.min(e, ce) - cs);
    denied[k] = DATA_DENIAL_RE.test(clause);
  }
  // 「…は受託しておらず、含まれておりません」「…は委託しており、当社では保有しておりません」: a clause that goes on
  // into a denial shares it, unless it states an exposure itself (「…が記載されており、…は含まれておりません」).
  for (let k = cuts.length - 3; k >= 0; k--) {
    if (denied[k] || !denied[k + 1]) continue;
    const cs = cuts[k]!;
    const ce = cuts[k + 1]!;
    const tail = u.text.slice(Math.max(cs, ce - 2), ce);
    if (tail === 'ず、') denied[k] = true;
    else if (/[てしり]、$/.test(tail)) {
      let states = false;
      for (const h of hits) if (h.rule.value === 'context' && h.start - u.start >= cs && h.start - u.start < ce) states = true;
      if (!states) denied[k] = true;
    }
  }
  for (let k = 0; k + 1 < cuts.length; k++) {
    const cs = cuts[k]!;
    const ce = cuts[k + 1]!;
    if (ce <= cs || denied[k]) continue;
    const words: Array<Hit<DataCue>> = [];
    for (const h of hits) {
      if (!isData(h)) continue;
      const at = h.start - u.start;
      if (at < cs || at >= ce) continue;
      let inDenyingParen = false;
      for (const [s, e] of parens) if (at >= s && at < e) inDenyingParen = true;
      if (!inDenyingParen) words.push(h);
    }
    if (words.length && allowed(words, l)) out.push(...words);
  }
  return out;
}

/** Personal data named without its kind (「顧客情報が流出」), read only where no item was found: the first such hit
 * in a sentence that neither advises nor asks, outside a denying clause. */
function unspecified(ctx: PostContext, units: Unit[]): Hit<DataCue> | null {
  for (const h of applyRules(UNSPECIFIED_DATA_RULES, units, { without: ctx.without })) {
    const u = h.unit;
    const g = { text: u.text, start: 0, end: 0 };
    if (GUARDS.readerAdvice(g) || GUARDS.question(g)) continue;
    const cues = applyRules(DATA_CUE_RULES, [u], { without: ctx.without });
    if (affirmed(u, [h, ...cues], { context: true, listed: false }).length) return h;
  }
  return null;
}

export function extractDataTypes(ctx: PostContext): Found<DataType[]> {
  const units = unitsOf(ctx, 'header+sentence');
  const words = applyRules(DATA_TYPE_RULES, units, { without: ctx.without });
  // Exposure contexts and clause boundaries matter only where data is named, and on the line before a list item.
  const named = new Set<number>();
  for (const h of words) named.add(h.unit.index);
  const itemAt = new Set<number>();
  for (const u of units) if (isItemUnit(u)) itemAt.add(u.index);
  const read = units.filter((u) => named.has(u.index) || itemAt.has(u.index + 1) || itemAt.has(u.index));
  // Advice to readers (「…ご注意ください」) and questions state nothing; a contact block's heading ends a list.
  const skipped = new Set<number>();
  for (const u of read) {
    const g = { text: u.text, start: 0, end: 0 };
    // (A line listing data items is no contact heading, though one item is お問い合わせ内容.)
    const contactHeading = u.text.length <= 40 && CONTACT_RE.test(u.text) && !named.has(u.index);
    if (GUARDS.readerAdvice(g) || GUARDS.question(g) || contactHeading || CONTACT_LINE_RE.test(u.text)) skipped.add(u.index);
  }
  const cueUnits = read.filter((u) => !skipped.has(u.index));
  const hits = [...words, ...applyRules(DATA_CUE_RULES, cueUnits, { without: ctx.without })];
  const byUnit = new Map<number, Array<Hit<DataCue>>>();
  for (const h of hits) {
    const list = byUnit.get(h.unit.index);
    if (list) list.push(h);
    else byUnit.set(h.unit.index, [h]);
  }
  const found = new Map<DataType, Hit<DataCue>>();
  // How sure the statement that licensed each found item is: the context rule's own confidence, the list
  // intro's for an item under it, low for a bare enumeration.
  const licence = new Map<DataType, Confidence>();
  let listContext: Confidence | null = null;
  // The context of the section heading above (「2．流出のおそれがある情報」), lent to the list items of its
  // sub-sections (「(2)対象となるお客様」「上記期間にご注文のお客様」「・氏名」) until the next section heading.
  let sectionContext: Confidence | null = null;
  const none: Array<Hit<DataCue>> = [];
  for (const u of units) {
    if (skipped.has(u.index)) {
      listContext = null;
      sectionContext = null;
      continue;
    }
    const hs = byUnit.get(u.index) ?? none;
    const isItem = itemAt.has(u.index);
    let context: Confidence | null = null;
    let hasData = false;
    for (const h of hs) {
      if (h.rule.value === 'context') context = context === null || RANK[h.rule.confidence] < RANK[context] ? h.rule.confidence : context;
      else if (isData(h)) hasData = true;
    }
    const heading = u.index >= 0 && u.text.length <= 40 && !/[。]$/.test(u.text) && SECTION_HEADING_RE.test(u.text) && !hasData;
    if (heading) sectionContext = context;
    // A section lends its context only to marked items (・, 1., ①): a short line there may be a sentence cut
    // at a PDF line break (「…情報は当社では保」「有しておりません。」).
    const lent = listContext ?? (ITEM_RE.test(u.text) ? sectionContext : null);
    const listed = isItem && lent !== null;
    if (hasData) {
      const by: Confidence = context ?? (listed ? lent! : 'low');
      for (const h of affirmed(u, hs, { context: context !== null, listed })) {
        const t = h.rule.value as DataType;
        if (!found.has(t)) {
          found.set(t, h);
          licence.set(t, by);
        }
      }
    }
    // A sentence introducing a list (「漏えいした可能性のある情報は以下のとおりです」) lends its context to the
    // items; the title does not.
    if (u.index < 0) continue;
    if (context !== null) listContext = context;
    else if (!isItem) listContext = null;
  }
  // 'other' for unspecified 個人情報 stands only where no item is named.
  if (found.size === 0) {
    const h = unspecified(ctx, units);
    if (h) {
      found.set('other', h);
      licence.set('other', 'low');
    }
  }
  const value = [...found.keys()].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
  const used = value.map((t) => found.get(t)!);
  const typed = used.filter((h) => h.rule.value !== 'other');
  // High only where every typed item comes from a high rule licensed by a high context (a leak, what a lost
  // thing held, a publication); anything weaker (a bare enumeration, a list intro, a phished password, a bare
  // 写真) makes the whole list a guess to review. 'other' alone is a guess.
  let confidence: Confidence = typed.length === 0 ? 'low' : 'high';
  for (const h of typed) if (h.rule.confidence !== 'high' || licence.get(h.rule.value as DataType) !== 'high') confidence = 'low';
  return { value, at: used.map((h) => [h.start, h.end]), confidence, rules: [...new Set(used.map((h) => h.rule.id))] };
}
