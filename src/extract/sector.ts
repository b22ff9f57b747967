// sector: the victim organisation's field, from its name first and then from what the notice says it runs.
import type { Sector } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';

interface Rule {
  sector: Sector;
  /** matched against the organisation's name */
  name?: RegExp;
  /** matched against the whole text when the name says nothing */
  text?: RegExp;
}

// Checked in order; the first rule that fits wins (a university hospital is healthcare, a prefectural school education).
const NAME_RULES: Rule[] = [
  { sector: 'healthcare', name: /病院|医院|クリニック|診療所|医療|がんセンター|歯科|薬局|調剤|看護|介護|医師会/ },
  { sector: 'education', name: /大学|学校|高校|中学|小学|学園|学院|幼稚園|教育委員会|予備校|塾/ },
  { sector: 'government', name: /国立研究開発法人|独立行政法人|地方独立行政法人|(?:都|道|府|県|市|区|町|村)$|(?:都|道|府|県|市|区|町|村)(?:役所|役場|庁|議会)|省$|庁$|局$|委員会$|裁判所$|警察|消防|公社$|公団$|事業団$|国際(?:機関|連合)/ },
  { sector: 'nonprofit', name: /財団|社団|協会|NPO|特定非営利|協議会|連合会|生活協同組合|生協|組合$/ },
  { sector: 'finance', name: /銀行|信用金庫|信金|信用組合|証券|保険|ファイナンス|クレジット|カード(?:株式)?会社|リース|信託/ },
  { sector: 'media', name: /新聞|放送|テレビ|出版|通信社|メディア/ },
  { sector: 'real_estate', name: /不動産|ハウス|住宅|ホーム(?:ズ)?$|建設|建築|工務店|地所|デベロップメント/ },
  { sector: 'it', name: /システム|ソフト|テクノロジ|ソリューション|情報サービス|ネットワーク|データ|テック|IT|Microsoft|マイクロソフト|Google|グーグル|Amazon|アマゾン|Apple|Dropbox|Salesforce|Oracle/i },
  { sector: 'manufacturing', name: /製作所|製造|工業|工機|製薬|化学|化成|電機|電気|電工|重工|機械|金属|鉄鋼|製鉄|自動車|精機|製紙|食品|メーカー/ },
];

// What the notice says the organisation does, when its name is silent.
const TEXT_RULES: Rule[] = [
  { sector: 'healthcare', text: /当院|患者(?:様|さん)/ },
  { sector: 'it', text: /Microsoft|マイクロソフト|Azure|(?:に|へ)(?:データの?)?(?:管理|運用|保守)を?委託する/ },
  { sector: 'retail', text: /実店舗|店舗情報|店のオープン|店頭/ },
  { sector: 'ecommerce', text: /オンラインショップ|ネットショップ|通販サイト|通信販売|ECサイト|オンラインストア|ショッピングサイト|オンラインサービス[^。]{0,80}注文|注文[^。]{0,80}オンライン|ご注文[^。]{0,60}会員様/ },
  { sector: 'manufacturing', text: /製造する|メーカー|当社工場|生産機能|製品の製造/ },
  { sector: 'services', text: /転職|求人|人材|派遣|旅行|ホテル|チケット|出展者|イベント運営|予約サイト/ },
];
const SCHOOL_TITLE_RE = /(?:県立|市立|都立|府立|町立|村立|私立)?(?:高等学校|高校|中学校|小学校|特別支援学校|大学)/;
const NONPROFIT_FORM_RE = /(?:一般|公益)(?:財団|社団)法人|特定非営利活動法人|NPO法人/;

function at(text: string, re: RegExp): [number, number] | null {
  const m = re.exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

export function extractSector(ctx: PostContext, org: Found<string> | null, title: Found<string> | null): Found<Sector> | null {
  if (org) {
    const [os] = org.at[0]!;
    for (const r of NAME_RULES) {
      const hit = at(org.value.normalize('NFKC'), r.name!);
      if (!hit) continue;
      // A public body writing about one of its schools: the school's field.
      if (r.sector === 'government' && title) {
        const t = ctx.text.slice(title.at[0]![0], title.at[0]![1]);
        const school = at(t, SCHOOL_TITLE_RE);
        if (school) return { value: 'education', at: [[title.at[0]![0] + school[0], title.at[0]![0] + school[1]]] };
      }
      return { value: r.sector, at: [[os + hit[0], os + hit[1]]] };
    }
    // 「一般財団法人○○財団△△センター」: the legal form in the text tells what the named body is.
    const form = new RegExp(`(?:${NONPROFIT_FORM_RE.source})[^、。\\s]{0,20}${escapeRe(org.value)}`).exec(ctx.text);
    if (form) return { value: 'nonprofit', at: [[form.index, form.index + form[0].length]] };
  }
  for (const r of TEXT_RULES) {
    const hit = at(ctx.text, r.text!);
    if (hit) return { value: r.sector, at: [hit] };
  }
  return null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
