// Rules for discovery: how the organisation learned of the event. A learning sentence names a SOURCE
// (the noun before から/より/を通じ/によれば, or the subject before が/は of a noticing verb) and a verb of
// telling or noticing; the source's noun class gives the channel. Noun classes below are classes of the
// language (〜者, 〜様, 〜の方, 〜社, 〜署), not one notice's words. Precedence between hits is the decider's
// (src/extract/discovery.ts); the order of DISCOVERY_RULES is the order within one sentence.
import type { Discovery } from '../../core/record.ts';
import { defineRules } from './rule.ts';

// ---- verbs -----------------------------------------------------------------------------------------
/** A verb of telling, as a noun (連絡, 指摘, 相談, 電話…). */
const TELL = '(?:ご|御|お)?(?:連絡|報告|通報|通知|指摘|相談|情報提供|情報|申し出|申出|問い?合わ?せ|照会|抗議|電話|メール|苦情|訴え|知らせ|投稿|書き込み)';
/** What turns the telling noun into something the organisation received (を受け, があり, により…). */
const RECEIVED = '(?:を受け|が相次|され(?:た|まし)|(?=\\s*$)|を受領|を頂|をいただ|を頂戴|を、?[^。、「」]{1,12}?(?:に|へ)(?:いただ|頂)|を(?:複数|多数|相次いで)(?:いただ|頂|受け)|が、?(?:[^。、「」]{1,12}?(?:に|へ))?(?:ありました|あり|あった)|が、?(?:[^。、「」]{1,20}?(?:に|へ))?寄せられ|が入り|が入った|が届|がきっかけ|をきっかけ|により|によって|にて|で、?(?:判明|発覚|把握|認識|覚知|気付|気づ|わか|分か|知)|で、|を通じ|を受けて)';
/** A verb of noticing or telling with its subject before が/は (気付き, 発見し, 指摘し, 連絡し…). */
const NOTICED = '(?:気付(?!かず|かな|かれ)|気づ(?!かず|かな|かれ)|発見(?:し|いたし|致し)|見つけ|指摘し|通報し|連絡し|連絡を(?:し|入れ)|報告し|申し出|相談し|知らせ|問い合わせ|抗議|投稿し|書き込|(?:窓口|役所|役場|店舗|事務所)に(?:お越し|来庁|来所|来店|持参))';
/** …and, for a firm whose work is to look (a researcher, a contractor), finding it by checking (…を確認し). */
const NOTICED_OR_CHECKED = `(?:${NOTICED}|(?:を|と)確認(?:し|いたし|致し))`;
/** What staff do when they find the fault themselves (not what they do after: 通報し, 連絡し). */
const STAFF_NOTICED = '(?:気付(?!かず|かな|かれ)|気づ(?!かず|かな|かれ)|発見(?:し|いたし|致し)|見つけ|見当たらな|ないこと(?:が|を)|(?:を|と)確認(?:し|いたし|致し)|(?:紛失|異常|誤り|不審)(?:を|に)(?:確認|認識)|(?:調べ|確認し|点検し)たところ)';
/** After 〜から/〜より: not 「お客様からお預かりした」 (data that came from them, not a report). */
const FROM_AFTER = '(?!お?預か|取得|収集|ご?提供(?:いただ|頂|を受け)|いただいた|頂いた|受け付け|お?申込|ご?注文|購入)(?:の|、)?';
/** A bounded stretch between the source and the telling word (a quotation joined by the decider may hold 。). */
const SPAN = '[^\n]{0,80}?';
/** Honorifics and 「の方」 after a person noun. */
// 「会員の先生から」「お客様のお一人から」: a role or a count after the noun names the same person.
const HON = '(?:様|さま|さん|氏|殿|[A-Z](?:氏|様|さま|さん))?(?:の方|の方々|方)?(?:々)?(?:の(?:先生方?|皆様|皆さま|お一人|一人|[0-9一]名|[0-9一]人))?(?:\\([^()。]{0,24}\\))?';

// ---- noun classes ------------------------------------------------------------------------------------
/** Members of the public: customers, patients, residents, applicants, recipients, any 〜者 who used a service. */
const PUBLIC = '(?:お客様|お客さま|顧客|利用者|ユーザー?|会員|(?:入院|通院)?患者|来院者|受診者|(?:ご)?家族|保護者|市民|住民|町民|村民|区民|県民|府民|都民|道民|学生|生徒|児童|受験者|受験生|受講者|受講生|参加者|応募者|申込者|申請者|出願者|寄附者|寄付者|購入者|契約者|(?:お)?取引先|フォロワー|ファン|サポーター|加入者|登録者|組合員|被保険者|当選者|閲覧者|視聴者|読者|購読者|来場者|宿泊者|相談者|受信者|受取人|送付先|送信先|ご本人|匿名(?:の)?[一-龥]{0,3}|一般の|外部の|地域の|近隣の)';
/** Any person: 〜者 other than roles of staff, contractors and officials, and 「〜の方」. */
const ANY_PERSON = '(?:者(?<=[一-龥ァ-ヶー]者)(?<!(?:事業|業|担当|責任|管理|研究|受託|委託|技術|関係|記|当事|第三|代表|開発|運営|提供|保守|作業|事務|従業|配達|有識|専門|攻撃|犯行|発注|出品|経営|役|設置|労働|医療従事|被疑|容疑)者)|の方(?<=[一-龥ァ-ヶーA-Za-z]の方)(?<!(?:記者|報道関係者|職員|担当者|係員|担当官)の方)|の方(?<=(?:お住まい|お住い|住まい)の方))';
/** 「ホームページを閲覧していた方」: a person described by what they did. */
const DESCRIBED_PERSON = '(?:方|者)(?<=(?:した|している|していた|された|[るた])(?:方|者))';
/** Own staff: the organisation's people, by role (〜職員, 〜担当者, 教諭, 医師…). */
const STAFF = '(?:(?:職員|社員|従業員|従業者|教職員|教員|教諭|講師|担当者|担当職員|スタッフ|医師|看護師|係員|課員|部員|技師|SE|システム担当|(?:現場|営業)?所長|(?:副)?店長|支店長|課長|部長|係長|室長|主任|事務長|施設長|教頭|園長)|当直(?:者)?|管理職|上司|(?:他|別|同じ|隣|関係)の?(?:課|部署|部局|部|室|係|局|所属|事業所|支店|店舗)|(?:本部|本店|本社)?(?:内部)?(?:監査|検査|監察|コンプライアンス)(?:部|室|課|部門|担当))';
/** Contractors and vendors, by the words notices use for them. */
const VENDOR_WORD = '(?:委託(?:している|していた|した|する)(?:会社|業者|事業者|企業|先)|再?委託先(?:事業者|業者|企業|会社|事務局)?|再?委託(?:事業者|業者|会社)|受託(?:者|事業者|業者|会社|企業)|保守(?:業者|会社|事業者|ベンダー|委託先)|(?:システム|開発|運営|運用|管理|印刷|配送|発送)(?:会社|業者|事業者|ベンダー|委託先)|ベンダー|提供元|(?:サービス)?提供(?:事業者|会社|者)|サービス(?:事業者|会社)|決済(?:代行|サービス)(?:会社|事業者|業者)|販売元|開発元|子会社|グループ会社|事業者|業者|会社(?<=[ァ-ヴー]{2}会社)(?<!カード会社))';
/** A company by its name: 「ミナトペイ社」「MP社」「株式会社ほしぞら」「ほしぞら株式会社」. */
// 「ミナトペイ社」「ABC社」, not a count (「取引先の1社」).
const COMPANY_NAME = '(?:社(?<=[A-Za-zァ-ヴー・]社)|(?:株式会社|有限会社|合同会社)(?:[^\\s、。「」()]{1,15}?)?)';
/** A contractor's people: 「委託先の事務局員」「保守業者の担当者」. */
const VENDOR_STAFF = '(?:の|である)?(?:[^\\s、。「」()]{0,14}?(?:社|職員|社員|従業員|担当者|スタッフ|[一-龥]{1,3}員|関係者))?';
/** Card companies (a payment agent is a vendor, not a card company). */
const CARD = '(?:(?:クレジット)?カード(?:発行)?会社|カードブランド|国際ブランド|カード発行元)';
/** Police bodies; 〜署 other than tax, fire or labour offices. */
const POLICE = '(?:警察(?:署|本部|庁)?|警視庁|[都道府県]警|サイバー犯罪対策課|捜査機関|捜査当局|署(?<=[一-龥]署)(?<!(?:税務|消防|監督|事務|年金|部|本)署))';
/** Security firms and researchers. */
const RESEARCHER = '(?:(?:サイバー)?セキュリティ(?:関連|専門)?(?:の)?(?:企業|会社|ベンダー|研究者|専門家|専門企業|専門会社|専門機関|専門事業者|リサーチャー|チーム|研究機関|調査会社|調査機関)|(?:セキュリティ)?研究者|ホワイトハッカー|リサーチャー|バグバウンティ|JPCERT(?:/CC|コーディネーションセンター)?|脆弱性(?:の)?(?:発見者|報告者)|調査会社)';
/** Other bodies: media, ministries, authorities, partner or recipient organisations, associates. */
const OTHER_BODY = '(?:報道機関|新聞社|テレビ局|放送局|記者|メディア(?:関係者)?|省(?<=[一-龥]省)|庁(?<!(?:警察|県|都|府|道|市|町|村|区)庁)|当局|行政機関|公的機関|外部機関|関係機関|税務署|年金事務所|労働基準監督署|消防署|内閣サイバーセキュリティセンター|NISC|関係先|提携先|連携先|取引先|転職先|同業他社|(?:同|他の|別の)?(?:証券会社|銀行|保険会社|信用金庫)|(?<![当本弊])(?:協会|団体|連盟|連合会|機構)|(?:他の|別の)(?:自治体|機関|団体|会社|事業者)|自治体|関係者)(?:の[^\\s、。「」()]{1,15}?)?';
/** The organisation itself as the one who found out (当社は, 本学では, 市は…). */
const OWN = '(?:当社|弊社|当院|本院|本学|当学|当会|弊会|本会|当協会|当法人|当団体|当センター|本センター|当機構|当組合|当金庫|当行|当庁|本市|当市|本町|当町|本村|当村|本県|当県|本府|社内|院内|学内|庁内|(?:^|、)(?:市|町|村|県|府|同社|同院|同大学?)(?=は|では|が))';

// A frame is what follows a source noun and makes it the source of the learning. Each frame comes in two
// spellings with the same meaning: read forward from the noun (fast when the nouns are rare: card
// companies, police, researchers), or anchored on its particle or verb with the noun read in a lookbehind
// (fast when the nouns are everywhere: customers, members, companies), since V8 scans for a few literals
// far faster than for a long list of common nouns.
interface Frame {
  forward: string;
  anchored: (s: string) => string;
}
const CITED_WORD = '(?:報告|連絡|通報|指摘|情報提供|通知|申し出)';
const CITED_END = '(?:によれば|によると|により|によって|で|を受け|があり)';
/** …から/より … TELL + RECEIVED: 「委託先から…との連絡を受けました」「寄付者様からのお電話により」. */
const TOLD: Frame = {
  forward: `(?:から|より)${FROM_AFTER}${SPAN}${TELL}${RECEIVED}`,
  anchored: (s) => `(?:から|より)(?<=${s}(?:から|より))${FROM_AFTER}${SPAN}${TELL}${RECEIVED}`,
};
/** …が/は … NOTICED: 「受講生が…気付き、当課に連絡しました」. */
const NOTICED_BY: Frame = {
  forward: `(?:が|は|も)、?[^。]{0,100}?${NOTICED}`,
  anchored: (s) => `${NOTICED}(?<=${s}(?:が|は|も)、?[^。]{0,100}${NOTICED})`,
};
/** …が/は … found it by checking: 「調査会社が…閲覧可能な状態にあることを確認し」. */
const CHECKED_BY: Frame = {
  forward: `(?:が|は|も)、?[^。]{0,60}?${NOTICED_OR_CHECKED}`,
  anchored: (s) => `${NOTICED_OR_CHECKED}(?<=${s}(?:が|は|も)、?[^。]{0,60}${NOTICED_OR_CHECKED})`,
};
/** …の報告によれば / による指摘で: a report cited as the source. */
const CITED: Frame = {
  forward: `(?:の|による|からの)(?:ご|御)?${CITED_WORD}${CITED_END}`,
  anchored: (s) => `${CITED_WORD}(?<=${s}(?:の|による|からの)(?:ご|御)?${CITED_WORD})${CITED_END}`,
};
/** …によって/により 発見・指摘: 「研究者によって発見されました」 (a name may follow the noun). */
const FOUND_BY: Frame = {
  forward: '(?:[A-Za-z0-9ァ-ヴー・]{1,15}(?:社)?)?(?:によって|により)[^。]{0,10}?(?:発見|指摘|通報|報告)',
  anchored: (s) => `(?:によって|により)(?<=${s}(?:[A-Za-z0-9ァ-ヴー・]{1,15}(?:社)?)?(?:によって|により))[^。]{0,10}?(?:発見|指摘|通報|報告)`,
};

const re = (s: string) => new RegExp(s);
/** A common source noun (with honorifics) in one of the frames, each anchored on its particle or verb. */
const source = (noun: string, ...frames: Frame[]) => re(frames.map((f) => f.anchored(`${noun}${HON}`)).join('|'));
/** A rare source noun (with honorifics) followed by one of the frames. */
const rareSource = (noun: string, ...frames: Frame[]) => re(`${noun}${HON}(?:${frames.map((f) => f.forward).join('|')})`);

// Denials (「…の報告はありません」) are voided by the denied guard; these words mean the sentence is about
// something other than learning of the event: a condition, a plan, a request, an inquiry desk.
// (A call that came to the inquiry desk, 「お問い合わせ窓口に…お電話をいただき」, is learning.)
const NOT_LEARNING = /場合(?:は|には|に|でも)|際には|次第|ようお願い|お問い?合わ?せ(?:窓口|先)(?!に|へ)|窓口を(?:設置|開設)/;

/**
 * Words one of which every rule's match contains (a verb of telling or noticing, a detection word, the
 * attacker's or the press's words, routine work, an investigation): a unit without any cannot hold a
 * learning sentence, and the decider skips it before the rules run.
 */
export const LEARNING_CUE = /遮断|警告|(?:窓口|役所|役場|店舗|事務所)に(?:お越し|来庁|来所|来店|持参)|を名乗る|と名乗る|と称する|着信|支払え|払え|公開されたくなければ|アラート|ブロック|隔離|連絡|報告(?!いたし|申し?上げ|します|させていただ)|(?:長|上司|管理者|責任者|担当|部|課|室)(?:に|へ)報告|通報|通知|指摘|相談|情報提供|からの?情報|より情報|との情報|申し?出|問い?合|照会|抗議|電話|メール(?:にて|で|により|によって|が|を)|苦情|訴え|知らせ(?!いたし|します|しま|する|でき|くださ|下さ)|投稿|書き込み|投書|気付|気づ|発見|見つけ|確認|見当たら|ないこと|認識|主張|犯行声明|(?:リーク|暴露)サイト|脅迫|ランサムノート|身代金|通じ|通して|経由|取材|報道|捜査|逮捕|取り?調べ|ダーク|闇サイト|詐欺|攻撃|なりすまし|フィッシング|検知|検出|覚知|しようと|使おうと|取り掛かろうと|取りかかろうと|始めようと|準備|作成し|整理し|点検|棚卸|更新作業|定期|調査|調べ|監視|監査|照合|突合/;

export const DISCOVERY_RULES = defineRules<Discovery>('discovery', [
  {
    id: 'discovery/card-company-told',
    pattern: rareSource(CARD, TOLD, CITED),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'card_company',
    confidence: 'high',
    why: 'A card company warning a shop of a possible leak (カード会社から…連絡) is how most card leaks come to light.',
    examples: {
      match: ['6月2日、一部のクレジットカード会社から、当店で利用されたカードの不正利用の懸念があるとの連絡を受けました。'],
      noMatch: ['身に覚えのない請求がある場合は、カード会社にお問い合わせください。'],
    },
  },
  {
    id: 'discovery/attacker-claim',
    pattern: /(?:ギャング|グループ|集団|攻撃者|ハッカー|犯行グループ|犯人)[^。]{0,40}(?:主張|犯行声明)|(?:リーク|暴露)サイト[^。]{0,80}?(?:に掲載|で公開|に投稿|に公開|投稿を掲載|投稿を公開|とする投稿|が掲載され|が公開され|が投稿され|が載せられ|が載って|が晒され)|脅迫(?:文|メール|状)|ランサムノート|身代金を?要求する(?:メッセージ|文書|画面)|(?:プリンター|プリンタ|複合機)[^。]{0,40}?(?:文書|用紙|紙|メッセージ|書面)[^。]{0,30}?印刷|(?:を名乗る|と名乗る|と称する)[^。]{0,20}?(?:グループ|集団|組織|ハッカー)[^。]{0,60}?(?:要求|求め)|(?:を名乗る|と名乗る|と称する)[^。]{0,20}?(?:グループ|集団|組織|ハッカー)(?:から|より)[^。]{0,30}?(?:文書|メッセージ|メール|FAX|ファックス|ファクス)[^。]{0,20}?(?:が)?(?:届|着信|受信|表示|印刷)|「[^」]{0,60}(?:支払え|払え|公開されたくなければ|公開する|暗号資産|ビットコイン|身代金)[^」]{0,40}」(?:という|との|といった)?[^。]{0,20}?(?:メール|文書|メッセージ)[^。]{0,10}?(?:が|を)(?:届|受信|受け取)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: /とのこと|との報告|と聞|確認されて(?:おりません|いません)/,
    value: 'attacker_claim',
    confidence: 'high',
    why: 'A ransom note or a leak-site post is the attacker telling the organisation; hearsay of a note left elsewhere is not.',
    examples: {
      match: ['攻撃グループが運営する暴露サイトに当社の社名とファイルの一覧が載せられているのを、当社の担当者が見つけました。', '3月1日朝、サーバーの画面に脅迫文が表示されているのを発見しました。', '出社した社員が、事務所の複合機から見慣れない英文の文書が大量に印刷されているのに気付きました。', '画面に残された文書は「NightHeron」を名乗るグループからのもので、金銭を支払うよう求める内容でした。', '5月11日、当社の窓口のアドレスに「顧客データを入手した。公開されたくなければ暗号資産を支払え」という内容のメールが届きました。', '6月2日朝、本社のFAX機に「NightHeron」と名乗る集団から英文の文書が相次いで着信しました。', '当社は9月10日、攻撃グループが運営するとみられるリークサイトに、当社の名称が掲載されていることを確認いたしました。', { text: '南浜工業 リークサイトに社名 - 東西新報\n\n犯罪集団「GreyOwl」が、リークサイトに、部品メーカーの南浜工業株式会社から約20GBのデータを盗んだとする投稿を掲載したことが分かった。', expect: { discovery: 'attacker_claim' } }],
      noMatch: ['委託先のサーバーには脅迫文が残されていたとのことです。', '印刷した名簿を複合機に置き忘れ、別の職員が気付きました。'],
    },
  },
  {
    id: 'discovery/dark-web-listing',
    pattern: /(?:ダークウェブ|ダークWeb|闇サイト)[^。]{0,30}?(?:に|で|上で|上に)[^。]{0,30}?(?:掲載|公開|投稿|販売|売買|出品)/i,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'preventive', 'conditional'],
    excludes: /監視|モニタリング|調査を(?:依頼|実施)|ないか/,
    value: 'attacker_claim',
    confidence: 'low',
    why: 'Data found offered on the dark web is the attacker publishing it, the way a leak-site post is.',
    examples: {
      match: ['3月2日、当社の会員情報とみられるデータがダークウェブ上で販売されていることを確認しました。'],
      noMatch: ['当社の情報がダークウェブ上に掲載されていないか、監視を続けております。'],
    },
  },
  {
    id: 'discovery/police-relayed',
    pattern: re(`${POLICE}(?:を通じ|を通して|経由で)`),
    scope: 'header+sentence',
    guards: ['advice', 'question'],
    value: 'police',
    confidence: 'high',
    why: 'A report that reached the organisation through a police station (〜署を通じて) came from the police, whoever first spoke.',
    examples: {
      match: ['中古品を購入した方から、北署を通じて、端末に当院の記録が残っているとの連絡がありました。'],
      noMatch: ['中古品を購入した方から、端末に当院の記録が残っているとの連絡がありました。'],
    },
  },
  {
    id: 'discovery/police-told',
    pattern: rareSource(POLICE, TOLD, CITED),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'police',
    confidence: 'high',
    why: 'The police telling the organisation (警察から…連絡を受け) means it learned from the police.',
    examples: {
      match: ['5月8日、県警から、当社の顧客情報が第三者に渡っている可能性があるとの連絡を受けました。'],
      noMatch: ['5月8日、当社は県警に被害を相談しました。'],
    },
  },
  {
    id: 'discovery/police-investigation',
    pattern: /(?:警察|県警|府警|道警|警視庁)(?:署|本部)?[^。]{0,10}?(?:の|による)(?:捜査|逮捕|取り調べ|取調べ)[^。]{0,40}?(?:判明|発覚|わかり|分かり|知り|知った|明らかに)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'conditional'],
    value: 'police',
    confidence: 'medium',
    why: 'Learning of it from a police investigation or arrest (警察の捜査で判明) is learning it from the police, as news stories put it.',
    examples: {
      match: ['県警の捜査により、元社員が顧客名簿を持ち出していたことが判明しました。'],
      noMatch: ['元社員が顧客名簿を持ち出していたことが判明したため、県警に相談しています。'],
    },
  },
  {
    id: 'discovery/researcher-told',
    // 「セキュリティ研究者を名乗る方から」: one who calls himself a researcher when he writes in.
    pattern: rareSource(`${RESEARCHER}(?:(?:を|と)名乗る(?:方|人物|者))?`, TOLD, CITED, FOUND_BY, CHECKED_BY),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'external_researcher',
    confidence: 'high',
    why: 'A security firm or researcher who found the exposure and told the organisation (研究者から…指摘, 専門企業によって発見) is an external researcher.',
    examples: {
      match: ['公開状態のバックアップは、海外の研究者によって発見され、当社に通知されました。', '4月3日、セキュリティ研究者の方から、公開サーバーに名簿が置かれているとのご指摘をいただきました。', { text: 'お知らせ\n\n5月8日、セキュリティ研究者を名乗る方から当社のお問い合わせフォームに、名簿が誰でも閲覧できるとのご連絡をいただきました。', expect: { discovery: 'external_researcher' } }],
      noMatch: ['外部のセキュリティ企業に調査を依頼しております。'],
    },
  },
  {
    id: 'discovery/recipient-body-told',
    pattern: source('(?:受け取った|受信した|受領した|届いた|受け取られた|受信された|受領された|お受け取りになった)[^\\s、。「」()]{0,10}?(?:事業者|事業所|会社|業者|企業|団体|機関|法人|病院|医院|施設|店舗|事務所)', TOLD, CITED),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'other',
    confidence: 'medium',
    why: 'A business that received a misdirected fax, mail or parcel and says so is a recipient, not the organisation’s contractor, whatever its trade (a printing or delivery company).',
    examples: {
      match: [{ text: 'お知らせ\n\n翌日、書類を受け取った印刷会社から連絡があり、誤送付が分かりました。', expect: { discovery: 'other' } }, { text: 'お知らせ\n\n同日夕方、FAXを受信された事業者さまから当金庫へお電話をいただき、誤送信が判明しました。', expect: { discovery: 'other' } }],
      noMatch: [{ text: 'お知らせ\n\n翌日、封入作業を委託している印刷会社から連絡があり、誤封入が分かりました。', expect: { discovery: 'vendor_report' } }],
    },
  },
  {
    id: 'discovery/vendor-told',
    pattern: source(`${VENDOR_WORD}${VENDOR_STAFF}`, TOLD, CITED, NOTICED_BY),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'vendor_report',
    confidence: 'high',
    why: 'A contractor or vendor, or its staff, telling the organisation or noticing the fault (委託先から報告, 委託先の担当者が気付き) is a vendor report.',
    examples: {
      match: ['受託者の検針員が、営業所へ戻った午後4時頃に端末がないことに気付きました。', '委託先の事務局員が送信済みのメールを見直した際に宛先の誤りに気付き、当課に報告しました。', '・7月3日 受託事業者から報告', 'サイトの保守を委託している会社の担当者が、異常に気付き当社に報告しました。'],
      noMatch: ['当課から委託事業者に連絡し、ページを非公開にしました。'],
    },
  },
  {
    id: 'discovery/company-told',
    pattern: source(`${COMPANY_NAME}${VENDOR_STAFF}`, TOLD, CITED),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'vendor_report',
    confidence: 'low',
    why: 'A company named by its name that tells the organisation (ミナトペイ社より連絡, X社の報告によれば) is most often the service provider behind the event.',
    examples: {
      match: ['決済サービスを提供するミナトペイ社より、同社のシステムが改ざんされたとの連絡を受けました。', 'カードアイ社の報告によれば、申込者の一部の情報が流出したとのことです。'],
      noMatch: ['ミナトペイ社に対し、原因の究明を求めております。'],
    },
  },
  {
    id: 'discovery/company-reported-itself',
    pattern: re(`(?:報告|連絡|通知)(?<=(?:同社|${COMPANY_NAME}|${VENDOR_WORD})(?:にて|において|では|が|は)[^。]{0,100}(?:との|旨の)(?:ご)?(?:報告|連絡|通知))(?:を受け|があり|がありました)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'vendor_report',
    confidence: 'low',
    why: 'A report received about what a provider found in its own systems (同社にて不正アクセスを把握したとの報告を受け) came from that provider.',
    examples: {
      match: ['同社は自社の配信基盤で不審なログインを見つけ、利用を止めたとの連絡を受けています。'],
      noMatch: ['同社は自社の配信基盤で不審なログインを見つけ、利用を止めています。'],
    },
  },
  {
    id: 'discovery/public-told',
    pattern: source(PUBLIC, TOLD, CITED, NOTICED_BY),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'customer_report',
    confidence: 'high',
    why: 'A member of the public (a customer, patient, resident, participant, donor…) telling the organisation by any means is a customer report.',
    examples: {
      match: [
        '同日午後6時頃、ご帰宅後に書類をご覧になった患者A様から「自分のものではない書類が入っている」とのお電話をいただきました。',
        '翌朝、ファンの皆様から「投稿がおかしい」とのご連絡を複数いただきました。',
        '封筒を受け取られた市民の方が、同封されていた一覧を持って市役所の窓口にお越しになり、本件が発覚しました。',
        '11月2日、講座の参加者の方から、他の参加者の連絡先が見えるとのご相談があり、事態が判明しました。',
        '寄附者様からのお電話により、証明書の誤送付が発覚しました。',
        '入居者のご家族からのお電話で、書類の取り違えがわかりました。',
        '利用者がSNSに投稿し、問題が発覚しました。',
        '受信した会員が宛先の誤りに気付き、当課に連絡しました。',
        '研修会の後、会員の先生から、名簿が誰でも閲覧できるとのご指摘をいただきました。',
        '2月17日、会員の方から、自分の名前を検索したら名簿が表示されたとのご連絡を事務局にいただきました。',
        '4月上旬、市民の方から「知らない人の書類が届いた」との相談が市の窓口に寄せられました。',
        { text: 'お知らせ\n\n同日13時、会員様から当社のお問い合わせ窓口に「他人の名前が表示される」とのお電話をいただきました。', expect: { discovery: 'customer_report' } },
      ],
      noMatch: ['お客様からお預かりした個人情報が流出したとの連絡を受けました。', '対象のお客様には個別にご連絡いたします。', { text: 'お知らせ\n\n書類を紛失しました。お客様からのご連絡はお問い合わせ窓口で承ります。', expect: { discovery: null } }],
    },
  },
  {
    id: 'discovery/public-told-after',
    // 「…とのお問い合わせが複数のお客様から寄せられ」: what was said first, then who said it.
    pattern: re(`${TELL}が、?[^。]{0,24}?(?:複数の|多数の|一部の|数名の|[0-9]+名の)?${PUBLIC}${HON}(?:から|より)(?:複数|多数|相次いで)?(?:寄せられ|あり|入り|届|相次)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'customer_report',
    confidence: 'high',
    why: 'An inquiry or complaint that came from customers or members, told message first (「…とのお問い合わせが複数のお客様から寄せられ」), is a customer report.',
    examples: {
      match: ['7月7日、「変更完了のメールが届いた」とのお問い合わせが複数のお客様から寄せられ、調査を開始しました。'],
      noMatch: ['お問い合わせが複数のお客様から寄せられた場合は、順次回答いたします。'],
    },
  },
  {
    id: 'discovery/any-person-told',
    pattern: source(ANY_PERSON, TOLD, CITED, NOTICED_BY),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'customer_report',
    confidence: 'low',
    why: 'A person named by a 〜者 or 〜の方 noun that is not a role of staff, contractors or officials (拾得者, 入居者, 地域の方) is a member of the public.',
    examples: {
      match: ['拾得者から連絡があり、書類が見つかったことが分かりました。', { text: 'お知らせ\n\n同日午後、事業所の近隣にお住まいの方から、ファイルが歩道に落ちていたとのお電話をいただきました。', expect: { discovery: 'customer_report' } }],
      noMatch: ['委託事業者から連絡があり、書類が見つかったことが分かりました。'],
    },
  },
  {
    id: 'discovery/described-person-told',
    pattern: source(DESCRIBED_PERSON, TOLD),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'customer_report',
    confidence: 'medium',
    why: 'A person described by what they did (「ページを閲覧していた方」「書類を受け取った方」) who told the organisation is a member of the public.',
    examples: {
      match: ['講座の案内を読んでいた方から村に電話があり、受講者の名簿が添付されていることが分かりました。'],
      noMatch: ['講座の案内を読んでいた方に村から電話し、お詫びしました。'],
    },
  },
  {
    id: 'discovery/desk-received-from-customers',
    pattern: /(?:相談窓口|お客様窓口|お客さま窓口|問い?合わ?せ窓口|コールセンター|カスタマーセンター|サポートセンター|サポート窓口)(?:に|へ|に対して)、?[^。]{0,60}?(?:お申し出|お申出|お問い?合わ?せ|ご連絡|ご指摘|ご相談|苦情)(?:が|を)[^。]{0,10}?(?:寄せられ|あり|ありました|いただ|頂|受け)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'conditional'],
    excludes: /場合(?:は|には)|際には|次第|ようお願い/,
    value: 'customer_report',
    confidence: 'medium',
    why: 'Messages written in honorifics (お申し出, お問い合わせ, ご指摘) that reached the customer desk came from customers, even when the notice does not name them.',
    examples: {
      match: ['5月10日、お客様窓口に、身に覚えのない注文確認のメールが届いたとのお申し出が複数寄せられました。'],
      noMatch: ['ご不明な点がございましたら、お客様窓口にお問い合わせください。'],
    },
  },
  {
    id: 'discovery/form-or-anonymous-told',
    pattern: /(?:問い?合わ?せ|お問合せ|ご意見|通報)(?:フォーム|窓口|メール|受付)(?:より|から|に|へ|を通じ)[^。]{0,30}?(?:指摘|連絡|通報|投稿|相談|情報提供|書き込み)|匿名[^。]{0,6}(?:の|で|による|から|より)[^。]{0,20}?(?:通報|連絡|投書|電話|相談|情報提供)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'customer_report',
    confidence: 'medium',
    why: 'A tip through a public inquiry form, or an anonymous call or letter, comes from a member of the public.',
    examples: {
      match: ['ご意見フォームに、他の方の予約内容が表示されるとの投稿が届きました。', '匿名の電話で、名簿が出回っているとの通報がありました。'],
      noMatch: ['お問い合わせフォームより受け付けております。'],
    },
  },
  {
    id: 'discovery/quoted-call-to-office',
    pattern: /」と[^。「」]{0,15}?(?:へ|に)[0-9０-９]*件?の?(?:連絡|電話|相談|問い?合わ?せ|苦情|指摘)(?:があり|があった|が寄せられ|が入)|(?:と|旨)[一-龥ァ-ヶー]{1,8}(?:へ|に)[0-9]+件の?(?:連絡|電話|相談|問い?合わ?せ|苦情|指摘)(?:があり|があった|が寄せられ|が入)/,
    scope: 'header+sentence',
    guards: ['adviceAfter', 'denied', 'question'],
    excludes: /ようお願い|お問い?合わ?せ(?:窓口|先)|窓口を(?:設置|開設)/,
    value: 'customer_report',
    confidence: 'low',
    why: 'A quoted complaint phoned in to one of the organisation’s offices with no caller named (「…」と窓口へ電話があり, 課へ2件連絡があり) comes from the public it serves.',
    examples: {
      match: ['届いた通知に他人の名前が書かれていると保険年金課へ3件電話があり、取り違えが分かりました。'],
      noMatch: ['保険年金課から対象の3件へ電話し、お詫びしました。'],
    },
  },
  {
    id: 'discovery/other-body-told',
    pattern: source(OTHER_BODY, TOLD, CITED),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'other',
    confidence: 'low',
    why: 'Media, ministries, authorities, partner or recipient bodies, and a third party’s associates who tell the organisation are none of the named channels.',
    examples: {
      match: ['9月16日、報道機関の記者の方から当社に対し、顧客データが取得できる状態になっているとの指摘がありました。', '2月18日、所轄の税務署の担当官から当社に、提出された調書に在籍していない方の記載があるとのご連絡をいただきました。', '提携先の協会から連絡があり、名簿の誤送付が分かりました。', '報道機関からの問い合わせにより、資料が公開されていることが判明しました。', '監督官庁から連絡があり、事態が判明しました。', '元社員の転職先である同業他社から、当社の顧客リストが持ち込まれたとの連絡がありました。'],
      noMatch: ['関係機関へ報告するとともに、再発防止に努めます。'],
    },
  },
  {
    id: 'discovery/press-inquiry',
    pattern: /取材(?<!(?:への|に対する)取材)(?:を通じ|を通して|を受け)[^。]{0,50}?(?:知り|知った|判明|発覚|把握|認識|わかり|分かり|気付|気づ)|(?:からの|による)取材(?:により|で)[^。]{0,50}?(?:知り|知った|判明|発覚|把握|認識|わかり|分かり|気付|気づ)|報道(?:により|によって|で)(?:初めて)?[^。]{0,30}?(?:知り|知った|把握|認識)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    value: 'other',
    confidence: 'low',
    why: 'Learning of it through a journalist’s inquiry or a news report (取材を通じて知りました) is neither a customer nor a vendor report.',
    examples: {
      match: ['新聞社の取材を通じて、社内資料がインターネット上で閲覧できることを知りました。'],
      noMatch: ['報道各社の取材には応じておりません。', '同社の顧客情報が流出していたことが、同社への取材で分かった。'],
    },
  },
  // ---- the organisation itself ----
  {
    id: 'discovery/staff-told',
    pattern: re(`${TOLD.anchored(`${STAFF}${HON}`)}|${CITED.anchored(`${STAFF}${HON}`)}|(?:上司|管理職|所属長|校長|院長|病院長|学長|課長|部長|室長|局長|本部|責任者|管理者|施設長|事務長|店長|支店長|園長|所長|センター長|(?:情報)?システム(?:部|課|室|部門|担当|管理者)|情報(?:管理|政策|推進|セキュリティ)(?:部|課|室|部門|担当)|セキュリティ(?:担当|部門|室)|総務(?:部|課)|CSIRT|シーサート)(?:に|へ)(?:報告|連絡|相談)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'internal_detection',
    confidence: 'high',
    why: 'A member of staff telling the organisation, or reporting up the line (職員から報告, 上司へ報告), is the organisation finding out itself.',
    examples: {
      match: ['夜勤明けの看護師から、患者一覧の紙が一枚足りないとの報告を受けました。', '・11月5日 紛失に気付いた担当が係長へ報告', '約20分後、不審に思った社員が情報システム部に報告し、端末をネットワークから外しました。', '庁内の他部署から、名簿が公開されているとの連絡があり、確認しました。', { text: 'お知らせ\n\n職員は通話の途中で不審に思って回線を抜き、施設長に報告しました。', expect: { discovery: 'internal_detection' } }, { text: 'お知らせ\n\nスタッフが不審に思って通話を切り、端末をネットワークから外したうえで院長に報告いたしました。', expect: { discovery: 'internal_detection' } }],
      noMatch: ['夜勤明けの看護師が対象の患者へ説明し、お詫びしました。'],
    },
  },
  {
    id: 'discovery/staff-noticed',
    pattern: re(`${STAFF_NOTICED}(?<=${STAFF}(?:\\([^()。]{0,24}\\))?(?:が|は)、?[^。]{0,60}${STAFF_NOTICED})|(?:確認|発見|検知|検出)され(?<=${STAFF}(?:により|によって)[^。]{0,40}(?:確認|発見|検知|検出)され)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: new RegExp(`${NOT_LEARNING.source}|削除|復旧|回収|ていないこと|なかったこと`),
    value: 'internal_detection',
    confidence: 'high',
    why: 'Staff who notice the fault (職員が…気付き, 担当者が…発見) are the organisation detecting it.',
    examples: {
      match: ['本部監査部が定期的に実施している照会記録の点検において、担当外の照会が繰り返されていることを見つけました。', '翌朝、システム担当者がサーバーの応答がないことを発見しました。', '巡回中の職員により、書庫の扉が開いていることが確認されました。', '連休明けに出勤した店長が、事務所の金庫がこじ開けられていることを発見しました。', '始業前に端末が動かなくなり、情報担当の社員が調べたところ、共有フォルダのファイルが暗号化されていた。'],
      noMatch: ['担当者は誤りに気付かず、そのまま資料を掲載しました。'],
    },
  },
  {
    id: 'discovery/staff-victim',
    pattern: re(`(?:詐欺|攻撃|なりすまし|フィッシング)(?<=${STAFF}(?:\\([^()。]{0,24}\\))?(?:が|は)、?[^。]{0,40}(?:詐欺|攻撃|なりすまし|フィッシング))[^。]{0,10}?(?:にあ|に遭|の被害に|を受け)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'conditional'],
    excludes: NOT_LEARNING,
    value: 'internal_detection',
    confidence: 'low',
    why: 'When the organisation’s own staff member is the one scammed, the organisation hears of it from inside.',
    examples: {
      match: ['経理担当の社員が偽の警告画面による詐欺に遭い、端末を外部から操作されました。'],
      noMatch: ['社員が偽の警告画面による詐欺に遭わないよう、研修を行います。'],
    },
  },
  {
    id: 'discovery/detected',
    pattern: /検知(?![^()。]{0,10}\))(?!でき(?:ず|な))|検出し|覚知/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'preventive', 'conditional'],
    excludes: NOT_LEARNING,
    notAfter: /^(?:する|できる|し得る|を行う)[^。、]{0,6}(?:システム|装置|機能|仕組み|体制|ツール|ソフト|製品|サービス)/,
    value: 'internal_detection',
    confidence: 'high',
    why: 'Detection (検知, 覚知) is something the organisation’s own monitoring or staff do; a named outside source in the same sentence outranks it.',
    examples: {
      match: ['3月5日、当社の監視システムが不審な通信を検知しました。'],
      noMatch: ['不正な通信を検知するシステムを導入いたします。'],
    },
  },
  {
    id: 'discovery/own-tool-alert',
    pattern: /(?:セキュリティソフト|ウイルス対策ソフト|ウイルス対策ソフトウェア|アンチウイルス|ウイルス対策製品|EDR|UTM|ファイアウォール|監視(?:システム|ツール|装置|サービス)|セキュリティ(?:製品|機器|システム|監視))(?:が|の|から|による|により|で)[^。]{0,40}?(?:遮断|警告|アラート|通知|検出|ブロック|隔離)(?:し|され|を(?:発|出)|が(?:発|出|上が)|した|された|により|によって|で)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'preventive', 'conditional'],
    excludes: new RegExp(`${NOT_LEARNING.source}|導入|強化|更新し|最新`),
    value: 'internal_detection',
    confidence: 'medium',
    why: 'The organisation\'s own security software or monitoring blocking or flagging the attack (セキュリティソフトが不審な通信を遮断) is how its people learn of it.',
    examples: {
      match: ['同日、セキュリティソフトが不審な通信を遮断したことで発覚しました。', '5月12日夜、ウイルス対策ソフトの警告により、端末の異常が分かりました。'],
      noMatch: ['再発防止のため、全端末に新しいウイルス対策ソフトを導入し、不審な通信を遮断します。'],
    },
  },
  {
    id: 'discovery/noticed',
    pattern: /気付(?!かず|かな|かれ|け)|気づ(?!かず|かな|かれ|け)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'conditional'],
    excludes: /お気づき|お気付き|場合/,
    notAfter: /^き(?:が|の|を|は|と|に|も)/,
    value: 'internal_detection',
    confidence: 'medium',
    why: 'Noticing with no outside subject named (紛失に気付きました) is the organisation’s own people noticing.',
    examples: {
      match: ['週明けに鍵を返そうとして、書類ケースごと手元にないことに気付きました。'],
      noMatch: ['お気づきの点がございましたらお知らせください。'],
    },
  },
  {
    id: 'discovery/routine-work',
    pattern: /(?:しようと|使おうと|取り掛かろうと|取りかかろうと|始めようと|準備を?し|作成し|整理し|点検|棚卸し?|確認作業|更新作業|定期(?:的な)?(?:確認|点検))[^。]{0,12}?(?:際|ところ|中|途中|時)[^。]{0,80}?(?:ない|見当たら|所在不明|発見|わかり|分かり|判明|発覚)/,
    scope: 'header+sentence',
    guards: ['advice', 'question', 'conditional'],
    excludes: NOT_LEARNING,
    value: 'internal_detection',
    confidence: 'low',
    why: 'Routine work that turns up the loss or the error (作業をしようとした際に…ないことが分かった) is the organisation finding it itself.',
    examples: {
      match: ['例年どおり名簿の更新作業を始めようとした際、保管庫にあるはずのUSBメモリがないとわかりました。'],
      noMatch: ['例年どおり名簿の更新作業を始めようとした際、保管庫のUSBメモリを使用しました。'],
    },
  },
  {
    id: 'discovery/own-office-check',
    pattern: re(`(?:部門|部署|[一-龥]課|[一-龥]室|チーム|担当|(?:事務|管理|情報)センター|本部|支店|同(?:病院|院|社|法人|大学|金庫|組合|行)|${OWN})(?:が|は|で|の|において|による)[^。]{0,40}?(?:点検|監査|監視|モニタリング|チェック|照合|突合|(?:ログ|記録)の?(?:確認|分析|調査))(?:において|により|によって|で|の結果|の際|中に|を行った結果|(?:し|を行っ)た際)[^。]{0,60}?(?:把握|判明|発覚|気付|気づ|発見|見つか|検知)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'conditional'],
    excludes: NOT_LEARNING,
    value: 'internal_detection',
    confidence: 'medium',
    why: 'An office of the organisation whose regular check (点検, 監査, ログの確認) turns up the event (…の点検において不自然な操作を把握し) is the organisation finding it itself.',
    examples: {
      match: ['2030年2月3日、当組合の監査室が毎月行っている端末操作ログの確認において、職員による不自然な検索を把握しました。', '情報管理課が実施した月次の点検で、名簿の閲覧権限が外部に開かれていることが判明しました。', '5月2日、事務センターで届いた書類を照合した際、2枚が不足していることが判明しました。', '同社が定期的に行っている閲覧記録の点検で、不審な照会が見つかった。'],
      noMatch: ['情報管理課が実施する月次の点検で、今後は閲覧権限も確かめます。'],
    },
  },
  {
    id: 'discovery/own-follow-up',
    pattern: /(?:に|へ)(?:電話|連絡|確認|問い?合わ?せ)(?:で|を)?(?:電話|連絡|確認|問い?合わ?せ)?(?:を)?(?:し|入れ|いれ)[^。]{0,30}?(?:発覚|判明|わかり|分かり|気付|気づ)/,
    scope: 'header+sentence',
    guards: ['advice', 'question', 'conditional'],
    excludes: NOT_LEARNING,
    value: 'internal_detection',
    confidence: 'low',
    why: 'The organisation’s own follow-up call revealing the error (事業者に電話連絡し、誤送信が発覚) is internal detection.',
    examples: {
      match: ['・9月2日 返送の有無を先方に電話で確認し、同封物の誤りが判明'],
      noMatch: ['・9月2日 同封物の誤りが判明し、先方に電話で確認'],
    },
  },
  {
    id: 'discovery/own-org-confirmed',
    pattern: re(`${OWN}(?:は|では|で|において|にて|が)、?[^。]{0,100}?(?:を|と)[^。]{0,24}?確認(?:いたし|致し|し)(?:ました|た)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: /ないこと|なかったこと|いないこと|ていないと|復旧|削除|解消|回収|完了/,
    value: 'internal_detection',
    confidence: 'low',
    why: 'The organisation as the subject of an active 確認 (当社は…を確認いたしました) found the event itself; a passive with no actor does not say who did.',
    examples: {
      match: ['当社は3月4日、経理担当者の端末から見知らぬ宛先へ請求書のデータが渡っていたことを確認いたしました。'],
      noMatch: ['3月4日、会員向けサイトへの不正なアクセスが確認されました。'],
    },
  },
  {
    id: 'discovery/event-confirmed',
    pattern: /(?:不正|感染|暗号化|流出|漏え|漏洩|紛失|改ざん|攻撃|侵入|障害|異常|発生し|閲覧(?:可能|できる)|送信され|送られ)[^。]{0,40}?(?:こと|事実|旨|状態|の)を[^。]{0,24}?確認(?:いたし|致し|し)(?:ました|た)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: /ないこと|なかったこと|いないこと|ていないと|調査の結果|調査により|調査を進め|その後|復旧|削除|解消|回収|完了/,
    value: 'internal_detection',
    confidence: 'low',
    why: 'An active 確認しました with the event as its object and no other source (…が暗号化されていることを確認しました) is the organisation finding it.',
    examples: {
      match: ['ファイルサーバーのデータが暗号化されていることを 4 月 9 日に確認しました。'],
      noMatch: ['ファイルサーバーのデータが暗号化されていることが 4 月 9 日に確認されました。'],
    },
  },
  {
    id: 'discovery/own-site-confirmed',
    pattern: re(`(?:^|、)${OWN}(?:にて|において|で)[^。]{0,30}?が確認され(?:ました|た)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    value: 'internal_detection',
    confidence: 'low',
    why: '「当院にて…が確認されました」 names the organisation as the place and the finder of the event.',
    examples: {
      match: ['先週末、本学にて学外からの不審なログインが確認されました。'],
      noMatch: ['先週末、学習支援サイトにて学外からの不審なログインが確認されました。'],
    },
  },
  {
    id: 'discovery/own-investigation',
    pattern: re(`${OWN}(?:にて|で|の|による)?[^。]{0,12}?(?:調査|監視|点検|監査)(?:により|によって|において|にて|で|の結果|を行(?:な)?った結果|した結果|したところ)`),
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question', 'conditional'],
    excludes: NOT_LEARNING,
    value: 'internal_detection',
    confidence: 'low',
    why: 'The organisation’s own investigation, monitoring or audit revealing the event (当社のセキュリティ調査により判明) is internal detection when no outside source is named.',
    examples: {
      match: ['当組合の内部監査により、通帳の再発行記録が一部欠けていることが判明しました。', '5月10日午前、社内のシステム監視において、会員サーバーへの大量のアクセスを確認しました。'],
      noMatch: ['当組合の内部監査が終わるまで、窓口での再発行を止めております。'],
    },
  },
  {
    id: 'discovery/unnamed-pointed-out',
    pattern: /(?:との|という|旨の)(?:ご|御)?(?:指摘|通報|情報提供)(?:を受け|があり|をいただ|を頂)|外部からの(?:ご|御)?(?:指摘|通報|情報提供)/,
    scope: 'header+sentence',
    guards: ['advice', 'denied', 'question'],
    excludes: NOT_LEARNING,
    value: 'other',
    confidence: 'low',
    why: 'A tip from someone the notice does not name (…との指摘を受けて調査したところ) is an outside source of no named class.',
    examples: {
      match: ['会報の添付ファイルに会員の住所が残っているとのご指摘をいただき、配信を止めました。'],
      noMatch: ['会報の添付ファイルに会員の住所が残っていることが分かり、配信を止めました。'],
    },
  },
]);

/** How a rule's hit ranks across sentences: a named source that told or noticed, own detection, or a weak cue. */
export const DISCOVERY_TIER: Readonly<Record<string, 1 | 2 | 3>> = {
  'discovery/card-company-told': 1,
  'discovery/attacker-claim': 1,
  'discovery/dark-web-listing': 1,
  'discovery/police-relayed': 1,
  'discovery/police-investigation': 1,
  'discovery/police-told': 1,
  'discovery/researcher-told': 1,
  'discovery/recipient-body-told': 1,
  'discovery/vendor-told': 1,
  'discovery/company-told': 1,
  'discovery/public-told': 1,
  'discovery/public-told-after': 1,
  'discovery/any-person-told': 1,
  'discovery/described-person-told': 1,
  'discovery/form-or-anonymous-told': 1,
  'discovery/desk-received-from-customers': 1,
  'discovery/quoted-call-to-office': 1,
  'discovery/other-body-told': 1,
  'discovery/press-inquiry': 1,
  'discovery/staff-told': 1,
  'discovery/staff-noticed': 1,
  'discovery/staff-victim': 2,
  'discovery/detected': 2,
  'discovery/noticed': 2,
  'discovery/own-tool-alert': 2,
  'discovery/routine-work': 2,
  'discovery/own-follow-up': 2,
  'discovery/own-office-check': 2,
  'discovery/own-org-confirmed': 3,
  'discovery/event-confirmed': 3,
  'discovery/own-site-confirmed': 3,
  'discovery/unnamed-pointed-out': 1,
  'discovery/own-investigation': 3,
  'discovery/company-reported-itself': 1,
};
