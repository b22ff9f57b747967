// Rules for contractor_involved: the event happened at, or was caused by, a contractor, vendor or
// outsourced service. A vendor called in to help, asked to investigate, or ruled out is not involved.
import { defineRules } from './rule.ts';

/** Generic names of a contractor or outsourced party, and a vendor's maintenance access (保守用VPN装置). */
const CONTRACTOR = '指定管理者|委託(?:スタッフ|社員|職員|従業員)|(?:作業|業務|工事|移行|改修|開発|構築)を(?:請け負|受託し)(?:った|っている|ていた|た)(?:業者|事業者|会社|ベンダー)|保守用(?:の)?(?:VPN|回線|端末|接続機器|リモート接続|機器|装置)|(?:配送|運送|発送|印刷|封入|郵送|清掃|廃棄|回収|処分|リサイクル)(?:業者|事業者|会社)|委託先|委託元|委託業者|委託事業者|委託会社|業務委託|受託(?:者|事業者|会社)|再委託|下請|保守業者|保守事業者|保守ベンダー|保守委託|保守会社|システム業者|システム会社|運用(?:委託|業者)|(?:を|に)委託(?:して|する|した|し)|外部(?:利用)?サービス提供事業者|サービス提供事業者|外部(?:の)?委託|(?:保守|運用|管理|開発|運営|構築)(?:業務)?を(?:行って|担当して|請け負って|お願いして)(?:いる|いた|おります)(?:事業者|業者|会社|企業|ベンダー)';
/** What ties a contractor to the event rather than to the clean-up (including its own acts: sending, reselling). */
const EVENT = /不正|漏えい|漏洩|流出|感染|紛失|盗難|誤|設定|侵入|攻撃|取得|乗っ取|暗号化|アクセス|発生|脆弱性|改ざん|送信|送付|転売|売却|譲渡|流通|出品|持ち出|宛先|BCC|閲覧|(?:見え|見られ)る状態|廃棄|原因は|起因|ランサムウェア|ウイルス|マルウェア|被害|不具合|不備|作業ミス|改修作業|更新作業|設定変更|(?:SNS|インターネット|ネット|掲示板)[^。]{0,10}(?:投稿|書き込)/;
// The vendor helps with the investigation or the recovery.
const HELPER = /共同で調査|協力(?:を得|して|のもと)|調査を依頼|と共に|と連携|支援を受け|助言/;
// The vendor is called, asked or instructed: remediation, not the place of the event.
const REMEDIATION = /(?:業者|ベンダー|委託先|事業者|会社)(?:様)?(?:と|に|へ)(?:直ちに|速やかに)?(?:連絡を取|連絡し|相談し|依頼し|指示し|調査を(?:依頼|指示)|原因(?:の)?(?:調査|究明)|[^。]{0,20}(?:を求め|を依頼|を指示|を要請))/;
// The vendor is ruled out (「委託業者による作業はありませんでした」).
const RULED_OUT = /(?:業者|ベンダー|委託先|事業者)(?:[^。]{0,12}(?:作業|操作|アクセス|関与)(?:は|も)(?:なかった|なく|ありません|ございません|行われていない|していない|ない)|(?:ではなく|ではありません|ではございません|によるものでは(?:なく|ありません|ございません)))|(?:委託先|業者|事業者)(?:様)?(?:を装|を騙|をかた|になりすま)/;
// The contractor only told them (「委託先から…との報告を受け」): a messenger, not the place of the event.
const MESSENGER = /(?:委託(?:して|し)(?:いる|おります|ている)|委託先|業者|事業者|ベンダー)(?:様)?(?:から|より)(?:、|当社に対し)?[^。]{0,80}(?:報告|連絡|通知|指摘)(?:を受け|があり|がありました|がございました|が、?[^。、「」]{1,12}?(?:に|へ)(?:あり|あっ))/;
// The contractor watching the organisation's systems spotted an attack on them (「保守業者が送信数の異常を検知して町に
//連絡し」): a detector and messenger, not where the event happened.
const DETECTOR = /(?:業者|事業者|委託先|ベンダー|会社)(?:様)?(?:が|は)、?[^。]{0,30}(?:異常|不審|大量|急増|攻撃|不正)[^。]{0,12}?(?:を)?(?:検知|発見|確認|観測)し/;
// The contractor takes measures (「事業者においてアクセスを遮断するなどの対策を実施」): the clean-up, not the event.
const MEASURE = /(?:遮断|対策|復旧|措置|切り離|隔離|防御)[^。]{0,10}?(?:を)?(?:実施|行い|行った|行って|講じ)/;
// Measures for the future (「委託先の管理を徹底し、情報漏えいの防止に努めます」): not the event.
const PREVENTION = /再発防止|(?:教育|研修|周知)(?:を|の)?(?:徹底|実施|強化)|防止(?:に努め|策|を徹底|に取り組)|監督(?:を|の)?強化|管理(?:を|の)?(?:徹底|強化)|指導を徹底|今後は|今後とも/;
// Data the notice says is not involved.
const NOT_INVOLVED = /含まれ(?:ておりません|ていません|ません)|漏えいはありません|影響はありません|ございません$/;
// The company is where a misdirected item went, not who handled it (「市内の印刷会社に誤ってFAXを送信」「書類を受け取った配送会社」).
const RECIPIENT = /(?:業者|事業者|会社)(?:様)?(?:に|へ)[^。]{0,15}(?:誤って|誤送|誤配|間違えて)|(?:業者|事業者|会社)(?:様)?(?:は|が|では)[^。]{0,6}(?:受信|受け取|受領)|(?:受け取った|受信した|届いた)[^。、]{0,10}(?:業者|事業者|会社)|(?:無関係|関係のない|別)の[^。、]{0,8}(?:業者|事業者|会社)/;
/** The events a named service provider suffers. */
const PROVIDER_EVENT = /不正アクセス|不正(?:な)?侵入|改ざん|侵入を受け|攻撃を受け|流出|漏えい|漏洩|感染/;

export const CONTRACTOR_RULES = defineRules<true>('contractor_involved', [
  {
    id: 'contractor_involved/contractor-in-event',
    pattern: new RegExp(CONTRACTOR),
    scope: 'header+sentence',
    requires: EVENT,
    excludes: new RegExp(`${HELPER.source}|${REMEDIATION.source}|${RULED_OUT.source}|${MESSENGER.source}|${DETECTOR.source}|${MEASURE.source}|${PREVENTION.source}|${NOT_INVOLVED.source}|${RECIPIENT.source}`),
    guards: ['readerAdvice'],
    value: true,
    confidence: 'medium',
    why: 'A contractor named in the sentence that tells the event (委託先が誤って送信, 委託事業者が転売) is where it happened.',
    examples: {
      match: [
        'この作業を請け負った業者が、ファイルの一覧を表示する機能を有効にしたまま公開したため、申込データが外部から見える状態になっていました。',
        '委託先の事務局が、参加者全員の宛先を表示したまま案内メールを送っていました。',
        '委託事業者が、データが残ったままの端末を転売していました。',
        '当社の業務委託先である株式会社ミナト運輸において、ランサムウェアによる被害が確認されました。',
        '配送業者の誤配により、通知書が別の世帯に届きました。',
        '受講者名簿(氏名・性別。法人の場合は担当者名)を保存した委託先の端末が紛失しました。',
        '当社ウェブサイトの保守を行っている事業者の作業ミスにより、会員情報が閲覧可能な状態となっていました。',
        '第三者が保守用のVPN装置の脆弱性を突いて院内のネットワークに侵入しました。',
        '会員サイトの開発を委託している事業者が行った改修作業で、他の会員の情報が表示される状態になっていました。',
        '市民会館の運営を担う指定管理者のスタッフが、利用者の氏名をSNSに投稿していました。',
      ],
      noMatch: ['ホームページの監視業務を委託している事業者から、通信量の異常な増加を検知したとの連絡が総務課にあり、攻撃を把握しました。', { text: 'お知らせ\n\n職員が番号を打ち間違え、申込書を市内の印刷会社に誤ってFAXで送信しました。印刷会社は受信した書類を廃棄しました。', expect: { contractor_involved: false } }, '今後は委託先に対する監督を強化し、情報漏えいの防止に努めてまいります。', '直ちに保守業者に連絡し、サーバーを停止しました。', { text: 'お知らせ\n\n職員のメールアカウントが第三者に使われ、迷惑メールが送信されました。メールサーバーの保守を委託している業者が、送信数の異常を検知して当町に連絡しました。', expect: { contractor_involved: false } }, 'システム保守事業者に原因の調査と報告を指示しています。', '当院職員および委託業者による作業はありませんでした。', '当社の業務委託先を装った不審なメールが取引先に届いています。'],
    },
  },
  {
    id: 'contractor_involved/event-at-contractor',
    pattern: /(?:委託先|業者|事業者|ベンダー)(?:で|において|にて|の(?:[^。、]{0,12})?(?:サーバ|システム|従業員|社員|従業者|端末|環境|ネットワーク))/,
    scope: 'header+sentence',
    requires: EVENT,
    excludes: new RegExp(`${HELPER.source}|${REMEDIATION.source}|${RULED_OUT.source}|${MEASURE.source}|${PREVENTION.source}|${NOT_INVOLVED.source}`),
    guards: ['readerAdvice'],
    value: true,
    confidence: 'medium',
    why: 'A report from a contractor that puts the event on its own systems or staff (「委託先のサーバーに不正アクセス」) is contractor involvement, though the contractor also told them.',
    examples: {
      match: ['委託先から、委託先のサーバーに不正なアクセスがあったとの報告を受けました。', '不具合の原因は、受託事業者においてサーバーの設定を変更した作業にありました。'],
      noMatch: ['委託先から、当社のサーバーに不審な通信があるとの報告を受けました。', '保守事業者において海外からのアクセスを遮断するなどの対策を実施しました。'],
    },
  },
  {
    id: 'contractor_involved/clients-data',
    pattern: /(?:お)?(?:取引先|委託元|顧客企業|顧問先(?:企業)?|クライアント|発注元)(?:様|企業)?(?:の(?:お客様|顧客|利用者|会員)|から(?:お)?預か(?:り|った|っている))|(?:当社|弊社|当法人|当事務所|当会|弊会)(?:が|は)、?[^。]{0,20}(?:より|から)(?:の)?(?:受託|委託を受け|委託に(?:より|基づ))|(?:当社|弊社|当法人|当事務所|当会|弊会)(?:が|は)、?[^。]{0,20}(?:より|から)、?[^。]{0,30}?(?:を|の)(?:請け負って|受託して)(?:おり|いる|います)|(?:ご)?(?:利用|導入)(?:の|いただいている|中の|されている)(?:事業者|企業|法人|自治体|店舗|医療機関|団体|施設|学校)(?:様)?(?:\([^()。]{0,20}\))?[^。]{0,6}?(?:が(?:管理|保有|登録)する|の(?:お客様|顧客|利用者|会員|エンドユーザー))/,
    scope: 'header+sentence',
    // …or says whose data it holds as the contractor (「委託を受けて、これらの個人情報を…取り扱っております」).
    requires: /漏えい|漏洩|流出|紛失|盗難|感染|不正|閲覧|含まれて|誤(?:って|送|封入|配|交付|掲載)|(?:個人)?情報を[^。]{0,20}(?:取り扱|取扱|管理し|保管し|お預かり)|(?:事務|業務|手続き?)を代行|(?:手配|業務|作業)を(?:請け負って|受託して)/,
    excludes: NOT_INVOLVED,
    guards: ['readerAdvice'],
    value: true,
    confidence: 'medium',
    why: 'A company whose notice is about data it holds for its clients or a job it was contracted for is itself the contractor where the event happened.',
    examples: {
      match: ['当社は、学校や企業の皆様から、修学旅行などの団体旅行の手配を請け負っております。', '紛失した書類には、当社が北浜区から委託を受けて実施している講座の受講者名簿が含まれていました。', 'お取引先様からお預かりしている個人情報が外部に流出した可能性があります。', '当社の顧客管理サービスをご利用の事業者様(飲食店等)が管理するお客様の情報が閲覧された可能性があります。', '当事務所が顧問先様からの委託により発送した通知書に、別の方の通知書が含まれていました。', '当社は導入施設から委託を受けて、これらの個人情報を本サービス上で取り扱っております。'],
      noMatch: ['お取引先様には個別にご連絡いたしました。', '従業員および取引先の個人情報が流出した可能性があります。'],
    },
  },
  {
    id: 'contractor_involved/outside-system',
    pattern: /(?:社|学|院|庁|会)外の[^。]{0,10}?(?:クラウド|システム|サーバ|サービス)[^。]{0,10}?(?:に|で|上に|上で)(?:保管|保存|管理|格納)|(?:利用|使用)して(?:いる|いた|おります)(?:社|学|院|庁|会)外の/,
    scope: 'header+sentence',
    requires: EVENT,
    excludes: NOT_INVOLVED,
    guards: ['readerAdvice'],
    value: true,
    confidence: 'medium',
    why: 'Data kept in a system outside the organisation (「社外のクラウド型システム」) is kept by an outside service.',
    examples: {
      match: ['当社が利用している社外のクラウド型システムで、アクセス権の設定に不備がありました。'],
      noMatch: ['当社が利用している社内のシステムで、アクセス権の設定に不備がありました。', '感染した端末から社外のサーバーへ情報が送信された痕跡がありました。'],
    },
  },
  {
    id: 'contractor_involved/service-provider-hit',
    pattern: /(?:サービス|システム|プログラム|ツール)を提供する[^。]{0,30}?(?:株式会社|社)|決済代行|決済サービス(?:会社|事業者)|(?:サービス|システム)の提供元|導入して(?:い)?(?:た|る)[^。]{0,30}?(?:サービス|プログラム|スクリプト|ツール)|(?<=[ァ-ヶーA-Za-z0-9])(?<![当弊本同]社)社(?:から、同社|より、同社|の|が提供する)[^。]{0,12}?(?:サービス|システム|プログラム|データベース|サーバ)|(?:管理|代行|配信|決済|認証|予約|外部)サービス(?:事業者|会社|の提供元)?(?:へ|に対する|において|が)の?(?:外部から|第三者(?:による|により|から))?(?:不正|攻撃|侵入|改ざん)|(?:利用|使用|導入)して(?:いる|いた|おります)[^。]{0,30}?(?:サービス|システム|ツール)[^。]{0,20}?の(?:運営会社|運営元|提供会社|提供事業者|開発会社|開発元)/,
    scope: 'header+sentence',
    requires: PROVIDER_EVENT,
    // 「決済代行会社から…流出懸念について連絡を受け」: the payment company warns of a leak elsewhere.
    // A security tool that caught the attack, or a firm that investigated it, is no place of the event.
    excludes: new RegExp(`${NOT_INVOLVED.source}|以外の|(?:決済代行|カード)会社(?:から|より)[^。]{0,40}(?:連絡|報告|通知|指摘)|検知|ブロック|防御|(?:の|による)調査(?:の結果|により|で)|フォレンジック`),
    notBefore: /(?:当社|弊社|当会|弊会|当院|本学|当法人)(?:が|の)(?:提供|運営|開発)する[^。]{0,6}$/,
    guards: ['readerAdvice'],
    value: true,
    confidence: 'low',
    why: 'A third-party service the organisation used (a payment processor, an embedded script or SaaS, a domain registrar) that was itself breached is an outsourced service.',
    examples: {
      match: ['当店が導入していたチャット機能のサービスのプログラムが外部から改ざんされました。', '当社が利用している決済代行会社のシステムが不正アクセスを受けました。', '決済処理を行うミナトペイ社のデータベースが外部から不正アクセスを受けました。', '利用していたドメイン管理サービスが外部から不正アクセスを受け、当社ドメインの設定が書き換えられました。', '当社がメール配信に利用している外部サービス「ミナトメール」の運営会社が不正アクセスを受け、会員のメールアドレスが流出した可能性があります。'],
      noMatch: ['当社が提供するサービスのプログラムが外部から改ざんされました。', '調査の結果、当該サービス以外の原因による漏えいは確認されませんでした。', '決済を請け負う代行会社より、カード番号が外部に漏れた疑いがあると知らされました。', '当社が導入しているセキュリティツールが不正アクセスを検知しました。'],
    },
  },
]);
