// Spellings the field writes one word in (漏洩・漏えい・ろうえい, ランサムウェア・ランサムウエア, 紛失・亡失):
// a search for one finds the others. A group's members replace each other anywhere in a query word
// (情報漏洩 → 情報漏えい); groups marked `onRequest` (個人情報・個人データ, which are not the same thing
// in law) fold only when the person asks for wider matching. Users add groups in jikenbo.settings.json.
import { normalizeForSearch } from './bigram.ts';

export interface VariantGroup {
  /** The spellings, each a replacement for any other. */
  spellings: readonly string[];
  /** Folded only when the search asks for it (`wide`). */
  onRequest?: boolean;
}

export const DEFAULT_VARIANTS: readonly VariantGroup[] = [
  { spellings: ['漏洩', '漏えい', 'ろうえい'] },
  { spellings: ['ウェア', 'ウエア'] },
  { spellings: ['紛失', '亡失'] },
  { spellings: ['個人情報', '個人データ'], onRequest: true },
];

/** At most this many spellings of one word are searched (every group of a word multiplies them). */
export const MAX_SPELLINGS = 12;

export interface ExpandedQuery {
  /** The query to search: each word with other spellings written `a|b|c`. */
  query: string;
  /** The spellings added, word by word, for the page to say (「漏えい も含めて検索しました」). */
  added: string[];
}

/** The groups in force: the defaults, then the user's, those of `onRequest` only when `wide`. */
export function variantGroups(extra: readonly VariantGroup[] = [], wide = false): VariantGroup[] {
  return [...DEFAULT_VARIANTS, ...extra].filter((g) => wide || !g.onRequest);
}

/** Every spelling of one normalised word under the groups, the word itself first. */
function spellingsOfWord(word: string, groups: readonly VariantGroup[]): string[] {
  let spellings = [word];
  for (const group of groups) {
    const members = group.spellings.map(normalizeForSearch).filter((s) => s.length > 0);
    const next: string[] = [];
    for (const spelling of spellings) {
      next.push(spelling);
      for (const member of members) {
        if (!spelling.includes(member)) continue;
        for (const other of members) if (other !== member) next.push(spelling.split(member).join(other));
      }
    }
    spellings = [...new Set(next)].slice(0, MAX_SPELLINGS);
  }
  return spellings;
}

/** `ランサムウェア 漏洩` → `ランサムウェア|ランサムウエア 漏洩|漏えい|ろうえい`, and the spellings it added. */
export function expandSpellings(query: string, groups: readonly VariantGroup[]): ExpandedQuery {
  const added: string[] = [];
  const words = normalizeForSearch(query).split(/\s+/u).filter((w) => w.length > 0).map((word) => {
    // A word the person already wrote with `|` says which spellings they want.
    if (word.includes('|')) return word;
    const spellings = spellingsOfWord(word, groups);
    added.push(...spellings.slice(1));
    return spellings.join('|');
  });
  return { query: words.join(' '), added: [...new Set(added)] };
}
