// Rules for organization: where a notice names its publisher (a casebook title's first words, a byline,
// the head of a body's sentence about itself) and, for a news story, the organisation that was hit.
// Each rule's pattern captures the name in group 1; the decider in organization.ts picks among the hits.
import { defineRules, type Rule } from './rule.ts';

/** Legal forms that make a run of characters an organisation's name. */
export const LEGAL = '株式会社|有限会社|税理士法人|弁護士法人|監査法人|司法書士法人|行政書士法人|社会保険労務士法人|合同会社|合資会社|一般財団法人|公益財団法人|一般社団法人|公益社団法人|国立研究開発法人|地方独立行政法人|独立行政法人|国立大学法人|公立大学法人|学校法人|医療法人社団|医療法人財団|医療法人|社会福祉法人|特定非営利活動法人|消費生活協同組合|生活協同組合|農業協同組合|漁業協同組合|事業協同組合|\\(株\\)|\\(有\\)';
export const LEGAL_RE = new RegExp(LEGAL);
/**
 * Words that end an organisation's name. 都/道/府 only in the names of the prefectures that carry them
 * (「下水道」「水道」 end in 道 and are no body).
 */
export const SUFFIX = '株式会社|有限会社|合同会社|ホールディングス|グループ|銀行|信用金庫|信用組合|証券|保険|病院|医院|クリニック|診療所|医療センター|センター|大学|大学院|高等学校|高校|中学校|小学校|学校|学園|学院|研究所|研究機構|機構|協会|財団|連合会|協議会|組合|生協|商工会|委員会|議会|裁判所|役場|役所|事務所|製作所|工業|新聞社|放送|警察本部|警察|県警|府警|道警|警視庁|省|庁|局|署|東京都|北海道|大阪府|京都府|県|市|区|町|村|社|会';
export const SUFFIX_END_RE = new RegExp(`(?:${SUFFIX})$`);
/** A public body's name: a prefecture, city, ward, town or village. */
const PUBLIC = '[一-龥ぁ-んァ-ヶー]{1,8}?(?:県|市|区|町|村)';
// Words that open a run but never a name (当市, 同社, 市内, 各県…).
// (委託先, 取引先, 子会社 name a role, not an organisation: 「委託先コールセンターの元従業員を逮捕」.)
const NOT_NAME_START = '(?<![一-龥ぁ-んァ-ヶー])(?!当|本|同|各|弊|貴|全|他|市内|県内|町内|村内|区内|都道府県|市区町村|市町村|再?委託(?:先|元)|取引先|協力会社|関連会社|子会社|グループ会社)';
// Where a news story's subject starts: after what it says the company is (「住宅設備機器メーカーの」「家電量販大手の」),
// or where a name may start.
const NEWS_NAME_START = `(?:[^\\s、。「」『』()]{1,16}?(?:メーカー|大手|中堅|老舗|チェーン|業者|事業者|商社|専門店)の|${NOT_NAME_START})`;
// A title's first token that is a phrase, not a name.
const PHRASE = /速報|続報|第[0-9一二三四五]報|重要|緊急|更新|追記|訂正|最終報告|について|に関する|における|による|のお知らせ|お詫び|おわび|ご報告|ご案内|お知らせ|被害|流出|漏えい|漏洩|紛失|不正|誤送|発生|障害|感染|攻撃|[をにがでへとはも]$|^[0-9]/;

export type OrgRole =
  | 'title-tail'
  | 'title-legal'
  | 'title-suffix'
  | 'title-token'
  | 'header-byline'
  | 'head-of-body'
  | 'public-body-topic'
  | 'company-subject'
  | 'news-subject'
  | 'acronym-logo'
  | 'site-name'
  | 'department'
  | 'headline-subject'
  | 'contact-office'
  | 'self-defined';

export const ORG_TITLE_RULES: ReadonlyArray<Rule<OrgRole>> = defineRules<OrgRole>('organization', [
  {
    id: 'organization/title-dash-tail',
    // The tail is not a news outlet (「… - 北浜放送」「… - みなと新聞」「… - ITニュース」): an outlet publishes
    // the story; the organisation that was hit is named elsewhere in the title.
    pattern: /[\s][-‐–—−]\s*(?![^\s]{0,24}(?:新聞|放送|テレビ|ニュース|日報|新報|タイムス|タイムズ|通信|NEWS|News|Online|オンライン|Watch|ウォッチ|ジャーナル|Journal)$)([^\s\-‐–—−、。「」]{2,30})$/,
    scope: 'header',
    value: 'title-tail',
    confidence: 'high',
    why: 'A news-style title names the organisation last, after a dash (「名簿を誤って公開 - 北浜県」), unless the tail is the outlet that ran the story.',
    examples: {
      match: [{ text: '【セキュリティ事件簿#2030-101】名簿入りファイルを誤って公開 - 北浜県', expect: { organization: '北浜県' } }],
      noMatch: [
        { text: '【セキュリティ事件簿#2030-102】名簿入りファイルの誤公開について', expect: { organization: null } },
        { text: '【セキュリティ事件簿#2030-104】県立みなと病院 電子カルテが停止 - 北浜放送', expect: { organization: '県立みなと病院', sector: 'healthcare' } },
      ],
    },
  },
  {
    id: 'organization/title-legal-first',
    // 「株式会社A／B市 …」: a title naming two publishers names the first one first.
    pattern: new RegExp(`^((?:${LEGAL})\\s?[^\\s、。「」/]{1,40}|[^\\s、。「」/]{1,40}?(?:${LEGAL}))(?=\\s|/[^\\s/]{2})`),
    scope: 'header',
    value: 'title-legal',
    confidence: 'high',
    why: 'A casebook title opens with the publisher; a first word carrying a legal form is its name.',
    examples: {
      match: [
        { text: '【セキュリティ事件簿#2030-103】株式会社みなと精機 不正アクセスについて', expect: { organization: '株式会社みなと精機' } },
        { text: '株式会社みなと精機 不正アクセスについて\n\n当社サーバーに不正アクセスがありました。', expect: { organization: '株式会社みなと精機' } },
        { text: '【セキュリティ事件簿#2030-111】株式会社 みなと精機 不正アクセスについて', expect: { organization: '株式会社 みなと精機' } },
        { text: '【セキュリティ事件簿#2030-112】株式会社みなと精機／北浜商工会 申込システムへの不正アクセスについて', expect: { organization: '株式会社みなと精機' } },
      ],
      noMatch: [{ text: '【セキュリティ事件簿#2030-104】不正アクセスに関するお知らせ', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/title-suffix-first',
    pattern: new RegExp(`^(?!(?:${LEGAL})\\s)([^\\s、。「」『』()]{0,40}?(?:${SUFFIX}))(?=\\s)`),
    scope: 'header',
    notAfter: /^\S/,
    value: 'title-suffix',
    confidence: 'high',
    why: 'A first word that ends like a body (県, 大学, 病院, 協会) is the publisher the casebook title names first.',
    examples: {
      match: [
        { text: '【セキュリティ事件簿#2030-105】北浜市民病院 患者名簿の紛失について', expect: { organization: '北浜市民病院' } },
        { text: '北浜市民病院 患者名簿の紛失について\n\n当院で名簿を紛失しました。', expect: { organization: '北浜市民病院' } },
      ],
      noMatch: [{ text: '【セキュリティ事件簿#2030-106】患者名簿の紛失について', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/title-subject-run',
    pattern: new RegExp(`^(${NOT_NAME_START}[^\\s、。「」『』()のがはをでへと]{0,30}(?:${SUFFIX}))(?:[一-龥]{1,5}(?:科|部|課|室))?(?:の|が|は|で|、|における|において|への|に対する|から|を|X|公式)`),
    scope: 'header',
    value: 'title-suffix',
    confidence: 'medium',
    why: 'A title that is a sentence about its subject opens with the subject (「東山市消防局の職員が…」).',
    examples: {
      match: [{ text: '【セキュリティ事件簿#2030-107】東山市消防局の職員が名簿を紛失', expect: { organization: '東山市消防局' } }],
      noMatch: [{ text: '【セキュリティ事件簿#2030-108】職員が名簿を紛失', expect: { organization: null } }, { text: '委託先コールセンターの元社員を逮捕 - 東西新報\n\n県警は20日、顧客名簿を持ち出した元社員の男を逮捕した。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/title-first-token',
    pattern: /^([^\s、。「」『』()【】]{2,20})(?=\s+\S)/,
    scope: 'header',
    // 「Xグループ 2.0は、…を攻撃したと主張」: the first word opens a sentence about someone else.
    excludes: /^\S+\s+[^\s。]{0,30}?(?:は|が)、/,
    value: 'title-token',
    confidence: 'low',
    why: 'The casebook title names the publisher first even without a legal form or suffix (「ミナトスターズ 申込フォームの…」).',
    examples: {
      match: [{ text: '【セキュリティ事件簿#2030-109】ミナトスターズ 申込フォームの設定誤りについて', expect: { organization: 'ミナトスターズ' } }],
      noMatch: [{ text: '【セキュリティ事件簿#2030-110】申込フォームの設定誤りについて お詫び', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/header-trailing-byline',
    pattern: new RegExp(`[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日\\s+((?:${LEGAL})[^\\s、。]{1,30}|[^\\s、。]{1,30}?(?:${LEGAL}))\\s*$`),
    scope: 'header',
    value: 'header-byline',
    confidence: 'high',
    why: 'A header that ends in the notice date and a company name signs the notice there (「…のお詫び 2030年5月1日 株式会社ミナト」).',
    examples: {
      match: [{ text: '会員情報の閲覧可能状態に関するお詫び 2030年5月1日 株式会社ミナト企画\n\n当社の採用サイトで不具合がありました。', expect: { organization: '株式会社ミナト企画' } }],
      noMatch: [{ text: '会員情報の閲覧可能状態に関するお詫び 2030年5月1日\n\n当社の採用サイトで不具合がありました。', expect: { organization: null } }],
    },
  },
]);

/** A phrase, not a name: the first-token rule's veto. */
export function isPhrase(token: string): boolean {
  return PHRASE.test(token);
}

export const ORG_BODY_RULES: ReadonlyArray<Rule<OrgRole>> = defineRules<OrgRole>('organization', [
  {
    id: 'organization/head-of-public-body',
    pattern: new RegExp(`^(${NOT_NAME_START}${PUBLIC})(?:長|知事)(?:\\s|$)`),
    scope: 'sentence',
    value: 'head-of-body',
    confidence: 'medium',
    why: 'A mayor or governor signs a municipal notice as 「X町長 氏名」: the town is the publisher.',
    examples: {
      match: [{ text: 'お詫び\n\n町民の皆様にご迷惑をおかけしました。\n北浜町長 山田 一郎', expect: { organization: '北浜町' } }],
      noMatch: [{ text: 'お詫び\n\n町民の皆様にご迷惑をおかけしました。\n町長 山田 一郎', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/public-body-topic',
    pattern: new RegExp(`(${NOT_NAME_START}${PUBLIC})(?:では、|では|におきましては|が保有する|が保有している|の保有(?:する)?個人情報|の管理する|が管理する|の職員|職員が|が運営する|が実施する|は、|の(?:公式)?(?:ホームページ|ウェブサイト|Webサイト|WEBサイト|公式サイト|サーバ|システム)(?:が|に|へ|で))`),
    scope: 'header+sentence',
    value: 'public-body-topic',
    confidence: 'medium',
    why: 'A bare municipal notice names its publisher as the topic or owner in the body (「北浜町では、…」「北浜市が保有する…」).',
    examples: {
      match: [
        { text: '北浜町では、対象の皆様に個別にお詫びの通知を送付しました。', expect: { organization: '北浜町' } },
        { text: 'お知らせ\n\n北浜市の管理する名簿の紛失について', expect: { organization: '北浜市' } },
        { text: '北浜町のホームページが改ざんされ、不審なサイトへ誘導される状態になっていました。', expect: { organization: '北浜町', sector: 'government' } },
      ],
      noMatch: [{ text: '市内では、対象の皆様に個別にお詫びの通知を送付しました。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/company-subject',
    requires: LEGAL_RE,
    pattern: new RegExp(`(?<![^\\s、。「(])((?:${LEGAL})[^\\s、。「」()]{1,30}?|[^\\s、。「」()]{1,30}?(?:${LEGAL}))(?:が運営する|が提供する|では、|は、|は今般|の運営する|(?:ホームページ|ウェブサイト|Webサイト|WEBサイト)(?:では|において|にて))`),
    scope: 'sentence',
    value: 'company-subject',
    confidence: 'medium',
    why: 'A bare notice that names itself with its legal form as a subject or operator (「株式会社ミナトが運営する…」) names its publisher.',
    examples: {
      match: [{ text: 'この度、株式会社ミナト雑貨が運営するオンラインショップに不正アクセスがありました。', expect: { organization: '株式会社ミナト雑貨' } }],
      noMatch: [{ text: 'この度、当社が運営するオンラインショップに不正アクセスがありました。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/self-defined-name',
    requires: /以下/,
    pattern: new RegExp(`(?<![^\\s、。「(])((?:${LEGAL})\\s?[^\\s、。「」()]{1,30}?|[^\\s、。「」()]{1,30}?(?:${LEGAL}|${SUFFIX}))\\s*\\(\\s*以下[、,]?\\s*[「『]?(?:当社|弊社|当法人|本法人|当会|弊会|本会|当協会|当学|本学|当院|本院|当行|当金庫|当組合|当機構|当財団|当団体|当センター|本市|当市|本町|当町|本県|当県|同社)[」』]?`),
    scope: 'sentence',
    value: 'self-defined',
    confidence: 'high',
    why: 'A notice that defines its own short name (「ほしぞら通信株式会社(以下「当社」)」) names its publisher there.',
    examples: {
      match: [{ text: 'お客様情報の流出に関するお詫び\n\nこのたび、ほしぞら通信株式会社(以下「当社」)の顧客管理システムに対し、第三者による不正アクセスがありました。', expect: { organization: 'ほしぞら通信株式会社' } }],
      noMatch: [{ text: 'お客様情報の流出に関するお詫び\n\nこのたび、当社の委託先であるほしぞら通信株式会社(以下「委託先」)のシステムに対し、第三者による不正アクセスがありました。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/news-described-company',
    requires: /発表|公表|明らかに/,
    pattern: new RegExp(`(?:^|[、。\\s])(?:[^\\s、。「」『』()]|「[^」\\n]{1,30}」){1,30}?(?:する|している|した|手がける|手掛ける|(?:大手|中堅|老舗|チェーン|メーカー|業者|事業者|会社|仲介|販売|運営|製造|開発|卸|商社)の)((?:${LEGAL})[^\\s、。「」『』()]{1,30}?|[^\\s、。「」『』()]{1,30}?(?:${LEGAL}))(?:\\([^()。]{1,20}\\))?は、?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日|今月|先月|同日)?(?:、|に)?[^。]{0,150}?(?:と発表|を発表|を公表|と公表|と明らかにし|を明らかにし)`),
    scope: 'sentence',
    value: 'news-subject',
    confidence: 'medium',
    why: 'A news story introduces the company hit by what it does, then its legal name and seat (「家具を販売する株式会社ミナト(北浜市)は3日、…と発表した」): the name is what follows the description.',
    examples: {
      match: [
        { text: '家具店の顧客情報流出か - 東西新報\n\n家具を販売する株式会社ミナト家具(本社・北浜市)は3日、顧客情報が流出した可能性があると発表した。', expect: { organization: '株式会社ミナト家具' } },
        { text: '会員名簿を紛失 - 東西新報\n\n警備大手の南浜警備保障株式会社(南浜市)は5日、会員名簿を紛失したと発表した。', expect: { organization: '南浜警備保障株式会社' } },
        { text: '通販サイトに不正ログイン - 東西新報\n\n雑貨の通販サイト「ミナト ストア」を運営する株式会社ミナト雑貨は2日、会員情報が閲覧された可能性があると発表した。', expect: { organization: '株式会社ミナト雑貨' } },
      ],
      noMatch: [{ text: '家具店の顧客情報流出か - 東西新報\n\n家具を販売する店舗で顧客情報が流出した可能性があると、東西新報の取材で分かった。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/news-announced',
    requires: /発表|公表|明らかに/,
    pattern: new RegExp(`(?:^|[、。\\s])${NEWS_NAME_START}([^\\s、。「」『』()]{1,30}?(?:${SUFFIX}|${LEGAL}))(?:\\([^()。]{1,20}\\))?は、?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日|今月|先月|同日)?(?:、|に)?[^。]{0,150}?(?:と発表|を発表|を公表|と公表|と明らかにし|を明らかにし)`),
    scope: 'sentence',
    value: 'news-subject',
    confidence: 'medium',
    why: 'A news story names the organisation hit as the subject of its announcement (「東山市は3日、…と発表した」).',
    examples: {
      match: [
        { text: '東西新報\n\n東山市は3日、市立図書館の利用者名簿が流出したと発表した。', expect: { organization: '東山市' } },
        { text: '市職員がUSBメモリを紛失\n北浜放送\n北浜市は3日、職員が名簿を保存したUSBメモリを紛失したと発表した。', expect: { organization: '北浜市' } },
      ],
      noMatch: [{ text: '東西新報\n\n市立図書館の利用者名簿が流出したと発表された。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/news-head-office',
    requires: /発表|公表|明らかに/,
    // 「(本社・北浜市)」「(本店:…)」 after a bare name: only a company is given a head office.
    pattern: new RegExp(`(?:^|[、。\\s])${NEWS_NAME_START}([^\\s、。「」『』()]{2,20}?)\\((?:本社|本店|本部)[・:][^()。]{1,20}\\)は、?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日|今月|先月|同日)?(?:、|に)?[^。]{0,150}?(?:と発表|を発表|を公表|と公表|と明らかにし|を明らかにし)`),
    scope: 'sentence',
    value: 'news-subject',
    confidence: 'medium',
    why: 'A news story gives the company it is about a head office in brackets, even when its name has no legal form or suffix (「みなと電力(本社・北浜市)は3日、…と発表した」).',
    examples: {
      match: [
        { text: '顧客情報流出か - 東西新報\n\n北浜ガス(本社・北浜市)は3日、顧客の情報が流出した可能性があると発表した。', expect: { organization: '北浜ガス' } },
        { text: '会員情報に不正アクセス - 東西新報\n\nみなと堂(本店・南浜市)は12日、会員情報が閲覧された可能性があると明らかにした。', expect: { organization: 'みなと堂' } },
        { text: '社員のメールに不正アクセス - 東西新報\n\n住宅設備機器メーカーのみなと工業(本社・北浜市)は23日、社員のメールアカウントに不正アクセスがあったと発表した。', expect: { organization: 'みなと工業' } },
      ],
      noMatch: [{ text: '顧客情報流出か - 東西新報\n\n北浜ガスは顧客の情報が流出した可能性があるとしている。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/news-announced-word',
    requires: /発表|公表|明らかに/,
    pattern: /(?:^|[、。\s])((?:[ァ-ヶー・]{3,20}|[A-Z][A-Za-z0-9.&\-]{1,30}))は、?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)(?:、|に)[^。]{0,150}?(?:と発表|を発表|を公表|と公表|と明らかにし|を明らかにし)/,
    scope: 'sentence',
    value: 'news-subject',
    confidence: 'low',
    why: 'A news story may name the company hit by a bare katakana or Latin name, as the subject of its dated announcement (「グローブは5日、…と発表した」).',
    examples: {
      match: [{ text: '東西新報\n\nグローブは5日、会員情報が流出した可能性があると発表した。', expect: { organization: 'グローブ' } }],
      noMatch: [{ text: '東西新報\n\nグローブでは、会員情報が流出した可能性がある。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/site-name-line',
    pattern: new RegExp(`^(${NOT_NAME_START}(?:${PUBLIC}|[^\\s、。「」]{1,30}?(?:${LEGAL})))\\s*(?:公式)?(?:ホームページ|ウェブサイト|Webサイト|WEBサイト|サイト)$`),
    scope: 'sentence',
    value: 'site-name',
    confidence: 'medium',
    why: 'A page whose site-name line is 「北浜市公式ホームページ」 is published by that city or company.',
    examples: {
      match: [{ text: 'メール誤送信について\n北浜市公式ホームページ\n担当課から送信したメールの宛先に誤りがありました。', expect: { organization: '北浜市' } }],
      noMatch: [{ text: 'メール誤送信について\n観光情報公式ホームページ\n担当課から送信したメールの宛先に誤りがありました。', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/contact-public-office',
    pattern: new RegExp(`^[【\\[(■●◆<]?\\s*(?:お?問い?合わ?せ(?:先|窓口)?|担当(?:課|部署)?|連絡先)\\s*[】\\])>]?\\s*[:]?\\s*(${NOT_NAME_START}${PUBLIC})(?!警|議会)[一-龥ぁ-んァ-ヶー]{1,12}(?:部|課|室|局|係)(?![一-龥ぁ-んァ-ヶー])`),
    scope: 'sentence',
    value: 'contact-office',
    confidence: 'low',
    why: 'A municipal page without a byline names its publisher on the contact line, as the office to ask (「【問い合わせ】北浜市広報課 電話…」): the city that office belongs to.',
    examples: {
      match: [{ text: 'メール送信の誤りについて\n\n市政モニターの皆様へのメールで、宛先の指定を誤りました。\n【問い合わせ】北浜市広報課 電話:000-000-0000', expect: { organization: '北浜市', sector: 'government' } }],
      noMatch: [{ text: 'メール送信の誤りについて\n\n市政モニターの皆様へのメールで、宛先の指定を誤りました。\n【問い合わせ】広報課 電話:000-000-0000', expect: { organization: null } }],
    },
  },
  {
    id: 'organization/acronym-logo-line',
    pattern: /^([A-Za-z]{2,10})\s+[ァ-ヶー]{2,12}$/,
    scope: 'sentence',
    value: 'acronym-logo',
    confidence: 'low',
    why: 'An association that calls itself 弊会 may be named only by the acronym on its logo line (「abcf アベセフ」).',
    examples: {
      match: [{ text: 'お知らせ\n\nabcf アベセフ\n\n弊会の検定申込システムにおいて不正アクセスがありました。', expect: { organization: 'abcf' } }],
      noMatch: [{ text: 'お知らせ\n\nabcf 検定\n\n弊会の検定申込システムにおいて不正アクセスがありました。', expect: { organization: null } }],
    },
  },
]);

/** A news headline's subject before its first comma (「北浜市、…」「食品メーカーのミナト食品、…」). */
export const ORG_HEADLINE_RULES: ReadonlyArray<Rule<OrgRole>> = defineRules<OrgRole>('organization', [
  {
    id: 'organization/headline-subject',
    // The 「…の」 before the name is a word ending in kanji, katakana or Latin (「東西地方の北浜市、…」), never the の inside a
    // name written in kana (「ほのか市」「よしの町」).
    pattern: /^(?:[^、\s「」]{0,11}[一-龥ァ-ヶーA-Za-z0-9]の)?([^、\s「」『』()0-9]{2,20}?)、/,
    scope: 'header',
    value: 'headline-subject',
    confidence: 'low',
    why: 'A news headline puts the organisation hit first and a comma after it (「北浜市、申請書類が閲覧可能に」); the decider takes it only when the story names it again.',
    examples: {
      match: [
        { text: '北浜市、申請書類がネット上で閲覧可能に - 東西新報\n\n北浜市が使う申請サービスで、申請者の書類が誰でも閲覧できる状態になっていたことが分かった。', expect: { organization: '北浜市' } },
        { text: 'みなとテレビ、応募者名簿をサイトに誤掲載 - 東西新報\n\nみなとテレビ(本社・北浜市)の番組サイトに、応募者の名簿が掲載されていたことが分かった。', expect: { organization: 'みなとテレビ' } },
        { text: 'よしの町、住民票の写しを誤交付 - 東西新報\n\nよしの町は3日、住民票の写しを別人に交付していたと発表した。', expect: { organization: 'よしの町' } },
      ],
      noMatch: [{ text: '速報、申請書類がネット上で閲覧可能に - 東西新報\n\n市が使う申請サービスで、申請者の書類が誰でも閲覧できる状態になっていたことが分かった。', expect: { organization: null } }],
    },
  },
]);

/** A name handed in by the decider: a department, not an organisation (a contact block's 「総務部 情報政策課」). */
export const ORG_NAME_RULES: ReadonlyArray<Rule<OrgRole>> = defineRules<OrgRole>('organization', [
  {
    id: 'organization/department-block',
    pattern: /^(?:\S*(?:部|課|室|係|班|担当|グループ|チーム|事務局)\s+)+\S*(?:部|課|室|係|班|担当|グループ|チーム)$/,
    scope: 'name',
    value: 'department',
    confidence: 'high',
    why: 'A run of department words (部, 課, グループ) on a contact block is an office inside the publisher, not its name.',
    examples: {
      match: [{ text: 'お知らせ\n\nメールの誤送信がありました。\n\nお問い合わせ先\n総務部 情報政策課 システム管理グループ', expect: { organization: null } }],
      noMatch: [{ text: 'お知らせ\n\nメールの誤送信がありました。\n\n北浜システム開発グループ', expect: { organization: '北浜システム開発グループ' } }],
    },
  },
]);
