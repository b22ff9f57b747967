// Rules for data_types: the words that name a kind of personal data, the words that make a sentence say
// what was exposed (leaked, held in what was lost, shown, sent), and the clause boundaries that limit a
// denial to its own clause. The decider (data-types.ts) combines them: a data word counts where its
// sentence (or the list it belongs to) states an exposure, and not in a clause that denies it. Sentences
// that advise readers (the `readerAdvice` guard) or ask a question are skipped whole by the decider.
import type { DataType } from '../../core/record.ts';
import { defineRules } from './rule.ts';

/** What a hit means to the decider: a kind of data, an exposure context, or a clause boundary. */
export type DataCue = DataType | 'context' | 'boundary';

/**
 * A clause saying the data was not involved: 「…は含まれておりません」「入っておりません」「保持しておらず」
 * 「(…はありません。)」「記載されず」. Read per clause by the decider, so it denies only its own clause.
 */
export const DATA_DENIAL_RE =
  /含まれ(?:ておりません|ていません|ていない|ておらず|ません|ない|ず)|入って(?:おりません|いません|おらず|いない)|(?:保持|保有|所持|管理|保存|保管|記録|登録)して(?:おりません|いません|おらず|いない)|対象(?:では|で)?(?:ありません|ございません|ない)|対象外|(?:漏えい|漏洩|流出|漏れ|漏出)(?:は|も|の(?:事実|可能性)は)?(?:ありません|ございません|ない|なし|していません|しておりません|しておらず)|(?:保存|記載|記録|登録|表示|保管|格納|取り扱|取扱|入力|預か|預け|使用|利用)[^。、]{0,6}(?:ておりません|ていません|ておらず|ません|ない|ず)(?![^。]{0,4}可能性)|別の(?:ストレージ|サーバー?|システム|環境|データベース|領域|媒体)(?:に|で)(?:保存|保管|管理)(?:して|され)(?:おり|いる|います|ております)(?![^。]{0,20}(?:流出|漏え|漏洩|窃取))|(?:流出|漏えい|漏洩|漏れ|外部に送信|不正(?:な)?アクセス|不正に閲覧)(?:した|された|している|の)?(?:事実|形跡|痕跡)は(?:確認されて|見つかって|認められて)?(?:おりません|いません|ありません|ございません)|(?:流出|漏えい|漏洩)したもの(?:では|で)(?:ない|ありません|ございません)|(?:は|も)(?:ありません|ございません)|ではありません/;

/** An allegation the organisation rejects: the whole sentence states no exposure (「…との指摘がありましたが、その事実はございません」). */
export const REJECTED_CLAIM_RE = /(?:との|という)(?:指摘|情報|投稿|書き込み|報道|問い合わせ)[^。]{0,40}(?:事実は|事実が|形跡は)[^。]{0,10}(?:ません|ない)/;

// After a data word: it names a system or a measure, not data (「医療情報システム」「パスワード管理ソフト」).
const SYSTEM_AFTER = String.raw`(?:システム|サーバ|端末|機器|ソフト|基盤|管理システム|ポリシー)`;
// After a data word: an attacker used it, or it can only be guessed (「…IDおよびパスワードを使って不正ログイン」);
// typed in by mistake (「パスワードを入力してしまいました」, a phishing page) it was given away.
const USED_AFTER = String.raw`[^。、]{0,20}?(?:を|が)?(?:使っ|使い|使わ|使用し|使用さ|用い|悪用し|悪用さ|利用し|利用さ|入手し|入力し(?!てしま)|が変更され|を変更|を初期化|が初期化|を?(?:推測|類推|推定)(?:でき|可能|され))`;
// The same for a person's name, which an attacker does not log in with: a name typed into a fake site is exposed.
const NAME_USED_AFTER = String.raw`[^。、]{0,20}?(?:を|が)?(?:使っ|使い|使わ|使用し|使用さ|用い|悪用し|悪用さ|利用し|利用さ|入手し|が変更され|を変更|を?(?:推測|類推|推定)(?:でき|可能|され))`;
// After an address-like word: it is where a mail or letter went, not what was exposed (「誤ったメールアドレスに送信」).
const DESTINATION_AFTER = String.raw`(?:を|が)?(?:誤|間違|取り違|打ち間違)|(?:に|へ|宛て?に?|あてに)(?:誤|送|郵送|発送|返送|メール|電話|架電|発信|かけ|連絡)|宛(?:て)?(?:に|へ)?$`;
// Before an address-like word: a wrong, fake or sender's address (「誤った宛先の住所」「偽の電話番号」「差出人のメールアドレス」).
const DESTINATION_BEFORE = String.raw`(?:誤った|異なる|間違った|別の|旧|偽の?|不審な|表示された|送信元の?|差出人の?|送信者の?|なりすまし(?:た)?の?|詐称された|記載の)$`;

// After a data word: a procedure about the data (「住所等の変更がある場合」「メールアドレスの登録」), not the data.
const PROCEDURE_AFTER = String.raw`(?:等|など)?の?(?:変更|届出|届け出|登録方法|確認方法)`;
// A sentence about a mail's sender (「差出人名とは異なるアドレス」「送信者の名前」) describes a fake mail, not exposed data.
const SENDER_RE = /送信者(?:の|名)|差出人|送信元(?:の|と|が|アドレス)|発信元/;

const ifNot = (s: string) => new RegExp(`^(?:${s})`);

/** The words that name a kind of data. */
export const DATA_TYPE_RULES = defineRules<DataCue>('data_types', [
  {
    id: 'data_types/name',
    pattern: /氏名|お名前|個人名|名前|姓名|口座名義|名義人|カード名義|フリガナ|ふりがな|宛名|(?:担当者|代表者|保護者|契約者|申込者|受講者|利用者|患者|児童|生徒|学生|職員|社員|会員)名(?!簿|義|称)/,
    scope: 'header+sentence',
    notAfter: ifNot(`${SYSTEM_AFTER}|${NAME_USED_AFTER}|(?:を|で)?(?:騙|かた|名乗|装)`),
    // 「リークサイトに同社の名前を掲載」「ファイルの名前」: the name of a company or a thing, not a person's.
    notBefore: /(?:[社店]|会社|企業|組織|団体|法人|自治体|サイト|サービス|製品|商品|ファイル|フォルダ|ドメイン)の$/,
    excludes: SENDER_RE,
    value: 'name',
    confidence: 'high',
    why: 'Names are written 氏名, 個人名, 名前, 姓名, 宛名, or as the holder of an account or card (口座名義, カード名義); a sender name shown in a fake mail is not exposed data.',
    examples: {
      match: ['流出したファイルには会員の個人名が含まれていました。', '漏えいしたおそれのある情報はカード名義です。', 'お客さまから、偽サイトにカード番号及びカード名義を入力してしまったとのご連絡がありました。', '当該端末には利用者名簿(氏名・性別、法人の場合は担当者名)が保存されていました。'],
      noMatch: ['差出人の名前を当社の名前に偽装した不審なメールが確認されております。', '当社の名前を騙る不審なメールが出回っています。', '攻撃者は自らのリークサイトに同社の名前を掲載し、データを盗んだと主張しています。'],
    },
  },
  {
    id: 'data_types/address',
    // 「物件名・部屋番号」: where a tenant lives, the address by another name.
    pattern: /住所|所在地|郵便番号|部屋番号|号室/,
    scope: 'header+sentence',
    notAfter: ifNot(`${SYSTEM_AFTER}|${DESTINATION_AFTER}|${USED_AFTER}|${PROCEDURE_AFTER}`),
    notBefore: new RegExp(DESTINATION_BEFORE),
    value: 'address',
    confidence: 'high',
    why: 'A postal address is 住所, 所在地 or 郵便番号; the wrong address a letter went to is how it went astray, not what it exposed.',
    examples: {
      match: ['紛失した書類には利用者の住所が記載されていました。', '入居者の氏名、物件名・部屋番号が流出した可能性があります。'],
      noMatch: ['封筒の住所を誤って記載し、別の方へ郵送してしまいました。'],
    },
  },
  {
    id: 'data_types/phone',
    pattern: /電話番号|携帯番号|(?:TEL|Tel|FAX|Fax)番号|ファックス番号/,
    scope: 'header+sentence',
    notAfter: ifNot(`${SYSTEM_AFTER}|${DESTINATION_AFTER}|${USED_AFTER}|${PROCEDURE_AFTER}`),
    notBefore: new RegExp(`${DESTINATION_BEFORE}|(?:警告|画面|偽)[^。、]{0,12}$`),
    value: 'phone',
    confidence: 'high',
    why: 'A phone or fax number exposed is phone; the number a scam screen showed, or one dialled by mistake, is the mechanism.',
    examples: {
      match: ['名簿に記載された電話番号が閲覧できる状態になっていました。'],
      noMatch: ['職員がパソコンに表示された偽の警告画面の電話番号へ電話をかけました。', '誤ってファクス番号を押し間違え、別の事業所へ送信しました。'],
    },
  },
  {
    id: 'data_types/email',
    pattern: /メールアドレス|メール・アドレス|[eE]-?[mM]ail\s?アドレス|Eメールアドレス|アドレス帳/,
    scope: 'header+sentence',
    notAfter: ifNot(`${SYSTEM_AFTER}|${DESTINATION_AFTER}|${USED_AFTER}|${PROCEDURE_AFTER}|(?:を|が)?(?:詐称|偽装|騙|かた)`),
    notBefore: new RegExp(DESTINATION_BEFORE),
    excludes: SENDER_RE,
    value: 'email',
    confidence: 'high',
    why: 'Mail addresses exposed (to other recipients, on a page, in a lost list) are email; the wrong address a mail went to, or a spoofed sender address, is not.',
    examples: {
      match: ['参加者全員が他の参加者のメールアドレスを確認できる状態になっていました。', '北山町 メールアドレス流出に関するお詫び\n\n2030年6月1日\n\n本町が送信したメールについてお詫び申し上げます。'],
      noMatch: ['送信先のメールアドレスを誤って入力し、別の方へ送信しました。', '差出人のメールアドレスを詐称した不審なメールが送られております。'],
    },
  },
  {
    id: 'data_types/birthdate',
    pattern: /生年月日|誕生日/,
    scope: 'header+sentence',
    value: 'birthdate',
    confidence: 'high',
    why: 'A date of birth is written 生年月日 or 誕生日.',
    examples: { match: ['漏えいした情報は生年月日です。'], noMatch: ['誕生日特典のご案内を送信しました。'] },
  },
  {
    id: 'data_types/gender',
    pattern: /性別/,
    scope: 'header+sentence',
    value: 'gender',
    confidence: 'high',
    why: 'Sex or gender is written 性別.',
    examples: { match: ['名簿には性別も記載されていました。'], noMatch: ['性別を問わず応募を受け付けております。'] },
  },
  {
    id: 'data_types/card-security-code',
    pattern: /セキュリティ・?コード|CVV|CVC|cvv|cvc/,
    scope: 'header+sentence',
    notAfter: /^(?:の入力を|を入力する|入力欄)/,
    value: 'card_security_code',
    confidence: 'high',
    why: 'The card verification code is セキュリティコード, CVV or CVC.',
    examples: { match: ['カード情報のうちセキュリティコードが流出した可能性があります。'], noMatch: ['決済時にはセキュリティコードの入力を求めております。'] },
  },
  {
    id: 'data_types/credit-card',
    pattern: /クレジットカード(?:番号|情報)|カード(?:番号|情報)|有効期限/,
    scope: 'header+sentence',
    notBefore: /(?:会員|ポイント|診察|保険|マイナンバー|キャッシュ|ETC|IC|交通系|図書館)$|(?:パスワード|証明書|ポイント)の?$/,
    value: 'credit_card',
    confidence: 'high',
    why: 'Card numbers, card data and expiry dates are credit_card; a member, point or health-insurance card is not a payment card.',
    examples: {
      match: ['決済画面で入力されたカード情報が窃取された可能性があります。'],
      noMatch: ['紛失したのは会員カード番号の控えのない封筒で、中身は案内状のみです。', '会員の氏名と住所が流出しました(クレジットカード情報はありません。)'],
    },
  },
  {
    id: 'data_types/bank-account',
    pattern: /口座番号|口座情報|銀行口座|預金口座|振込口座|振込先口座/,
    scope: 'header+sentence',
    value: 'bank_account',
    confidence: 'high',
    why: 'A bank account is written 口座番号, 口座情報 or 銀行口座.',
    examples: {
      match: ['口座番号が記載された申込書を紛失しました。'],
      noMatch: ['銀行の窓口で手続きをお願いいたします。', '紛失した名簿には氏名のみを記載しており、口座番号や生年月日は入っておりません。'],
    },
  },
  {
    id: 'data_types/password',
    pattern: /パスワード(?!(?:等|など)?(?:を|が|は|の)?(?:設定|かけ|かか|付|変更|再設定|リセット|保護|ロック|管理|認証|初期化|無効化|別送|送付)|による|で(?:保護|ロック))/,
    scope: 'header+sentence',
    notAfter: ifNot(`${SYSTEM_AFTER}|${USED_AFTER}|付き|付|(?:等|など)?を?(?:別途|別|後|続けて)?(?:送信|送付|送っ|送り|送|メール)|[^。]{0,20}(?:を|は)(?:システム側で|速やかに|直ちに|強制的に)?(?:変更|リセット|初期化|再設定)`),
    notBefore: /(?:解凍|解除|開封|展開|圧縮|ファイル|添付ファイルの|ZIP|zip)(?:用|の|の?ため(?:の)?)?$|(?:設定した|付与した|かけた|付した)$/,
    value: 'password',
    confidence: 'high',
    why: 'A password exposed is password; one an attacker used to log in, or the one that opens a mis-sent file, is the mechanism.',
    examples: {
      match: ['会員のパスワードが平文で保存されており、流出した可能性があります。'],
      noMatch: ['入手したIDおよびパスワードを使って不正ログインが行われました。', '他のサービスから漏れたとみられるメールアドレスとパスワードの組み合わせを使い、当店サイトへのログインが試みられました。', '誤送信した添付ファイルの解凍用パスワードを別のメールで送信しました。', '念のため、全職員が使う業務システムとメールのパスワードを一斉に変更しました。'],
    },
  },
  {
    id: 'data_types/password-typed-into-fake-site',
    pattern: /パスワード(?=[^。]{0,12}入力)/,
    scope: 'header+sentence',
    requires: /偽(?:の)?(?:サイト|ページ|画面|ログイン)|フィッシング|不審な(?:サイト|ページ|URL|リンク)|なりすまし(?:サイト|ページ)/,
    value: 'password',
    confidence: 'medium',
    why: 'A password typed into a phishing page is handed to the attacker: it is exposed, not merely used.',
    examples: {
      match: ['担当者が偽のログインサイトに業務用IDとパスワードを入力していました。'],
      noMatch: ['攻撃者が入手したパスワードを入力して不正にログインしました。'],
    },
  },
  {
    id: 'data_types/login-id-typed-into-fake-site',
    pattern: /(?:I[Dd]|ユーザー?名|アカウント名)(?=\s*(?:・|および|及び|と|、|\/|や)\s*パスワード[^。]{0,12}入力)/,
    scope: 'header+sentence',
    requires: /偽(?:の)?(?:サイト|ページ|画面|ログイン)|フィッシング|不審な(?:サイト|ページ|URL|リンク)|なりすまし(?:サイト|ページ)/,
    value: 'login_id',
    confidence: 'medium',
    why: 'An ID typed with its password into a phishing page is handed to the attacker with it: exposed, not merely used.',
    examples: {
      match: ['職員が取引先を装うメールのリンクから偽のログイン画面を開き、アカウントのIDとパスワードを入力しました。'],
      noMatch: ['攻撃者は入手したIDとパスワードを入力して不正にログインしました。'],
    },
  },
  {
    id: 'data_types/login-id',
    pattern: /ログイン\s*I[Dd]|ユーザー?\s*I[Dd]|ユーザー名|アカウント名|アカウント(?:ID|情報(?!の?変更))|(?:会員|WEB|Web|web|ウェブ)\s*I[Dd]|ID(?=\s*(?:・|および|及び|と|、|\/|や)\s*パスワード)/,
    scope: 'header+sentence',
    notAfter: ifNot(`${SYSTEM_AFTER}|${USED_AFTER}`),
    value: 'login_id',
    confidence: 'high',
    why: 'A login name is ログインID, ユーザーID, 会員ID or the ID paired with a password; one an attacker logged in with is the mechanism.',
    examples: {
      match: ['流出した情報は会員IDとメールアドレスです。', '漏えいした可能性があるのはIDおよびパスワードです。'],
      noMatch: ['第三者が不正に入手したログインIDを使用してログインしました。'],
    },
  },
  {
    id: 'data_types/medical',
    pattern: /医療情報|診療情報|診療記録|診察記録|診療録|カルテ(?:情報|の内容|データ|の?記載)|病名|病歴|既往歴|既往症|健康状態|健康情報|健康上の|診療科|受診科|通院歴|受診歴|入院歴|検査結果|検診(?:の)?結果|健診結果|健康診断|治療内容|治療方針|処方|服薬|診断名|検査所見|心身の状況|要介護度|アレルギー|持病|受診理由|来院理由|受診目的|症状/,
    scope: 'header+sentence',
    notAfter: ifNot(`${SYSTEM_AFTER}|運用|更新|導入`),
    value: 'medical',
    confidence: 'high',
    why: 'Health data: diagnoses, medical history, department seen, test and check-up results, treatment, medication.',
    examples: {
      match: ['紛失した名簿には通院歴と健康状態が記載されていました。', '漏えいした情報は受診した診療科です。', '紛失した名簿には、園児の氏名と食物アレルギーの有無が記載されていました。', '流出したおそれのある情報は、患者さまの氏名、電話番号、受診理由(予約時に伺った症状)です。'],
      noMatch: ['電子カルテシステムの更新作業を行いました。'],
    },
  },
  {
    id: 'data_types/face-photo',
    pattern: /顔写真|顔画像|証明写真|本人写真/,
    scope: 'header+sentence',
    value: 'photo',
    confidence: 'high',
    why: 'A photo of a person (顔写真, 証明写真) is photo.',
    examples: { match: ['流出した書類には顔写真が貼付されていました。'], noMatch: ['流出した書類には写真の貼付はありません。'] },
  },
  {
    id: 'data_types/photo',
    pattern: /写真/,
    scope: 'header+sentence',
    notBefore: /(?:資料|書類|文書|画面|掲示物|建物|物件|作品|商品|製品|現場|風景|ペット|料理)[^。]{0,40}$|顔$/,
    notAfter: /^(?:等|など)?の?(?:データ容量|容量|サイズ|撮影機|スタジオ)|^(?:を|に)(?:撮影|添付して送)/,
    value: 'photo',
    confidence: 'medium',
    why: 'A photo in a list of exposed items is usually of the people concerned, unless the text says it shows a document, a building or goods; a scanned image (画像データ) is not a photo.',
    examples: {
      match: ['児童の写真が氏名とともにSNSに掲載されていました。'],
      noMatch: ['流出したのは補償物件の寸法、配置、写真等の情報です。', '書類をスキャンした画像データ(氏名を含む)が保存されていました。'],
    },
  },
  {
    id: 'data_types/employee-id',
    pattern: /社員番号|職員番号|従業員番号|職員ID|社員ID/,
    scope: 'header+sentence',
    value: 'employee_id',
    confidence: 'high',
    why: 'Staff numbers are employee_id.',
    examples: { match: ['流出した名簿には職員番号が記載されていました。'], noMatch: ['職員の人数は120名です。'] },
  },
  {
    id: 'data_types/student-id',
    pattern: /学籍番号|学生番号|生徒番号|学生証番号/,
    scope: 'header+sentence',
    value: 'student_id',
    confidence: 'high',
    why: 'Student numbers are student_id.',
    examples: { match: ['誤送信したファイルには学籍番号が含まれていました。'], noMatch: ['学生の皆様へのお知らせを送信しました。'] },
  },
  {
    id: 'data_types/other-item',
    pattern: /年齢|学年|国籍|勤務先|学校名|所属(?:学部|部署|先)|購入履歴|家族構成|続柄|(?:会員|顧客|患者)(?:番号|ID)|保有ポイント/,
    scope: 'header+sentence',
    notAfter: ifNot(SYSTEM_AFTER),
    value: 'other',
    confidence: 'low',
    why: 'Listed personal items with no value of their own (age, school year, nationality, employer, purchase history, customer number) are other.',
    examples: { match: ['漏えいした可能性がある情報は購入履歴です。'], noMatch: ['年齢を問わずどなたでもご参加いただけます。'] },
  },
]);

/** Personal data named without its kind (「顧客情報が流出」): read in every sentence, kept only where no kind is named. */
export const UNSPECIFIED_DATA_RULES = defineRules<DataCue>('data_types', [
  {
    id: 'data_types/unspecified-personal-data',
    pattern: /個人情報|顧客情報|お客様(?:の)?情報|お客さま(?:の)?情報|会員情報|利用者情報|患者(?:様の)?情報|住民情報|児童生徒の情報|学生情報|生徒情報|職員情報/,
    scope: 'header+sentence',
    requires: /漏えい|漏洩|流出|漏れ|窃取|盗難|紛失|誤送|閲覧され|閲覧可能|閲覧できる|持ち出|公開|掲載/,
    excludes: /確認されて(?:おらず|おりません|いません)|確認されませんでした/,
    notAfter: /^(?:保護|の(?:保護|取り?扱|管理|適正)|取扱|管理|保護方針|漏えい(?:防止|対策)|の漏えい(?:防止|対策))/,
    guards: ['preventive'],
    value: 'other',
    confidence: 'low',
    why: 'A notice that says personal data leaked without naming any item gives other (the decider drops it once an item is named); an unconfirmed leak without items gives nothing.',
    examples: { match: ['不正アクセスにより顧客情報が流出した可能性があります。'], noMatch: ['個人情報の保護に万全を期してまいります。'] },
  },

]);

/**
 * The words that make a sentence state what was exposed (leaked, held in what was lost, shown, sent), and
 * the clause boundaries that limit a denial to its own clause. A separate list: the decider reads it only
 * in the sentences that name data and the lines that introduce a list.
 */
export const DATA_CUE_RULES = defineRules<DataCue>('data_types', [
  {
    id: 'data_types/leak-word',
    pattern: /漏えい|漏洩|流出|漏れ|漏出|窃取|搾取|詐取|盗難|盗まれ|紛失|持ち出|抜き取|不正(?:に)?取得|外部に送信|暗号化され/,
    scope: 'header+sentence',
    guards: ['preventive'],
    value: 'context',
    confidence: 'high',
    why: 'A sentence (or title) that says data leaked, was stolen or lost states what was exposed.',
    examples: {
      match: [{ text: '会員の電話番号が流出した可能性があります。', expect: { data_types: ['phone'] } }],
      noMatch: [{ text: '電話番号の変更手続きについてはお問い合わせ窓口までお知らせいたします。', expect: { data_types: [] } }],
    },
  },
  {
    id: 'data_types/held-in',
    pattern: /含まれ|含む|含んで|保存|記載|記され|書かれ|記入され|記録され|登録され|保管|格納|入って(?:い|お)|収録/,
    scope: 'header+sentence',
    value: 'context',
    confidence: 'high',
    why: 'What the lost, stolen or accessed thing held (記載, 保存, 含まれ) is what was exposed with it.',
    examples: {
      match: [{ text: '当該USBメモリには受講者の生年月日が保存されていました。', expect: { data_types: ['birthdate'] } }],
      noMatch: [{ text: '生年月日の確認には本人確認書類をご用意いただきます。', expect: { data_types: [] } }],
    },
  },
  {
    id: 'data_types/shown-to-others',
    pattern: /公開(?:され|状態|し|となっ)|掲載(?:され|し)|見える状態|確認できる状態|閲覧(?:でき|可能|され|し)|表示され|参照(?:でき|可能)|アクセス(?:でき|可能)な状態|(?:SNS|インターネット上|ネット上|掲示板|ブログ|アカウント)[^。]{0,6}(?:に|へ|で)(?:投稿|書き込)/,
    scope: 'header+sentence',
    value: 'context',
    confidence: 'high',
    why: 'Data published, posted or left where others could see it (公開, 掲載, 見える状態, 閲覧可能) is exposed even without the word 漏えい.',
    examples: {
      match: [{ text: 'ホームページ上で申込者のメールアドレスが見える状態となっていました。', expect: { data_types: ['email'] } }, { text: 'スタッフが、来店した客の氏名をSNSに投稿していました。', expect: { data_types: ['name'] } }],
      noMatch: [{ text: 'メールアドレスの登録方法をホームページでご案内しています。', expect: { data_types: [] } }],
    },
  },
  {
    id: 'data_types/what-was-sent',
    pattern: /誤(?:送信|送付|配信|交付|掲載|配布|発送)|誤って[^。]{0,20}(?:送|掲載|公開|配布|添付)|宛先(?:欄)?に|(?:CC|TO)で送信|BCCで送信すべき/i,
    scope: 'header+sentence',
    value: 'context',
    confidence: 'high',
    why: 'What a mis-sent mail, letter or attachment carried (「誤送信の内容」) is what it exposed to the wrong recipient.',
    examples: {
      match: [{ text: 'お知らせ\n\n2 誤送信の内容\n1. 会員事業所の担当者名', expect: { data_types: ['name'] } }],
      noMatch: [{ text: 'お知らせ\n\n2 送信の内容\n1. 会員事業所の担当者名', expect: { data_types: [] } }],
    },
  },
  {
    id: 'data_types/list-intro',
    pattern: /以下の(?:とおり|通り)|下記の(?:とおり|通り)|以下の(?:情報|内容|項目)|下記の(?:情報|内容|項目)|対象となる(?:情報|項目)|(?:情報|項目)(?:の)?(?:内容|内訳|詳細)|内容\s*[:：]|内訳\s*[:：]|情報\s*[:：]|項目\s*[:：]/,
    scope: 'header+sentence',
    value: 'context',
    confidence: 'medium',
    why: 'A line that introduces a list of items (以下のとおり, 情報の内容) lends the list its statement of what was exposed.',
    examples: {
      match: [{ text: 'お知らせ\n\n該当する情報は以下のとおりです。\n・メールアドレス', expect: { data_types: ['email'] } }],
      noMatch: [{ text: 'お知らせ\n\n窓口は以下のとおりです。\n電話番号 03-0000-0000', expect: { data_types: [] } }],
    },
  },
  {
    id: 'data_types/typed-into-fake-site',
    pattern: /(?:偽(?:の)?(?:サイト|ページ|画面|ログイン)|フィッシング(?:サイト|メール|ページ)|不審な(?:サイト|ページ|URL|リンク)|(?:画面|ページ|サイト)を本物(?:だ|と)(?:と)?(?:思い込|誤認|信じ)[^。]{0,40}?)[^。]{0,30}入力/,
    scope: 'header+sentence',
    value: 'context',
    confidence: 'medium',
    why: 'What a victim typed into a phishing page was handed over: the sentence states an exposure.',
    examples: {
      match: [{ text: '職員が偽のログインページにパスワードを入力してしまいました。', expect: { data_types: ['password'] } }, { text: '担当者はリンクから開いたログイン画面を本物だと思い込み、管理アカウントのパスワードを入力してしまいました。', expect: { data_types: ['password'] } }],
      noMatch: [{ text: '偽のログインページにパスワードを入力しないでください。', expect: { data_types: [] } }],
    },
  },

  {
    id: 'data_types/contrast-clause',
    pattern: /一方(?:で)?、?|ませんが、?|ますが、|ましたが、|であり、|ですが、|でありますが、|ものの、?|のみで、/,
    scope: 'header+sentence',
    value: 'boundary',
    confidence: 'high',
    why: 'A contrast (一方, ますが, ものの, であり) starts a new clause: a denial after it does not take back what the first half affirmed.',
    examples: {
      match: [{ text: '名簿には氏名と電話番号が記載されている一方、生年月日は含まれておりません。', expect: { data_types: ['name', 'phone'] } }],
      noMatch: [{ text: '名簿に生年月日は含まれておりません。', expect: { data_types: [] } }, { text: '流出した名簿にクレジットカード情報は含まれていないという。', expect: { data_types: [] } }],
    },
  },
  {
    id: 'data_types/new-topic-clause',
    pattern: /(?<=[一-龥ァ-ヶー])で、(?=[^。、]{1,20}?(?:は|については)[^。、])/,
    scope: 'header+sentence',
    value: 'boundary',
    confidence: 'high',
    why: 'A list closed by 「…で、」 and a new topic with は after it (「…購入履歴で、カード情報は…」) starts a clause of its own: what that clause denies is not what the list affirmed.',
    examples: {
      match: [{ text: '閲覧された可能性があるのは氏名と電話番号で、クレジットカード情報は当店では保存していません。', expect: { data_types: ['name', 'phone'] } }],
      noMatch: [{ text: '閲覧された可能性があるのは氏名と電話番号で、クレジットカード情報も含まれます。', expect: { data_types: ['name', 'phone', 'credit_card'] } }],
    },
  },
  {
    id: 'data_types/continuing-clause',
    pattern: /(?:て|し|り)、/,
    value: 'boundary',
    scope: 'header+sentence',
    confidence: 'high',
    why: 'A clause that goes on after a verb (「…記載されており、」「…を送信し、」) is finished: a denial in the next clause covers only its own items.',
    examples: {
      match: [{ text: '名簿には氏名と住所が記載されており、口座番号は含まれておりません。', expect: { data_types: ['name', 'address'] } }],
      noMatch: [{ text: '名簿に氏名、住所、口座番号は含まれておりません。', expect: { data_types: [] } }],
    },
  },
  {
    id: 'data_types/negative-clause-end',
    pattern: /[^。、]ず、/,
    scope: 'header+sentence',
    value: 'boundary',
    confidence: 'high',
    why: 'A clause ending in ず、 (「…は含まれず、」) closes its denial; what the next clause affirms stands.',
    examples: {
      match: [{ text: '台帳に口座番号は含まれず、住所のみが記載されていました。', expect: { data_types: ['address'] } }],
      noMatch: [{ text: '台帳に口座番号は含まれておりません。', expect: { data_types: [] } }],
    },
  },
]);
