// Cue rules for discovered_date: the words that say the organisation learned of the event. Each hit is a
// role in the decision ('finding': a bare 判明/発覚/確認, 'detect': noticing, being told, detecting); which
// date in or near the sentence belongs to the cue is decided in ../discovered-date.ts.
import { defineRules } from './rule.ts';

export type AwareRole = 'finding' | 'detect' | 'live' | 'third-party';

const STAFF = '(?:職員|社員|従業員|教員|教諭|担当者|スタッフ|医師|看護師|当直|社員)';
// 「2．発覚の経緯」 names a section; the finding is in the lines under it.
const SECTION_HEADING = /^[\s0-9.()■●◆【一二三四五六七八九十、]*[^。、\s]{0,10}(?:経緯|経過|概要)[\s】]*$/;
// 「攻撃者は…を実行したことが確認されました」「…送信された痕跡が確認されました」: what the investigation found the
// attacker did, not the day of learning.
const ATTACKER_SUBJECT = /^(?:攻撃者|犯人|第三者|何者か)(?:は|が)|痕跡/;
// A sentence about telling the commission or the police, with no word of noticing, is not the finding.
const OUTWARD = /(?:個人情報保護委?員会|警察|所轄)[^。]{0,12}(?:に|へ)[^。]{0,12}(?:報告|届|相談|通報|連絡|申告)/;
// A negated or future verb of learning (「気づかず」「判明次第」「確認でき次第」) is not the day of learning.
const NOT_YET_AFTER = /^(?:かず|かな(?:い|かった)|いておらず|次第|後|して(?:いる|お[りら]))/;

export const DISCOVERED_RULES = defineRules<AwareRole>('discovered_date', [
  {
    id: 'discovered_date/finding-verb',
    pattern: /判明|発覚|(?:ことが|のが)[^。、]{0,12}(?:分か|わか)(?:った|りました)|明らかになっ/,
    scope: 'sentence',
    notAfter: NOT_YET_AFTER,
    excludes: new RegExp(`${SECTION_HEADING.source}|${OUTWARD.source}`),
    guards: ['advice', 'question'],
    value: 'finding',
    confidence: 'high',
    why: 'A dated 判明/発覚 (found out, came to light) names the day the organisation learned, told or not how.',
    examples: {
      match: [
        { text: '2030年5月10日、会員情報の流出が判明しました。', expect: { discovered_date: '2030-05-10' } },
        { text: '【セキュリティ事件簿#2030-050】東山市 名簿を紛失 2030年6月4日\n\n東山市は4日、市民の名簿を紛失したと発表した。市によると、職員が名簿を紛失したことが2日に分かった。', expect: { discovered_date: '2030-06-02' } },
      ],
      noMatch: [{ text: '2030年5月10日以降の詳細は判明次第お知らせいたします。', expect: { discovered_date: null } }],
    },
  },
  {
    id: 'discovered_date/noticed',
    pattern: /気付|気づ|検知|検出|覚知|把握(?=し|いたし|$|。|、)|認識(?=し|いたし|$|。|、)|発見(?!に至|されて(?:い|お))|(?:調べ|点検し)たところ|見つか(?:った|り(?:まし)?)/,
    scope: 'sentence',
    notAfter: NOT_YET_AFTER,
    excludes: SECTION_HEADING,
    // inside a quotation (「…8日に気づいた」と説明した) it is what someone said, not the organisation learning
    notBefore: /「[^」]*$/,
    guards: ['advice', 'question', 'preventive'],
    value: 'detect',
    confidence: 'high',
    why: 'Noticing, detecting or spotting (気付く, 検知, 発見) is the act of learning; 「気づかず」 is its absence.',
    examples: {
      match: [
        { text: '2030年5月10日、監視装置が不審な通信を検知しました。', expect: { discovered_date: '2030-05-10' } },
        { text: 'お知らせ\n\n2030年5月20日\n\n5月12日朝、端末が起動しなくなり、担当の職員が調べたところ、サーバーのデータが暗号化されていた。', expect: { discovered_date: '2030-05-12' } },
        { text: 'お知らせ\n\n2030年5月14日\n\n■経緯\n5月11日(土) 20時頃 当院名義のメッセージが送信される\n5月12日(日) 8時30分 受付職員が患者様からの問い合わせで事態を把握', expect: { discovered_date: '2030-05-12' } },
      ],
      noMatch: [{ text: '担当者は誤りに気づかず、2030年5月10日に資料を掲載しました。', expect: { discovered_date: null } }],
    },
  },
  {
    id: 'discovered_date/timeline-told',
    // 「・2030年4月8日(月) 委託先から報告」: a timeline entry without a verb.
    pattern: /(?:から|より)の?(?:報告|連絡|通報|指摘|相談|申し?出|問い?合わ?せ|情報提供)(?=\s*(?:$|、|あり|が入|を受))/,
    scope: 'sentence',
    excludes: SECTION_HEADING,
    guards: ['advice', 'question', 'conditional'],
    value: 'detect',
    confidence: 'medium',
    why: 'Timelines write the day of being told as a verbless entry (「委託先から報告」「利用者より連絡」).',
    examples: {
      match: [{ text: '経過\n・2030年4月8日(月) 委託先から報告\n・2030年4月9日(火) 調査開始', expect: { discovered_date: '2030-04-08' } }],
      noMatch: [{ text: '経過\n・2030年4月8日(月) 委託先へ報告書を送付', expect: { discovered_date: null } }],
    },
  },
  {
    id: 'discovered_date/told',
    pattern: /(?:連絡|報告|指摘|申し出|申出|通知|通報|情報提供|情報の提供|相談|電話)(?:を受け|があり|がありました|があっ|をいただ|を頂|され(?!る)|を受領|を、?[^。、「」]{1,12}?(?:に|へ)(?:いただ|頂)|が、?[^。、「」]{1,16}?(?:に|へ)(?:あり|あっ))|問い?合わ?せ(?:を受け|があり|が相次|が寄せられ|を(?:いただ|頂)き)|(?:連絡|報告|指摘|通報|情報提供|相談|電話|申し出|申出|苦情)が、?(?:複数|多数|相次いで)?(?:[^。、「」]{1,20}?(?:に|へ))?寄せられ|(?:情報|連絡|報告|指摘|通報|相談|電話|申し出|苦情|問い?合わ?せ)が、?[^。]{0,30}?(?:から|より)(?:複数|多数|相次いで)?寄せられ|[ご御]指摘/,
    scope: 'sentence',
    excludes: SECTION_HEADING,
    guards: ['advice', 'question', 'conditional'],
    value: 'detect',
    confidence: 'high',
    why: 'Being told (連絡を受け, 報告があり, 情報提供を受け, 指摘され) is how an organisation learns from outside; the day it was told is the day of learning.',
    examples: {
      match: [
        { text: '当社は2030年1月12日、取引先から情報提供を受けました。', expect: { discovered_date: '2030-01-12' } },
        { text: '2030年3月4日、お客様から請求内容が違うとのご指摘をいただきました。', expect: { discovered_date: '2030-03-04' } },
        { text: '2030年3月4日19時頃、庁内の職員から名簿が掲載されていると課に電話がありました。', expect: { discovered_date: '2030-03-04' } },
        { text: '2030年6月9日、海外の研究者から、会員名簿が掲示板に載っているとの通報が、当社の窓口に寄せられました。', expect: { discovered_date: '2030-06-09' } },
        { text: '2030年6月9日、複数の会員から、注文していない商品の確認メールが届いたとのお問い合わせをいただきました。', expect: { discovered_date: '2030-06-09' } },
        { text: '2030年6月9日、お客様窓口に、身に覚えのない請求があるとのお申し出が複数寄せられました。', expect: { discovered_date: '2030-06-09' } },
        { text: '2030年2月17日、会員の方から、名簿が検索結果に表示されたとのご連絡を事務局にいただきました。', expect: { discovered_date: '2030-02-17' } },
        { text: '2030年12月8日午前6時30分頃、病棟の看護師から、端末に情報が表示されないとの連絡が医療情報管理室にありました。', expect: { discovered_date: '2030-12-08' } },
        { text: 'お知らせ\n\n2030年11月6日\n\n偽のメールが送られているとの情報が、11月5日から当行のお客さまより複数寄せられております。', expect: { discovered_date: '2030-11-05' } },
      ],
      noMatch: [
        { text: '2030年3月4日に問題が発生した場合は、窓口で連絡を受け付けます。', expect: { discovered_date: null } },
        { text: '2030年3月4日、お問い合わせをいただいた会員の方へ、案内の資料を送付しました。', expect: { discovered_date: null } },
      ],
    },
  },
  {
    id: 'discovered_date/threat-received',
    // …and a quoted demand (「…公開されたくなければ…を支払え」という内容のメールが届きました), whose 。 may have cut
    // the sentence inside the quotation.
    pattern: /(?:脅迫(?:文|メール|状)|ランサムノート|身代金(?:を)?要求する(?:メッセージ|文書|画面|メール))[^。]{0,10}(?:が|を)(?:届|受信|受け取|送りつけ|送り付け)|(?:を名乗る|と名乗る|と称する)[^。]{0,20}?(?:グループ|集団|組織|ハッカー)(?:から|より)[^。]{0,30}?(?:文書|メッセージ|メール|FAX|ファックス|ファクス)[^。]{0,20}?(?:が)?(?:届|着信|受信)|(?:「|^)[^」「]{0,60}(?:支払え|払え|公開されたくなければ|暗号資産|ビットコイン|身代金)[^」「]{0,40}」(?:という|との|といった)?[^。]{0,20}?(?:メール|文書|メッセージ)[^。]{0,10}?(?:が|を)(?:届|受信|受け取)/,
    scope: 'sentence',
    guards: ['advice', 'question', 'conditional'],
    value: 'detect',
    confidence: 'medium',
    why: 'The day an attacker\'s threat or ransom note reached the organisation is the day it learned, when nothing earlier is told.',
    examples: {
      match: [{ text: '東山商事 ランサムウェア被害 - 東西新報\n\n東山商事は5日、ランサムウェア被害を受けたと発表した。同社によると、2030年6月2日夜、代表アドレスに「データを公開する」とする脅迫メールが届いた。', expect: { discovered_date: '2030-06-02' } }, { text: 'お知らせ\n\n2030年6月5日\n\n2030年5月11日、窓口のアドレスに「顧客データを入手した。公開されたくなければ暗号資産を支払え」という内容のメールが届きました。', expect: { discovered_date: '2030-05-11' } }, { text: 'お知らせ\n\n2030年6月20日\n\n2030年6月2日午前6時50分頃、本社のFAX機に「NightHeron」と名乗る集団から英文の文書が相次いで着信しました。', expect: { discovered_date: '2030-06-02' } }],
      noMatch: [{ text: 'お知らせ\n\n2030年6月2日から、脅迫メールが届いた場合は直ちに警察へ通報する手順としました。', expect: { discovered_date: null } }],
    },
  },
  {
    id: 'discovered_date/staff-reported',
    pattern: new RegExp(`${STAFF}[^。]{0,30}(?:に|へ)報告(?:し|いたし|致し)|(?:上司|所属長|管理職|課長|部長|校長|院長|教頭)(?:に|へ)は?[^。]{0,40}?(?:報告|説明|申告)(?:を)?(?:し|いたし|致し)`),
    scope: 'sentence',
    excludes: SECTION_HEADING,
    guards: ['advice'],
    value: 'detect',
    confidence: 'medium',
    why: 'A member of staff reporting up the line (担当者が所属長に報告し) is the day the organisation, not just one person, learned.',
    examples: {
      match: [
        { text: '2030年2月8日、担当者が所属長に報告しました。', expect: { discovered_date: '2030-02-08' } },
        { text: '職員は2030年2月3日に私物を整理し、上司には2030年2月8日に紛失を報告しました。', expect: { discovered_date: '2030-02-08' } },
        { text: '2030年2月8日、受付の職員が不審に思って通話を切り、院長に報告いたしました。', expect: { discovered_date: '2030-02-08' } },
      ],
      noMatch: [{ text: '担当者は2030年2月8日から所属長と業務の打合せを重ねました。', expect: { discovered_date: null } }],
    },
  },
  {
    id: 'discovered_date/confirmed',
    // 「…を確認しました」, and the date put between object and verb: 「…ものと4月9日に確認しました」.
    pattern: /確認され(?:まし)?た|確認いたしました|確認(?:しま|致しま)した|確認に至り|確認できました/,
    scope: 'sentence',
    excludes: new RegExp(`${SECTION_HEADING.source}|${ATTACKER_SUBJECT.source}|${OUTWARD.source}`),
    // a check made as part of the response (「削除を確認」「回収を確認」「被害がないことを確認」) is not the finding
    notBefore: /(?:ないこと|ていないこと|ていないか|ないか|安全性|無事|送付先|在庫|内容|削除|廃棄|破棄|回収|返却|返送|復旧|停止|完了)を?(?:[^。、]{0,6}に)?$/,
    guards: ['advice', 'question', 'denied'],
    value: 'finding',
    confidence: 'high',
    why: 'A completed 確認 (確認されました, 確認いたしました) of the event is the finding; what the attacker was found to have done is not.',
    examples: {
      match: [
        { text: 'システム停止の原因を調べ、ランサムウェアによるものと2030年4月9日に確認しました。', expect: { discovered_date: '2030-04-09' } },
        { text: '2030年4月9日、会員向けサイトへの不正なアクセスが確認されました。', expect: { discovered_date: '2030-04-09' } },
      ],
      noMatch: [
        { text: '攻撃者は2030年4月1日に管理画面へログインしたことが確認されました。', expect: { discovered_date: null } },
        { text: '2030年4月9日、誤って送信したメールの削除を確認しました。', expect: { discovered_date: null } },
      ],
    },
  },
  {
    id: 'discovered_date/contractor-found',
    pattern: /(?:再?委託先(?:事業者|業者|会社|企業)?|受託(?:者|事業者|業者|会社|企業)|委託(?:業者|事業者|会社|企業)|保守(?:業者|会社|事業者)|運営会社|運用会社|システム会社|ベンダー)(?:の[^。、]{0,12})?(?:において|にて|側で|では|で|が|は)/,
    scope: 'sentence',
    value: 'third-party',
    confidence: 'medium',
    why: 'A contractor finding the event at its end is not yet the organisation learning: the day the contractor told it is the discovered date.',
    examples: {
      match: [{ text: 'お知らせ\n\n2030年6月30日、再委託先事業者において不正アクセスを確認しました。\n2030年7月19日、受託者から当課に報告がありました。', expect: { discovered_date: '2030-07-19' } }],
      noMatch: [{ text: 'お知らせ\n\n2030年6月30日、当課において不正アクセスを確認しました。\n2030年7月19日、受託者から当課に報告がありました。', expect: { discovered_date: '2030-06-30' } }],
    },
  },
  {
    id: 'discovered_date/live-response',
    // 「異常に気付いた担当者が直ちに回線を遮断した」: the attack was seen while it ran.
    pattern: /(?:直ちに|すぐに|すぐさま|即座に|即時に?)[^。]{0,30}(?:遮断|切断|切り離|停止さ|隔離|強制終了)/,
    scope: 'sentence',
    guards: ['advice', 'conditional'],
    value: 'live',
    confidence: 'low',
    why: 'Staff who notice an attack and cut it off at once learned of it on the day of the attack, written in the sentence before.',
    examples: {
      match: [{ text: 'お知らせ\n\n2030年2月5日10時から10時20分まで、職員のパソコンが遠隔操作されました。\n監視担当者が異常に気付き、直ちに回線を遮断しました。', expect: { discovered_date: '2030-02-05' } }],
      noMatch: [{ text: 'お知らせ\n\n2030年2月5日、職員が説明会を開きました。\n参加者は二十名でした。\n担当者が異常に気付き、原因を調べました。', expect: { discovered_date: null } }],
    },
  },
]);
