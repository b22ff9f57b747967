// organization: who published the notice — the name opening a casebook title, a byline, the body's
// sentence about itself; for a news story, the organisation hit. Patterns are rules (rules/organization.ts);
// this file decides among their hits and reads bylines (a line layout, not a wording).
import type { Found, PostContext } from './context.ts';
import { applyRules, unitsOf, type Hit, type Unit } from './rules/engine.ts';
import { LEGAL, LEGAL_RE, ORG_BODY_RULES, ORG_HEADLINE_RULES, ORG_NAME_RULES, ORG_TITLE_RULES, SUFFIX_END_RE, isPhrase, type OrgRole } from './rules/organization.ts';

const SUBJECT_RE = /^(?:\s*[0-9]{4}年[^、。]{0,12}、)?\s*([^\s、。「」『』()【】]{2,30}?)は、/;
// A name written as one katakana or Latin word (「マイクロソフトは、」「Globexは、」), not a noun phrase.
const WORD_NAME_RE = /^(?:[ァ-ヶー・]{3,20}|[A-Za-z][A-Za-z0-9.&\- ]{1,30})$/;
// A sentence's topic that is no name: time words, self-reference, a verb phrase, an event noun.
const NOT_SUBJECT_NAME_RE = /^(?:今|本|当|弊|同|この|その|現在|なお|また|[0-9])|(?:した|する|された|いる|った|れる)|(?:攻撃|障害|事案|情報|件|事象|原因|被害|対応|結果)$/;
const LATIN_HEAD_RE = /^([A-Za-z][A-Za-z0-9.&\- ]{1,30}?)(?:、|は|が|の)/;
// No organisation's name is longer; a longer "name" is a title or junk without spaces.
const MAX_NAME = 60;

const BYLINE_SKIP_RE = /^(?:代表|理事長|学長|院長|市長|町長|村長|知事|社長|会長|病院長|校長|所長|センター長|問い?合わ?せ|お問い?合わ?せ)|[。、:]|[0-9]{4}|窓口|TEL|電話/;
const ROLE_RE = /\s*(?:代表取締役|代表執行役|代表理事|代表社員|代表者|代表|理事長|学長|院長|病院長|社長|会長|校長|所長|センター長|市長|町長|村長|知事|教育長)/;
const ROLE_LINE_RE = new RegExp(`^${ROLE_RE.source}`);
// A department after the name on a byline: 「…財団 事務局」「…株式会社 広報室」.
const DEPARTMENT_TAIL_RE = /\s+\S*(?:部|課|室|事務局|係|窓口|本部|センター|グループ)$/;
// Names written in English: 「Sakura Hill Holdings Inc.」「Northgate Japan株式会社」.
const LATIN_FORM_RE = /(?:\b(?:Inc|Corp|Corporation|Co\.,?\s?Ltd|Ltd|LLC|Limited|Holdings|K\.K|GmbH|plc|Group)\.?)$/i;
// A line that is a sentence or a heading rather than a name.
const NOT_NAME_RE = /(?:ます|です|ました|について|に関する|のお知らせ|お詫び|おわび|ご報告|皆様|各位|において|により|として)|^(?:当|弊|本|同|各)|[「」]/;
const PUBLIC_BODY_RE = /(?:都|道|府|県|市|区|町|村|庁)$/;
// A city, town or prefecture followed by an office of its own (部, 課, 室, 局, 係) and nothing else; not its
// police (「北浜県警察本部」) or its assembly.
const PUBLIC_OFFICE_RE = /^([一-龥ぁ-んァ-ヶー]{1,8}?(?:県|市|区|町|村))(?!警|議会)[一-龥ぁ-んァ-ヶー]{1,12}(?:部|課|室|局|係)$/;
// A news outlet signing a story: the story's subject, when it names one, is the organisation hit.
// A news headline: an outlet after a dash (「… - 東西新報」), or a posting time on the line below it.
const NEWS_TAIL_RE = /\s[-‐–—]\s*[^\s-‐–—]{2,20}$/;
const NEWS_STAMP_RE = /^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\s*[0-9]{1,2}(?:時|:)[0-9]{1,2}/;
const OUTLET_RE = /(?:新聞|新聞社|放送|テレビ|通信社?|ニュース|日報|新報|タイムズ|Times|News)$/i;
// Every body rule's match contains one of these; other sentences are skipped unread (the rules are costly).
const BODY_GATE_RE = /(?:県|市|区|町|村)(?:長|知事|では|におきましては|が保有|の保有|の管理|が管理|の職員|職員が|が運営|が実施|は、|の(?:公式)?(?:ホームページ|ウェブサイト|Webサイト|WEBサイト|公式サイト|サーバ|システム))|株式会社|有限会社|合同会社|法人|\(株\)|\(有\)|発表|公表|明らかに|問い?合わ?せ|担当|連絡先|以下|^[A-Za-z]{2,10}\s|サイト$|ホームページ$/;
// An association's way of naming itself: the only place an acronym logo line can be its name.
const SELF_ASSOCIATION_RE = /弊会|当会|本会|弊協会|当協会|当団体|弊団体/;

function isOrgName(name: string): boolean {
  if (name.length < 2 || NOT_NAME_RE.test(name)) return false;
  if (LEGAL_RE.test(name) || LATIN_FORM_RE.test(name)) return true;
  return SUFFIX_END_RE.test(name) && (name.length >= 4 || (name.length >= 3 && PUBLIC_BODY_RE.test(name)));
}

function isDepartment(ctx: PostContext, name: string): boolean {
  return applyRules(ORG_NAME_RULES, [{ start: 0, text: name, index: -1 }], { without: ctx.without }).length > 0;
}

/** The organisation's name on a byline line, or null when the line is not one. */
export function bylineName(line: string, ctx?: PostContext): string | null {
  const t = line.trim();
  if (t.length > 40 || BYLINE_SKIP_RE.test(t)) return null;
  // The name runs up to a role title (「株式会社Bluefin Works 代表取締役社長 …」) or a department.
  const name = t.split(ROLE_RE)[0]!.trim();
  // 「北浜市 健康福祉部 国保年金課」: a body's name, then its department and section, each a word of its own;
  // the shortest name left by taking them off is the body.
  let core = name;
  let body: string | null = null;
  while (DEPARTMENT_TAIL_RE.test(core)) {
    core = core.replace(DEPARTMENT_TAIL_RE, '');
    if (isOrgName(core)) body = core;
  }
  if (body) return body;
  // 「北浜市健康福祉部」「北浜町総務課」: a public body's name with its department run on without a space.
  const office = PUBLIC_OFFICE_RE.exec(name);
  if (office) return office[1]!;
  if (ctx && isDepartment(ctx, name)) return null;
  return isOrgName(name) ? name : null;
}

const CONTACT_HEAD_RE = /^[\s【\[<(■●◆□◇]*(?:本件に(?:関する|ついての)|本件の|この(?:ページ|記事|件)に(?:関する|ついての))?(?:お問い?合わ?せ|ご相談)(?:先|窓口)?[\s】\]>):：]*$/;

function bylineOf(ctx: PostContext, withHeader: boolean): Found<string> | null {
  const last = ctx.sentences.at(-1)?.line ?? 0;
  // Under or above the date near the top, or at the foot; a first line that is only a name is a byline too.
  // The foot: the last lines, or those above a closing contact block (「【本件に関するお問い合わせ】」 and its lines).
  const contact = ctx.sentences.findLast((s) => s.line >= last - 6 && CONTACT_HEAD_RE.test(s.text));
  const foot = contact ? Math.min(last - 3, contact.line - 4) : last - 3;
  const body = ctx.sentences.filter((s) => s.line <= 5 || s.line >= foot);
  const units = [...(withHeader ? [{ start: 0, text: ctx.header, line: -1 }] : []), ...body];
  for (let i = 0; i < units.length; i++) {
    const s = units[i]!;
    const name = bylineName(s.text, ctx);
    if (!name) continue;
    const off = s.start + s.text.indexOf(name);
    // 「独立行政法人○○機構」 over 「○○医療センター」 over 「院長 …」: the facility signing is the publisher.
    const next = units[i + 1];
    const after = units[i + 2];
    if (next && s.line >= 0 && next.line === s.line + 1 && after && ROLE_LINE_RE.test(after.text)) {
      const own = bylineName(next.text, ctx);
      if (own && !LEGAL_RE.test(own.replace(LEGAL_RE, '')) && own === next.text.trim()) {
        const o = next.start + next.text.indexOf(own);
        return { value: own, at: [[o, o + own.length]], confidence: 'medium', rules: ['organization/byline'] };
      }
    }
    return { value: name, at: [[off, off + name.length]], confidence: 'high', rules: ['organization/byline'] };
  }
  return null;
}

function fromHit(h: Hit<OrgRole>, confidence = h.rule.confidence): Found<string> {
  const name = h.match[1]!;
  const off = h.start + h.match[0].indexOf(name);
  return { value: name, at: [[off, off + name.length]], confidence, rules: [h.rule.id] };
}

function first(hits: ReadonlyArray<Hit<OrgRole>>, ...roles: OrgRole[]): Hit<OrgRole> | undefined {
  return hits.find((h) => roles.includes(h.rule.value));
}

/** The organisation a news story says announced the event (「北浜市は3日、…と発表した」). */
function newsSubject(ctx: PostContext): Found<string> | null {
  const hit = first(applyRules(ORG_BODY_RULES, unitsOf(ctx, 'sentence').filter((u) => BODY_GATE_RE.test(u.text)), { without: ctx.without }), 'news-subject');
  return hit ? fromHit(hit) : null;
}

function titleUnit(ctx: PostContext, title: Found<string> | null): Unit | null {
  if (!title) return null;
  const [s, e] = title.at[0]!;
  return { start: s, text: ctx.text.slice(s, e), index: -1 };
}

export function extractOrganization(ctx: PostContext, title: Found<string> | null): Found<string> | null {
  const without = ctx.without;
  const bare = !/^\s*【[^】]*#/.test(ctx.header);
  const tu = titleUnit(ctx, title);
  const th = tu ? applyRules(ORG_TITLE_RULES, [tu], { without }) : [];
  const tokenHit = first(th, 'title-token');
  const token = tokenHit && !isPhrase(tokenHit.match[1]!) && tokenHit.match[1]!.length <= MAX_NAME ? tokenHit : undefined;

  if (bare) {
    const signed = first(th, 'header-byline');
    if (signed) return fromHit(signed);
    const byline = bylineOf(ctx, true);
    if (byline && !OUTLET_RE.test(byline.value)) return byline;
    if (byline) return newsSubject(ctx) ?? byline;
  } else {
    // A casebook title: a news title names the organisation after a dash, a notice's title names it first.
    const hit = first(th, 'title-tail') ?? first(th, 'title-legal', 'title-suffix');
    if (hit) return fromHit(hit);
    if (token) return fromHit(token);
  }
  const named = first(th, 'title-legal', 'title-suffix');
  if (named) return fromHit(named, 'medium');
  // A bare notice prints its publisher on a line of its own under the title or at the foot.
  const byline = bylineOf(ctx, false);
  if (byline && !OUTLET_RE.test(byline.value)) return byline;
  if (byline) return newsSubject(ctx) ?? byline;

  const bh = applyRules(ORG_BODY_RULES, unitsOf(ctx, 'header+sentence').filter((u) => BODY_GATE_RE.test(u.text)), { without });
  const body = first(bh, 'self-defined') ?? first(bh, 'site-name') ?? first(bh, 'head-of-body') ?? first(bh, 'public-body-topic') ?? first(bh, 'company-subject') ?? first(bh, 'news-subject') ?? first(bh, 'contact-office');
  if (body) return fromHit(body);
  // A news headline's subject (「北浜市、…」), where the story names it again below the headline.
  if (bare && (NEWS_TAIL_RE.test(ctx.header) || NEWS_STAMP_RE.test(ctx.sentences[0]?.text ?? ''))) {
    const hh = applyRules(ORG_HEADLINE_RULES, unitsOf(ctx, 'header'), { without })[0];
    const name = hh?.match[1];
    // A broadcaster may be the subject too, when another outlet tells the story (「東西テレビ、… - 北浜新報」).
    const tail = NEWS_TAIL_RE.exec(ctx.header)?.[0] ?? '';
    const outlet = name !== undefined && OUTLET_RE.test(name) && !(tail && !tail.includes(name));
    if (hh && name && !isPhrase(name) && !outlet && ctx.text.indexOf(name, ctx.bodyStart) >= 0) return fromHit(hh);
  }
  // A news story names its subject first: 「株式会社みなと精機は、…」「グローブソフトは、…」.
  for (const s of ctx.sentences.slice(0, 2)) {
    const m = SUBJECT_RE.exec(s.text);
    if (m && (isOrgName(m[1]!) || WORD_NAME_RE.test(m[1]!) || !NOT_SUBJECT_NAME_RE.test(m[1]!)) && !/の|が|を|に|で|と|も/.test(m[1]!.replace(LEGAL_RE, ''))) {
      const off = s.start + m[0].indexOf(m[1]!);
      return { value: m[1]!, at: [[off, off + m[1]!.length]], confidence: 'low' };
    }
  }
  if (tu) {
    const m = LATIN_HEAD_RE.exec(tu.text);
    if (m) {
      const name = m[1]!.trim();
      return { value: name, at: [[tu.start, tu.start + name.length]], confidence: 'low' };
    }
  }
  const logo = first(bh, 'acronym-logo');
  if (logo && SELF_ASSOCIATION_RE.test(ctx.text)) return fromHit(logo);
  return contactBlockName(ctx);
}

// Under a page's closing 「このページに関するお問い合わせ」: 「柊台大学 情報基盤センター」 (the body, then its office), or
// a municipal office's address 「こまくさ町大字本郷1150番地」 (the municipality it opens with).
const CONTACT_BODY_LINE_RE = new RegExp(`^\\s*((?:${LEGAL})?[^\\s、。「」()0-9]{1,20}?(?:大学|市|町|村|区|県|病院|協会|学園|機構|組合|株式会社)(?:${LEGAL})?)[\\s　]+[^\\s]{1,20}(?:部|課|室|局|係|センター|窓口|事務局)`);
// 「神田町3-22」 is a neighbourhood of a city, not a town: a town or city is followed by a place name, then the number.
const CONTACT_ADDRESS_RE = /^\s*(?:〒?[0-9-]{7,8}\s*)?([一-龥ぁ-んァ-ヶー]{1,8}?(?:市|町|村))(?:大字|字|[一-龥ぁ-んァ-ヶー]{1,8}?[0-9０-９一二三四五六七八九十]+(?:番地|丁目|-))/;
const CONTACT_REACH = 3;

function contactBlockName(ctx: PostContext): Found<string> | null {
  const lines = ctx.sentences;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!CONTACT_HEAD_RE.test(lines[i]!.text)) continue;
    for (const l of lines.slice(i + 1, i + 1 + CONTACT_REACH)) {
      const m = CONTACT_BODY_LINE_RE.exec(l.text) ?? CONTACT_ADDRESS_RE.exec(l.text);
      if (!m) continue;
      const off = l.start + l.text.indexOf(m[1]!);
      return { value: m[1]!, at: [[off, off + m[1]!.length]], confidence: 'low', rules: ['organization/contact-block'] };
    }
    return null;
  }
  return null;
}
