// The comparable core of an organisation's name: NFKC, no legal form (株式会社, 医療法人…), no spaces or marks.

// Longer forms first: at one position the regex takes the first alternative that matches.
const LEGAL_FORMS = new RegExp([
  '株式会社', '有限会社', '合同会社', '合資会社', '合名会社', '\\(株\\)', '\\(有\\)', '\\(同\\)',
  '一般社団法人', '一般財団法人', '公益社団法人', '公益財団法人', '特定非営利活動法人', 'npo法人',
  '社会福祉法人', '医療法人社団', '医療法人財団', '医療法人', '学校法人', '国立大学法人', '公立大学法人',
  '地方独立行政法人', '独立行政法人', '国立研究開発法人', '宗教法人', '社団法人', '財団法人',
  'co\\.?,?ltd\\.?', 'inc\\.?', 'corporation', 'corp\\.?',
].join('|'), 'g');

const MARKS = /[\s\u3000・.,、。'"“”「」『』()[\]{}【】〔〕]/g;

/**
 * Text as the linking rules compare it: NFKC, lowercase, without whitespace (PDF copies break names
 * with spaces) or middle dots (ミドリ・データ社 and ミドリデータ are one name, as orgKey has it).
 */
export function compactText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s・]+/g, '');
}

/** '株式会社 ひかり書房' and 'ひかり書房(株)' give one key; null when nothing distinctive is left. */
export function orgKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = compactText(name).replace(LEGAL_FORMS, '').replace(MARKS, '');
  return key.length >= 2 ? key : null;
}

/** Keys this short ('ntt', '日立') name too many things to be looked for inside another notice's text. */
export const MIN_MENTION_KEY = 3;

// Kinds of legal person: forms one organisation may be written with (㈱ and 株式会社, Co., Ltd.; 一般 and
// 公益 社団法人, which an organisation may move between) are one kind.
const FORM_KINDS: Array<[RegExp, string]> = [
  [/株式会社|\(株\)|co\.?,?ltd|inc\b|inc\.|corporation|corp\b|corp\./, 'company'],
  [/有限会社|\(有\)/, 'limited'],
  [/合同会社|\(同\)/, 'llc'],
  [/合資会社|合名会社/, 'partnership'],
  [/医療法人/, 'medical'],
  [/社会福祉法人/, 'welfare'],
  [/学校法人/, 'school'],
  [/大学法人/, 'university'],
  [/独立行政法人|国立研究開発法人/, 'agency'],
  [/特定非営利活動法人|npo法人/, 'npo'],
  [/宗教法人/, 'religious'],
  [/社団法人/, 'association'],
  [/財団法人/, 'foundation'],
];

/** The kind of legal person the name states ('company' for 株式会社 and ㈱), or null when it states none. */
export function legalFormKind(name: string | null | undefined): string | null {
  if (!name) return null;
  const compact = compactText(name);
  return FORM_KINDS.find(([form]) => form.test(compact))?.[1] ?? null;
}

/**
 * Whether two names of one key can be one organisation: 株式会社あおば and 医療法人あおば cannot; a name
 * without a legal form (a casebook header's あおば) can be either.
 */
export function sameLegalPerson(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}
