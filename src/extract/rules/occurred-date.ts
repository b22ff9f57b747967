// Cue rules for occurred_date: words of the event itself ('event'), of finding it afterwards ('finding'),
// of noticing it as it happened ('detect'), and contexts that make a date not the event's: the notice's
// own or a report's date ('not-event-label', 'not-event-told'), a message received ('contact'), a period
// in which data was collected ('collected') or exposed ('exposed'). Which date belongs to which cue is
// decided in ../event-dates.ts, which also passes over sentences that advise readers (「…の場合はご連絡ください」).
import { defineRules } from './rule.ts';

export type OccurredRole = 'event' | 'event-label' | 'announced' | 'person-act' | 'finding' | 'detect' | 'not-event-label' | 'not-event-told' | 'contact' | 'collected' | 'exposed';

// The head of a notice example: a dated line so that the example's year-less dates resolve.
export const OCCURRED_RULES = defineRules<OccurredRole>('occurred_date', [
  {
    id: 'occurred_date/wrong-sending',
    pattern: /誤って|誤り|誤送|誤配|誤掲載|誤登録|誤添付|(?:打ち|入力し|書き)?間違え|送信いた|送付し|送信し|発送し|(?:送付|発送|郵送)いたし|(?:お渡し|手渡し)(?:し|いたし)(?:まし|てしま)|送信され|発信され|配信され|発送され|郵送され|添付してしま|掲載してしま|公開してしま/,
    scope: 'sentence',
    guards: ['conditional'],
    value: 'person-act',
    confidence: 'high',
    why: 'A mail or letter sent, attached or posted in error is the event, on the day it was sent (送信した, 送信された, 誤って添付).',
    examples: {
      match: [
        { text: 'お知らせ\n\n2030年12月10日\n\n2030年12月3日午前10時頃、退院された患者様に、別の患者様の書類が紛れ込んだ封筒をお渡ししました。', expect: { occurred_date: '2030-12-03' } },
        { text: '2030年7月6日夜、当庁のメール中継装置を経由して大量の不審メールが送信された。', expect: { occurred_date: '2030-07-06' } },
        { text: '2030年6月11日、担当者が別の名簿を添付してしまいました。', expect: { occurred_date: '2030-06-11' } },
        { text: 'お知らせ\n\n2030年4月10日\n\n当協会は、2030年4月3日、受診者の皆様に結果通知はがきを発送いたしました。4月6日、受け取られた方から、別の方の結果が届いたとのお電話がありました。', expect: { occurred_date: '2030-04-03' } },
      ],
      noMatch: [{ text: '2030年6月11日に送信予定の案内は中止いたします。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/phished',
    // 「偽のログインページにIDとパスワードを入力してしまいました」: the person's entry on a phishing page is when the account was lost.
    // …and 「添付されていたファイルを開きました」: the attachment that carried the malware, opened.
    pattern: /添付(?:されていた|されている|された)?(?:ファイル|文書)を開(?:き|い|封)|(?:ID|パスワード|認証情報|アカウント情報|ログイン情報)(?:等|など)?を(?:入力|送信|打ち込)(?:んで)?しま|(?:偽|不審|フィッシング)[^。]{0,30}(?:ページ|サイト|画面|フォーム)[^。]{0,30}(?:ID|パスワード|認証情報|カード情報)[^。]{0,10}(?:入力|送信|打ち込)[しん](?!ない|ません)/,
    scope: 'sentence',
    guards: ['conditional', 'denied'],
    value: 'person-act',
    confidence: 'medium',
    why: 'A person who typed their ID and password into a phishing page gave the account away on that day; what the attacker did with it came later.',
    examples: {
      match: [
        { text: '2030年11月25日、当該職員が偽のメールに記載されたリンクから偽のログインページにアクセスし、IDとパスワードを入力してしまいました。翌26日、大量の送信を検知しました。', expect: { occurred_date: '2030-11-25' } },
        { text: 'お知らせ\n\n2030年10月21日\n\n2030年10月9日、教員が、保護者とのやり取りへの返信を装ったメールを受信し、添付されていたファイルを開きました。', expect: { occurred_date: '2030-10-09' } },
      ],
      noMatch: [{ text: '2030年11月25日より、偽のログインページにIDやパスワードを入力しないよう注意喚起を行っております。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/loss',
    pattern: /紛失|亡失|盗まれ|盗難|ひったく|置き忘|見当たらな|持ち去|車上荒らし|空き巣|所在不明|落下し|(?<!見)落として?しま|(?<!見)落とし(?:た|まし)|(?:置いた|載せた|置き|掛けた|入れた)まま(?:下車|降車|退店|帰宅|席を立|立ち去|その場を離)/,
    scope: 'sentence',
    guards: ['conditional', 'preventive'],
    value: 'person-act',
    confidence: 'high',
    why: 'A device or papers lost, stolen or left behind is the event on the day it happened.',
    examples: {
      match: [
        { text: '2030年3月2日、職員が書類の入った鞄を電車内に置き忘れました。', expect: { occurred_date: '2030-03-02' } },
        { text: '職員は2030年3月2日夜、名簿を入れた紙袋を持って電車で帰宅した。その際、紙袋を網棚に載せたまま下車したとみられる。翌3日朝、紙袋がないことに気付いた。', expect: { occurred_date: '2030-03-02' } },
        { text: 'お知らせ\n\n2030年5月26日\n\n2030年5月18日午前10時半頃、職員が自転車で移動する途中、かごのバッグから書類のファイルが落下しました。', expect: { occurred_date: '2030-05-18' } },
      ],
      noMatch: [{ text: '2030年3月2日に紛失防止の研修を行いました。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/intrusion',
    pattern: /(?:最初|初回)の(?:不正な?)?(?:ログイン|アクセス|接続)(?:は|が)|(?:ログイン|認証)(?:の)?(?:試行|試み)が(?:繰り返し|大量に|継続的に|断続的に)?(?:行われ|あり|あっ|始ま)|侵入|不正アクセス|不正なアクセス|不正にアクセス|不正ログイン|不正なログイン|不正にログイン|(?:第三者|攻撃者|何者か)(?:が|に|により|によって)[^。]{0,30}?(?:ログイン|アクセス)(?:し(?!ない|ません)|され|が行われ)|攻撃が(?:繰り返し|継続的に|断続的に|複数回(?:に(?:わたり|わたって))?)?行われ|攻撃され|攻撃(?:\([^)]{0,30}\))?を受け|乗っ取|改ざん|暗号化|不正通信|遠隔操作|感染|踏み台|不正利用され|不正に利用され/,
    scope: 'sentence',
    guards: ['conditional', 'preventive', 'denied'],
    value: 'event',
    confidence: 'high',
    why: 'An intrusion, attack, hijack, encryption or infection is the event on the day it is said to have happened.',
    examples: {
      match: [
        { text: '2030年3月9日、当社サーバーが攻撃(DDoS攻撃)を受けました。', expect: { occurred_date: '2030-03-09' } },
        { text: 'お知らせ\n\n2030年2月13日\n\n操作記録によれば、最初のログインは2029年12月15日で、その後1月24日までに計19回のログインがありました。', expect: { occurred_date: '2029-12-15' } },
        { text: 'お知らせ\n\n2030年12月9日\n\n記録を調べたところ、12月1日23時頃から、海外のIPアドレスよりアプリへのログイン試行が繰り返し行われていたことが判明しました。', expect: { occurred_date: '2030-12-01' } },
        { text: '2030年5月1日、職員のメールアカウントが第三者に乗っ取られました。', expect: { occurred_date: '2030-05-01' } },
        { text: '2030年5月1日午後3時頃、当社の公式SNSアカウントに第三者がログインし、不審な投稿が行われました。', expect: { occurred_date: '2030-05-01' } },
        { text: 'お知らせ\n\n2030年6月2日\n\n調査の結果、同年5月20日以降、攻撃者が管理画面の脆弱性を突いてデータベースにアクセスしていたことが分かりました。', expect: { occurred_date: '2030-05-20' } },
        { text: 'お知らせ\n\n2030年8月27日\n\n委託先の調査によると、不正なログインは8月3日から始まっていたとのことです。', expect: { occurred_date: '2030-08-03' } },
        { text: 'お知らせ\n\n2030年3月6日\n\n2030年1月28日から2月15日にかけて、照会画面の脆弱性を突いた攻撃が繰り返し行われていました。', expect: { occurred_date: '2030-01-28' } },
      ],
      noMatch: [{ text: '2030年3月9日より不正アクセスの防止策を強化しております。', expect: { occurred_date: null } }, { text: '不正アクセスが発覚した2030年8月19日当日に、サーバの脆弱性を修正しました。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/exposed-state',
    pattern: /(?:閲覧|アクセス|ダウンロード|取得|入手|参照|表示|確認)(?:でき|可能)(?:る|な)?(?:状態|状況)|閲覧できる|閲覧可能|アクセス可能|公開状態|(?:見え|見られ)る(?:状態|状況)|他の[^。]{0,20}表示され|表示され/,
    scope: 'sentence',
    guards: ['conditional', 'denied', 'resolved'],
    value: 'event',
    confidence: 'high',
    why: 'Data that anyone could view or download (閲覧できる状態, ダウンロードできる状況) was exposed from the day that state began.',
    examples: {
      match: [{ text: '2030年2月3日から同月5日まで、他の加盟店の売上ファイルを取得できる状況にありました。', expect: { occurred_date: '2030-02-03' } }],
      noMatch: [{ text: '2030年2月3日以降、当該ファイルは閲覧できないよう設定を変更しました。', expect: { occurred_date: null } }, { text: '現在、個人情報を閲覧できる状態は解消し、2030年2月5日より対象の皆様へ個別にご連絡しております。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/state-since',
    pattern: /(?:設定|状態|状況)(?:は|が)[^。]{0,40}?(?:から|以降)(?:続いて|継続して|変わらず)/,
    scope: 'sentence',
    guards: ['conditional', 'denied', 'preventive'],
    value: 'event',
    confidence: 'medium',
    why: 'A wrong setting or an open state said to have lasted since a day (「当該設定は…移行時から続いていた」) exposed the data from that day.',
    examples: {
      match: [{ text: 'お知らせ\n\n2030年11月5日\n\n調査の結果、当該設定は2029年4月1日のシステム移行時から続いていたことが分かりました。', expect: { occurred_date: '2029-04-01' } }],
      noMatch: [{ text: 'お知らせ\n\n2030年11月5日\n\n当該の点検は2029年4月1日から続いており、設定の状況に問題はありません。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/opened-setting',
    pattern: /(?:全員|誰でも|一般公開|公開|外部から(?:の)?(?:閲覧|アクセス)(?:可能|でき(?:る|た)))[」』]?(?:に|へ)(?:変更|設定|切り替え|切替え?)(?:し|され)(?!ない|ません)|(?:全員|誰でも|一般公開|公開)[^。」』]{0,12}[」』]?の?(?:設定|状態)の?まま(?:で)?(?:運用|使用|利用|公開|放置|稼働)/,
    scope: 'sentence',
    guards: ['conditional', 'denied', 'preventive'],
    value: 'event',
    confidence: 'medium',
    why: 'A sharing or publishing setting changed to open (「リンクを知っている全員」に変更した, 公開に設定した) starts the exposure on that day.',
    examples: {
      match: [
        { text: '2030年4月1日、担当者が共有フォルダの共有範囲を「リンクを知っている全員」に変更しました。', expect: { occurred_date: '2030-04-01' } },
        { text: '閲覧できた期間は、アルバムを誤って公開に設定した2030年4月1日から、非公開に戻した4月9日までです。', expect: { occurred_date: '2030-04-01' } },
        { text: 'お知らせ\n\n2030年6月27日\n\n当会は2030年4月1日に申込みの受付をウェブフォームに切り替えました。その際、回答の一覧を「リンクを知っている人は誰でも閲覧可」の設定のまま運用しておりました。', expect: { occurred_date: '2030-04-01' } },
      ],
      noMatch: [{ text: '2030年4月1日、担当者が共有フォルダの共有範囲を「組織内のみ」に変更しました。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/data-taken',
    pattern: /(?:担当(?:して)?いない|業務上の?必要(?:が|も)?(?:ない|なく)|業務外|目的外|私的(?:な目的)?(?:で|に))[^。]{0,60}?(?:閲覧|照会|検索)(?:し|を(?:繰り返|行))|不正に(?:取得|持ち出|入手|複製|閲覧)|複製し|コピーし|持ち出(?!し(?:を)?(?:禁止|制限)|し規程)|持ち帰|抜き取|窃取|撮影|読み出さ|漏えいし|漏洩し|流出し|閲覧していま|閲覧していた|業務外で閲覧|私的に(?:閲覧|利用)|(?:担当外|業務外|目的外|必要(?:が|の)?ない)[^。]{0,30}?(?:照会|閲覧|検索|参照)し/,
    scope: 'sentence',
    guards: ['conditional', 'preventive', 'denied'],
    value: 'person-act',
    confidence: 'high',
    why: 'Data copied, carried off, photographed, viewed without cause or leaked is the event on that day.',
    examples: {
      match: [
        { text: '元職員は2030年1月20日、業務と関係なく顧客の情報を閲覧していました。', expect: { occurred_date: '2030-01-20' } },
        { text: '当該職員は2030年1月20日から同年3月1日までの間、担当外の利用者の記録を繰り返し検索していました。', expect: { occurred_date: '2030-01-20' } },
        { text: 'お知らせ\n\n2030年7月1日\n\n看護師は2030年2月3日から4月28日にかけ、自身が担当していない患者4人の記録を計9回閲覧した。', expect: { occurred_date: '2030-02-03' } },
      ],
      noMatch: [{ text: '2030年1月20日、持ち出し禁止の規程を改めて周知しました。', expect: { occurred_date: null } }, { text: '名簿を売却 - 東西新報\n\n北浜ガスは2030年5月8日、元社員が顧客名簿を持ち出していたと発表した。元社員は同日、窃盗の疑いで逮捕された。\n\n同社によると、持ち出されたのは顧客の氏名など。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/outage',
    // 「閲覧できない状態にした」 is what was done about it, not the failure.
    pattern: /障害|つながりにく|閲覧しにく|できない状態(?!に(?:し|する|いたし|変更|設定))|利用できな(?!い(?:よう|状態に)(?:に)?(?:し|設定|変更|措置))|(?<!(?:上|結果|キャッシュ)から)削除され|停止し|ダウンし/,
    scope: 'sentence',
    guards: ['conditional', 'preventive'],
    value: 'event',
    confidence: 'high',
    why: 'A service that failed, stopped or lost data is the event from the day it failed.',
    examples: {
      match: [{ text: '2030年8月2日午前、予約システムに障害が生じました。', expect: { occurred_date: '2030-08-02' } }],
      noMatch: [{ text: '2030年8月2日、障害対策の訓練を実施しました。', expect: { occurred_date: null } }, { text: '2030年8月2日、市民から連絡があり、翌3日に当該ファイルを閲覧できない状態にしました。', expect: { occurred_date: null } }, { text: '2030年8月20日までに、当該資料がWeb上から削除されたことを確認しております。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/last-seen',
    pattern: /(?:保管|所在|存在)を確認|最後に(?:使用|確認)|使用し|稼働させ|から開始し|ポケットに入れ|鞄に入れ|持ち帰っ|(?:に|へ)(?:保管|収納|格納|返却|戻)し(?:た|ました)|(?:に|へ)しまっ(?:た|ていた)/,
    scope: 'sentence',
    guards: ['conditional'],
    value: 'event',
    confidence: 'medium',
    why: 'For a loss with no known day, the last day the item was seen or used is the occurred date; a server put into use starts its exposure.',
    examples: {
      match: [
        { text: '2030年4月2日、職員は当該USBメモリを最後に使用しました。', expect: { occurred_date: '2030-04-02' } },
        { text: 'お知らせ\n\n■経過\n・4月2日(火) 職員が名簿の綴りを課内のロッカーに戻した。\n・4月9日(火) 同職員が綴りがないことに気付いた。\n\n2030年4月20日', expect: { occurred_date: '2030-04-02' } },
      ],
      noMatch: [{ text: '2030年4月2日、後継の機器を選定しました。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/occurred',
    pattern: /発生|被害(?!届|状況の|の有無|は確認)|フィッシング/,
    scope: 'sentence',
    guards: ['conditional', 'preventive', 'denied'],
    value: 'event',
    confidence: 'high',
    why: 'A dated 発生 (occurred) or 被害 (damage) names the day of the event itself.',
    examples: {
      match: [{ text: '2030年9月14日に本件事案が発生いたしました。', expect: { occurred_date: '2030-09-14' } }],
      noMatch: [{ text: '2030年9月14日、再発防止に向けた会議を開催しました。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/noticed-live',
    pattern: /気付|気づ|検知|検出|覚知/,
    scope: 'sentence',
    notAfter: /^(?:かず|かな(?:い|かった)|いておらず)/,
    guards: ['conditional', 'preventive'],
    value: 'detect',
    confidence: 'medium',
    why: 'A detection dated in the same sentence as the attack it saw is the day the attack was under way (the seeds take the detection day as the start).',
    examples: {
      match: [{ text: '2030年3月3日夜から翌朝にかけて、当社の監視システムが大量の通信を検知しました。', expect: { occurred_date: '2030-03-03' } }],
      noMatch: [{ text: '2030年3月3日、担当者は通信量の増加に気づかず、そのまま作業を続けました。', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/event-date-label',
    pattern: /(?:発生|送信|送付|発送|配信|掲載|紛失|盗難|誤送信|誤送付|漏えい|漏洩|流出|侵入|不正アクセス|事故|被害)(?:日|日時|年月日|期間|時期)\s*[:：]?/,
    scope: 'sentence',
    value: 'event-label',
    confidence: 'high',
    why: 'An outline item labelled with the event (「発生日:」「送信日」「紛失日時」) gives the event\'s date right after the label.',
    examples: {
      match: [{ text: 'お知らせ\n\n(1)送信日 2030年6月11日(火曜日)\n(2)覚知日 2030年6月12日(水曜日)', expect: { occurred_date: '2030-06-11', discovered_date: '2030-06-12' } }],
      noMatch: [{ text: 'お知らせ\n\n(1)受付日 2030年6月11日(火曜日)\n(2)回答日 2030年6月12日(水曜日)', expect: { occurred_date: null } }],
    },
  },
  {
    id: 'occurred_date/finding',
    pattern: /判明|発覚|わかりました|分かりました|(?:分か|わか)った|明らかに|こと(?:を|が)(?:確認|把握)/,
    scope: 'sentence',
    value: 'finding',
    confidence: 'high',
    why: 'A sentence that says something was found out dates the finding; only a second date, or a date the finding clause governs, is the event\'s.',
    examples: {
      match: [{ text: '2030年2月1日、会員サイトで不正アクセスが発生していたことが判明しました。', expect: { occurred_date: null } }],
      noMatch: [{ text: '調査の結果、2030年1月5日に不正アクセスが発生していたことが2030年2月1日に判明しました。', expect: { occurred_date: '2030-01-05' } }],
    },
  },
  {
    id: 'occurred_date/date-label',
    // right after a date (checked by the decider), the date is the notice's, a plan's or a status's: 「…日付」「…日時点」「…日に公表」
    pattern: /(?:付|予定|時点|現在|にお知らせ|に公表|に発表|にて公表|にて発表|に公開|に掲載)/,
    scope: 'sentence',
    value: 'not-event-label',
    confidence: 'high',
    why: 'A date followed by 付, 時点, 予定 or 「に公表」 is a date of the notice, a status or a plan.',
    examples: {
      match: [{ text: '2030年5月20日時点で、不正アクセスを受けたサーバーの復旧作業を続けております。', expect: { occurred_date: null } }],
      noMatch: [{ text: '2030年5月20日に不正アクセスが発生しました。', expect: { occurred_date: '2030-05-20' } }],
    },
  },
  {
    id: 'occurred_date/reported-to',
    pattern: /(?:に|へ)(?:報告|届け?出|相談|申告|提出|通報)|被害届|遺失(?:物)?届|告訴|報告済|受領|受け取|(?:で|にて|に)[^。]{0,15}(?:公表|お知らせ|発表|掲載)(?:し|いたし|済)|第一報/,
    scope: 'sentence',
    value: 'not-event-told',
    confidence: 'high',
    why: 'A date right before a report, a filing or an announcement (「2月20日に警察へ相談」「…に当サイトで速報として公表」) is the day of telling, not of the event.',
    examples: {
      match: [{ text: '本件の不正アクセスについては、2030年2月20日に当ウェブサイトで速報として公表しております。', expect: { occurred_date: null } }],
      noMatch: [{ text: '2030年2月20日に不正アクセスを受け、翌週に警察へ相談しました。', expect: { occurred_date: '2030-02-20' } }],
    },
  },
  {
    id: 'occurred_date/contact-received',
    pattern: /(?:ご?連絡|ご?報告|通報|ご?指摘|お?問い?合わ?せ|申し出|情報提供|ご?相談)(?:を受け|があり|をいただ|を頂|を受領)/,
    scope: 'sentence',
    value: 'contact',
    confidence: 'high',
    why: 'A sentence that dates a message received (「9月1日、委託先から…侵入を受けたとの連絡がありました」) dates the message: a weak guess at the event, used only where no sentence dates the event itself.',
    examples: {
      match: [{ text: 'お知らせ\n\n2030年8月29日\n\n2030年7月22日、来店客の一人から請求が届いたと店に相談があり、調べたところ、元店員が書類を無断で撮影していたことが分かりました。', expect: { occurred_date: null } }, 
        {
          text: 'お知らせ\n\n2030年9月1日、取引先から、当社名をかたるフィッシングメールが届いているとの連絡がありました。\n2030年9月4日には、当社の会員サイトで不正ログインが発生しました。',
          expect: { occurred_date: '2030-09-04' },
        },
      ],
      noMatch: [{ text: '委託先から、同社サーバーが2030年8月28日に侵入を受けたとの連絡がありました。', expect: { occurred_date: '2030-08-28' } }],
    },
  },
  {
    id: 'occurred_date/news-announced',
    pattern: /(?:と|を)(?:発表|公表)し|明らかにし|記者会見で/,
    scope: 'sentence',
    value: 'announced',
    confidence: 'high',
    why: 'In a news story 「東山市は3日、…と発表した」 the date after the subject is the announcement\'s, not the event\'s.',
    examples: {
      match: [{ text: '東山市は2030年6月3日、職員が市民の名簿を紛失したと発表した。', expect: { occurred_date: null, disclosure_date: '2030-06-03' } }],
      noMatch: [{ text: '東山市は、職員が2030年6月1日に市民の名簿を紛失したと発表した。', expect: { occurred_date: '2030-06-01' } }],
    },
  },
  {
    id: 'occurred_date/collected',
    // 「申込状況の照会画面」「申込システム」 name a screen or a system, not customers applying.
    pattern: /登録され|登録いただ|ご登録|頂いた|いただいた|申込(?!み?(?:状況|画面|システム|サービス|フォーム|受付|データ))|申し込|受診され|ご?予約(?:いただ|され)|ご利用(?:いただ|され)|入会|会員とな|アップロード/,
    scope: 'sentence',
    value: 'collected',
    confidence: 'high',
    why: 'A period in which customers registered, applied or used a service dates how the data was gathered, not the event.',
    examples: {
      match: [{ text: '2030年4月1日から2031年3月31日までにご登録いただいた会員の情報が流出した可能性があります。', expect: { occurred_date: null } }],
      noMatch: [{ text: '2030年4月1日から2030年4月3日までの間に不正アクセスを受け、登録情報が流出した可能性があります。', expect: { occurred_date: '2030-04-01' } }, { text: '2030年1月28日から2月15日にかけて、申込状況の照会画面に攻撃が繰り返し行われました。', expect: { occurred_date: '2030-01-28' } }],
    },
  },
  {
    id: 'occurred_date/card-entry-window',
    // 「…の期間に当サイトで入力されたカード情報が漏洩」「…までの間にカードで決済したお客様」: the exposure window itself.
    pattern: /(?:カード情報|カード番号)?を?(?:ご?入力(?:され|いただ|し(?!ない|ません))|決済(?:を)?(?:ご?利用|行わ|行な?わ)?(?:され|いただ|れた|し(?!ない|ません))|ご?購入(?:され|いただ|し(?!ない|ません))|ご?注文(?:され|いただ|し(?!ない|ません))|ログイン(?:され|し)|(?:マイページ|会員ページ|会員画面)を(?:開|開か|閲覧|表示|ご?利用)(?:い|れ|さ|し)?(?:た|れた))/,
    scope: 'sentence',
    value: 'exposed',
    confidence: 'medium',
    why: 'Cards entered, payments or logins made in a period during which the site was tampered with were exposed in that period: the period\'s first day is the start of the event.',
    examples: {
      match: [
        { text: '2030年1月10日~2030年1月12日の期間に当サイトで入力されたクレジットカード情報が漏洩した可能性があります。', expect: { occurred_date: '2030-01-10' } },
        { text: '対象は2030年1月10日から2030年1月12日までの間に当店サイトでカードで決済したお客様です。', expect: { occurred_date: '2030-01-10' } },
        { text: '他の会員様の情報が表示される事象が発生しました。対象は2030年1月10日9時から同日15時までの間にマイページを開いた会員様です。', expect: { occurred_date: '2030-01-10' } },
        { text: '2030年1月10日~2030年3月2日の期間中に当店サイトでカード決済を行われたお客様のカード情報が対象です。', expect: { occurred_date: '2030-01-10' } },
      ],
      noMatch: [{ text: '2030年1月10日~2030年1月12日の期間にご登録いただいたお客様のメールアドレスに案内を送ります。', expect: { occurred_date: null } }],
    },
  },
]);
