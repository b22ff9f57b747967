// occurred_date (発生日): the first day of the event — first intrusion, day of loss, start of the exposure.
import type { DateMention } from '../core/japanese-date.ts';
import type { Confidence, Found, PostContext, Sentence } from './context.ts';
import { datesIn, isoOf } from './context.ts';
import { ADVICE_RE } from './cues.ts';

// Verbs of the event itself (and of noticing it as it happened).
const EVENT_RE = /誤って|誤り|誤送|送信いた|送付し|発生|被害(?!届)|感染|紛失|盗まれ|盗難|ひったく|置き忘|侵入|不正アクセス|不正なアクセス|不正ログイン|攻撃が行われ|攻撃され|不正に(?:取得|持ち出|入手|複製)|複製し|コピーし|フィッシング|閲覧できる|閲覧しにく|つながりにく|できない状態|(?:保管|所在|存在)を確認|最後に(?:使用|確認)|不正通信|改ざん|撮影|持ち去|持ち出|送信し|発信され|誤送|使用し|稼働させ|乗っ取|削除され|暗号化|漏えいし|漏洩し|流出し|アクセス可能|閲覧可能|アクセスできる状態|閲覧できる状態|障害|攻撃を受け|気付|気づ|検知|検出|覚知|見当たらな|利用できな|表示され|から開始し|読み出さ|抜き取|窃取|持ち帰/;
// Finding sentences: a single date in them is the day of the finding, not of the event.
const FINDING_RE = /判明|発覚|わかりました|明らかに/;
const FINDING_AT_RE = /判明|発覚|わかりました|明らかに/;
const DETECT_RE = /気付|気づ|検知|検出|覚知/;
// Periods in which data was collected (「…の期間に登録されたお客様」) are not the event.
const COLLECTED_AFTER_RE = /^[^。]{0,70}?(?:登録され|登録いただ|ご?入力|頂いた|いただいた|申込|申し込|受診され|ご?予約(?:いただ|され)|ご?注文|アップロード|ご利用(?:いただ|され))/;
// Only a period (…から, …までの間, …以降) is a collection period; a single day followed by 入力 is the event's day.
const PERIOD_AFTER_RE = /^[^。]{0,8}?(?:以降|から|まで|の間|期間)/;
// A period in which customers paid or logged in is the exposure itself (「…の期間中に…決済をされたお客様」).
const EXPOSURE_PERIOD_RE = /^[^。]{0,30}?(?:期間|の間)[^。]{0,30}?(?:決済|購入|ログイン|カード情報を入力)/;
// In a finding sentence, a date right after 「調査の結果、」 belongs to the clause that was found.
const FOUND_CLAUSE_BEFORE_RE = /(?:結果|ところ)、?[^。、]{0,10}$/;
const NOT_EVENT_DATE_RE = /^\s*(?:付|予定|にお知らせ|に公表|に発表|にて公表|時点)|^[^。]{0,20}?(?:に|へ)(?:報告|届け?出|相談|申告|提出|通報|被害届|遺失(?:物)?届|告訴)|^[^。]{0,20}?報告済|^[^。]{0,4}?に?(?:受領|受け取)/;
// Verbs of exposure that make a period the event's own (「…の期間に購入されたお客様のカード情報」).
const EXPOSED_AFTER_RE = /購入|決済|ログインし|アクセス|発生|漏え|漏洩|流出|稼働|公開/;
const SEQUEL_RE = /^(?:その後|その際|同日|当日|[^。、]{0,10}に戻った(?:ところ|際))、?/;
const DATE_ONLY_LINE_RE = /^[\s~\-から〜まで・,、()0-9年月日曜火水木金土午前後時分頃]*$/;
// A period in a table row whose first cell says who paid or ordered (「カード決済をされたお客様\t2024年2月6日から…」).
const EXPOSURE_ROW_BEFORE_RE = /(?:決済|購入|ご?注文|ログイン)を?(?:され|いただ|した)[^。\n]{0,12}$/;

function candidates(ctx: PostContext, s: Sentence, finding: boolean): DateMention[] {
  const all = datesIn(ctx, s.start, s.end);
  // The date nearest before the finding verb is the finding's own; the others belong to the event.
  const verb = finding ? FINDING_AT_RE.exec(s.text) : null;
  const findingDate = verb ? all.filter((d) => d.start < s.start + verb.index).at(-1) : undefined;
  return all.filter((d) => {
    const after = ctx.text.slice(d.end, d.end + 60);
    if (NOT_EVENT_DATE_RE.test(after)) return false;
    const period = d.rangeStart || d.rangeEnd || PERIOD_AFTER_RE.test(after);
    const collected = period ? COLLECTED_AFTER_RE.exec(after) : null;
    if (collected) {
      const exposed = EXPOSED_AFTER_RE.exec(after);
      if (!exposed || collected[0].length <= exposed.index) return false;
    }
    if (!finding) return true;
    if (d.rangeStart) return true;
    if (FOUND_CLAUSE_BEFORE_RE.test(ctx.text.slice(s.start, d.start))) return true;
    return all.length >= 2 && d !== findingDate;
  });
}

/** Dates that open a period in which customers paid or logged in: the start of the exposure. */
function exposureStarts(ctx: PostContext, s: Sentence): DateMention[] {
  return datesIn(ctx, s.start, s.end).filter((d) => d.rangeStart && (EXPOSURE_PERIOD_RE.test(ctx.text.slice(d.end, d.end + 80)) || EXPOSURE_ROW_BEFORE_RE.test(ctx.text.slice(Math.max(s.start, d.start - 40), d.start))));
}

export function extractOccurredDate(ctx: PostContext): Found<string> | null {
  let bestIso: string | null = null;
  let bestAt: [number, number] | null = null;
  let bestConfidence: Confidence = 'medium';
  const sentences = ctx.sentences.filter((s) => s.start < ctx.focusEnd);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (ADVICE_RE.test(s.text)) continue;
    // A line holding only a period takes its meaning from the heading above it (「アクセスできる状態にあった期間」).
    const stated = DATE_ONLY_LINE_RE.test(s.text.replace(/(?:令和|平成)/g, '')) && i > 0 ? sentences[i - 1]!.text : s.text;
    for (const d of exposureStarts(ctx, s)) {
      const iso = isoOf(ctx, d);
      if (iso && (!ctx.noticeDate || iso <= ctx.noticeDate) && (bestIso === null || iso < bestIso)) {
        bestIso = iso;
        bestAt = [d.start, d.end];
        // The start of a payment period is read from who paid when, not from an event verb.
        bestConfidence = 'medium';
      }
    }
    if (!EVENT_RE.test(stated)) continue;
    const finding = FINDING_RE.test(s.text) && !DETECT_RE.test(s.text);
    // 「その後、…紛失した」 carries on from the date of the sentence before, and so does a timeline entry
    // written under a line holding only its date.
    const underDateLine = i > 0 && DATE_ONLY_LINE_RE.test(sentences[i - 1]!.text.replace(/(?:令和|平成)/g, '')) && datesIn(ctx, sentences[i - 1]!.start, sentences[i - 1]!.end).length > 0;
    if (datesIn(ctx, s.start, s.end).length === 0 && (SEQUEL_RE.test(s.text) || underDateLine) && i > 0) {
      const prev = datesIn(ctx, sentences[i - 1]!.start, sentences[i - 1]!.end).at(-1);
      const iso = prev ? isoOf(ctx, prev) : null;
      if (prev && iso && (!ctx.noticeDate || iso <= ctx.noticeDate) && (bestIso === null || iso < bestIso)) {
        bestIso = iso;
        bestAt = [prev.start, prev.end];
        bestConfidence = 'low';
      }
      continue;
    }
    for (const d of candidates(ctx, s, finding)) {
      const iso = isoOf(ctx, d);
      if (!iso || (ctx.noticeDate && iso > ctx.noticeDate)) continue;
      if (bestIso === null || iso < bestIso) {
        bestIso = iso;
        bestAt = [d.start, d.end];
        // An event sentence with the year written is high; a year taken from context is medium.
        bestConfidence = d.year !== null && !finding ? 'high' : 'medium';
      }
    }
  }
  return bestIso && bestAt ? { value: bestIso, at: [bestAt], confidence: bestConfidence } : null;
}
