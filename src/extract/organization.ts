// organization: who published the notice — the name opening a casebook title, else the subject of the story.
import type { Found, PostContext } from './context.ts';

const LEGAL = '株式会社|有限会社|税理士法人|弁護士法人|監査法人|司法書士法人|行政書士法人|社会保険労務士法人|合同会社|合資会社|一般財団法人|公益財団法人|一般社団法人|公益社団法人|国立研究開発法人|地方独立行政法人|独立行政法人|国立大学法人|公立大学法人|学校法人|医療法人社団|医療法人財団|医療法人|社会福祉法人|特定非営利活動法人|\\(株\\)|\\(有\\)';
const LEGAL_RE = new RegExp(LEGAL);
// Words that end an organisation's name; the longest prefix ending in one is the name.
const SUFFIX_RE = /(?:株式会社|有限会社|合同会社|ホールディングス|グループ|銀行|信用金庫|信用組合|証券|保険|病院|医院|クリニック|診療所|医療センター|センター|大学|大学院|高等学校|高校|中学校|小学校|学校|学園|学院|研究所|研究機構|機構|協会|財団|連合会|協議会|組合|生協|委員会|議会|裁判所|役場|役所|事務所|製作所|工業|新聞社|放送|省|庁|局|署|都|道|府|県|市|区|町|村|社|会)$/;
// A title that is a sentence about its subject: 「東山市消防局の30代職員が…」「国際海洋機構がハッカーに…」.
const HEAD_RUN_RE = /^[^\s、。「」『』(\[【~!?]+/;
const SUBJECT_RE = /^(?:\s*[0-9]{4}年[^、。]{0,12}、)?\s*([^\s、。「」『』()【】]{2,30}?)は、/;
const LATIN_HEAD_RE = /^([A-Za-z][A-Za-z0-9.&\- ]{1,30}?)(?:、|は|が|の)/;
// No organisation's name is longer; a longer "name" is a title or junk without spaces.
const MAX_NAME = 60;

function longestSuffixPrefix(run: string): string | null {
  for (let end = Math.min(run.length, MAX_NAME); end >= 2; end--) {
    const head = run.slice(0, end);
    if (SUFFIX_RE.test(head) && !/^[ぁ-ん]/.test(head) && !/^(?:当|弊|本|同|各)/.test(head)) return head;
  }
  return null;
}

function nameFromTitle(title: string): { name: string; offset: number } | null {
  const lead = title.length - title.trimStart().length;
  const t = title.slice(lead);
  const firstToken = /^\S+/.exec(t)?.[0] ?? '';
  // 「株式会社みなと精機 個人情報…」: the first word carries a legal form or is a whole name.
  if (firstToken && firstToken.length < t.length && firstToken.length <= MAX_NAME && (LEGAL_RE.test(firstToken) || SUFFIX_RE.test(firstToken)) && !/[、。「」]/.test(firstToken)) {
    return { name: firstToken, offset: lead };
  }
  const run = HEAD_RUN_RE.exec(t)?.[0] ?? '';
  const legal = new RegExp(`^(?:${LEGAL})[^\\s、。の]+|^[^\\s、。の]+?(?:${LEGAL})`).exec(run);
  if (legal && legal[0].length <= MAX_NAME) return { name: legal[0], offset: lead };
  const name = longestSuffixPrefix(run);
  if (name && name.length >= 3) return { name, offset: lead };
  return null;
}

const BYLINE_SKIP_RE = /^(?:代表|理事長|学長|院長|市長|町長|村長|知事|社長|会長|病院長|校長|所長|センター長|問い?合わ?せ|お問い?合わ?せ)|[。、:]|[0-9]{4}|窓口|TEL|電話/;

const ROLE_RE = /\s*(?:代表取締役|代表執行役|代表理事|代表社員|代表者|代表|理事長|学長|院長|病院長|社長|会長|校長|所長|センター長|市長|町長|村長|知事|教育長)/;
// A department after the name on a byline: 「…財団 事務局」「…株式会社 広報室」.
const DEPARTMENT_TAIL_RE = /\s+\S*(?:部|課|室|事務局|係|窓口|本部|センター|グループ)$/;
// Names written in English: 「Sakura Hill Holdings Inc.」「Northgate Japan株式会社」.
const LATIN_FORM_RE = /(?:\b(?:Inc|Corp|Corporation|Co\.,?\s?Ltd|Ltd|LLC|Limited|Holdings|K\.K|GmbH|plc|Group)\.?)$/i;
// A line that is a sentence or a heading rather than a name.
const NOT_NAME_RE = /(?:ます|です|ました|について|に関する|のお知らせ|お詫び|おわび|ご報告|皆様|各位|において|により|として)|^(?:当|弊|本|同|各)|[「」]/;
const PUBLIC_BODY_RE = /(?:都|道|府|県|市|区|町|村|庁)$/;

function isOrgName(name: string): boolean {
  if (name.length < 2 || NOT_NAME_RE.test(name)) return false;
  if (LEGAL_RE.test(name) || LATIN_FORM_RE.test(name)) return true;
  return SUFFIX_RE.test(name) && (name.length >= 4 || (name.length >= 3 && PUBLIC_BODY_RE.test(name)));
}

/** The organisation's name on a byline line, or null when the line is not one. */
export function bylineName(line: string): string | null {
  const t = line.trim();
  if (t.length > 40 || BYLINE_SKIP_RE.test(t)) return null;
  // The name runs up to a role title (「株式会社Bluefin Works 代表取締役社長 …」) or a department.
  let name = t.split(ROLE_RE)[0]!.trim();
  while (DEPARTMENT_TAIL_RE.test(name) && isOrgName(name.replace(DEPARTMENT_TAIL_RE, ''))) name = name.replace(DEPARTMENT_TAIL_RE, '');
  return isOrgName(name) ? name : null;
}

function bylineOf(ctx: PostContext, withHeader: boolean): Found<string> | null {
  const last = ctx.sentences.at(-1)?.line ?? 0;
  // Under or above the date near the top, or at the foot; a first line that is only a name is a byline too.
  const units = [...(withHeader ? [{ start: 0, text: ctx.header, line: -1 }] : []), ...ctx.sentences.filter((s) => s.line <= 5 || s.line >= last - 3)];
  for (const s of units) {
    const name = bylineName(s.text);
    if (!name) continue;
    const off = s.start + s.text.indexOf(name);
    return { value: name, at: [[off, off + name.length]], confidence: 'high' };
  }
  return null;
}

export function extractOrganization(ctx: PostContext, title: Found<string> | null): Found<string> | null {
  // A company's own page names itself in a byline; a casebook title names it first.
  const bare = !/^\s*【[^】]*#/.test(ctx.header);
  if (bare) {
    const byline = bylineOf(ctx, true);
    if (byline) return byline;
  }
  if (title) {
    const at = title.at[0]![0];
    const normTitle = ctx.text.slice(at, title.at[0]![1]);
    const hit = nameFromTitle(normTitle);
    if (hit) return { value: hit.name, at: [[at + hit.offset, at + hit.offset + hit.name.length]], confidence: bare ? 'medium' : 'high' };
  }
  // A bare notice prints its publisher on a line of its own under the title or at the foot.
  const byline = bylineOf(ctx, false);
  if (byline) return byline;
  // A news story names its subject first: 「株式会社みなと精機は、…」「グローブソフトは、…」.
  for (const s of ctx.sentences.slice(0, 2)) {
    const m = SUBJECT_RE.exec(s.text);
    if (m && !/の|が|を|に|で|と|も/.test(m[1]!.replace(LEGAL_RE, ''))) {
      const off = s.start + m[0].indexOf(m[1]!);
      return { value: m[1]!, at: [[off, off + m[1]!.length]], confidence: 'low' };
    }
  }
  if (title) {
    const at = title.at[0]![0];
    const m = LATIN_HEAD_RE.exec(ctx.text.slice(at, title.at[0]![1]));
    if (m) {
      const name = m[1]!.trim();
      return { value: name, at: [[at, at + name.length]], confidence: 'low' };
    }
  }
  return null;
}
