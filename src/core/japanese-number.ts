// Japanese numerals and head-counts as notices write them: 4,138名, 約14万人分, 1万2千件, 三名.

const KANJI_DIGITS: Record<string, number> = {
  '〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const SMALL_UNITS: Record<string, number> = { '十': 10, '百': 100, '千': 1000 };
const BIG_UNITS: Record<string, number> = { '万': 1e4, '億': 1e8, '兆': 1e12 };

// Below 10,000: arabic digits (with commas) or kanji, optionally scaled by 千/百/十 (2千, 三百二十).
function parseSmall(s: string): number | null {
  if (s === '') return null;
  if (/^[0-9][0-9,]*(?:\.[0-9]+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  let total = 0;
  let current: number | null = null;
  for (const ch of s) {
    if (/[0-9]/.test(ch)) current = (current ?? 0) * 10 + Number(ch);
    else if (ch in KANJI_DIGITS) current = (current ?? 0) * 10 + KANJI_DIGITS[ch]!;
    else if (ch in SMALL_UNITS) {
      total += (current ?? 1) * SMALL_UNITS[ch]!;
      current = null;
    } else if (ch === ',') continue;
    else return null;
  }
  return total + (current ?? 0);
}

/** Parses a Japanese number (`4,138`, `14万`, `1万2千`, `三百`, full-width digits); null when it is not one. */
export function parseJapaneseNumber(input: string): number | null {
  const s = input.normalize('NFKC').replace(/\s+/g, '').replace(/^(?:約|およそ|最大|計|合計|総計|延べ|のべ)+/, '');
  if (s === '') return null;
  let total = 0;
  let rest = s;
  let seenBig = false;
  for (const [unit, mult] of Object.entries(BIG_UNITS).reverse()) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    const head = rest.slice(0, at);
    const v = head === '' ? 1 : parseSmall(head);
    if (v === null) return null;
    total += v * mult;
    rest = rest.slice(at + 1);
    seenBig = true;
  }
  if (rest !== '') {
    const v = parseSmall(rest);
    if (v === null) return null;
    total += v;
  } else if (!seenBig) return null;
  const value = Math.round(total);
  // A run of digits longer than any count (「一一一…」, 400 digits) is not a number people state.
  return Number.isSafeInteger(value) ? value : null;
}

/** A head-count or record count stated in text, e.g. `最大約14万人分`. Offsets are into the searched string. */
export interface CountMention {
  value: number;
  unit: 'person' | 'record';
  /** 最大 / 約 / 計 markers before the number */
  max: boolean;
  approx: boolean;
  total: boolean;
  start: number;
  end: number;
}

// Number: arabic (with commas and inner spaces as PDFs leave them) or kanji, with 万/千 scaling.
// Every repetition is bounded: with `*` a run of digits, kanji numerals or spaces made the scan from
// each starting digit run to the end of the run (quadratic), and the adjacent `\s*` after 万 cubic.
const NUM = String.raw`(?:[0-9](?:[0-9,]|\s(?=[0-9])){0,24}(?:\.[0-9]{1,4})?|[一二三四五六七八九十百千][〇一二三四五六七八九十百千]{0,12})(?:\s{0,3}[万億]\s{0,3}(?:[0-9][0-9,]{0,8}\s{0,3}千?|[一二三四五六七八九十百千]{1,12})?)?(?:\s{0,3}千(?!葉))?`;
const COUNT_RE = new RegExp(
  String.raw`((?:(?:最大|計|合計|総計|延べ|のべ|約|およそ|上記)[\s:]{0,4}){0,3})(${NUM})\s{0,3}(?:余|以上|超)?\s{0,3}(人分|名分|件分|名様|人|名|件|アカウント)`,
  'g',
);

/** Finds every count of people or records in (normalised) text. */
export function findCounts(text: string): CountMention[] {
  const found: CountMention[] = [];
  COUNT_RE.lastIndex = 0;
  for (let m = COUNT_RE.exec(text); m; m = COUNT_RE.exec(text)) {
    const prefix = m[1] ?? '';
    const before = text[m.index - 1] ?? '';
    // 数十名 or 第1件 are not counts; neither is the tail of a longer number, a date or a product name (Microsoft365 アカウント).
    // (「実人数3,870人」「件数120件」: a figure after a word ending in 数 is a count, not 数十名.)
    const afterCountWord = before === '数' && /(?:人|件|名|総|者)数$/.test(text.slice(Math.max(0, m.index - 2), m.index));
    if (!prefix && /[0-9数第.,A-Za-z]/.test(before) && !afterCountWord) continue;
    const value = parseJapaneseNumber(m[2]!);
    if (value === null || value <= 0) continue;
    const unit = m[3]!;
    if (unit === '人' && text.startsWith('ひとり', m.index + m[0].length)) continue;
    found.push({
      value,
      unit: unit.startsWith('件') || unit === 'アカウント' ? 'record' : 'person',
      max: /最大/.test(prefix),
      approx: /約|およそ/.test(prefix),
      total: /計|延べ|のべ|上記/.test(prefix),
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return found;
}
