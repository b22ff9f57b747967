// Properties of the Japanese readers in src/core: dates, numbers, NFKC with its offset map, PDF unwrapping.
import fc from 'fast-check';
import { findDates, parseJapaneseDate } from '../../src/core/japanese-date.ts';
import { findCounts, parseJapaneseNumber } from '../../src/core/japanese-number.ts';
import { normalize, toOriginalSpan, type Normalized } from '../../src/core/normalize.ts';
import { unwrapPdfLines } from '../../src/core/unwrap.ts';
import { hostileText } from './arbitraries.ts';
import { JikenboError } from '../../src/core/errors.ts';
import { assertSpanInside, attempt, bounded, type PropertySet } from './bounded-property.ts';

const ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function assertOffsetMap(norm: Normalized, what: string): void {
  if (norm.starts.length !== norm.text.length || norm.ends.length !== norm.text.length) {
    throw new Error(`${what}: ${norm.starts.length} map entries for ${norm.text.length} characters`);
  }
  for (let i = 0; i < norm.text.length; i++) {
    assertSpanInside([norm.starts[i]!, norm.ends[i]!], norm.original.length, `${what}: character ${i}`);
    if (norm.starts[i]! >= norm.ends[i]!) throw new Error(`${what}: character ${i} maps to an empty range`);
    if (i > 0 && norm.starts[i]! < norm.starts[i - 1]!) throw new Error(`${what}: the map goes backwards at ${i}`);
  }
}

/** Every normalised range, including empty ones and ones at the end, maps inside the original. */
function assertSpansMap(norm: Normalized, cuts: number[], what: string): void {
  const n = norm.text.length;
  for (let k = 0; k + 1 < cuts.length; k += 2) {
    const a = n ? cuts[k]! % (n + 1) : 0;
    const b = n ? cuts[k + 1]! % (n + 1) : 0;
    assertSpanInside(toOriginalSpan(norm, Math.min(a, b), Math.max(a, b)), norm.original.length, what);
  }
}

export const properties: PropertySet = {
  findDates: bounded(hostileText, (text) => {
    const dates = attempt(() => findDates(text));
    if (dates instanceof JikenboError) return;
    for (const d of dates) {
      assertSpanInside([d.start, d.end], text.length, 'date');
      if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) throw new Error(`date ${d.month}/${d.day} is not a day`);
      if (d.iso !== null && !ISO.test(d.iso)) throw new Error(`iso ${d.iso} is not YYYY-MM-DD`);
    }
  }),

  parseJapaneseDate: bounded(
    fc.tuple(hostileText, fc.option(fc.constantFrom('2024-05-20', '2019-05-01', '0001-01-01'), { nil: null }), fc.option(fc.integer({ min: -5, max: 9999 }), { nil: null })),
    ([text, noticeDate, fallbackYear]) => {
      const iso = attempt(() => parseJapaneseDate(text, { noticeDate, fallbackYear }));
      if (typeof iso === 'string' && !ISO.test(iso)) throw new Error(`${iso} is not YYYY-MM-DD`);
    },
  ),

  findCounts: bounded(hostileText, (text) => {
    const counts = attempt(() => findCounts(text));
    if (counts instanceof JikenboError) return;
    for (const c of counts) {
      assertSpanInside([c.start, c.end], text.length, 'count');
      if (!Number.isSafeInteger(c.value) || c.value <= 0) throw new Error(`count ${c.value} is not a positive integer`);
    }
  }),

  parseJapaneseNumber: bounded(hostileText.map((t) => t.slice(0, 400)), (text) => {
    const value = attempt(() => parseJapaneseNumber(text));
    if (typeof value === 'number' && !(Number.isSafeInteger(value) && value >= 0)) throw new Error(`${value} is not a count`);
  }),

  normalize: bounded(fc.tuple(hostileText, fc.array(fc.nat(), { maxLength: 20 })), ([text, cuts]) => {
    const norm = attempt(() => normalize(text));
    if (norm instanceof JikenboError) return;
    if (norm.original !== text) throw new Error('the original is not kept');
    assertOffsetMap(norm, 'normalize');
    assertSpansMap(norm, cuts, 'normalize');
  }),

  unwrapPdfLines: bounded(fc.tuple(hostileText, fc.array(fc.nat(), { maxLength: 20 })), ([text, cuts]) => {
    const view = attempt(() => unwrapPdfLines(normalize(text)));
    if (view instanceof JikenboError) return;
    assertOffsetMap(view, 'unwrapPdfLines');
    assertSpansMap(view, cuts, 'unwrapPdfLines');
  }),
};
