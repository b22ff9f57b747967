// Which notices tell one story: candidate pairs by blocking (organisation, casebook number, title,
// opening text, names near contractor cues), never all pairs, then one rule per kind of link. A link
// across organisations needs the other organisation named (org-mention.ts): a common word, a longer
// name, a product's maker or an impersonated sender is no name.
//
// Each rule works inside one block (an organisation, a casebook number, a title, an opening, one
// writer's contractor mentions), so one block can be linked again alone when a notice of it changes
// (app/regroup.ts) and, settled, gives what linking the whole casebook at once gives.

import { findDates } from '../core/japanese-date.ts';
import type { IncidentRecord } from '../core/record.ts';
import type { LinkableNotice, NoticeLink } from './grouping-types.ts';
import { keptNumber } from './casebook-number.ts';
import { findContractorMentions, NameIndex, type ContractorMention } from './contractor-mention.ts';
import {
  FOLLOW_UP_WINDOW_DAYS, KIND_ONLY_FOLLOW_UP_DAYS, KIND_ONLY_PARTNER_DAYS, differentEventDays, eventDate, otherEvent, sharedEventDate, sharedEventFact, sharedKind, withinWindow,
} from './event-overlap.ts';
import { findFollowUpMarker } from './follow-up-marker.ts';
import { MIN_MENTION_KEY, compactText, legalFormKind, orgKey, sameLegalPerson } from './org-name.ts';
import { namesOrganisation } from './org-mention.ts';
import { bigramCounts, diceSimilarity, diceUpperBound, type BigramCounts } from './text-similarity.ts';

export const NEAR_DUPLICATE_THRESHOLD = 0.9;
/**
 * Blocks larger than this (a generic title such as お知らせ, a prolific organisation) are not compared
 * pairwise for near-duplicates: the pairs grow with the square of the block.
 */
export const MAX_BLOCK = 50;

export interface Prepared {
  id: number;
  record: IncidentRecord;
  text: string;
  /** compactText(text), made when a rule first needs it (a contractor's partners never do). */
  readonly compact: string;
  org: string | null;
  /** The kind of legal person the name states (株式会社, 医療法人…), or null. */
  form: string | null;
  number: string | null;
  /** disclosure date, else event date; '9999' sorts undated notices after dated ones */
  sortDate: string;
  dates?: Set<string>;
  /** Its dataset (core/dataset.ts): an imported notice is linked by no rule. */
  dataset?: string;
  /** The follow-up marker its header or text carries (null: none), found when first needed. */
  marker?: string | null;
}

/** Earlier first: by date, then ingest order (notice ids grow with ingest). */
export function noticeOrder(a: { sortDate: string; id: number }, b: { sortDate: string; id: number }): number {
  return a.sortDate < b.sortDate ? -1 : a.sortDate > b.sortDate ? 1 : a.id - b.id;
}

export function prepare(n: LinkableNotice): Prepared {
  let compact: string | null = null;
  return {
    id: n.id, record: n.record, text: n.text, org: orgKey(n.record.organization), form: legalFormKind(n.record.organization),
    number: keptNumber(n.record.casebook_id), sortDate: eventDate(n.record) ?? '9999',
    ...(n.dataset !== undefined ? { dataset: n.dataset } : {}),
    get compact() {
      compact ??= compactText(n.text);
      return compact;
    },
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K | null, value: V): void {
  if (key === null) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Links found in one block, each pair once per rule (the first evidence found). */
class LinkSet {
  readonly links: NoticeLink[] = [];
  private readonly seen = new Set<string>();
  add(rule: NoticeLink['rule'], a: number, b: number, evidence: string, client?: number): void {
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${rule}:${x}:${y}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.links.push({ rule, evidence, notices: [x, y], ...(client === undefined ? {} : { client }) });
  }
}

/**
 * The blocks a notice of kind 'incident' belongs to, as `kind:key` names; the store indexes them.
 *   - `org:<key>`: near-duplicates within one organisation (compared only while the block is small);
 *   - `day:<date>:<key>`: one organisation's notices of one event day (occurrence or discovery), for
 *     same-event links;
 *   - `follow:<id>`: a notice that calls itself a follow-up, linked to the earlier notice it continues
 *     (its organisation's notices within the window before it, found by date: see followWindow);
 *   - `marked:<key>`: the follow-ups of one organisation, by date (index only, never linked): a changed
 *     notice finds the follow-ups that may continue it;
 *   - `number:<n>`, `title:<t>`, `opening:<o>`.
 * No block grows with an organisation's whole history, so a prolific organisation's notice is linked
 * against the notices of its time alone.
 */
export function noticeBlocks(p: Prepared): string[] {
  if (p.record.kind !== 'incident') return [];
  const blocks: string[] = [];
  if (p.org !== null) {
    blocks.push(`org:${p.org}`);
    for (const day of eventDays(p.record)) blocks.push(`day:${day}:${p.org}`);
    if (followUpMarker(p) !== null) blocks.push(`follow:${p.id}`, `marked:${p.org}`);
  }
  if (p.number !== null) blocks.push(`number:${p.number}`);
  const title = titleKey(p);
  if (title !== null) blocks.push(`title:${title}`);
  const opening = openingKey(p);
  if (opening !== null) blocks.push(`opening:${opening}`);
  return blocks;
}

/**
 * A notice's own blocks, whose partners are found by date (a follow-up's) or by name (a writer's), not
 * by the notices the blocks index holds under them: one alone in the index may still give links.
 */
export const isOwnBlock = (block: string): boolean => block.startsWith('follow:') || block.startsWith('writer:');

/** Blocks that only index (a changed notice's neighbours are found by them); they give no links. */
export const isIndexOnly = (block: string): boolean => block.startsWith('marked:');

/** The days an event is placed on: occurrence and discovery, once each. */
function eventDays(r: IncidentRecord): string[] {
  return [...new Set([r.occurred_date, r.discovered_date].filter((d): d is string => d !== null))];
}

function followUpMarker(p: Prepared): string | null {
  if (p.marker === undefined) p.marker = findFollowUpMarker(p.record.header, p.text);
  return p.marker;
}

/** The date a notice is indexed at (its place in time), or null when it has none. */
export const indexedAt = (p: Prepared): string | null => eventDate(p.record);

/**
 * The dates an organisation's notices must be indexed at to matter to a follow-up at `at`: the window
 * before it (an undated follow-up may continue any earlier notice). Undated notices are always included
 * by the store; dated ones outside these bounds never pass withinWindow.
 */
export function followWindow(at: string | null): { from: string | null; to: string | null } {
  return at === null ? { from: null, to: null } : { from: shiftDays(at, -FOLLOW_UP_WINDOW_DAYS), to: at };
}

/** The follow-ups a notice indexed at `at` may be continued by: those dated within the window after it. */
export function followersWindow(at: string | null): { from: string | null; to: string | null } {
  return at === null ? { from: null, to: null } : { from: at, to: shiftDays(at, FOLLOW_UP_WINDOW_DAYS) };
}

/** A contractor's notices that may be about a writer's event: within the window either side. */
export function partnerWindow(at: string | null): { from: string | null; to: string | null } {
  return at === null ? { from: null, to: null } : { from: shiftDays(at, -FOLLOW_UP_WINDOW_DAYS), to: shiftDays(at, FOLLOW_UP_WINDOW_DAYS) };
}

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function titleKey(p: Prepared): string | null {
  const title = compactText(p.record.title ?? '').replace(/[0-9]{4}[/年-][0-9]{1,2}[/月-][0-9]{1,2}日?$/, '');
  return title.length >= 4 ? title : null;
}

/** The body after the first line: a notice reposted under another header starts the same. */
function openingKey(p: Prepared): string | null {
  const newline = p.text.indexOf('\n');
  const opening = newline < 0 ? '' : compactText(p.text.slice(newline + 1)).slice(0, 40);
  return opening.length >= 20 ? opening : null;
}

/**
 * A block's links, by the kind of its name: every rule that works inside that kind of block. A
 * follow-up block's members are its notice and the notices of its organisation it may continue.
 */
export function linkBlock(block: string, members: readonly Prepared[]): NoticeLink[] {
  const out = new LinkSet();
  const kind = block.slice(0, block.indexOf(':'));
  if (kind === 'org' || kind === 'title' || kind === 'opening') {
    linkNearDuplicates([...members], out);
  } else if (kind === 'day') {
    // One day of a prolific organisation: too many to tell apart by day and kind alone.
    if (members.length <= MAX_BLOCK) linkSameEvent([...members], out);
  } else if (kind === 'follow') {
    const later = members.find((m) => m.id === Number(block.slice('follow:'.length)));
    if (later) linkFollowUp(later, members, out);
  } else if (kind === 'number') {
    linkSameNumber(block.slice('number:'.length), [...members], out);
  }
  return out.links;
}

/**
 * The order links are settled in: a pair linked by two rules keeps the first rule's evidence, and a
 * same_event link stands only where no other rule links its pair (the weakest evidence of all).
 */
const RULE_ORDER: Record<NoticeLink['rule'], number> = {
  follow_up: 0, same_casebook_number: 1, client_contractor: 2, near_duplicate: 3, same_event: 4, manual_link: 5,
};

/** A link as one string, its fields in one order whatever order a store gave them back in. */
export function linkKey(l: NoticeLink): string {
  return JSON.stringify([l.rule, l.notices[0], l.notices[1], l.evidence, l.client ?? null, l.by ?? null, l.at ?? null]);
}

export interface BlockLink {
  block: string;
  link: NoticeLink;
}

/** The block's place among blocks: a writer by its notice id (the lowest writer's evidence is kept). */
function blockOrder(a: string, b: string): number {
  const wa = a.startsWith('writer:') ? Number(a.slice(7)) : null;
  const wb = b.startsWith('writer:') ? Number(b.slice(7)) : null;
  if (wa !== null && wb !== null) return wa - wb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The links of many blocks as one set: each pair once per rule, same_event only where nothing else links the pair. */
export function settleLinks(found: readonly BlockLink[]): NoticeLink[] {
  const ordered = [...found].sort((x, y) => RULE_ORDER[x.link.rule] - RULE_ORDER[y.link.rule]
    || x.link.notices[0] - y.link.notices[0] || x.link.notices[1] - y.link.notices[1] || blockOrder(x.block, y.block));
  const seen = new Set<string>();
  const pairs = new Set<string>();
  const out: NoticeLink[] = [];
  for (const { link } of ordered) {
    const pair = `${link.notices[0]}:${link.notices[1]}`;
    if (seen.has(`${link.rule}:${pair}`)) continue;
    if (link.rule === 'same_event' && pairs.has(pair)) continue;
    seen.add(`${link.rule}:${pair}`);
    pairs.add(pair);
    out.push(link);
  }
  return out;
}

/** Automatic links between notices of kind 'incident'; a person's decisions are applied after. */
export function linkNotices(notices: readonly LinkableNotice[]): NoticeLink[] {
  const prepared = notices.filter((n) => n.record.kind === 'incident').map(prepare);
  const blocks = new Map<string, Prepared[]>();
  const byOrg = new Map<string, Prepared[]>();
  for (const p of prepared) {
    for (const block of noticeBlocks(p)) pushTo(blocks, block, p);
    pushTo(byOrg, p.org, p);
  }
  const found: BlockLink[] = [];
  for (const [block, list] of blocks) {
    if (isIndexOnly(block)) continue;
    // A follow-up is compared with its whole organisation: the rule itself keeps the window.
    const members = block.startsWith('follow:') ? byOrg.get(list[0]!.org!)! : list;
    if (members.length < 2) continue;
    for (const link of linkBlock(block, members)) found.push({ block, link });
  }
  const index = new NameIndex(byOrg.keys());
  for (const writer of prepared) {
    const block = `writer:${writer.id}`;
    const mentions = findContractorMentions(writer.compact, index, writer.org);
    for (const link of linkWriter(writer, mentions, byOrg)) found.push({ block, link });
  }
  return settleLinks(found);
}

/** (a) A later notice of the same organisation that calls itself a follow-up and shares a fact with an earlier one. */
function linkFollowUp(later: Prepared, block: readonly Prepared[], out: LinkSet): void {
  const marker = followUpMarker(later);
  if (marker === null) return;
  let best: { earlier: Prepared; score: number; fact: string } | null = null;
  // Earlier first, so that among equal scores the nearest earlier notice wins.
  for (const earlier of block.filter((e) => e !== later && e.org === later.org && noticeOrder(e, later) < 0).sort(noticeOrder)) {
    if (!sameLegalPerson(earlier.form, later.form) || !withinWindow(earlier.record, later.record)) continue;
    const citesDate = earlier.record.disclosure_date !== null && datesIn(later).has(earlier.record.disclosure_date);
    // One organisation's second incident may be followed up too: its 第2報 continues that one, not the first.
    if (!citesDate && otherEvent(earlier.record, later.record) !== null) continue;
    const fact = citesDate ? `refers to the notice of ${earlier.record.disclosure_date}` : sharedEventFact(earlier.record, later.record);
    if (fact === null) continue;
    const score = citesDate ? 3 : fact.startsWith('same event date') ? 2 : 1;
    if (score === 1 && !withinWindow(earlier.record, later.record, KIND_ONLY_FOLLOW_UP_DAYS)) continue;
    // Equal scores: the nearest earlier notice, the one a follow-up most likely continues.
    if (best === null || score >= best.score) best = { earlier, score, fact };
  }
  if (best) out.add('follow_up', best.earlier.id, later.id, `${marker} (${best.fact})`);
}

/**
 * (a') Two notices of one organisation giving the same day for the event and the same kind of event:
 * a casebook post in its own words, a notice without a follow-up marker. A day alone or a kind alone
 * is not enough: an organisation has many events of one kind, and two kinds may happen on one day.
 * Blocked by organisation and day, so a prolific organisation costs no more than its notices of one day.
 */
function linkSameEvent(prepared: Prepared[], out: LinkSet): void {
  const byOrgDay = new Map<string, Prepared[]>();
  for (const p of prepared) {
    if (p.org === null) continue;
    for (const day of new Set([p.record.occurred_date, p.record.discovered_date])) if (day !== null) pushTo(byOrgDay, `${p.org}\u0000${day}`, p);
  }
  for (const block of byOrgDay.values()) {
    if (block.length < 2 || block.length > MAX_BLOCK) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        if (!sameLegalPerson(block[i]!.form, block[j]!.form)) continue;
        const [a, b] = inOrder(block[i]!, block[j]!);
        const day = sharedEventDate(a, b);
        const kind = day === null ? null : sharedKind(a, b);
        if (day === null || kind === null || !withinWindow(a, b) || otherEvent(a, b) !== null) continue;
        out.add('same_event', block[i]!.id, block[j]!.id, `same event date ${day}; ${kind}`);
      }
    }
  }
}

function inOrder(a: Prepared, b: Prepared): [IncidentRecord, IncidentRecord] {
  return noticeOrder(a, b) <= 0 ? [a.record, b.record] : [b.record, a.record];
}

function datesIn(p: Prepared): Set<string> {
  p.dates ??= new Set(findDates(p.text.normalize('NFKC')).flatMap((d) => (d.iso ? [d.iso] : [])));
  return p.dates;
}

/**
 * One number from the casebook: the same organisation is one incident; two organisations are one
 * only when one notice names the other. Otherwise both keep the number and numbering flags the clash.
 */
function linkSameNumber(number: string, block: Prepared[], out: LinkSet): void {
  for (let i = 0; i < block.length; i++) {
    for (let j = i + 1; j < block.length; j++) {
      const a = block[i]!;
      const b = block[j]!;
      if (a.org === null || b.org === null) continue;
      // One key, two kinds of legal person (株式会社あおば, 医療法人あおば): each text names itself, not the other.
      if (a.org === b.org && !sameLegalPerson(a.form, b.form)) continue;
      if (a.org === b.org) {
        out.add('same_casebook_number', a.id, b.id, `#${number}`);
        continue;
      }
      const named = names(a, b) ? `${a.record.organization} names ${b.record.organization}`
        : names(b, a) ? `${b.record.organization} names ${a.record.organization}` : null;
      if (named !== null) out.add('same_casebook_number', a.id, b.id, `#${number}; ${named}`);
    }
  }
}

function names(writer: Prepared, named: Prepared): boolean {
  return named.org !== null && named.org.length >= MIN_MENTION_KEY && namesOrganisation(writer.compact, named.org);
}

/**
 * (b) A notice that names another notice's organisation beside a contractor cue, about the same event.
 * `partners` holds the notices of each organisation the writer names (the writer's own block aside).
 */
export function linkWriter(writer: Prepared, mentions: readonly ContractorMention[], partners: ReadonlyMap<string, readonly Prepared[]>): NoticeLink[] {
  const out = new LinkSet();
  if (writer.record.kind !== 'incident') return out.links;
  for (const mention of mentions) {
    for (const other of partners.get(mention.key) ?? []) {
      if (other.id === writer.id || other.record.kind !== 'incident' || !withinWindow(writer.record, other.record)) continue;
      const sameNumber = writer.number !== null && writer.number === other.number;
      if (!sameNumber && !partnersInOneEvent(writer.record, other.record)) continue;
      out.add('client_contractor', writer.id, other.id, mention.evidence, mention.namesClient ? other.id : writer.id);
    }
  }
  return out.links;
}

/** One day of the event, or one kind of event within half a year. */
function partnersInOneEvent(a: IncidentRecord, b: IncidentRecord): boolean {
  return sharedEventDate(a, b) !== null || (sharedKind(a, b) !== null && withinWindow(a, b, KIND_ONLY_PARTNER_DAYS));
}

/** (c) The same notice published twice: texts alike by bigram Dice, compared within a block only. */
function linkNearDuplicates(block: Prepared[], out: LinkSet): void {
  if (block.length < 2 || block.length > MAX_BLOCK) return;
  // Bigram counts live for one block only: kept for every notice they would not fit in memory at 100k.
  const counts = new Map<number, BigramCounts>();
  const countsOf = (p: Prepared) => counts.get(p.id) ?? counts.set(p.id, bigramCounts(p.compact)).get(p.id)!;
  for (let i = 0; i < block.length; i++) {
    for (let j = i + 1; j < block.length; j++) {
      const a = block[i]!;
      const b = block[j]!;
      if (diceUpperBound(a.compact.length, b.compact.length) < NEAR_DUPLICATE_THRESHOLD) continue;
      // One template used for two events (an organisation's yearly notices) is not one notice twice.
      if (!withinWindow(a.record, b.record) || otherEvent(...inOrder(a, b)) !== null) continue;
      // Two organisations on one template (city boards, a chain's shops): alike text, each its own day.
      if (a.org !== null && b.org !== null && a.org !== b.org && differentEventDays(a.record, b.record) !== null) continue;
      const similarity = diceSimilarity(countsOf(a), countsOf(b));
      if (similarity >= NEAR_DUPLICATE_THRESHOLD) out.add('near_duplicate', a.id, b.id, `similarity ${similarity.toFixed(2)}`);
    }
  }
}
