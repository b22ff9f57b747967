// data_types: the kinds of personal data exposed, read from the sentences and lists that say what leaked.
import type { DataType } from '../core/record.ts';
import type { Found, PostContext, Sentence } from './context.ts';
import { ADVICE_RE, DATA_DENIAL_RE, clauses } from './cues.ts';

const KEYWORDS: Array<[DataType, RegExp]> = [
  ['name', /氏名|お名前|名前|口座名義|名義人|フリガナ|ふりがな/g],
  ['address', /住所|所在地|郵便番号/g],
  ['phone', /電話番号|携帯番号|TEL番号|FAX番号/gi],
  ['email', /メールアドレス|メール・アドレス|e-?mailアドレス|Eメールアドレス/gi],
  ['birthdate', /生年月日|誕生日/g],
  ['gender', /性別/g],
  ['card_security_code', /セキュリティコード|CVV|CVC/g],
  ['credit_card', /クレジットカード(?:番号|情報)|カード番号|有効期限/g],
  ['bank_account', /口座番号|口座情報|銀行口座|預金口座|振込口座/g],
  ['password', /パスワード(?!(?:を|が|は|の)?(?:設定|かけ|かか|付|変更|再設定|リセット|保護|ロック|管理|認証|初期化|無効化)|による|で(?:保護|ロック))/g],
  ['login_id', /ログイン\s*ID|ログインID|ユーザー?\s*ID|ユーザー名|アカウント名|アカウント(?:ID|情報(?!の?変更))|会員ID/gi],
  ['medical', /医療情報|診療情報|診療記録|診察記録|診療録|カルテ(?:情報|の内容|データ|の?記載)|病名|病歴|既往歴|検査結果|病変|治療内容|処方|健康診断|健診結果|受診歴|診断名|検査所見/g],
  // 「資料の写真」 is a picture of a document, not a person's photo.
  ['photo', /顔写真|(?<!(?:資料|書類|文書|画面|掲示物)の?)写真|画像データ|顔画像/g],
  ['employee_id', /社員番号|職員番号|従業員番号/g],
  ['student_id', /学籍番号|学生番号|生徒番号/g],
];

const ANY_KEYWORD_RE = new RegExp(KEYWORDS.map(([, re]) => re.source).join('|'), 'i');

// Words that mark a sentence as saying what data leaked or was held.
const LEAK_CONTEXT_RE = /漏えい|漏洩|流出|漏れ|含まれ|含む|保存|記載|記録され|登録され|表示され|閲覧|暗号化され|対象となる情報|項目|以下のとおり|以下の通り|以下の(?:情報|内容)|持ち出|入力情報|個人情報\(|情報\(/;
// Credentials an attacker logged in with (「…ID およびパスワードを使った不正ログイン」) are not leaked data.
const USED_AFTER_RE = /^[^。、]{0,10}?(?:使っ|使用し|用い|悪用|利用し|入手し|入力し|が変更され|を変更|を初期化|が初期化)/;
// 「医療情報システム」「パスワード管理ソフト」 name a system, not data.
const SYSTEM_AFTER_RE = /^(?:システム|サーバ|端末|機器|ソフト|基盤|管理システム)/;
const QUESTION_RE = /^\s*(?:Q\s*[.:]|問\s*[0-9]*\s*[.:])|(?:か|ですか|ますか)[。?]?\s*$/;
const ITEM_RE = /^\s*(?:[•・*※\-]|[0-9]+[.)]|\(?[0-9]+\)|[①-⑳])/;

// The keyword, or the enumeration it belongs to, is what the attacker used rather than what leaked.
// 「氏名や勤務先名を推測できるもの」: the data can be guessed from something else; it is not itself held.
const INFERRED_AFTER_RE = /^[^。、]{0,10}?(?:を|が)(?:推測|類推|推定)(?:でき|可能|され)/;

function usedInAttack(text: string, kws: Array<{ end: number }>, k: { end: number }): boolean {
  const after = (at: number) => USED_AFTER_RE.test(text.slice(at)) || INFERRED_AFTER_RE.test(text.slice(at));
  if (after(k.end)) return true;
  const next = kws.filter((o) => o.end > k.end && o.end - k.end < 12).reduce((a, o) => Math.max(a, o.end), 0);
  return next > 0 && after(next);
}

function keywordsIn(text: string): Array<{ type: DataType; start: number; end: number }> {
  const out: Array<{ type: DataType; start: number; end: number }> = [];
  for (const [type, re] of KEYWORDS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (SYSTEM_AFTER_RE.test(text.slice(m.index + m[0].length))) continue;
      out.push({ type, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

export function extractDataTypes(ctx: PostContext): Found<DataType[]> {
  const found = new Map<DataType, [number, number]>();
  let listContext = false;
  const visit = (s: Sentence) => {
    const lineText = s.text;
    const isItem = ITEM_RE.test(lineText) || (lineText.length <= 30 && !/[。:：]$/.test(lineText));
    // Questions in a Q&A (「Q．クレジットカード情報は含まれているか。」) state nothing.
    if (ADVICE_RE.test(lineText) || QUESTION_RE.test(lineText)) {
      listContext = false;
      return;
    }
    const hasContext = LEAK_CONTEXT_RE.test(lineText);
    const anyKeyword = ANY_KEYWORD_RE.test(lineText);
    if (anyKeyword) for (const c of clauses(lineText)) {
      if (DATA_DENIAL_RE.test(c.text)) continue;
      const kws = keywordsIn(c.text);
      const distinct = new Set(kws.map((k) => k.type)).size;
      // An enumeration of several data words is itself a statement of what the data held.
      if (!(hasContext || distinct >= 2 || (isItem && listContext))) continue;
      for (const k of kws) if (!found.has(k.type) && !usedInAttack(c.text, kws, k)) found.set(k.type, [s.start + c.offset + k.start, s.start + c.offset + k.end]);
    }
    // A sentence introducing a list (「漏えいした可能性のある情報は以下のとおりです」) lends its context to the items.
    if (hasContext) listContext = true;
    else if (!isItem) listContext = false;
  };
  for (const s of ctx.sentences) {
    if (s.start >= ctx.focusEnd && ctx.sectionStarts.length === 0) break;
    visit(s);
  }
  const value = KEYWORDS.map(([t]) => t).filter((t) => found.has(t));
  return { value, at: value.map((t) => found.get(t)!) };
}
