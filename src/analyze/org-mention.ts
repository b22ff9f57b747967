// Whether an organisation's key found inside a text names that organisation: not the start of a longer
// name (ひかり銀行 in ひかり銀行カード), not a common word standing alone (委託先のシステム), not the maker of a product
// (あさひソフト社製のソフトウェア), not a sender someone pretended to be (〇〇を装ったメール).

import { isGenericName } from './generic-name.ts';

// On compact text (NFKC, lowercase, no spaces): ㈱ is '(株)' there.
const LEGAL_BEFORE = /(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|\(同\)|法人|法人社団|法人財団)$/;
const LEGAL_AFTER = /^(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|\(同\))/;
// A maker named for its product: 〇〇社製, 〇〇製の機器, 〇〇の製品.
const PRODUCT_AFTER = /^(?:社)?(?:製|の(?:製品|ソフトウェア|ソフトウエア|ソフト|機器|ルーター|vpn|ファイアウォール))/;
// Characters that may follow a name and end it: a legal form, 社 (not 社製), an honorific, a conjunction.
// Also a site of the organisation (山口金属曲板工業小郡事業所 is still that company).
const ENDS_NAME = /^(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|\(同\)|社(?!製)|様|殿|及び|等|側|各社|本社|本店|支社|支店|営業所|事業所|工場)/;
// Characters that may come before a name inside a word run: the end of 会社/法人 (法人社団 and 法人財団 by
// LEGAL_BEFORE), or of a contractor cue (委託先, 委託元, 委託事業者).
const BEFORE_NAME_OK = new Set(['社', '人', '先', '元', '託', '請', '者']);
const WORD_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー々a-z0-9]/u;

// A name used by someone pretending to be it (〇〇を装ったメール): that organisation had no part in the event.
const IMPERSONATED_AFTER = /^(?:株式会社|有限会社|合同会社|\(株\)|社|様)?(?:を(?:装|騙|かた|名乗|詐称)|になりすま|の名(?:を|前を)(?:騙|かた|使))/;

export type MentionVerdict = 'name' | 'inside_longer_name' | 'generic_word' | 'product' | 'impersonated';

/** Why the occurrence of `key` at `at` in `compact` is or is not that organisation named. */
export function judgeMention(compact: string, key: string, at: number): MentionVerdict {
  const before = compact.slice(Math.max(0, at - 8), at);
  const after = compact.slice(at + key.length, at + key.length + 16);
  if (PRODUCT_AFTER.test(after)) return 'product';
  if (IMPERSONATED_AFTER.test(after)) return 'impersonated';
  const prev = before.at(-1);
  if (prev !== undefined && WORD_CHAR.test(prev) && !BEFORE_NAME_OK.has(prev) && !LEGAL_BEFORE.test(before)) return 'inside_longer_name';
  const next = after.at(0);
  if (next !== undefined && WORD_CHAR.test(next) && !ENDS_NAME.test(after)) return 'inside_longer_name';
  if (isGenericName(key) && !LEGAL_BEFORE.test(before) && !LEGAL_AFTER.test(after)) return 'generic_word';
  return 'name';
}

/**
 * Whether a name could start at `at` by judgeMention's rule on the character before it. With
 * mayEndAt, the boundaries a name judged 'name' must have, whatever its characters.
 */
export function mayStartAt(compact: string, at: number): boolean {
  const prev = compact[at - 1];
  return !(prev !== undefined && WORD_CHAR.test(prev) && !BEFORE_NAME_OK.has(prev) && !LEGAL_BEFORE.test(compact.slice(Math.max(0, at - 8), at)));
}

/** Whether a name could end before `end` by judgeMention's rules on what follows it. */
export function mayEndAt(compact: string, end: number): boolean {
  const after = compact.slice(end, end + 16);
  if (PRODUCT_AFTER.test(after) || IMPERSONATED_AFTER.test(after)) return false;
  const next = after.at(0);
  return !(next !== undefined && WORD_CHAR.test(next) && !ENDS_NAME.test(after));
}

/** Whether `compact` names the organisation of `key` anywhere. */
export function namesOrganisation(compact: string, key: string): boolean {
  for (let at = compact.indexOf(key); at >= 0; at = compact.indexOf(key, at + 1)) {
    if (judgeMention(compact, key, at) === 'name') return true;
  }
  return false;
}
