// Rules for affected_count: what a stated count is. A count of people or records is read by
// core/japanese-number.ts; these rules say when it is an overall total, a count of something other than
// the people affected (staff, mails sent, users cut off, a population sampled), a subset of another
// count, an item-by-item breakdown of the same people, or a figure a later report corrected. The decider
// (affected-count.ts) aggregates: a stated total wins, disjoint groups are summed, overlaps give the largest.
import { defineRules } from './rule.ts';

/** The role a hit gives the counts it covers (or, for `subset` and `no-leak`, its sentence or post). */
export type CountRole = 'total' | 'not-affected' | 'subset' | 'overlap' | 'per-item' | 'superseded' | 'no-leak';

// Each pattern is anchored on a count without spelling it out (a pattern that opens with a number is tried at
// every digit of the text): it ends right before the count (`…(?=NUMBER)`) or starts at the count's unit
// word (「名体制」「件のメール」). The decider gives the role to the count that ends or starts there.
const NUMBER_AHEAD = String.raw`(?=(?:約|およそ|最大|計)?\s{0,2}[0-9一二三四五六七八九十百千])`;
// The unit word that closes a count (人, 名, 件, 人分, 名分, 名様, アカウント).
const UNIT_HERE = String.raw`(?:人分|名分|件分|名様|人|名|件|アカウント)`;

export const AFFECTED_COUNT_RULES = defineRules<CountRole>('affected_count', [
  {
    id: 'affected_count/stated-total',
    pattern: new RegExp(String.raw`(?:総件数|総数|総計|合計|全体|(?<![集設会統推時])計)\s{0,2}(?:\([^)]{0,12}\))?\s{0,2}[|:：\t ]{0,3}\s{0,2}${NUMBER_AHEAD}|重複を除[^。\n0-9]{0,12}${NUMBER_AHEAD}|${UNIT_HERE}\s{0,2}\(重複を除`),
    scope: 'sentence',
    value: 'total',
    confidence: 'high',
    why: 'A count labelled 総件数, 合計 or 計 is the overall figure the notice gives; its subtotals are inside it.',
    examples: {
      match: [{ text: 'お知らせ\n\n流出した情報の総件数:6,100件\n会員情報 5,400件\n取引先情報 300件', expect: { affected_count: 6100 } }, { text: 'お知らせ\n\nご注文の記録\n2024年 4,976件\n2025年 1,843件\n合計 6,819件\n重複を除いたお客様の数は5,482名となります。', expect: { affected_count: 5482 } }],
      noMatch: [{ text: 'お知らせ\n\n流出した情報\n会員情報 5,400件\n取引先情報 300件', expect: { affected_count: 5700 } }],
    },
  },
  {
    id: 'affected_count/staff-count',
    pattern: new RegExp(String.raw`(?:社員|職員|従業員|教員|教職員|担当者|医師|犯人|容疑者|元社員|委員|講師|スタッフ)\s{0,2}\(?\s{0,2}${NUMBER_AHEAD}`),
    // a table row (教職員\t64名), a list row (・職員 64名：氏名、…) or a share (64名分) counts the people it names
    // …and so do 「職員12名の氏名」 (whose data it is) and a registered worker of a staffing agency (登録スタッフ).
    notAfter: /^[^。、人名件]{0,16}(?:名分|人分|件)|^[^。、人名]{0,16}(?:人|名)\s*(?:[\t|:：]|$)|^[^。、人名]{0,16}(?:人|名)\s*の\s*(?:氏名|住所|連絡先|電話番号|メールアドレス|生年月日|個人情報)/,
    notBefore: /(?:登録|応募|求職)$/,
    scope: 'sentence',
    value: 'not-affected',
    confidence: 'high',
    why: 'A count of staff, offenders or officers (職員1名が) says who acted, not whose data leaked; a table row (教職員\t64名) still counts.',
    examples: {
      match: [{ text: '当社職員2名が誤って顧客名簿を送信しました。', expect: { affected_count: null } }],
      noMatch: [
        { text: '漏えいしたのは教職員64名分の氏名です。', expect: { affected_count: 64 } },
        { text: '紛失したパソコンには、登録スタッフ 1,205名 の氏名、住所、職歴が保存されていました。', expect: { affected_count: 1205 } },
        { text: 'お知らせ\n\n流出した情報\n・会員 3,000名：氏名、電話番号\n・職員 450名：氏名、メールアドレス', expect: { affected_count: 3450 } },
      ],
    },
  },
  {
    id: 'affected_count/working-staff',
    pattern: /(?:人|名)\s{0,2}(?:体制|態勢|で(?!す|し|ご|あ)|の(?:職員|社員|従業員|作業員|専門家)|が(?:担当|対応))/,
    scope: 'sentence',
    value: 'not-affected',
    confidence: 'high',
    why: 'A head-count working on the response (3名体制, 5名の職員, 2名が担当) is not the people affected.',
    examples: {
      match: [{ text: '現在、10名体制で対応にあたっております。', expect: { affected_count: null } }],
      noMatch: [{ text: '対象となるお客様は10名です。', expect: { affected_count: 10 } }],
    },
  },
  {
    id: 'affected_count/mails-sent',
    pattern: new RegExp(String.raw`(?:件|人|名|通)(?:の|もの|に及ぶ)?[^。、]{0,20}(?:宛てに|宛に|宛て|あてに|へ)[^。]{0,20}(?:メール(?!アドレス)|送信)|(?:件|通)(?:の|もの|に及ぶ)(?:迷惑|不審な|不正な|スパム|フィッシング|なりすまし)?メール(?!アドレス)|(?:送信|配信|中継)され?た?(?:迷惑|不審な|不正な|スパム|フィッシング|なりすまし)?メール(?:は|が|の数は)?、?${NUMBER_AHEAD}`),
    scope: 'sentence',
    value: 'not-affected',
    confidence: 'high',
    why: 'A number of mails sent or relayed from a hijacked account (約5万件の迷惑メール) counts mails, not people whose data leaked.',
    examples: {
      match: [{ text: '乗っ取られたアカウントから約8万件の迷惑メールが送信されました。', expect: { affected_count: null } }],
      noMatch: [{ text: '会員1,200名のメールアドレスが流出しました。', expect: { affected_count: 1200 } }, { text: '48人分のメールアドレスを宛先に入れて送信しました。', expect: { affected_count: 48 } }],
    },
  },
  {
    id: 'affected_count/users-cut-off',
    pattern: /(?:人|名|件|アカウント)(?:ほど|程度|前後)?の?[^。0-9]{0,40}(?:切断|接続(?:でき|が不安定|しにく)|ログインでき|つながりにく|利用(?:でき|しにく)|遅延)/,
    scope: 'sentence',
    value: 'not-affected',
    confidence: 'high',
    why: 'Users disconnected or unable to log in during an outage or DDoS were affected in service, not in their data.',
    examples: {
      match: [{ text: '攻撃により最大で2万人ほどのお客様の接続が切断される状況となりました。', expect: { affected_count: null } }],
      noMatch: [{ text: '不正アクセスにより2万人分の氏名が流出しました。', expect: { affected_count: 20000 } }],
    },
  },
  {
    id: 'affected_count/population-of',
    pattern: /(?:人|名|件|アカウント)\s{0,2}中\s{0,2}(?=(?:約|およそ)?\s{0,2}[0-9一二三四五六七八九])/,
    notBefore: /(?:上記|計|合計|総計|全|全体の?)\s{0,2}[0-9,万千一二三四五六七八九十百\s]{1,14}$/,
    scope: 'sentence',
    value: 'not-affected',
    confidence: 'medium',
    why: '「N件中M件」「N名のうちM名」: N is the population looked at; the M after it are the ones affected.',
    examples: {
      match: [{ text: '不正ログインされた300件中12件のIDで、登録情報が閲覧された可能性があります。', expect: { affected_count: 12 } }],
      noMatch: [{ text: '不正ログインされた300件のIDで、登録情報が閲覧された可能性があります。', expect: { affected_count: 300 } }, { text: '流出した5,000件のうち、カード情報を含むものは1,234件です。', expect: { affected_count: 5000 } }],
    },
  },
  {
    id: 'affected_count/population-beyond-which-none',
    pattern: /(?:人|名|件|アカウント)\s{0,2}(?:の)?うち、?(?=[^0-9。]{0,40}(?:以外|他)[^0-9。]{0,40}(?:確認されて(?:おりません|いません)|確認されませんでした|ありません|ございません))/,
    scope: 'sentence',
    value: 'not-affected',
    confidence: 'medium',
    why: '「全会員N名のうち、上記以外の…は確認されておりません」: N is everyone the organisation holds, named to say no one else was affected.',
    examples: {
      match: [{ text: 'お知らせ\n\n不正ログインが確認されたアカウント\n860件\n(全会員約5万名のうち、上記以外のアカウントへの不正ログインは確認されておりません)', expect: { affected_count: 860 } }],
      noMatch: [{ text: 'お知らせ\n\n会員約5万名のうち、氏名とメールアドレスの情報が流出した可能性があります。', expect: { affected_count: 50000 } }],
    },
  },
  {
    id: 'affected_count/subset-marker',
    pattern: /うち|内訳|内、|を含む|に含まれ|これに含まれ|含まれております|の内数/,
    // 「従業員(退職者を含む)」: a bracket that says whom a group takes in describes the group, not a count.
    notAfter: /^\)/,
    scope: 'sentence',
    value: 'subset',
    confidence: 'high',
    why: 'A count given as part of another (うち, 内訳, を含む) is inside it, not added to it.',
    examples: {
      match: [{ text: '会員1,000名と、そのうちカード登録のある40名の情報が流出しました。', expect: { affected_count: 1000 } }],
      noMatch: [
        { text: '会員1,000名と取引先40名の情報が流出しました。', expect: { affected_count: 1040 } },
        { text: 'お知らせ\n\n漏えいした可能性のある情報\n(1)取引先担当者の氏名、電話番号 約2,100件\n(2)当社社員(退職者を含む)の氏名、住所 350名', expect: { affected_count: 2450 } },
      ],
    },
  },
  {
    id: 'affected_count/card-data-within-customers',
    pattern: new RegExp(String.raw`(?:クレジット)?(?:カード|決済)(?:情報|番号)?\s{0,2}[(:：]?\s{0,2}${NUMBER_AHEAD}`),
    scope: 'sentence',
    value: 'overlap',
    confidence: 'medium',
    why: 'Card or payment records listed beside the personal data of the same shop are the card holders among those customers: the largest count stands.',
    examples: {
      match: [{ text: 'カード情報(64件)および会員情報(2,310件)が流出した可能性があります。', expect: { affected_count: 2310 } }],
      noMatch: [{ text: '会員情報(2,310件)および取引先情報(64件)が流出した可能性があります。', expect: { affected_count: 2374 } }],
    },
  },
  {
    id: 'affected_count/per-item-breakdown',
    pattern: new RegExp(String.raw`(?:氏名|住所|生年月日|電話番号|メールアドレス|写真|画像|シート|記録|カルテ|台帳|名簿)[^。\n0-9]{0,24}${NUMBER_AHEAD}`),
    // only a share (N名分) is an item's head-count; 「氏名のみ N件」 are disjoint groups of records
    notAfter: /^(?![^。、\n]{0,16}(?:名分|人分))/,
    scope: 'sentence',
    value: 'per-item',
    confidence: 'medium',
    why: 'Lines that give, item by item, how many people each kind of data covers (氏名 33名分, 写真 38名分) describe the same people: the largest stands.',
    examples: {
      match: [{ text: 'お知らせ\n\n紛失した情報\n・氏名及び生年月日 30名分\n・診療記録 12名分', expect: { affected_count: 30 } }],
      noMatch: [{ text: 'お知らせ\n\n紛失した情報\n・A地区の住民 30名\n・B地区の住民 12名', expect: { affected_count: 42 } }, { text: 'お知らせ\n\n盗まれたパソコンの情報\n・作業員の方の氏名、生年月日 計30名分\n・近隣住民の方の氏名、住所 計12名分', expect: { affected_count: 42 } }, { text: 'お知らせ\n\n流出した情報\n(1) 職員の個人情報 4名分\n(2) 生徒の個人情報 50名分', expect: { affected_count: 54 } }],
    },
  },
  {
    id: 'affected_count/superseded-figure',
    // …and a timeline's entry for an earlier report (「第2報を公表し、…件数を最大で約2万件とお知らせしました。」).
    pattern: /(?:人|名|件|人分|名分|件分)[^。0-9]{0,30}?と(?:お知らせ|公表|ご報告|発表)(?:して)?(?:おりました|いたしました|しました|していました)(?:(?:が|ところ)|(?=。|$)(?<=第\s*[0-9一二三四五]\s*報[^。]{0,60}))/,
    scope: 'sentence',
    value: 'superseded',
    confidence: 'high',
    why: 'A figure an earlier report gave and this one corrects (「第1報では約5千件とお知らせしておりましたが」) is not the count.',
    examples: {
      match: [{ text: '第1報では約5千件とお知らせしておりましたが、調査の結果、対象は3,200件となりました。', expect: { affected_count: 3200 } }, { text: 'お知らせ\n\n・7月25日 第2報を公表し、流出したおそれのある件数を最大で約2万件とお知らせしました。\n\n流出した個人情報\nご契約者様 約1.2万件', expect: { affected_count: 12000 } }],
      noMatch: [{ text: '調査の結果、対象は3,200件となりました。', expect: { affected_count: 3200 } }],
    },
  },
  {
    id: 'affected_count/earlier-report-figure',
    // 「第2報でお知らせした約2万件のうち、…約1.2万件」: the figure named as an earlier report's, right before it.
    pattern: /(?:第\s*[0-9一二三四五]\s*報|前回(?:の(?:お知らせ|ご報告))?|先般)(?:で|にて|において|の時点で)?(?:お知らせ|公表|ご報告|発表)(?:いたし|し)た(?:最大)?/,
    scope: 'sentence',
    value: 'superseded',
    confidence: 'high',
    why: 'A figure introduced as what an earlier report said (第2報でお知らせした約2万件) is the old figure this report revises.',
    examples: {
      match: [{ text: '第2報でお知らせした約2万件のうち、実際に送信されたファイルに含まれていたのは約1.2万件でした。', expect: { affected_count: 12000 } }],
      noMatch: [{ text: '送信されたファイルには約2万件のうち約1.2万件の情報が含まれていました。', expect: { affected_count: 20000 } }],
    },
  },
]);

/** The notice says no data leaked: read in every sentence (the count rules above read only sentences with a count). */
export const NO_LEAK_RULES = defineRules<CountRole>('affected_count', [
  {
    id: 'affected_count/no-leak-stated',
    // …and 「お客様のデータが外部に漏えいした事実もございません」.
    pattern: /(?:個人)?情報(?:等)?の?(?:漏えい|漏洩|流出)(?:等)?(?:は|の可能性は|の事実は)(?:発生して(?:おりません|いません|いない)|ありません|ございません|ない|確認されて(?:おりません|いません))|(?:情報|データ)(?:等)?が(?:外部に)?(?:漏えい|漏洩|流出)した(?:事実|形跡|可能性)(?:は|も)(?:ありません|ございません|ない|確認されて(?:おりません|いません))/,
    scope: 'sentence',
    value: 'no-leak',
    confidence: 'high',
    why: 'Where the notice says no data leaked, a count outside a sentence about exposure (accounts, machines, messages) is not people affected.',
    examples: {
      match: [{ text: 'お知らせ\n\n当該アカウント4件が不正に利用されました。\nなお、個人情報の漏えいはございません。', expect: { affected_count: null } }, { text: 'お知らせ\n\nサービスが約7時間停止しました。お客様のデータが外部に漏えいした事実もございません。\n影響範囲:ご利用企業約1,900社、ご利用者約12万人', expect: { affected_count: null } }],
      noMatch: [{ text: 'お知らせ\n\n当該アカウント4件が不正に利用されました。', expect: { affected_count: 4 } }],
    },
  },
]);
