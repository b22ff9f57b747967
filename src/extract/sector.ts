// sector: the victim organisation's field — from its name, else from what the notice says the organisation does.
import type { Sector } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';

type Rule = readonly [Sector, RegExp];

// Checked in order against the organisation's name; the first rule that fits wins. A facility's own word
// (病院, 大学) beats the legal form, and the legal form of an association beats the topic it works on
// (「…介護支援協会」 is an association, 「…観光協会」 too).
const NAME_RULES: Rule[] = [
  ['healthcare', /病院|医院|クリニック|診療所|医療センター|がんセンター|歯科|薬局|調剤|ファーマシー|医師会/],
  ['education', /大学|学校|高校|中学|小学|学園|学院|幼稚園|保育園|教育委員会|予備校|塾$/],
  ['government', /国立研究開発法人|独立行政法人|地方独立行政法人|(?:都|道|府|県|市|区|町|村)$|(?:都|道|府|県|市|区|町|村)(?:役所|役場|庁|議会)|省$|庁$|局$|委員会$|裁判所$|警察|消防|公社$|公団$|事業団$|国際(?:機関|連合)/],
  ['finance', /銀行|信用金庫|信金|信用組合|労働金庫|証券|保険|ファイナンス|クレジット|信販|カード(?:株式)?会社|リース|信託|債権回収/],
  ['nonprofit', /(?:一般|公益)(?:財団|社団)法人|特定非営利活動法人|NPO|財団|社団|協会|協議会|連合会|生活協同組合|生協|組合$/],
  ['healthcare', /医療|看護|介護|ヘルスケア/],
  ['media', /新聞|放送|テレビ|出版|通信社|メディア/],
  ['real_estate', /不動産|ハウス|住宅|住建|ホーム(?:ズ)?$|建設|建築|工務店|地所|デベロップメント/],
  ['retail', /百貨店|デパート|スーパー|ストア$|商店|ドラッグ|ホームセンター|販売$|小売|ベーカリー|ベーカリ$|菓子/],
  // Utilities (gas, power, water) have no sector of their own.
  ['other', /ガス|電力|水道|エネルギー/],
  ['it', /システム|ソフト|テクノロジ|ソリューション|情報サービス|ネットワーク|データ|テック|クラウド|デジタル|(?<![A-Za-z])(?:IT|Cloud|Soft\w*|Tech\w*|Systems?|Data|Networks?|Digital)(?![A-Za-z])|Microsoft|マイクロソフト|Google|グーグル|Amazon|アマゾン|Apple|Dropbox|Salesforce|Oracle/i],
  ['services', /サービス|観光|旅行|トラベル|ツーリスト|ホテル|旅館|リゾート|フィットネス|スポーツクラブ|会計|税理士|法律|弁護士|監査法人|コンサル|人材|派遣|警備|清掃|運輸|物流|交通|鉄道|バス|タクシー|航空|レジャー|ゴルフ|エンタ(?:ー)?テインメント|ブライダル|葬祭|教習所/],
  ['manufacturing', /製作所|製造|工業|工機|製薬|化学|化成|電機|電気|電工|重工|機械|金属|鉄鋼|製鉄|自動車|精機|製紙|食品|メーカー/],
];

// What an organisation says it does (「当社は…の製造を行っており」「当社が運営する通販サイト」).
const ACTIVITY_RULES: Rule[] = [
  ['ecommerce', /通販|ECサイト|オンラインショップ|ネットショップ|オンラインストア|ショッピングサイト|通信販売/],
  ['it', /ソフトウェア|システム開発|クラウド型|クラウドサービス|ITサービス|IT企業|SaaS|情報処理|データセンター|セキュリティサービス/],
  ['manufacturing', /製造|生産|メーカー|工場/],
  ['retail', /小売|店舗|出店|開店|店の(?:オープン|開店)|百貨店|スーパーマーケット|販売店|ドラッグストア|自動車(?:の)?販売/],
  ['real_estate', /不動産|賃貸|仲介|建設|施工|住宅/],
  ['finance', /金融|融資|銀行業|保険|証券|信販|クレジットカード(?:の)?発行/],
  ['healthcare', /病院|診療所|医療機関|調剤|介護施設|介護サービス|老人ホーム|特別養護|介護老人保健施設|グループホーム/],
  ['education', /学校|教育機関|学習塾|大学/],
  ['media', /新聞|出版|放送|雑誌|報道機関/],
  ['services', /ホテル|宿泊|旅行|ゴルフ場|フィットネス|スポーツクラブ|人材|派遣|求人|転職|代行|受託|コンサル|イベント(?:の)?(?:企画|運営|主催)|予約サイト|ポイントサービス|チケット|会員制/],
];
// A sentence in which the organisation says what it does (「当社は…の製造を行っており」「当社が運営する…」).
const SELF = '(?:当社|弊社|当グループ|当社グループ|弊社グループ|当法人)';
const DOES = '(?:製造|生産|運営|提供|販売|展開|行って|行う|行なって|営んで|営む|手掛け|手がけ|受託|開発|である|です|オープン|開店|出店)';
const SELF_RE = new RegExp(`${SELF}(?:は|では)、?[^。]{0,60}?${DOES}|${SELF}が(?:運営|提供|展開|販売|製造|開発)する|${SELF}の(?=通信販売|通販|オンラインショップ|ネットショップ|ECサイト)|(?:企業|会社|メーカー)として|${SELF}の?(?:工場|店舗|実店舗)|の(?:製造|生産|販売)(?:・[^。]{1,6})?を行って`);
// A shop with real stores that also sells online is a retailer (「弊社が運営する通販サイトおよび店舗」).
const STORES_RE = /実店舗|店舗(?:で|にて)の?ご?購入/;
// How an organisation names itself (当行, 当金庫, 本学, 当院, 本市) says what it is.
const SELF_NAME_RULES: Rule[] = [
  ['finance', /当行|弊行|当金庫|弊金庫|当信用組合/],
  ['healthcare', /当院|弊院|当病院|当クリニック/],
  ['education', /本学|当大学|本校|当校/],
  ['government', /本市|当市|本町|当町|本村|当村|本区|本県|当県/],
];
// Who the notice addresses, the weakest hint.
const AUDIENCE_RULES: Rule[] = [
  ['healthcare', /患者(?:様|さま|さん)/],
  ['education', /児童生徒|児童・生徒|生徒の皆様|学生の皆様|保護者の皆様/],
  ['government', /(?:市民|町民|村民|区民|県民|住民)の皆様/],
  ['nonprofit', /組合員/],
  ['ecommerce', /通販サイト|ECサイト|オンラインショップ|ネットショップ|オンラインストア|ショッピングサイト/],
];
const SCHOOL_TITLE_RE = /(?:県立|市立|都立|府立|町立|村立|私立)?(?:高等学校|高校|中学校|小学校|特別支援学校|大学)/;
const NONPROFIT_FORM_RE = /(?:一般|公益)(?:財団|社団)法人|特定非営利活動法人|NPO法人/;
const LEGAL_FORM_RE = /株式会社|有限会社|合同会社|\(株\)|\(有\)/g;

function at(text: string, re: RegExp): [number, number] | null {
  const m = re.exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** The rule whose cue appears first in the text (the activity named first is the main one). */
function earliest(text: string, rules: Rule[]): { sector: Sector; hit: [number, number] } | null {
  let best: { sector: Sector; hit: [number, number] } | null = null;
  for (const [sector, re] of rules) {
    const hit = at(text, re);
    if (hit && (!best || hit[0] < best.hit[0])) best = { sector, hit };
  }
  return best;
}

export function extractSector(ctx: PostContext, org: Found<string> | null, title: Found<string> | null): Found<Sector> | null {
  if (org) {
    const [os] = org.at[0]!;
    const name = org.value.normalize('NFKC');
    const bare = name.replace(LEGAL_FORM_RE, '');
    for (const [sector, re] of NAME_RULES) {
      const hit = at(name, re) ?? at(bare, re);
      if (!hit) continue;
      // A public body writing about one of its schools: the school's field.
      if (sector === 'government' && title) {
        const t = ctx.text.slice(title.at[0]![0], title.at[0]![1]);
        const school = at(t, SCHOOL_TITLE_RE);
        if (school) return { value: 'education', at: [[title.at[0]![0] + school[0], title.at[0]![0] + school[1]]], confidence: 'medium' };
      }
      // A 「…商店」 that only runs an online store (no real stores in the notice) is an online shop.
      if (sector === 'retail' && !STORES_RE.test(ctx.text)) {
        const online = activity(ctx, org);
        if (online?.value === 'ecommerce') return online;
      }
      const off = name === org.value ? hit : at(org.value, re) ?? [0, org.value.length];
      return { value: sector, at: [[os + off[0], os + off[1]]], confidence: 'high' };
    }
    // 「一般財団法人○○財団△△センター」: the legal form in the text tells what the named body is.
    const form = new RegExp(`(?:${NONPROFIT_FORM_RE.source})[^、。\\s]{0,20}${escapeRe(org.value)}`).exec(ctx.text);
    if (form) return { value: 'nonprofit', at: [[form.index, form.index + form[0].length]], confidence: 'high' };
  }
  const act = activity(ctx, org);
  if (act) return act;
  const self = earliest(ctx.text, SELF_NAME_RULES);
  if (self) return { value: self.sector, at: [self.hit], confidence: 'medium' };
  const audience = earliest(ctx.text, AUDIENCE_RULES);
  if (audience) return { value: audience.sector, at: [audience.hit], confidence: 'low' };
  return null;
}

/** What the organisation says it does (「当社は…の製造を行っており」「当社が運営する通販サイト」). */
function activity(ctx: PostContext, org: Found<string> | null): Found<Sector> | null {
  const byName = org ? new RegExp(`${escapeRe(org.value)}(?:は|では)、?[^。]{0,60}?${DOES}`) : null;
  // The title too: 「弊社が運営する「…オンラインストア」への不正アクセス…」.
  for (const s of [{ start: 0, text: ctx.header }, ...ctx.sentences]) {
    if (!SELF_RE.test(s.text) && !byName?.test(s.text)) continue;
    const hit = earliest(s.text, ACTIVITY_RULES);
    if (!hit) continue;
    if (hit.sector === 'ecommerce') {
      const stores = STORES_RE.exec(ctx.text);
      if (stores) return { value: 'retail', at: [[stores.index, stores.index + stores[0].length]], confidence: 'medium' };
    }
    return { value: hit.sector, at: [[s.start + hit.hit[0], s.start + hit.hit[1]]], confidence: 'medium' };
  }
  return null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
