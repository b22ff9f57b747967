// One spelling-insensitive key for an organisation's name in Latin letters, so that a leak-site claim
// ("Fujikura Ltd.", "fujikura.co.jp") and a casebook organisation (株式会社フジクラ, read as romaji) meet
// only when they name the same organisation: equal keys, never a shared generic word or similarity.
import { toRomaji } from 'wanakana';
import { orgKey } from './org-name.ts';

// Legal forms and words every registry adds: never part of what tells one organisation from another.
const LEGAL_WORDS = new Set([
  'co', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'kk', 'kabushiki', 'kaisha',
  'gk', 'yk', 'llc', 'llp', 'plc', 'pte', 'pty', 'sa', 'sas', 'sl', 'srl', 'spa', 'gmbh', 'ag', 'bv', 'nv', 'ab', 'oy', 'as',
  'the', 'www',
]);

/**
 * Words many unrelated organisations share (example.com and example.co.jp, "X Group" and "Y Group"):
 * a key made only of these names nothing in particular.
 */
export const GENERIC_WORDS = new Set([
  'example', 'group', 'holdings', 'holding', 'hd', 'hds', 'japan', 'nippon', 'nihon', 'global', 'international',
  'systems', 'system', 'services', 'service', 'solutions', 'technology', 'technologies', 'tech', 'industries',
  'industry', 'industrial', 'trading', 'partners', 'consulting', 'software', 'data', 'net', 'web', 'online',
  'shop', 'store', 'info', 'mail', 'home', 'official', 'jp', 'com', 'org', 'edu', 'gov', 'ne', 'or', 'ac', 'go', 'lg', 'ed', 'gr',
  'usa', 'america', 'asia', 'europe', 'bank', 'hospital', 'university', 'city', 'school', 'center', 'centre',
]);

/** A key needs this many letters beyond generic words to name one organisation. */
export const MIN_DISTINCTIVE = 3;

/** Second-level labels under a country code that a registrant cannot choose (example.co.jp, example.com.co). */
const SECOND_LEVEL = /^(?:co|or|ne|ac|go|lg|ed|gr|ad|com|net|org|edu|gov|ltd|plc)$/;

/** 'www.fujikura.co.jp' → 'fujikura'; 'shop.example.com' → 'example': the label its registrant chose. */
export function registrantLabel(host: string): string | null {
  const labels = host.toLowerCase().split('.').filter(Boolean);
  if (labels.length < 2) return null;
  labels.pop();
  if (labels.length > 1 && SECOND_LEVEL.test(labels[labels.length - 1]!)) labels.pop();
  return labels[labels.length - 1] ?? null;
}

/** 'sub.fujikura.co.jp' → 'fujikura.co.jp': two hosts of one registrant compare equal. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().split('.').filter(Boolean);
  const keep = labels.length > 2 && SECOND_LEVEL.test(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

// Spellings of one sound that romanisations and English brand names write apart (Konica/コニカ,
// Shimbun/shinbun, ō/ou/oo). Applied to both sides, so equal keys still mean equal names.
const SOUND_FOLDS: Array<[RegExp, string]> = [
  [/[āâ]/g, 'a'], [/[īî]/g, 'i'], [/[ūû]/g, 'u'], [/[ēê]/g, 'e'], [/[ōô]/g, 'o'],
  [/ph/g, 'f'], [/l/g, 'r'], [/c(?=[aou]|$)/g, 'k'], [/ck/g, 'k'], [/m(?=[bpm])/g, 'n'],
  [/ou|oh(?![aiueo])|oo/g, 'o'], [/uu/g, 'u'],
];

function foldSounds(word: string): string {
  return SOUND_FOLDS.reduce((w, [from, to]) => w.replace(from, to), word);
}

/**
 * The key of a name written in Latin letters: its words without legal forms, sounds folded, joined;
 * null when what is left is only generic words or shorter than MIN_DISTINCTIVE letters.
 */
export function latinKey(name: string): string | null {
  const words = name.normalize('NFKC').toLowerCase().replace(/&/g, ' and ').split(/[^a-z0-9āīūēōâîûêô]+/)
    .filter((w) => w.length > 0 && !LEGAL_WORDS.has(w));
  const distinctive = words.filter((w) => !GENERIC_WORDS.has(w)).join('');
  if (distinctive.replace(/[0-9]/g, '').length < MIN_DISTINCTIVE) return null;
  return foldSounds(words.join(''));
}

/** The key of a host name: its registrant's label, hyphens and dots as word breaks ('minato-seiki.co.th' → 'minatoseiki'). */
export function hostKey(host: string): string | null {
  const label = registrantLabel(host);
  return label ? latinKey(label.replace(/-/g, ' ')) : null;
}

// Readings of words that company names write in kanji beside a kana or Latin name (みなと精機,
// フジ電機): generic words, so they make a romaji form possible without making a match on their own.
const KANJI_READINGS: Record<string, string> = {
  精機: 'seiki', 電機: 'denki', 電気: 'denki', 工業: 'kogyo', 製作所: 'seisakusho', 商事: 'shoji', 産業: 'sangyo',
  建設: 'kensetsu', 化学: 'kagaku', 物産: 'bussan', 興業: 'kogyo', 製薬: 'seiyaku', 運輸: 'unyu', 技研: 'giken',
  通信: 'tsushin', 電子: 'denshi', 工務店: 'komuten', 食品: 'shokuhin', 証券: 'shoken', 銀行: 'ginko', 印刷: 'insatsu',
  精工: 'seiko', 製紙: 'seishi', 鉄工: 'tekko', 商会: 'shokai', 商店: 'shoten', 書房: 'shobo', 企画: 'kikaku', 薬品: 'yakuhin',
  工機: 'koki', 化成: 'kasei', 電工: 'denko', 硝子: 'garasu', 重工業: 'jukogyo', 重工: 'juko', 自動車: 'jidosha',
};
const KANJI_RUN = /\p{Script=Han}+/gu;
const KANJI_WORDS = Object.keys(KANJI_READINGS).sort((a, b) => b.length - a.length);

/**
 * The Latin key of a casebook organisation's name, where one is known: its Latin letters as written
 * (株式会社YTE → 'yte'), or its kana read as Hepburn romaji with the kanji words of KANJI_READINGS
 * (株式会社フジクラ → 'fujikura', 株式会社みなと精機 → 'minatoseiki'); null when it holds other kanji.
 */
export function organisationLatinKey(name: string): string | null {
  const key = orgKey(name);
  if (!key) return null;
  let unread = false;
  const withReadings = key.replace(KANJI_RUN, (run) => {
    let rest = run;
    let out = '';
    while (rest) {
      const word = KANJI_WORDS.find((w) => rest.startsWith(w));
      if (!word) {
        unread = true;
        return run;
      }
      out += ` ${KANJI_READINGS[word]} `;
      rest = rest.slice(word.length);
    }
    return out;
  });
  if (unread) return null;
  // ー after a vowel lengthens it: romanised names drop the mark (コーヒー → kohi).
  const romaji = toRomaji(withReadings.replace(/ー/g, ''), { upcaseKatakana: false });
  if (/[^\x00-\x7f]/.test(romaji.normalize('NFKC').replace(/[āīūēō]/g, ''))) return null;
  return latinKey(romaji);
}
