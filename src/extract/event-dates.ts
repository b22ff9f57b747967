// occurred_date (発生日): the first day of the event — first intrusion, day of loss, start of the exposure.
import type { DateMention } from '../core/japanese-date.ts';
import type { Found, PostContext, Sentence } from './context.ts';
import { datesIn, isoOf } from './context.ts';
import { ADVICE_RE } from './cues.ts';

// Verbs of the event itself (and of noticing it as it happened).
const EVENT_RE = /発生|被害|感染|紛失|盗まれ|盗難|置き忘|侵入|不正アクセス|不正ログイン|不正通信|改ざん|撮影|持ち去|持ち出|送信し|発信され|誤送|使用し|稼働させ|乗っ取|削除され|暗号化|漏えいし|漏洩し|流出し|アクセス可能|閲覧可能|アクセスできる状態|閲覧できる状態|障害|攻撃を受け|気付|気づ|検知|検出|覚知|見当たらな|利用できな|表示され|から開始し/;
// Finding sentences: a single date in them is the day of the finding, not of the event.
const FINDING_RE = /判明|発覚|わかりました|明らかに/;
const DETECT_RE = /気付|気づ|検知|検出|覚知/;
// Periods in which data was collected (「…の期間に登録されたお客様」) are not the event.
const COLLECTED_AFTER_RE = /^[^。]{0,70}?(?:登録され|登録いただ|ご?入力|頂いた|いただいた|申込|申し込|受診され|分娩|着工|名刺|ご?注文|アップロード|ご利用(?:いただ|され))/;
const NOT_EVENT_DATE_RE = /^\s*(?:付|予定|にお知らせ|に公表|に発表|にて公表|時点)|^[^。]{0,20}?に(?:報告|届け?出|相談|申告|提出|通報)|^[^。]{0,20}?報告済/;
// Verbs of exposure that make a period the event's own (「…の期間に購入されたお客様のカード情報」).
const EXPOSED_AFTER_RE = /購入|決済|ログインし|アクセス|発生|漏え|漏洩|流出|稼働|公開/;
const SEQUEL_RE = /^(?:その後|その際|同日|当日)、?/;
const DATE_ONLY_LINE_RE = /^[\s~\-から〜まで・,、()0-9年月日曜火水木金土]*$/;

function candidates(ctx: PostContext, s: Sentence, finding: boolean): DateMention[] {
  return datesIn(ctx, s.start, s.end).filter((d) => {
    const after = ctx.text.slice(d.end, d.end + 60);
    if (NOT_EVENT_DATE_RE.test(after)) return false;
    const collected = COLLECTED_AFTER_RE.exec(after);
    if (collected) {
      const exposed = EXPOSED_AFTER_RE.exec(after);
      if (!exposed || collected[0].length <= exposed.index) return false;
    }
    return !finding || d.rangeStart;
  });
}

export function extractOccurredDate(ctx: PostContext): Found<string> | null {
  let bestIso: string | null = null;
  let bestAt: [number, number] | null = null;
  const sentences = ctx.sentences.filter((s) => s.start < ctx.focusEnd);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (ADVICE_RE.test(s.text)) continue;
    // A line holding only a period takes its meaning from the heading above it (「アクセスできる状態にあった期間」).
    const stated = DATE_ONLY_LINE_RE.test(s.text.replace(/(?:令和|平成)/g, '')) && i > 0 ? sentences[i - 1]!.text : s.text;
    if (!EVENT_RE.test(stated)) continue;
    const finding = FINDING_RE.test(s.text) && !DETECT_RE.test(s.text);
    // 「その後、…紛失した」 carries on from the date of the sentence before.
    if (datesIn(ctx, s.start, s.end).length === 0 && SEQUEL_RE.test(s.text) && i > 0) {
      const prev = datesIn(ctx, sentences[i - 1]!.start, sentences[i - 1]!.end).at(-1);
      const iso = prev ? isoOf(ctx, prev) : null;
      if (prev && iso && (!ctx.noticeDate || iso <= ctx.noticeDate) && (bestIso === null || iso < bestIso)) {
        bestIso = iso;
        bestAt = [prev.start, prev.end];
      }
      continue;
    }
    for (const d of candidates(ctx, s, finding)) {
      const iso = isoOf(ctx, d);
      if (!iso || (ctx.noticeDate && iso > ctx.noticeDate)) continue;
      if (bestIso === null || iso < bestIso) {
        bestIso = iso;
        bestAt = [d.start, d.end];
      }
    }
  }
  return bestIso && bestAt ? { value: bestIso, at: [bestAt] } : null;
}
