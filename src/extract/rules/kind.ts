// Rules for kind: a list of ransomware leak-site victims, words of a security or availability event, and
// the title shape of a notice. How many event words make an incident is decided in kind.ts.
import type { Kind } from '../../core/record.ts';
import { defineRules } from './rule.ts';

export const KIND_CLAIM_LIST_RULES = defineRules<Kind>('kind', [
  {
    id: 'kind/claim-list-header',
    pattern: /被害(?:組織|企業|団体)(?:の)?(?:リスト|一覧)|リークサイト[^。\n]{0,20}(?:リスト|一覧|まとめ)|ランサムウ[ェエ]ア[^。\n]{0,30}(?:被害|攻撃|犯行声明)[^。\n]{0,10}(?:リスト|一覧|まとめ)/,
    scope: 'header',
    value: 'claim_list',
    confidence: 'medium',
    why: 'A header announcing a list of victims (被害組織リスト, リークサイト…一覧) is a list of leak-site claims, not one incident.',
    examples: {
      match: ['ランサムウェア攻撃の被害組織リスト(2030年5月版)'],
      noMatch: [{ text: 'ランサムウェア被害に関するお知らせ\n\n当社サーバーがランサムウェアに感染しました。', expect: { kind: 'incident' } }],
    },
  },
]);

export const KIND_EVENT_RULES = defineRules<Kind>('kind', [
  {
    id: 'kind/security-event-word',
    pattern: /不正アクセス|持ち出|誤表示|誤封入|誤配|誤記載|不正ログイン|(?:読み取れる|判読できる|判読可能な)状態|写り込|無断で[^。]{0,20}撮影|漏えい|漏洩|流出|ランサム|紛失|亡失|盗難|誤送信|乗っ取|サイバー攻撃|被害を受け|ハッキング|侵入|侵害|詐欺|誤送|誤って|誤り|閲覧可能|盗|ひったくり|不正利用|流失|攻撃を受け|感染|漏らし|置き忘れ|誤廃棄|窃取|改ざん|不正取得|不正入手|不適[正切]な(?:閲覧|照会|利用)|不正(?:に|な)(?:閲覧|照会)|業務外(?:で|に)[^。]{0,30}(?:閲覧|照会)|目的外(?:の|で)?(?:閲覧|照会|利用)|(?:業務上の?|正当な)(?:必要|理由|目的)(?:が|も)?(?:ない|なく)[^。]{0,40}(?:閲覧|照会|持ち出|利用)|所在不明|行方不明|所在が(?:分から|わから|確認でき)/,
    scope: 'header+sentence',
    value: 'incident',
    confidence: 'medium',
    why: 'Words of a breach, loss, mistake or attack are what an incident post is about.',
    examples: {
      match: ['学校のブログに掲載した写真に、生徒の氏名が読み取れる状態で写り込んでいました。', '会員ページで他の会員の登録情報の誤表示がありました。', '保管していた住民票の写し3通を亡失したことが判明しました。', { text: '職員による住民情報の不適正な照会について\n\n職員が業務外で住民の情報を照会していたことが判明しました。', expect: { kind: 'incident' } }, '窓口で預かった申請書2枚が所在不明となっております。', { text: '看護師が患者の記録を閲覧、停職に　北浜市民病院\n\n北浜市民病院は10日、看護師が業務上の必要がないのに患者3人の記録を閲覧していたと発表した。', expect: { kind: 'incident' } }],
      noMatch: [{ text: '学会参加報告\n\n今年も秋の学会に参加し、多くの発表を聴講しました。', expect: { kind: 'other' } }],
    },
  },
  {
    id: 'kind/availability-event-word',
    pattern: /障害|DDoS|DoS攻撃|停止|つながりにく|繋がりにく|接続しにく|接続でき(?:ない|なく)|利用できな|アクセスしにく|アクセスでき(?:ない|なく)|閲覧しにく|閲覧でき(?:ない|なく)|ダウンし/i,
    scope: 'header+sentence',
    value: 'incident',
    confidence: 'medium',
    why: 'A service down, unreachable or flooded is an availability event, which the record counts as an incident too.',
    examples: {
      match: ['本日午前から、オンラインサービスに接続しにくい状況が続いております。'],
      noMatch: [{ text: '新サービス開始のお知らせ\n\n本日より新しい予約サービスを開始しました。', expect: { kind: 'other' } }],
    },
  },
]);

// What follows an event word when the post says the event happened (「…を受けました」「…が発生し」
// 「…され」「…してしまい」), not that it is discussed (「…も見かける」「…被害に係るガイダンス」).
// 「乗っ取られ、」「盗まれた」: the passive of a godan verb ends in られ/まれ.
const HAPPENED_AFTER = '(?=[^。\\n]{0,3}(?:を受け(?:た|まし|て|、)|が(?:あり|あっ)|が発生し(?:た|まし|て|、)|が起き(?:た|まし)|に遭(?:い|っ)|(?:さ|ら|ま)れ(?:た|まし|て|、)|し(?:た|まし|てしま|ており|ていた|、)|が(?:判明|確認|発覚)し))';
// 「誤って送信した」「無断で持ち出し、」「窃取した」: a mistake or a taking said as a verb.
const EVENT_WORDS = '(?:業務上の?|正当な)(?:必要|理由|目的)(?:が|も)?(?:ない|なく)[^。]{0,40}(?:閲覧|照会)|不正アクセス|不正(?:に|な)アクセス|不正ログイン|不正に(?:使用|利用)|無断で[^。]{0,30}撮影|(?:を装った|をかたる|を騙る|になりすました|の名前を使[いっ])[^。]{0,90}?(?:メール|SMS|ショートメッセージ)|(?:別|他)の[^。、]{0,12}?(?:方|者|様)の(?:情報|書類|個人情報)|不正使用|不正利用|漏えい|漏洩|流出|ランサムウェア|紛失|盗難|誤送信|誤送付|誤って|乗っ取|サイバー攻撃|DDoS攻撃|DoS攻撃|ハッキング|侵入|感染|改ざん|障害|停止|持ち出|窃取|盗|不正に取得|不正取得|(?:氏名|名前|個人情報|顧客情報|患者|利用者|住所|履歴|カルテ)[^。]{0,30}(?:SNS|インターネット上|ネット上|掲示板|ブログ|自身のアカウント)[^。]{0,6}(?:投稿|書き込)';

/** Without a notice title, a post is about an incident only where it says an event happened. */
export const KIND_HAPPENED_RULES = defineRules<Kind>('kind', [
  {
    id: 'kind/event-happened',
    pattern: new RegExp(`(?:${EVENT_WORDS})${HAPPENED_AFTER}`),
    scope: 'header+sentence',
    guards: ['advice', 'preventive', 'conditional'],
    value: 'incident',
    confidence: 'medium',
    why: 'A post with no notice title (a news story, a blog) is about an incident when it says an attack, leak or outage happened, not when it discusses threats in general.',
    examples: {
      match: [
        '取材メモ\n\n市のサーバーが外部から不正アクセスを受けました。詳しい原因は調査中です。',
        { text: '北浜市の公式アカウント 第三者が投稿 - みなと放送\n\n北浜市は5日、市の公式SNSアカウントが第三者に乗っ取られ、広告が投稿されたと発表した。', expect: { kind: 'incident' } },
        { text: '元店員が会員名簿を転売 - 南浜日報\n\n南浜市の書店は2日、元店員が在職中に会員名簿を無断で持ち出し、名簿業者に売っていたと発表した。', expect: { kind: 'incident' } },
        { text: '診療所が紹介状をFAXで誤送信 - 東浜タイムズ\n\n東浜市の診療所は8日、患者の紹介状を別の事業者に誤って送信したと発表した。', expect: { kind: 'incident' } },
        { text: '町職員のアカウントから迷惑メール - 東浜タイムズ\n\n東浜町は8日、職員のメールアカウントが第三者に不正に使用され、迷惑メールが送られたと発表した。', expect: { kind: 'incident' } },
        { text: '職員が来館者の名前をSNSに - 東浜タイムズ\n\n東浜町は8日、図書館の職員が来館者2人の氏名をSNSに投稿していたと発表した。', expect: { kind: 'incident' } },
        { text: '偽の請求書で取引先が送金 - 東浜タイムズ\n\n東浜工業は8日、社員のメールアカウントに第三者が不正にアクセスし、偽の請求書が送られたと発表した。', expect: { kind: 'incident' } },
        { text: '店員が免許証を撮影 - 東浜タイムズ\n\n東浜モバイルは8日、元店員が来店客の免許証を私物のスマートフォンで無断で撮影していたと発表した。', expect: { kind: 'incident' } },
      ],
      noMatch: [{ text: '勉強会の感想\n\n最近は大規模なDDoS攻撃もよく見かけるため、対策の重要性を感じた。管理の甘い組織は不正アクセスを受けるものだという話もあった。', expect: { kind: 'other' } }, { text: '図書館だより - 東浜タイムズ\n\n東浜町は8日、図書館の新着図書をSNSに投稿したと発表した。', expect: { kind: 'other' } }],
    },
  },
  {
    id: 'kind/exposure-found',
    pattern: /(?:(?:閲覧|アクセス|ダウンロード)(?:でき|可能)(?:る|な)?(?:状態|状況)|掲載されて(?:い|お)|公開されて(?:い|お)|誤って[^。]{0,20}(?:掲載|公開|送信|送付))[^。]{0,30}ことが(?:分か|わか|判明|明らかにな)/,
    scope: 'header+sentence',
    guards: ['advice', 'conditional'],
    value: 'incident',
    confidence: 'medium',
    why: 'A story that says data was found open to view or posted by mistake (「…閲覧できる状態になっていたことが分かった」) reports an exposure, though no word of attack or leak is used.',
    examples: {
      match: [{ text: '申請書類、ネット上で閲覧可能に - 東西新報\n\n北浜市の申請サービスで、申請者の書類が誰でも閲覧できる状態になっていたことが分かった。', expect: { kind: 'incident' } }],
      noMatch: [{ text: '新しい申請サービス - 東西新報\n\n北浜市の申請サービスで、申請の状況を誰でも確認できることが分かった。', expect: { kind: 'other' } }],
    },
  },
]);

export const KIND_TITLE_RULES = defineRules<Kind>('kind', [
  {
    id: 'kind/notice-title',
    pattern: /お詫び|おわび|お知らせ|ご?報告|ご案内|について|に関する|発生|事案/,
    scope: 'header+sentence',
    value: 'incident',
    confidence: 'medium',
    why: 'A notice title (「…に関するお詫び」「…について」) on the first line or the line under a publisher\'s name makes one event word enough for an incident.',
    examples: {
      match: ['不正アクセスに関するお詫び'],
      noMatch: [{ text: '旅行記\n\n空港で荷物の盗難に気をつけながら旅をしました。', expect: { kind: 'other' } }],
    },
  },
]);
