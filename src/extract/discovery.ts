// discovery and discovered_date: how and when the organisation learned of the event (発覚の経緯, 発覚日).
import type { Confidence, Discovery } from '../core/record.ts';
import type { DateMention } from '../core/japanese-date.ts';
import { VAGUE_DATE_RE } from '../core/japanese-date.ts';
import type { Found, PostContext, Sentence } from './context.ts';
import { datesIn, isoOf } from './context.ts';
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

// 「2．発覚の経緯」 names a section; the finding is in the lines under it.
const SECTION_HEADING_RE = /^[\s0-9.()■●◆【一二三四五六七八九十、]*[^。、\s]{0,10}(?:経緯|経過|概要)[\s】]*$/;
// 「攻撃者は…を実行したことが確認されました」「…送信された痕跡が確認されました」 are what the investigation found
// the attacker did, not the day of learning.
const ATTACKER_SUBJECT_RE = /^(?:攻撃者|犯人|第三者|何者か)(?:は|が)|痕跡/;
// A follow-up report (第2報, 「…にてお知らせいたしました」) learned of the attack before; finding its data on a
// leak site later is news about the leak, not the day the organisation became aware of the event.
const FOLLOW_UP_RE = /第\s*[2-9]\s*報|続報|にてお知らせ(?:いたしました|しました)/;
// …and what its investigation found since (「その後の調査で…判明」) is a new fact, not the day of learning.
const LATER_FINDING_RE = /^(?:その後の|追加の|引き続きの)?調査(?:で|により|の結果)/;
const LEAK_SITE_RE = /リークサイト|暴露サイト|leak\s*site/i;
const HEARSAY_RE = /とのこと|との報告|と聞/;

// Sentences that say when the organisation learned of it.
const AWARE_RE = new RegExp(`(?:判明|発覚)(?!後|次第|して(?:いる|お[りら]))|気付|気づ|検知|検出|覚知|把握し|発見(?!に至|されて(?:い|お))|(?:連絡|報告|指摘|申し出|通知)(?:を受け|があり|をいただ|を頂|され)|問い?合わ?せ(?:を受け|があり|が相次|が寄せられ)|ご指摘|確認され(?:まし)?た|確認いたしました|を確認しました|${STAFF}[^。]{0,30}(?:に|へ)報告し`);
// Words of detection: a date range in such a sentence still starts on the day it was noticed.
const DETECT_RE = /気付|気づ|検知|検出|覚知|発見|連絡|報告|指摘|申し出|通知|問い?合わ?せ/;
// A summary opening (「このたび、…が判明いたしました」) says what, not when; a bare date line is the notice's own date.
const SUMMARY_RE = /^(?:このたび|この度|今般|今回)/;
const DATE_ONLY_RE = /^[\s0-9年月日()曜日月火水木金土令和平成元R.\/\-]*(?:付|発表|公表)?$/;
const RELATIVE_RE = /分後|時間後|同日|当日|直後/;
const OUTWARD_RE = /個人情報保護委?員会|警察|所轄/;
const NOT_THIS_DATE_RE = /^\s*(?:付|予定|以降に|までに)/;

function usableDates(ctx: PostContext, s: Sentence): DateMention[] {
  return datesIn(ctx, s.start, s.end).filter((d) => !NOT_THIS_DATE_RE.test(ctx.text.slice(d.end, d.end + 6)));
}

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

export function extractDiscoveredDate(ctx: PostContext): Found<string> | null {
  const sentences = ctx.sentences.filter((s) => s.start < ctx.focusEnd);
  const followUp = FOLLOW_UP_RE.test(ctx.header) || FOLLOW_UP_RE.test(ctx.text.slice(0, 600));
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const m = AWARE_RE.exec(s.text);
    if (followUp && (LEAK_SITE_RE.test(s.text) || LATER_FINDING_RE.test(s.text))) continue;
    if (!m || ADVICE_RE.test(s.text) || SECTION_HEADING_RE.test(s.text) || (m[0].startsWith('確認') && ATTACKER_SUBJECT_RE.test(s.text)) || (OUTWARD_RE.test(s.text) && !DETECT_RE.test(s.text))) continue;
    const detect = DETECT_RE.test(s.text);
    // In 「…から…にかけて不正アクセスを受けたことが判明」 the range is the attack, not the finding.
    const dates = usableDates(ctx, s).filter((d) => detect || (!d.rangeStart && !d.rangeEnd));
    // The verb's own date is the last one before it (「在職中の2月10日に…、5月12日に判明」); else the first after.
    const verbAt = s.start + m.index;
    // A period inside the message (「5月2日から不正なアクセスが行われていたとの報告」) is the event's; it comes last.
    const single = dates.filter((d) => !d.rangeStart && !d.rangeEnd);
    const ranged = dates.filter((d) => d.rangeStart || d.rangeEnd);
    const ordered = [...single.filter((d) => d.end <= verbAt).reverse(), ...single.filter((d) => d.end > verbAt), ...ranged];
    for (const d of ordered) {
      const iso = isoOf(ctx, d);
      if (iso) return { value: iso, at: [[d.start, d.end]], confidence: d.year === null ? 'medium' : 'high' };
    }
    if (datesIn(ctx, s.start, s.end).length > 0 || VAGUE_DATE_RE.test(s.text)) continue;
    const today = s.text.indexOf('本日');
    if (today >= 0 && ctx.noticeDate) return { value: ctx.noticeDate, at: [[s.start + today, s.start + today + 2]], confidence: 'medium' };
    if (SUMMARY_RE.test(s.text)) continue;
    // No date of its own: 「…から約7分後に検出」 leans on the last date before; otherwise the sentence just before.
    const before = ctx.dates.filter((d) => d.end <= s.start && d.start >= ctx.bodyStart && !d.rangeEnd);
    const prev = sentences[i - 1];
    // A bare date line is the notice's own date, unless it heads a timeline entry (a date other than the notice's).
    const prevDates = prev ? usableDates(ctx, prev).filter((d) => !d.rangeStart && !d.rangeEnd) : [];
    const timelineLine = prev && DATE_ONLY_RE.test(prev.text) && prevDates.length > 0 && prevDates.every((d) => isoOf(ctx, d) !== ctx.noticeDate);
    const pick = RELATIVE_RE.test(s.text) || (prev && prevDates.length === 0 && RELATIVE_RE.test(prev.text))
      ? before.at(-1)
      : prev && (!DATE_ONLY_RE.test(prev.text) || timelineLine)
        ? prevDates.at(-1)
        : undefined;
    const iso = pick ? isoOf(ctx, pick) : null;
    if (pick && iso) return { value: iso, at: [[pick.start, pick.end]], confidence: RELATIVE_RE.test(s.text) ? 'medium' : 'low' };
  }
  return null;
}
