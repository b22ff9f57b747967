// incident_types: every kind of event the notice reports, from the wording notices use, most specific first.
import type { IncidentType } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';
import { ADVICE_RE, DENIAL_AFTER_RE } from './cues.ts';

interface Rule {
  type: IncidentType;
  re: RegExp;
  /** text right after a hit that turns it into something else (「ウイルス感染対策」 is not an infection) */
  notAfter?: RegExp;
  /** text right before a hit that does (「外部から不正に取得された ID」 is an outsider, not an insider) */
  notBefore?: RegExp;
  /** the sentence must also say this for the hit to count */
  needs?: RegExp;
}

// Most specific first: the output order follows this list.
const RULES: Rule[] = [
  { type: 'ransomware', re: /ランサムウ[ェエ]ア|ランサム攻撃|LockBit|ロックビット|身代金/gi },
  { type: 'web_skimming', re: /ペイメントアプリケーション(?:の|が)?改ざん|決済(?:画面|ページ|フォーム|システム)[^。]{0,10}改ざん|(?:不正ファイルの設置|ファイルの改ざん)[^。]{0,60}|ウェブスキミング|Webスキミング/gi },
  { type: 'sql_injection', re: /SQL\s*インジェクション|SQLi/gi },
  { type: 'credential_stuffing', re: /リスト型|パスワードリスト攻撃|クレデンシャルスタッフィング|credential stuffing/gi },
  // A mail or SNS account logged into by someone else is taken over (a shop's member accounts are credential_stuffing).
  { type: 'account_takeover', re: /乗っ取|乗取られ|のっとられ|(?:メール|SNS|X|Instagram|インスタグラム|Twitter|LINE|Facebook|公式)アカウント[^。]{0,30}不正ログインされ/g },
  { type: 'support_scam', re: /サポート詐欺|偽の?(?:警告|セキュリティ警告)画面|警告画面[^。]{0,30}(?:連絡先|電話)/g },
  { type: 'phishing', re: /フィッシング|偽サイト|なりすましメール/g, notAfter: /^[^。]{0,12}(?:など|等)?が?(?:送付|届く|送られ)[^。]{0,10}可能性/ },
  { type: 'malware', re: /マルウェア|マルウエア|ウイルスに感染|ウイルス感染|Emotet|エモテット|標的型(?:攻撃)?メール|トロイの木馬|バックドア|不正なプログラム/gi, notAfter: /^(?:対策|防止|予防|訓練)/ },
  // A setting error counts when it is about who can see data (access, sharing, publication), not a machine's setting.
  { type: 'misconfiguration', re: /設定不備|設定の不備|誤設定|設定ミス|設定の誤り|誤った設定|設定に誤り|未保護|認証なしで|認証なし|アクセス権限?の設定|公開設定|閲覧可能な状態|閲覧できる状態|アクセス可能な状態|誰でも(?:閲覧|アクセス)/g, needs: /アクセス|公開|共有|閲覧|権限|クラウド|サーバ|ストレージ|インターネット|認証|誰でも/, notBefore: /正常に$|(?:封入|印刷|送信|宛先)[^。]{0,6}$|(?:BCC|CC|TO)[^。]{0,12}$|(?:受信者|受取人|送信先|宛先)[^。]{0,30}$/i, notAfter: /^に(?:復旧|戻)/ },
  { type: 'misdelivery', re: /誤送信|誤送付|誤配信|誤配布|誤配達|誤封入|誤って[^。]{0,20}(?:送信|送付|配信|送ってしま|掲載|添付|提供|封入|同封)|宛先を?(?:誤|間違)|BCCではなく|BCCで送信すべき|(?:TO|CC)欄に|別の方[^。]{0,20}(?:提供|送付|送信|お渡し)|(?:別|他)の(?:お客様|方|利用者|患者|会員|人)の[^。]{0,20}(?:表示|同封|封入|送付|送信)|異なる個人情報が表示|他の[^。]{0,20}(?:画面|ページ)に表示|誤表示|誤掲載|取り違え|他人の[^。]{0,10}(?:明細|書類|情報)/gi },
  { type: 'insider', re: /元(?:社員|職員|従業員|派遣社員)|(?:社員|職員|従業員|医師)[^。]{0,30}(?:無断で|不正に|故意に)|故意に[^。]{0,20}(?:流出|漏えい|持ち出)|無断で[^。]{0,20}持ち出|不正に(?:取得|入手|持ち出|閲覧)|不正入手|不正取得|私的に閲覧|業務外の閲覧|目的外(?:の|に)?(?:閲覧|利用)/g, notBefore: /(?:外部|第三者|何者か|攻撃者|ハッカー|犯人)[^。]{0,12}$/, notAfter: /^され/ },
  { type: 'loss', re: /紛失|置き忘れ|遺失|所在不明|誤廃棄|誤って廃棄/g },
  { type: 'theft', re: /盗難|盗まれ|置き引き|車上(?:荒らし|ねらい)|ひったくり|空き巣/g },
  { type: 'ddos', re: /DDoS|DoS攻撃|サービス妨害攻撃|大量の(?:アクセス|通信)[^。]{0,10}(?:攻撃|負荷)/gi },
  { type: 'unauthorized_access', re: /不正アクセス|不正なアクセス|不正通信|不正な通信|不正侵入|不正に侵入|ハッカー[^。]{0,10}(?:侵入|侵害)|サイバー攻撃を受け[^。]{0,10}侵入/g, notAfter: /^(?:等|など)?の?(?:おそれ|恐れ)|^であることを疑わ|^(?:対策|を監視|防止|検知システム)/ },
];

// One pass over a sentence decides whether any rule can match at all.
const ANY_RULE_RE = new RegExp(RULES.map((r) => r.re.source).join('|'), 'i');

const OUTAGE_RE = /大規模障害|システム障害|通信障害|サービス障害|障害が発生|障害発生|利用できなくな|つながりにくい状態|サービスが停止/g;

// Every notBefore pattern ends at the hit and is shorter than this; the text before it is cut to this
// length, since a `…$` pattern is tried from every character (quadratic over a long sentence of hits).
const NOT_BEFORE_REACH = 64;

/**
 * Whether a keyword hit in a sentence reports the event rather than denying it. Whether the sentence
 * advises readers (`advice`), or says what the rule `needs`, is decided once per sentence by the caller.
 */
function counts(sentence: string, hitStart: number, hitEnd: number, rule: { notAfter?: RegExp; notBefore?: RegExp }, advice: boolean): boolean {
  const after = sentence.slice(hitEnd);
  if (rule.notAfter?.test(after)) return false;
  if (rule.notBefore?.test(sentence.slice(Math.max(0, hitStart - NOT_BEFORE_REACH), hitStart))) return false;
  if (DENIAL_AFTER_RE.test(after)) return false;
  return !advice;
}

export function extractIncidentTypes(ctx: PostContext): Found<IncidentType[]> {
  const hits = new Map<IncidentType, Array<[number, number]>>();
  const units = [{ start: 0, end: ctx.header.length, text: ctx.header }, ...ctx.sentences];
  for (const s of units) {
    if (!ANY_RULE_RE.test(s.text)) continue;
    const advice = ADVICE_RE.test(s.text);
    for (const rule of RULES) {
      if (rule.needs && !rule.needs.test(s.text)) continue;
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(s.text); m; m = rule.re.exec(s.text)) {
        if (!counts(s.text, m.index, m.index + m[0].length, rule, advice)) continue;
        const list = hits.get(rule.type) ?? [];
        if (list.length < 3) list.push([s.start + m.index, s.start + m.index + m[0].length]);
        hits.set(rule.type, list);
      }
    }
  }
  // Tampered files alone are not skimming; the payment data must be what leaked.
  if (hits.has('web_skimming') && !/(?:クレジット)?カード(?:情報|番号)/.test(ctx.text)) hits.delete('web_skimming');
  // Generic infection wording adds nothing once ransomware or a fake warning is named, and the skimmer
  // planted on a payment page is the skimming itself, not a further malware event.
  if ((hits.has('ransomware') || hits.has('support_scam') || hits.has('web_skimming')) && hits.has('malware')) hits.delete('malware');
  // A failure counts as an outage only when no attack or mishap explains it.
  if (hits.size === 0) {
    for (const s of units) {
      OUTAGE_RE.lastIndex = 0;
      const m = OUTAGE_RE.exec(s.text);
      if (m && !ADVICE_RE.test(s.text)) {
        hits.set('outage', [[s.start + m.index, s.start + m.index + m[0].length]]);
        break;
      }
    }
  }
  const value: IncidentType[] = [];
  const at: Array<[number, number]> = [];
  for (const rule of [...RULES, { type: 'outage' as IncidentType }]) {
    const h = hits.get(rule.type);
    if (h && !value.includes(rule.type)) {
      value.push(rule.type);
      at.push(h[0]!);
    }
  }
  return { value, at };
}
