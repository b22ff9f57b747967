// Japanese dates as notices write them (西暦, 和暦, R5.10.4, year-less 1月13日(金)), resolved to ISO YYYY-MM-DD.

/** Era start dates (DESIGN.md "Domain facts"); 元年 is year 1. */
const ERAS: ReadonlyArray<{ names: readonly string[]; start: readonly [number, number, number] }> = [
  { names: ['令和', 'R'], start: [2019, 5, 1] },
  { names: ['平成', 'H'], start: [1989, 1, 8] },
  { names: ['昭和', 'S'], start: [1926, 12, 25] },
  { names: ['大正', 'T'], start: [1912, 7, 30] },
  { names: ['明治', 'M'], start: [1868, 1, 25] },
];
const ERA_BY_NAME = new Map<string, (typeof ERAS)[number]>();
for (const era of ERAS) for (const n of era.names) ERA_BY_NAME.set(n, era);

const WEEKDAYS = '日月火水木金土';

/** One date written in the text. Offsets are into the searched (normalised) string. */
export interface DateMention {
  start: number;
  end: number;
  /** null when the text gives no year (1月13日) */
  year: number | null;
  month: number;
  day: number;
  /** 0 = Sunday, from a (金) after the date */
  weekday: number | null;
  /** ISO date when the year is known and the date is real */
  iso: string | null;
  /** the date opens a range (…から, …~) */
  rangeStart: boolean;
  /** the date closes a range (~…, …まで) */
  rangeEnd: boolean;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return false;
  const dim = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= dim[m - 1]!;
}

export function toIso(y: number, m: number, d: number): string | null {
  if (!isValidDate(y, m, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day of week, 0 = Sunday (Sakamoto's method, no Date object). */
export function weekdayOf(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  return (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1]! + d) % 7;
}

/** Gregorian year of an era year; null when the era is unknown. */
export function eraToYear(era: string, eraYear: number): number | null {
  const e = ERA_BY_NAME.get(era);
  return e ? e.start[0] + eraYear - 1 : null;
}

function eraDateOk(era: string, y: number, m: number, d: number): boolean {
  const e = ERA_BY_NAME.get(era);
  if (!e) return false;
  const [sy, sm, sd] = e.start;
  return y * 10000 + m * 100 + d >= sy * 10000 + sm * 100 + sd;
}

const S = String.raw`\s*`;
const KANJI_DIGITS = '〇一二三四五六七八九十';
const KANJI_VALUE: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「十六」 16, 「二十三」 23, 「三」 3, 「十」 10; NaN for what is no number up to 99. */
export function kanjiNumber(k: string): number {
  const ten = k.indexOf('十');
  if (ten < 0) return k.length === 1 ? (KANJI_VALUE[k] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : ten === 1 ? (KANJI_VALUE[k[0]!] ?? NaN) : NaN;
  const rest = k.slice(ten + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? (KANJI_VALUE[rest] ?? NaN) : NaN;
  return tens * 10 + ones;
}
const ERA_NAMES = '令和|平成|昭和|大正|明治';
// One alternation so the longest, most explicit form wins at each position.
const DATE_RE = new RegExp(
  [
    // 令和5年(2023年)10月4日, 令和元年5月31日
    String.raw`(?<era>${ERA_NAMES})${S}(?<ey>元|[0-9]{1,2})${S}年(?:${S}\(${S}[0-9]{4}${S}年?${S}\))?${S}(?<em>[0-9]{1,2})${S}月${S}(?<ed>[0-9]{1,2})${S}日`,
    // R5.10.4, H31/4/30
    String.raw`(?<![A-Za-z])(?<ea>[RHST])${S}(?<eay>[0-9]{1,2})${S}[./](?<eam>[0-9]{1,2})${S}[./](?<ead>[0-9]{1,2})(?![0-9])`,
    // 2023年1月31日, 2022 年 11 月 5 日
    String.raw`(?<![0-9])(?<y>[0-9]{4})${S}年${S}(?<m>[0-9]{1,2})${S}月${S}(?<d>[0-9]{1,2})${S}日`,
    // 2023/03/30, 2023.3.30, 2023-3-30
    String.raw`(?<![0-9])(?<sy>[0-9]{4})(?<sep>[/.\-])(?<sm>[0-9]{1,2})\k<sep>(?<sd>[0-9]{1,2})(?![0-9])`,
    // 同年8月26日, 翌年1月9日: the year of the full date written before it; 本年7月7日, 今年7月7日: the notice's year,
    // read from context like a year-less date
    String.raw`(?<rel>同年|翌年|本年|今年)${S}(?<rm>[0-9]{1,2})${S}月${S}(?<rd>[0-9]{1,2})${S}日`,
    // 1月13日, 1月 13 日 (year from context)
    String.raw`(?<![0-9年])(?<lm>[0-9]{1,2})${S}月${S}(?<ld>[0-9]{1,2})${S}日`,
    // 令和八年三月十六日, 三月九日: a formal letter's dates in kanji numerals
    String.raw`(?<kera>${ERA_NAMES})(?<key>元|[${KANJI_DIGITS}]{1,3})年(?<kem>[${KANJI_DIGITS}]{1,3})月(?<ked>[${KANJI_DIGITS}]{1,3})日`,
    String.raw`(?<![${KANJI_DIGITS}年])(?<klm>[${KANJI_DIGITS}]{1,3})月(?<kld>[${KANJI_DIGITS}]{1,3})日`,
  ].join('|'),
  'g',
);
const WEEKDAY_RE = /^\s*\(\s*([日月火水木金土])(?:曜日?)?(?:[・,、][^)]{0,6})?\s*\)/;
const RANGE_AFTER_RE = /^(?:\s*\([^)]{0,8}\))?\s*(?:[0-9]{1,2}:[0-9]{2}|(?:午前|午後)?\s*[0-9]{1,2}\s*時(?:\s*[0-9]{1,2}\s*分)?(?:頃|ごろ)?|[^\s~、。]{0,4}?)(?:から|より|以降)|^(?:\s*\([^)]{0,8}\))?[^~、。]{0,6}?~/;
const RANGE_BEFORE_RE = /(?:~|から)\s*$/;

/** Finds every full or year-less date in (normalised) text, in order. Year-less dates keep `year: null`. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const g = m.groups!;
    let year: number | null = null;
    let month: number;
    let day: number;
    if (g.era) {
      const ey = g.ey === '元' ? 1 : Number(g.ey);
      year = eraToYear(g.era, ey);
      month = Number(g.em);
      day = Number(g.ed);
      if (year !== null && !eraDateOk(g.era, year, month, day)) year = null;
    } else if (g.ea) {
      year = eraToYear({ R: '令和', H: '平成', S: '昭和', T: '大正' }[g.ea] ?? '', Number(g.eay));
      month = Number(g.eam);
      day = Number(g.ead);
    } else if (g.y) {
      year = Number(g.y); month = Number(g.m); day = Number(g.d);
    } else if (g.sy) {
      year = Number(g.sy); month = Number(g.sm); day = Number(g.sd);
    } else if (g.kera) {
      const ey = g.key === '元' ? 1 : kanjiNumber(g.key!);
      year = Number.isNaN(ey) ? null : eraToYear(g.kera, ey);
      month = kanjiNumber(g.kem!);
      day = kanjiNumber(g.ked!);
      if (year !== null && !eraDateOk(g.kera, year, month, day)) year = null;
    } else if (g.klm) {
      month = kanjiNumber(g.klm);
      day = kanjiNumber(g.kld!);
    } else if (g.rel) {
      const last = g.rel === '本年' || g.rel === '今年' ? null : (found.at(-1)?.year ?? null);
      year = last === null ? null : last + (g.rel === '翌年' ? 1 : 0);
      month = Number(g.rm); day = Number(g.rd);
    } else {
      month = Number(g.lm); day = Number(g.ld);
    }
    let end = m.index + m[0].length;
    let weekday: number | null = null;
    const wd = WEEKDAY_RE.exec(text.slice(end, end + 16));
    if (wd) {
      weekday = WEEKDAYS.indexOf(wd[1]!);
      end += wd[0].length;
    }
    if (!isValidDate(year ?? 2000, month, day)) continue;
    const after = text.slice(end, end + 14);
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    found.push({
      start: m.index,
      end,
      year,
      month,
      day,
      weekday,
      iso: year === null ? null : toIso(year, month, day),
      rangeStart: RANGE_AFTER_RE.test(after),
      rangeEnd: RANGE_BEFORE_RE.test(before),
    });
  }
  // The second half of "2023年3月20日~3月27日" takes the first half's year.
  for (let i = 1; i < found.length; i++) {
    const cur = found[i]!;
    const prev = found[i - 1]!;
    if (cur.year === null && prev.year !== null && prev.rangeStart && cur.start - prev.end < 8) {
      cur.year = prev.year;
      cur.iso = toIso(prev.year, cur.month, cur.day);
      cur.rangeEnd = true;
    }
  }
  return found;
}

export interface YearContext {
  /** the notice's own date (YYYY-MM-DD), the preferred source of a year */
  noticeDate?: string | null;
  /** a year to fall back on (the casebook number's year), used only where the weekday agrees */
  fallbackYear?: number | null;
}

/**
 * Gives a year-less date the notice's year; a date that would fall after the notice belongs to the year
 * before. Without a notice date, the fallback year is used only when a stated weekday agrees with it.
 */
export function resolveYear(d: DateMention, ctx: YearContext): string | null {
  if (d.iso) return d.iso;
  const weekdayOk = (y: number) => d.weekday === null || weekdayOf(y, d.month, d.day) === d.weekday;
  if (ctx.noticeDate) {
    const ny = Number(ctx.noticeDate.slice(0, 4));
    let y = ny;
    const iso = toIso(y, d.month, d.day);
    if (iso && iso > ctx.noticeDate) y = ny - 1;
    if (!weekdayOk(y) && weekdayOk(y === ny ? ny - 1 : ny)) y = y === ny ? ny - 1 : ny;
    return weekdayOk(y) ? toIso(y, d.month, d.day) : null;
  }
  if (ctx.fallbackYear && weekdayOk(ctx.fallbackYear)) return toIso(ctx.fallbackYear, d.month, d.day);
  return null;
}

/** Parses the first date in a string (NFKC-normalised first); year-less dates need `ctx`. */
export function parseJapaneseDate(input: string, ctx: YearContext = {}): string | null {
  const d = findDates(input.normalize('NFKC'))[0];
  return d ? resolveYear(d, ctx) : null;
}

/** Month-only or vague dates (2022年7月中旬, 2020年7月から) that must not become a day. */
export const VAGUE_DATE_RE = /(?:[0-9]{4}\s*年|(?:令和|平成)\s*[0-9元]{1,2}\s*年|本年|昨年|同年)?\s*[0-9]{1,2}\s*月(?:\s*(?:上旬|中旬|下旬|初旬|末|頃|ごろ)|(?![\s0-9]*日))/;

// Day-only dates 「23日」, and 「同日」「当日」「翌日」「前日」「翌24日」「同じ日」「その日」「次の日」: they take their month (and year) from the date
// written before them. Durations and counts (「3日間」「10日以内」「毎月25日」) are not dates.
const DAY_ONLY_RE = /(?<mon>同月|翌月)?(?<next>翌)?(?<d>[0-9]{1,2})\s*日(?!\s*(?:間|以内|以上|以下|程度|前|後|ぶり|分|あたり|当たり|ほど|目|付近|中に|連続|経過))|(?<rel>同日|当日|翌日|前日|翌朝|同夜|同じ日|その日|次の日)/g;
// What may not stand right before a day-only number: another digit, a year or month, a counter word.
const DAY_ONLY_BEFORE_RE = /[0-9年月/.\-~約毎各第計全延]\s{0,2}$/;

function addDays(y: number, m: number, d: number, n: number): [number, number, number] {
  let yy = y;
  let mm = m;
  let dd = d + n;
  const dim = (a: number, b: number) => [31, (a % 4 === 0 && a % 100 !== 0) || a % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][b - 1]!;
  while (dd > dim(yy, mm)) {
    dd -= dim(yy, mm);
    mm++;
    if (mm > 12) { mm = 1; yy++; }
  }
  while (dd < 1) {
    mm--;
    if (mm < 1) { mm = 12; yy--; }
    dd += dim(yy, mm);
  }
  return [yy, mm, dd];
}

/** How long a story's dateline may be (「（2030年11月12日　東西新報）」 on the last line). */
const FOOT_LINE = 30;

/**
 * A news story dated only at its foot: a day-only date before any other date (「町は11日、…」) takes the
 * dateline's month and year, or the month before where its day is later than the dateline's. Returned as
 * a base date for the day; null where the text has no such dateline or the date is relative (同日, 翌日).
 */
function footDate(text: string, dates: readonly DateMention[], at: number, g: Record<string, string | undefined>): DateMention | null {
  if (g.rel || g.mon || g.next || g.d === undefined) return null;
  const foot = dates.at(-1);
  if (!foot || foot.year === null || foot.start < at) return null;
  // The dateline is the text's last line, and a short one.
  const end = text.trimEnd().length;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  if (foot.start < lineStart || end - lineStart > FOOT_LINE) return null;
  const d = Number(g.d);
  const [y, mo] = d <= foot.day ? [foot.year, foot.month] : foot.month === 1 ? [foot.year - 1, 12] : [foot.year, foot.month - 1];
  // The base carries the day itself, so that no month shift for a far-off day applies to it.
  return { ...foot, year: y, month: mo, day: d, iso: toIso(y, mo, d) };
}

/**
 * Day-only and relative dates (「23日」「同日」「翌日」「翌24日」) in normalised text, each given the month and year of
 * the date written before it (`dates`: the full and year-less dates of the same text, from findDates). A
 * date with nothing written before it is left out. The result is in text order and does not overlap `dates`.
 */
export function findRelativeDates(text: string, dates: readonly DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  let k = 0;
  let last: DateMention | undefined;
  DAY_ONLY_RE.lastIndex = 0;
  for (let m = DAY_ONLY_RE.exec(text); m; m = DAY_ONLY_RE.exec(text)) {
    const s = m.index;
    if (m.groups!.d !== undefined && !m.groups!.next && !m.groups!.mon && DAY_ONLY_BEFORE_RE.test(text.slice(Math.max(0, s - 3), s))) continue;
    while (k < dates.length && dates[k]!.start < s) {
      if (!last || dates[k]!.end > last.end) last = dates[k];
      k++;
    }
    if (k > 0 && dates[k - 1]!.end > s) continue; // inside a written date
    const prevOut = out.at(-1);
    const prev = prevOut && (!last || prevOut.start > last.start) ? prevOut : (last ?? footDate(text, dates, s, m.groups!));
    if (!prev) continue;
    const g = m.groups!;
    const baseYear = prev.year ?? 2000; // a leap year, so that 2月29日 survives when the year is unknown
    let y: number;
    let mo: number;
    let d: number;
    if (g.rel) {
      const shift = g.rel === '翌日' || g.rel === '翌朝' || g.rel === '次の日' ? 1 : g.rel === '前日' ? -1 : 0;
      [y, mo, d] = addDays(baseYear, prev.month, prev.day, shift);
    } else if (g.mon) {
      // 「同月12日」「翌月3日」: the month is said, relative to the date before.
      d = Number(g.d);
      y = baseYear;
      mo = prev.month + (g.mon === '翌月' ? 1 : 0);
      if (mo > 12) { mo = 1; y++; }
    } else {
      d = Number(g.d);
      y = baseYear;
      mo = prev.month;
      // 「翌3日」 after 「31日」, or a day far below the last one, has crossed into the next month.
      if ((g.next && d <= prev.day) || d < prev.day - 20) {
        mo++;
        if (mo > 12) { mo = 1; y++; }
      }
      if (g.next === undefined && d > prev.day + 20 && prev.day < 5) {
        mo--;
        if (mo < 1) { mo = 12; y--; }
      }
    }
    if (!isValidDate(y, mo, d)) continue;
    const year = prev.year === null ? null : y;
    let end = s + m[0].length;
    let weekday: number | null = null;
    const wd = WEEKDAY_RE.exec(text.slice(end, end + 16));
    if (wd) {
      weekday = WEEKDAYS.indexOf(wd[1]!);
      end += wd[0].length;
    }
    out.push({
      start: s,
      end,
      year,
      month: mo,
      day: d,
      weekday,
      iso: year === null ? null : toIso(year, mo, d),
      rangeStart: RANGE_AFTER_RE.test(text.slice(end, end + 14)),
      rangeEnd: RANGE_BEFORE_RE.test(text.slice(Math.max(0, s - 3), s)),
    });
  }
  return out;
}
