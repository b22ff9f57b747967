// Sentence-level cues shared by several extractors: advice to readers, denials, hypotheticals.

/** Advice or requests to readers (「…ご注意ください」): what they mention did not happen. */
export const ADVICE_RE = /ください|下さい|お願い(?:いた)?します|お願い申し?上げ|ご注意|ご留意|お気をつけ|お勧め|おすすめ|場合は|場合には/;

/** A clause saying data was not involved (「…は含まれておりません」, 「保持しておらず」). */
export const DATA_DENIAL_RE = /含まれ(?:ておりません|ていません|ません|ない)|保持しておら|保有しておら|保持しておりません|保有しておりません|保有していません|対象ではありません|対象外|ございません|漏えいはありません|(?:保存|記載|記録|登録|表示|保管|取り扱|取扱|入力|預か|お預か)[^。、]{0,6}(?:ておりません|ていません|ておらず|ません|ない|ず)(?![^。]{0,4}可能性)|事実は確認されて(?:おりません|いません)|(?:流出|漏えい|漏洩)したもの(?:では|で)(?:ない|ありません|ございません)/;

/** Clause boundaries that separate what leaked from what did not (「…であり、…は含まれておりません」). */
export const CLAUSE_SPLIT_RE = /であり、|ですが、|でありますが、|ものの、|のみで、/g;

/** Phrases that deny an event ( 「…は確認されておりません」 ), checked right after a keyword. */
export const DENIAL_AFTER_RE = /^[^。、]{0,12}(?:は|も)?(?:確認されて(?:おりません|いません)|ありません|ございません|ない|なく|されていない)/;

/** True when `re` matches in the sentence outside reader advice. */
export function inAdvice(sentence: string): boolean {
  return ADVICE_RE.test(sentence);
}

/** Splits a sentence into clauses at the boundaries of CLAUSE_SPLIT_RE, keeping offsets. */
export function clauses(sentence: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let last = 0;
  CLAUSE_SPLIT_RE.lastIndex = 0;
  for (let m = CLAUSE_SPLIT_RE.exec(sentence); m; m = CLAUSE_SPLIT_RE.exec(sentence)) {
    out.push({ text: sentence.slice(last, m.index + m[0].length), offset: last });
    last = m.index + m[0].length;
  }
  out.push({ text: sentence.slice(last), offset: last });
  return out;
}
