// Named conditions that void a rule's hit: the sentence advises readers, asks a question, denies the
// thing right after naming it, or names a measure against it. Each is a fact about Japanese notices in
// general, written once and used by every field's rules by name.


/** Phrases that deny an event ( 「…は確認されておりません」 ), checked right after a keyword. */
// …and the first of a list the sentence denies as a whole (「当社システムへの不正アクセスや、情報の流出は確認されておりません」).
export const DENIAL_AFTER_RE = /^[^。、]{0,12}(?:は|も)?(?:確認されて(?:おりません|いません)|ありません|ございません|ない|なく|されていない)|^(?:や|及び|および|ならびに)、?[^。、]{0,30}(?:は|も)(?:確認されて(?:おりません|いません)|ありません|ございません)/;

/** What a guard sees: the unit's text and where the hit sits in it. */
export interface GuardInput {
  text: string;
  start: number;
  end: number;
}

// 「Q．クレジットカード情報は含まれているか。」: a question in a Q&A states nothing.
const QUESTION_RE = /^\s*(?:Q\s*[.:]|問\s*[0-9]*\s*[.:])|(?:でしょうか|ですか|ますか|のか)[。?]?\s*$/;
// 「…を防止」「…対策」「…の防止措置」: a measure against the thing, not the thing.
const PREVENTIVE_AFTER_RE = /^(?:等|など)?の?(?:防止|対策|予防|未然防止|抑止|訓練|監視|検知(?:システム|装置|機能))|^(?:を|の)(?:防止|防ぐ|防ぎ|未然に防)/;
// 「…が発生した場合は」「万一…の場合には」: a condition, not an event.
const CONDITION_AFTER_RE = /^[^。、]{0,14}(?:場合(?:は|には|に備え)|際には|おそれがある場合)/;
// 「…、改ざんがないことを確認しました」: a list of things the sentence ends by denying, with no verb of
// suffering or doing (を受け, され, した) between the hit and the denial.
const DENIED_LIST_AFTER_RE = /^(?:(?!を受け|され|が、|ものの|により|によって|した|し、|して|しており)[^。]){0,30}(?:ない|なかった|ありません|ございません)こと(?:を|が)(?:確認|判明)/;
// 「…の痕跡は確認されませんでした」「…の形跡は見当たらず」: denials the short list above does not hold.
const NOT_FOUND_AFTER_RE = /^[^。、]{0,16}(?:は|も)?(?:(?:確認|検出|発見|検知|観測|認め)(?:され|でき|られ)?(?:ませんでした|なかった|ておりません|ていません|ておらず|ず)|見当たら(?:ない|ず|ません|なかった)|存在し(?:ない|ません|なかった)|(?:ございません|ありません)でした|(?:には|とは)?(?:なって|至って)(?:おりません|おらず|いません|いない))/;
// 「不正アクセスへの監視」「…に備え」「…を監視」: a standing measure against the thing, not the thing.
const MEASURE_AFTER_RE = /^(?:等|など)?(?:へ|に対)の(?:監視|対策|防御|備え|警戒)|^(?:等|など)?に(?:備え|対する(?:対策|監視|防御|警戒))|^(?:等|など)?を(?:監視|防ぐ|防止|未然に)/;
// 「閲覧できる状態は解消し」「公開状態を是正しました」: the state is said to have ended, the sentence is about the remedy.
const RESOLVED_AFTER_RE = /^(?:は|が|を)?(?:既に|すでに)?(?:解消|是正|解除|改善)/;
// 「…ご注意ください」「…ご連絡ください」: the sentence asks readers to do something. Narrower than
// ADVICE_RE: a bare 「場合は」 is not advice (「(法人の場合は社名)」 states a fact).
const READER_ADVICE_RE = /ください|下さい|お願い(?:いた)?します|お願い申し?上げ|ご注意|ご留意|お気をつけ|お勧め|おすすめ/;
/** Advice or requests to readers, or a condition put to them (「…場合は」): what they mention did not happen. */
export const ADVICE_RE = new RegExp(`${READER_ADVICE_RE.source}|場合は|場合には`);

/**
 * The sentence without the words it quotes: a fake warning's 「サポートへ電話してください」 or a caller's
 * 「届いていますか」 are someone else's words reported, not the notice advising or asking its readers.
 */
export const unquoted = (t: string): string => (t.includes('「') ? t.replace(/「[^「」]*」/g, '「」') : t);

export const GUARDS = {
  /** the sentence advises or asks readers (「…ご注意ください」「…場合は…ご連絡ください」) */
  advice: (g: GuardInput) => ADVICE_RE.test(unquoted(g.text)),
  /** the thing is denied right after it is named (「…は確認されておりません」「…はありません」) */
  denied: (g: GuardInput) => DENIAL_AFTER_RE.test(g.text.slice(g.end)),
  /** the sentence is a question */
  question: (g: GuardInput) => QUESTION_RE.test(unquoted(g.text)),
  /** the hit names a measure against the thing (「不正アクセスの防止」「ウイルス対策」) */
  preventive: (g: GuardInput) => PREVENTIVE_AFTER_RE.test(g.text.slice(g.end)),
  /** the hit is a condition (「不正アクセスがあった場合には」) */
  conditional: (g: GuardInput) => CONDITION_AFTER_RE.test(g.text.slice(g.end)),
  /** advice or a condition from the hit on (「…から連絡があった場合は…ください」); advice earlier in a long sentence does not count */
  adviceAfter: (g: GuardInput) => ADVICE_RE.test(unquoted(g.text.slice(g.start))),
  /** the sentence ends by denying a list the hit is part of (「…、改ざんがないことを確認しました」) */
  deniedList: (g: GuardInput) => DENIED_LIST_AFTER_RE.test(g.text.slice(g.end)),
  /** the thing is denied in words the denied guard does not hold (「…の痕跡は確認されませんでした」) */
  notFound: (g: GuardInput) => NOT_FOUND_AFTER_RE.test(g.text.slice(g.end)),
  /** the hit names a standing measure against the thing (「不正アクセスへの監視」「…に備え」) */
  measure: (g: GuardInput) => MEASURE_AFTER_RE.test(g.text.slice(g.end)),
  /** the state is said to have ended (「閲覧できる状態は解消し」) */
  resolved: (g: GuardInput) => RESOLVED_AFTER_RE.test(g.text.slice(g.end)),
  /** the sentence asks or advises readers; unlike `advice`, 「場合は」 alone is not advice (data_types, affected_count) */
  readerAdvice: (g: GuardInput) => READER_ADVICE_RE.test(unquoted(g.text)),
} as const;

export type GuardName = keyof typeof GUARDS;
