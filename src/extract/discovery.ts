// discovery and discovered_date: how and when the organisation learned of the event (発覚の経緯, 発覚日).
import type { Confidence, Discovery } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';
import { ADVICE_RE, DENIAL_AFTER_RE } from './cues.ts';

const CUSTOMER = '(?:お客様|お客さま|利用者|患者|会員|申込者|ユーザー|保護者|市民|住民|町民|村民|区民|県民|受講者|購入者|学生|生徒|視聴者|読者|フォロワー|受信者|受取人|ご本人|関係者|取引先)(?:様|さん|さま|[A-Z]?氏)?(?:の方)?';
const STAFF = '(?:職員|社員|従業員|教員|教諭|担当者|スタッフ|医師|看護師|当直)';
const VENDOR = '(?:委託先|委託元|業者|ベンダー|事業者|[A-Z]社|同社|提供元|運営会社|子会社|親会社|販売元|開発元)';
const TOLD = '(?:連絡|通報|指摘|報告|通知|情報提供|照会|申し出|申出|問い?合わ?せ)';

// In order of precedence when one sentence names several channels.
const CHANNELS: Array<[Discovery, RegExp, Confidence]> = [
  ['card_company', /(?:クレジット)?カード会社(?:等)?(?:から|より)|決済代行(?:会社|事業者)(?:から|より)/, 'high'],
  ['attacker_claim', /(?:ギャング|グループ|攻撃者|ハッカー|犯行グループ)[^。]{0,40}(?:主張|犯行声明)|リークサイト[^。]{0,20}(?:に掲載|で公開|に投稿)|脅迫(?:文|メール|状)|ランサムノート|身代金を?要求する(?:メッセージ|文書|画面)/, 'high'],
  ['police', new RegExp(`警察(?:署|庁)?(?:から|より)[^。]{0,80}?${TOLD}|警察(?:から|より)の?${TOLD}`), 'high'],
  ['external_researcher', new RegExp(`(?:セキュリティ|リサーチ|研究|調査)(?:企業|会社|ベンダー|事業者|機関|チーム|研究者|専門家)(?:の方)?(?:から|より|が)[^。]{0,80}?(?:${TOLD}|発見)|(?:セキュリティ|リサーチ|研究)[^。]{0,10}(?:企業|会社|者|チーム|機関)[^。]{0,30}(?:発見|指摘|通報|連絡|報告)|調査会社が|研究者[^。]{0,20}(?:発見|指摘|連絡)|外部(?:の)?(?:セキュリティ)?(?:専門)?(?:機関|企業|組織)(?:から|より)[^。]{0,40}(?:指摘|連絡|通報)|JPCERT|ホワイトハッカー`), 'high'],
  ['vendor_report', new RegExp(`${VENDOR}[^。]{0,80}?(?:報告|連絡|通知)(?:を受け|があり|され|が?あった)|${VENDOR}(?:から|より)[^。]{0,80}(?:報告|連絡|通知)`), 'high'],
  // The customer must be the one who spoke: 「利用者様からのご指摘」「患者B氏が…抗議」, not 「お客様には…ご連絡」.
  ['customer_report', new RegExp(`${CUSTOMER}(?:から|より)の?[^。]{0,80}?(?:指摘|申し出|申出|連絡|報告|問い?合わ?せ|通報|抗議|電話(?:が|を)(?:あり|いただ|頂|受け))|${CUSTOMER}(?:が|は)[^。]{0,60}?(?:指摘|申し出|抗議|通報)`), 'high'],
  ['internal_detection', new RegExp(`検知(?![^()。]{0,10}\\))|検出|覚知|気付(?!かず|かな)|気づ(?!かず|かな)|${STAFF}[^。]{0,60}(?:発見|見つけ)|${STAFF}[^。]{0,10}(?:が|は)(?:調査|確認)したところ|(?:社内|当社|弊社|院内|庁内|自社|本学|当院|当センター|本センター|本市|本町|当機構|当協会|当法人)(?:にて|で|の|による)?[^。]{0,12}(?:調査|監視|点検|確認)(?:により|で|の結果|を行|した結果|したところ|を実施)|(?:点検|棚卸し?|監査|確認作業)(?:を行った|を実施した|した)?(?:際|ところ|結果)|調査(?:する|した|を行う|を進める)(?:なか|中|過程)で|調査の過程で|${STAFF}(?:から|より|が|は)[^。]{0,60}(?:報告|連絡)(?:し|が|を受け)|(?:上司|校長|院長|所属長|管理者|責任者|部長|課長|本部)(?:に|へ)(?:報告|連絡)|(?:不正|異常|不審)[^。]{0,15}(?:が確認され|を確認し|を発見)|セキュリティ調査により`), 'medium'],
  // Someone else told them (a ministry, a partner body): known to be told, by nobody in the list.
  ['other', new RegExp(`(?:省|庁|当局|機関|団体|部署|事務局)(?:の[^。、]{0,20})?(?:から|より)、?[^。]{0,80}?(?:連絡|通報|指摘|報告|通知)(?:を受け|があり)`), 'low'],
];

const HEARSAY_RE = /とのこと|との報告|と聞/;

export function extractDiscovery(ctx: PostContext): Found<Discovery> | null {
  const units = [{ start: 0, end: ctx.header.length, text: ctx.header, line: -1 }, ...ctx.sentences.filter((s) => s.start < ctx.focusEnd)];
  for (const s of units) {
    if (ADVICE_RE.test(s.text)) continue;
    for (const [channel, re, confidence] of CHANNELS) {
      const m = re.exec(s.text);
      if (!m || DENIAL_AFTER_RE.test(s.text.slice(m.index + m[0].length))) continue;
      if (channel === 'attacker_claim' && /確認されて(?:おりません|いません)/.test(s.text)) continue;
      // Hearsay (「脅迫文が残されていたとのことです」) is what someone else reported, not how the claim reached them.
      if (channel === 'attacker_claim' && HEARSAY_RE.test(s.text)) continue;
      return { value: channel, at: [[s.start + m.index, s.start + m.index + m[0].length]], confidence };
    }
  }
  return null;
}

