// Calendar days and the ways notices write them: 西暦, 和暦 (元年 included), R5.10.4, slashes, full-width digits.
import type { Rng } from './prng.ts';

export interface Day {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

export function dayFromIndex(index: number): Day {
  const t = new Date(index * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function dayIndex(day: Day): number {
  return Math.floor(Date.UTC(day.y, day.m - 1, day.d) / DAY_MS);
}

export function addDays(day: Day, n: number): Day {
  return dayFromIndex(dayIndex(day) + n);
}

export function isoOf(day: Day): string {
  return `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

export function weekdayOf(day: Day): string {
  return WEEKDAYS[new Date(dayIndex(day) * DAY_MS).getUTCDay()]!;
}

/** A uniform day in [from, to]. */
export function randomDay(rng: Rng, from: Day, to: Day): Day {
  return dayFromIndex(rng.int(dayIndex(from), dayIndex(to)));
}

// The corpus spans 2016–2025, so only 平成 and 令和 occur; 令和 began on 2019-05-01.
function era(day: Day): { name: string; letter: string; year: number } {
  const reiwa = day.y > 2019 || (day.y === 2019 && day.m >= 5);
  return reiwa ? { name: '令和', letter: 'R', year: day.y - 2018 } : { name: '平成', letter: 'H', year: day.y - 1988 };
}

export type DateStyle = 'seireki' | 'wareki' | 'slash' | 'fullwidth';

export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/(?<=[０-９]),(?=[０-９])/g, '，');
}

/** Writes the days of one notice in one consistent style, as a real notice would. */
export class DateWriter {
  constructor(
    readonly style: DateStyle,
    private readonly weekdays: boolean,
  ) {}

  static random(rng: Rng): DateWriter {
    const style = rng.weighted<DateStyle>([['seireki', 55], ['wareki', 25], ['slash', 8], ['fullwidth', 12]]);
    return new DateWriter(style, rng.chance(0.35));
  }

  /** A full date with its year. */
  full(day: Day): string {
    const wd = this.weekdays ? `（${weekdayOf(day)}）` : '';
    switch (this.style) {
      case 'wareki': {
        const e = era(day);
        return `${e.name}${e.year === 1 ? '元' : e.year}年${day.m}月${day.d}日${wd}`;
      }
      case 'slash':
        return `${day.y}/${String(day.m).padStart(2, '0')}/${String(day.d).padStart(2, '0')}${wd}`;
      case 'fullwidth':
        return toFullWidthDigits(`${day.y}年${day.m}月${day.d}日`) + wd;
      default:
        return `${day.y}年${day.m}月${day.d}日${wd}`;
    }
  }

  /** A date within a notice that already named the year: 「6月9日」 when the year is the reference's. */
  short(day: Day, ref: Day): string {
    if (day.y !== ref.y || this.style === 'slash') return this.full(day);
    const wd = this.weekdays ? `（${weekdayOf(day)}）` : '';
    const s = `${day.m}月${day.d}日`;
    return (this.style === 'fullwidth' ? toFullWidthDigits(s) : s) + wd;
  }

  /** The dated line of a notice: sometimes 「R5.10.4」 or 「令和5年10月4日」 beside a 西暦 body. */
  dateLine(day: Day, rng: Rng): string {
    if (this.style === 'wareki' && rng.chance(0.25)) {
      const e = era(day);
      return `${e.letter}${e.year}.${day.m}.${day.d}`;
    }
    return this.full(day).replace(/（.）$/, '');
  }
}

/** The date at the end of a casebook header: 2023年1月31日 or 2023/01/31. */
export function headerDate(day: Day, rng: Rng): string {
  return rng.chance(0.8) ? `${day.y}年${day.m}月${day.d}日` : `${day.y}/${String(day.m).padStart(2, '0')}/${String(day.d).padStart(2, '0')}`;
}
