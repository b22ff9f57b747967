// affected_count: people (else records) whose data leaked — a stated total, the sum of disjoint groups, or the largest.
// What each count is (a total, staff, mails sent, a subset, a per-item breakdown) is read by the rules in
// rules/affected-count.ts; this decider aggregates.
import { findCounts, type CountMention } from '../core/japanese-number.ts';
import { CharPositions } from './char-positions.ts';
import type { Confidence, Found, PostContext } from './context.ts';
import { applyRules, unitsOf, type Hit } from './rules/engine.ts';
import { GUARDS } from './rules/guards.ts';
import { AFFECTED_COUNT_RULES, NO_LEAK_RULES, type CountRole } from './rules/affected-count.ts';

const COORD_RE = /^[^。\n]{0,25}?(?:と|及び|および|並びに|、)\s*[^。\n]{0,25}?$/;
const LIST_ITEM_RE = /^\s*(?:[•・*※\-]|[0-9]+[.)]|\(?[0-9]+\)|[①-⑳]|[ア-ン][\s.)])/;
// A bullet (・, -, •): items under one heading form one list, even with lines between them.
const BULLET_RE = /^\s*[•・*\-]/;
// Words that make a sentence about exposure, where a count stands even when the notice denies a leak elsewhere.
const EXPOSURE_RE = /漏えい|漏洩|流出|閲覧|対象|含まれ|誤送|誤って|紛失|盗難|記載/;
// A count stated alone is sure only in a sentence that says whose data was exposed (or may have been).
const ABOUT_EXPOSURE_RE = /漏えい|漏洩|流出|閲覧|見える|公開|掲載|対象|該当|含まれ|誤送|誤って|紛失|盗難|記載|記され|影響|可能性/;

/**
 * Where the text's sentences (。) and lines end, and what each sentence was found to say: looked up, not
 * scanned again from every count (a text of thousands of counts without 。 was quadratic).
 */
interface Ends {
  stops: CharPositions;
  lines: CharPositions;
  /** sentence start → the sentence gives advice and says nothing of a leak */
  advice: Map<number, boolean>;
}

/** What the rules said about the counts of a post. */
interface Roles {
  of: Map<CountMention, Set<CountRole>>;
  rules: Map<CountMention, Set<string>>;
  /** starts of the subset markers (うち, 内訳), in order */
  subsetAt: number[];
  /** the notice says no data leaked */
  noLeak: boolean;
  noLeakRule: string | null;
  /** 「・作業員 計86名分」「・住民 計41名分」: list items each giving their own group's total */
  itemTotals: Set<CountMention>;
}

interface Group {
  value: number;
  person: boolean;
  at: Array<[number, number]>;
  counts: CountMention[];
}

// A heading line (「2 経緯」「(3) 今後の対応」「■ 対応」) ends a list; bullets and plain lines under one heading do not.
const HEADING_RE = /^\s*(?:[0-9０-９]+\s*[.．、)]?\s*[^0-9\s]|[（(][0-9]+[)）]|第[0-9一二三四五六七八九十]+|[一二三四五六七八九十]+[、.．]|[■□◆◇●○【])/;

const UNIT_START_RE = /^(?:人分|名分|件分|名様|アカウント|人|名|件|通)/;

// A line that ends as a sentence (「…対象となります」) is prose between lists, not an item.
const SENTENCE_END_RE = /(?:ます|です|した|ません|ました|である|ください|。)\s*$/;

function firstIndexAtOrAfter(xs: number[], at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rolesOf(ctx: PostContext, counts: CountMention[]): Roles {
  const roles: Roles = { of: new Map(), rules: new Map(), subsetAt: [], noLeak: false, noLeakRule: null, itemTotals: new Set() };
  // Two or more list items that each open their figure with 計 give each group's total, not the notice's.
  const items = counts.filter((c) => ctx.text.startsWith('計', c.start) && LIST_ITEM_RE.test(ctx.text.slice(ctx.text.lastIndexOf('\n', c.start) + 1, c.start)));
  if (items.length >= 2) for (const c of items) roles.itemTotals.add(c);
  const starts = counts.map((c) => c.start);
  const ends = counts.map((c) => c.end);
  const units = unitsOf(ctx, 'sentence');
  // The count rules read only the sentences that hold a count (counts are in order of start).
  const withCount = units.filter((u) => {
    const i = firstIndexAtOrAfter(starts, u.start);
    return i < counts.length && starts[i]! < u.start + u.text.length;
  });
  // A denial of any leak matters only for counts outside sentences about exposure.
  const needNoLeak = withCount.some((u) => !EXPOSURE_RE.test(u.text));
  const hits = [...applyRules(AFFECTED_COUNT_RULES, withCount, { without: ctx.without }), ...(needNoLeak ? applyRules(NO_LEAK_RULES, units, { without: ctx.without }) : [])];
  for (const h of hits as Array<Hit<CountRole>>) {
    if (h.rule.value === 'subset') roles.subsetAt.push(h.start);
    else if (h.rule.value === 'no-leak') {
      roles.noLeak = true;
      roles.noLeakRule ??= h.rule.id;
    } else {
      // The count the hit is anchored on: a hit that opens with a unit word (「名体制」「件中」) is about the count
      // that ends with it; any other hit ends right before the number it is about. Counts are in order of start.
      const unit = UNIT_START_RE.exec(h.match[0]);
      for (let i = firstIndexAtOrAfter(ends, h.start + 1); i < counts.length && starts[i]! <= h.end + 1; i++) {
        const c = counts[i]!;
        const anchored = unit ? c.end === h.start + unit[0].length && c.start < h.start : c.start >= h.end - 1 && c.start <= h.end + 1;
        if (!anchored) continue;
        let set = roles.of.get(c);
        if (!set) roles.of.set(c, (set = new Set()));
        set.add(h.rule.value);
        let ids = roles.rules.get(c);
        if (!ids) roles.rules.set(c, (ids = new Set()));
        ids.add(h.rule.id);
      }
    }
  }
  roles.subsetAt.sort((a, b) => a - b);
  return roles;
}

const has = (roles: Roles, c: CountMention, r: CountRole) => roles.of.get(c)?.has(r) ?? false;

function subsetIn(roles: Roles, start: number, end: number): boolean {
  const i = firstIndexAtOrAfter(roles.subsetAt, start);
  return i < roles.subsetAt.length && roles.subsetAt[i]! < end;
}

function usable(c: CountMention, text: string, ends: Ends, roles: Roles): boolean {
  if (has(roles, c, 'not-affected') || has(roles, c, 'superseded')) return false;
  const sStart = ends.stops.lastAtOrBefore(c.start) + 1;
  const sEnd = ends.stops.firstAtOrAfter(c.end);
  let advice = ends.advice.get(sStart);
  if (advice === undefined) {
    const sentence = text.slice(sStart, sEnd < 0 ? text.length : sEnd);
    advice = (GUARDS.readerAdvice({ text: sentence, start: 0, end: 0 }) && !/漏|流出|対象/.test(sentence)) || (roles.noLeak && !EXPOSURE_RE.test(sentence));
    ends.advice.set(sStart, advice);
  }
  return !advice;
}

/** How far after 「うち」 the part's figure may stand (「そのうち17名」「うち、カード決済の1,967名」). */
const PART_REACH = 14;

// Disjoint groups: two counts joined by と/及び in one sentence, or the items of one list each with one count.
function groupSums(text: string, counts: CountMention[], from: number, ends: Ends, roles: Roles): Group[] {
  const groups: Group[] = [];
  for (let i = 0; i + 1 < counts.length; i++) {
    const a = counts[i]!;
    const b = counts[i + 1]!;
    const between = text.slice(a.end, b.start);
    const sStart = Math.max(ends.stops.lastAtOrBefore(a.start), ends.lines.lastAtOrBefore(a.start)) + 1;
    const sEndAt = [ends.stops.firstAtOrAfter(b.end), ends.lines.firstAtOrAfter(b.end)].filter((e) => e >= 0);
    const sEnd = sEndAt.length ? Math.min(...sEndAt) : text.length;
    const apart = (c: CountMention) => c.max || c.total || has(roles, c, 'overlap') || has(roles, c, 'total');
    if (COORD_RE.test(between) && !apart(a) && !apart(b) && !subsetIn(roles, sStart, sEnd) && !/\n/.test(between)) {
      groups.push({ value: a.value + b.value, person: a.unit === 'person' || b.unit === 'person', at: [[a.start, a.end], [b.start, b.end]], counts: [a, b] });
    }
  }
  // The items of one list, each line with exactly one count: 「氏名のみ N件」「氏名及び住所 M件」.
  const lines: Array<{ start: number; end: number; counts: CountMention[] }> = [];
  let pos = from;
  let ci = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const inLine: CountMention[] = [];
    while (ci < counts.length && counts[ci]!.start < pos) ci++;
    for (let k = ci; k < counts.length && counts[k]!.end <= nl; k++) inLine.push(counts[k]!);
    if (inLine.length > 0 || text.slice(pos, nl).trim()) lines.push({ start: pos, end: nl, counts: inLine });
    pos = nl + 1;
  }
  // The figures the text gives as a part of another (the count right after 「うち」).
  const partValues = new Set<number>();
  for (const at of roles.subsetAt) {
    const c = counts.find((x) => x.start >= at && x.start - at <= PART_REACH);
    if (c) partValues.add(c.value);
  }
  let run: typeof lines = [];
  const flush = () => {
    const ok = run.length >= 2 && run.every((l) => !subsetIn(roles, l.start, l.end));
    if (ok) {
      let cs = run.map((l) => l.counts[0]!);
      const sum = cs.reduce((s, c) => s + c.value, 0);
      // A list that opens with its own total (the first figure is the sum of the others) is that total.
      const head = cs.find((c) => c.value * 2 === sum);
      if (head) cs = [head];
      // An item-by-item breakdown of the same people, or card records beside all customers: the largest.
      // (Items that each give a 計 are groups' totals, whatever data they list.)
      const perItem = cs.every((c) => has(roles, c, 'per-item') && !roles.itemTotals.has(c));
      if (perItem || cs.some((c) => has(roles, c, 'overlap'))) cs = [cs.reduce((x, y) => (y.value > x.value ? y : x))];
      groups.push({ value: cs.reduce((s, c) => s + c.value, 0), person: cs.some((c) => c.unit === 'person'), at: cs.map((c) => [c.start, c.end]), counts: cs });
    }
    run = [];
  };
  for (const l of lines) {
    const line = text.slice(l.start, l.end);
    // A line that is all in brackets (「(お問い合わせ履歴としては約1万2千件)」) notes the line above in other units.
    if (/^\s*\(.*\)\s*$/.test(line)) continue;
    if (l.counts.length === 0) {
      // A line without a count inside a list (a bullet, a line of items) does not end it; a heading or a sentence does.
      if ((HEADING_RE.test(line) && !BULLET_RE.test(line)) || SENTENCE_END_RE.test(line) || line.trim().length > 120) flush();
      continue;
    }
    // A sentence that counts a part of the item above (「このうち…6,480人分については…含まれます。」) neither adds
    // to the list nor ends it; a breakdown line (「内訳:…17件」) still ends it. Nor does a row that counts again
    // a part the text gave as such (「52名…、そのうち17名の…」 over 「・17名のメールボックス…」).
    if (SENTENCE_END_RE.test(line) && subsetIn(roles, l.start, l.end)) continue;
    if (l.counts.length === 1 && partValues.has(l.counts[0]!.value) && !subsetIn(roles, l.start, l.end)) continue;
    if (l.counts.length === 1 && (line.trim().length <= 80 || LIST_ITEM_RE.test(line)) && (!l.counts[0]!.total || roles.itemTotals.has(l.counts[0]!))) run.push(l);
    else flush();
  }
  flush();
  return groups;
}

function best(text: string, counts: CountMention[], from: number, ends: Ends, roles: Roles): Group | null {
  if (counts.length === 0) return null;
  const singles: Group[] = counts.map((c) => ({ value: c.value, person: c.unit === 'person', at: [[c.start, c.end]], counts: [c] }));
  const all = [...singles, ...groupSums(text, counts, from, ends, roles)];
  // People are counted over records where the notice gives both (96件(88名) → 88).
  const people = all.filter((g) => g.person);
  const pool = people.length ? people : all;
  return pool.reduce((a, b) => (b.value > a.value ? b : a));
}

function isStatedTotal(text: string, c: CountMention, roles: Roles): boolean {
  if (roles.itemTotals.has(c)) return false;
  return has(roles, c, 'total') || (c.total && /合計|総計|計/.test(text.slice(Math.max(0, c.start - 4), c.start + 4)));
}

function rulesOf(roles: Roles, cs: CountMention[], base: string): string[] {
  const ids = new Set<string>([base]);
  for (const c of cs) for (const id of roles.rules.get(c) ?? []) ids.add(id);
  return [...ids];
}

/** The count's sentence (or line) speaks of exposure: leaked, viewed, affected, held in what was lost. */
function aboutExposure(text: string, c: CountMention, ends: Ends): boolean {
  const from = Math.max(ends.stops.lastAtOrBefore(c.start), ends.lines.lastAtOrBefore(c.start)) + 1;
  const stops = [ends.stops.firstAtOrAfter(c.end), ends.lines.firstAtOrAfter(c.end)].filter((e) => e >= 0);
  const to = stops.length ? Math.min(...stops) : text.length;
  return ABOUT_EXPOSURE_RE.test(text.slice(from, to));
}

/** A post whose only count is in its first line (a headline, or a page stored without its title): low. */
function headlineCount(ctx: PostContext, text: string, ends: Ends): Found<number> | null {
  const head = findCounts(ctx.header);
  const roles = rolesOf({ ...ctx, sentences: [{ start: 0, end: ctx.header.length, text: ctx.header, line: 0 }] }, head);
  const ok = head.filter((c) => usable(c, text, ends, roles));
  if (ok.length !== 1) return null;
  const c = ok[0]!;
  return { value: c.value, at: [[c.start, c.end]], confidence: 'low', rules: rulesOf(roles, [c], 'affected_count/decider-headline-count') };
}

export function extractAffectedCount(ctx: PostContext): Found<number> | null {
  const text = ctx.text;
  const ends: Ends = { stops: new CharPositions(text, '。'), lines: new CharPositions(text, '\n'), advice: new Map() };
  const all = findCounts(text).filter((c) => c.start >= ctx.bodyStart);
  const roles = rolesOf(ctx, all);
  const counts = all.filter((c) => usable(c, text, ends, roles));
  // A stated overall total wins over any sum (people first), unless a larger count shows it is a subtotal.
  const totals = ctx.sectionStarts.length >= 2 ? [] : counts.filter((c) => isStatedTotal(text, c, roles));
  if (totals.length > 0) {
    const people = totals.filter((c) => c.unit === 'person');
    const t = (people.length ? people : totals).reduce((a, b) => (b.value > a.value ? b : a));
    // 「延べ4,215件(実人数3,870人)」: records with the people they are in brackets right after: the people.
    const inBrackets = t.unit === 'record' ? counts.find((c) => c.unit === 'person' && c.start > t.end && c.start - t.end <= 8 && /^\s*\(/.test(text.slice(t.end, c.start))) : undefined;
    if (inBrackets) return { value: inBrackets.value, at: [[inBrackets.start, inBrackets.end]], confidence: 'medium', rules: rulesOf(roles, [t, inBrackets], 'affected_count/decider-stated-total') };
    const larger = counts.some((c) => c.value > t.value && !isStatedTotal(text, c, roles) && (c.unit === t.unit || t.unit === 'record'));
    if (!larger) return { value: t.value, at: [[t.start, t.end]], confidence: 'high', rules: rulesOf(roles, [t], 'affected_count/decider-stated-total') };
  }
  if (ctx.sectionStarts.length >= 2) {
    // Several cases in one post: each case's own figure, added up.
    const bounds = [...ctx.sectionStarts, text.length];
    let total = 0;
    const at: Array<[number, number]> = [];
    const used: CountMention[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const inSection = counts.filter((c) => c.start >= bounds[k]! && c.end <= bounds[k + 1]!);
      const g = best(text, inSection, bounds[k]!, ends, roles);
      if (g) {
        total += g.value;
        at.push(...g.at);
        used.push(...g.counts);
      }
    }
    if (total > 0) return { value: total, at, confidence: 'medium', rules: rulesOf(roles, used, 'affected_count/decider-sections-summed') };
  }
  const g = best(text, counts, ctx.bodyStart, ends, roles);
  if (!g) return headlineCount(ctx, text, ends);
  // One stated figure in a sentence about exposure is high (elsewhere it may count something else: low); a sum
  // of groups is medium; a figure picked among several is low.
  const confidence: Confidence = counts.length === 1 ? (aboutExposure(text, counts[0]!, ends) ? 'high' : 'low') : g.at.length > 1 ? 'medium' : 'low';
  const base = counts.length === 1 ? 'affected_count/decider-single-count' : g.at.length > 1 ? 'affected_count/decider-groups-summed' : 'affected_count/decider-largest';
  return { value: g.value, at: g.at, confidence, rules: rulesOf(roles, g.counts, base) };
}
