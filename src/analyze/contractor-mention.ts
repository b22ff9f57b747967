// Where a notice names another organisation as its contractor or client (委託先である株式会社X, X社より受託).
// Only a name that judgeMention takes for the organisation counts (not 委託先…システム for 株式会社システム).

import { MIN_MENTION_KEY } from './org-name.ts';
import { judgeMention, mayEndAt, mayStartAt } from './org-mention.ts';

const CUE = /再委託先|委託先|委託元|業務委託|委託|受託|取引先|発注元|元請|下請|協力会社|保守(?:業者|会社|ベンダー)|運営(?:会社|事業者)/g;
// Wording that makes the *named* organisation the client: the writer is the contractor.
const NAMES_CLIENT = /委託元|受託|取引先|発注元|元請/;
const LEGAL_SUFFIX = /^(?:株式会社|有限会社|合同会社|\(株\)|社)/;
const BEFORE = 30;
const AFTER = 40;
/** Characters no organisation key holds (org-name.ts takes them out of every key). */
const KEY_BREAK = /[\s\u3000・.,、。'"“”「」『』()[\]{}【】〔〕]/;
/** Longer keys are not looked for in other notices' texts (a name that long is a sentence read as one). */
export const MAX_MENTION_KEY = 80;

export interface ContractorMention {
  /** The organisation key found. */
  key: string;
  /** The passage from the cue to the name, as the compact text has it. */
  evidence: string;
  /** true when the wording makes the named organisation the client. */
  namesClient: boolean;
}

/** Organisation keys by their first two characters, so a window is scanned once, not once per name. */
export class NameIndex {
  private readonly byPrefix = new Map<string, string[]>();

  constructor(keys: Iterable<string>) {
    for (const key of new Set(keys)) {
      if (key.length < MIN_MENTION_KEY || key.length > MAX_MENTION_KEY) continue;
      const prefix = key.slice(0, 2);
      const list = this.byPrefix.get(prefix);
      if (list) list.push(key);
      else this.byPrefix.set(prefix, [key]);
    }
  }

  /** Every indexed name starting at some position in [from, to) of `text`, with its position. */
  *namesIn(text: string, from: number, to: number): Generator<{ key: string; at: number }> {
    for (let i = Math.max(0, from); i < Math.min(to, text.length - 1); i++) {
      for (const key of this.byPrefix.get(text.slice(i, i + 2)) ?? []) {
        if (text.startsWith(key, i)) yield { key, at: i };
      }
    }
  }
}

/** Organisations of the index named within a few characters of a contractor cue in `compact` text. */
export function findContractorMentions(compact: string, names: NameIndex, ownKey: string | null): ContractorMention[] {
  const found = new Map<string, ContractorMention>();
  for (const cue of compact.matchAll(CUE)) {
    const cueStart = cue.index;
    const cueEnd = cueStart + cue[0].length;
    for (const { key, at } of names.namesIn(compact, cueStart - BEFORE, cueEnd + AFTER)) {
      if (key === ownKey || ownKey?.includes(key) || found.has(key)) continue;
      // A common word, a longer name's start or a product's maker is no contractor named.
      if (judgeMention(compact, key, at) !== 'name') continue;
      const nameEnd = at + key.length + (compact.slice(at + key.length).match(LEGAL_SUFFIX)?.[0].length ?? 0);
      const evidence = compact.slice(Math.min(cueStart, at), Math.max(cueEnd, nameEnd));
      found.set(key, { key, evidence, namesClient: NAMES_CLIENT.test(cue[0]) });
    }
  }
  return [...found.values()];
}

/** Where each cue's names may start: [from, to) of the compact text, in cue order. */
function cueWindows(compact: string): Array<{ from: number; to: number }> {
  return Array.from(compact.matchAll(CUE), (cue) => ({
    from: Math.max(0, cue.index - BEFORE), to: Math.min(cue.index + cue[0].length + AFTER, compact.length - 1),
  }));
}

/**
 * Every string findContractorMentions could report if it were an organisation's key: each substring
 * of MIN..MAX_MENTION_KEY characters starting in a cue's window with the boundaries of a name. The
 * definition that regrouping's prefix reads (mentionStarts, mentionsAmong) give exactly, checked by
 * the tests; regrouping itself no longer makes these 200-300 strings a notice.
 */
export function mentionCandidates(compact: string): string[] {
  const found = new Set<string>();
  const endOk = new Map<number, boolean>();
  const mayEnd = (end: number) => endOk.get(end) ?? endOk.set(end, mayEndAt(compact, end)).get(end)!;
  for (const { from, to } of cueWindows(compact)) {
    for (let at = from; at < to; at++) {
      if (!mayStartAt(compact, at)) continue;
      const last = Math.min(compact.length, at + MAX_MENTION_KEY);
      for (let end = at + 1; end <= last; end++) {
        // No key holds a mark (orgKey takes them out), so no longer string from here is one either.
        if (KEY_BREAK.test(compact[end - 1]!)) break;
        if (end - at >= MIN_MENTION_KEY && mayEnd(end)) found.add(compact.slice(at, end));
      }
    }
  }
  return [...found];
}

/** A place where mentionCandidates' strings start, with the prefix the store is asked for there. */
export interface MentionStart {
  at: number;
  prefix: string;
}

/**
 * The starts of mentionCandidates, as prefixes to ask the store for: the MIN_MENTION_KEY characters at
 * each place in a cue's window where a name may start (one fewer where the last would split a
 * surrogate pair; none at a pair's second half, where no key starts). The store answers the keys
 * beginning with each (a few range reads), not whether each of the 200-300 candidates of a notice is a
 * key (a probe each); mentionsAmong then picks, of those keys, the candidates.
 */
export function mentionStarts(compact: string): MentionStart[] {
  const starts: MentionStart[] = [];
  const seen = new Set<number>();
  for (const { from, to } of cueWindows(compact)) {
    for (let at = from; at < to; at++) {
      if (seen.has(at)) continue;
      seen.add(at);
      const unit = compact.charCodeAt(at);
      if (unit >= 0xdc00 && unit <= 0xdfff) continue;
      if (at + MIN_MENTION_KEY > compact.length || !mayStartAt(compact, at)) continue;
      if (KEY_BREAK.test(compact.slice(at, at + MIN_MENTION_KEY))) continue;
      const end = at + MIN_MENTION_KEY;
      const last = compact.charCodeAt(end - 1);
      starts.push({ at, prefix: compact.slice(at, last >= 0xd800 && last <= 0xdbff ? end - 1 : end) });
    }
  }
  return starts;
}

/**
 * Of keys each beginning with a prefix of `starts` (mentionStarts(compact); `keysByPrefix` as the store
 * gave them), those mentionCandidates(compact) holds: exactly mentionCandidates ∩ the keys, for
 * well-formed keys (what the store holds).
 */
export function mentionsAmong(compact: string, starts: readonly MentionStart[], keysByPrefix: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  for (const { at, prefix } of starts) {
    for (const key of keysByPrefix.get(prefix) ?? []) {
      if (key.length < MIN_MENTION_KEY || key.length > MAX_MENTION_KEY || !compact.startsWith(key, at)) continue;
      if (KEY_BREAK.test(key) || !mayEndAt(compact, at + key.length)) continue;
      found.add(key);
    }
  }
  return [...found];
}

/**
 * The text a partner's name must lie in for this notice to name it beside a cue: each cue's window
 * with room for the longest name, overlapping windows joined, one per line. Indexed by the store to
 * find who may name a new organisation.
 */
export function mentionWindows(compact: string): string {
  const spans: Array<[number, number]> = [];
  for (const { from, to } of cueWindows(compact)) {
    const end = Math.min(compact.length, to + MAX_MENTION_KEY);
    const last = spans.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([from, end]);
  }
  return spans.map(([from, to]) => compact.slice(from, to)).join('\n');
}

/**
 * Whether windows (mentionWindows' text) may name `key` as findContractorMentions would: an occurrence
 * with a name's boundaries. Near a window's edge, where the text judged is cut, the occurrence is
 * kept: this may say yes for a window that names nothing, never no for one that does.
 */
export function windowsMayName(windows: string, key: string): boolean {
  for (const line of windows.split('\n')) {
    for (let at = line.indexOf(key); at >= 0; at = line.indexOf(key, at + 1)) {
      const end = at + key.length;
      if ((at < 8 || mayStartAt(line, at)) && (end + 16 > line.length || mayEndAt(line, end))) return true;
    }
  }
  return false;
}
