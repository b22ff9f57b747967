// Whether a leak-site claim names a Japanese victim, and why — the way analysts compile the monthly
// list: .jp domains, a JP country code, Japanese names, a name or description that places it in
// Japan, the romaji of the casebook's own organisations, and foreign domains that people mapped to a
// Japanese parent. Romanised names ("Hikari Shobo Co., Ltd.") are only a weak sign: many non-Japanese
// firms write "Co., Ltd.", and a word that scans as Hepburn romaji may be no Japanese name at all.
import { hostOf } from '../core/host-name.ts';
import { japanInDescription } from './japan-in-description.ts';
import { hostKey, latinKey } from './org-latin-key.ts';

export interface DomainMapping {
  domain: string;
  parent: string;
}

export interface JapaneseVerdict {
  strength: 'strong' | 'weak';
  why: string;
  /** The Japanese organisation a mapped domain belongs to. */
  parent: string | null;
}

interface ClaimLike {
  victim: string;
  domain: string | null;
  country: string | null;
  description?: string | null;
}

/** The casebook's own organisations with a Japanese name, by their Latin key (org-latin-key.ts): 'fujikura' → 株式会社フジクラ. */
export type KnownOrganisations = ReadonlyMap<string, string>;

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const HAN = /\p{Script=Han}/u;
const JAPANESE_LEGAL_FORMS = /株式会社|有限会社|合同会社|\(株\)|（株）|医療法人|学校法人|社会福祉法人|一般社団法人|一般財団法人|公益財団法人|独立行政法人/;
const CO_LTD = /\bco\.?,?\s*ltd\b|\bkabushiki\s+kaisha\b|\bk\.k\.|\bcorporation\b|\bcorp\b|\binc\b/i;
// One Hepburn syllable: consonant(s) + vowel (long marks allowed), or a syllabic n.
const HEPBURN_WORD = /^(?:(?:[kgsztdnhbpmrfjvwy]|sh|ch|ts|ky|gy|ny|hy|by|py|my|ry|j)?[aiueoāīūēō]h?|n)+$/;
const ENGLISH_WORDS = new Set(['co', 'ltd', 'inc', 'corp', 'corporation', 'group', 'holdings', 'the', 'and', 'of', 'japan', 'kabushiki', 'kaisha', 'kk']);

/** The mapping that covers a domain (itself or a parent domain of it), if any. */
export function mappingFor(domain: string | null, mappings: readonly DomainMapping[]): DomainMapping | null {
  if (!domain) return null;
  return mappings.find((m) => domain === m.domain || domain.endsWith(`.${m.domain}`)) ?? null;
}

/** null when nothing says the victim is Japanese. */
export function japaneseVerdict(claim: ClaimLike, mappings: readonly DomainMapping[], known: KnownOrganisations = new Map()): JapaneseVerdict | null {
  const victimHost = hostOf(claim.victim);
  const jpHost = [claim.domain, victimHost].find((h) => h && /\.jp$/.test(h));
  if (jpHost) return { strength: 'strong', why: `.jp domain (${jpHost})`, parent: null };
  const mapped = mappingFor(claim.domain, mappings);
  if (mapped) return { strength: 'strong', why: `${claim.domain} mapped to ${mapped.parent}`, parent: mapped.parent };
  if (claim.country === 'JP') return { strength: 'strong', why: 'country JP in the claim', parent: null };
  const name = claim.victim.normalize('NFKC');
  if (KANA.test(name)) return { strength: 'strong', why: 'kana in the name', parent: null };
  // Kanji alone could be Chinese; a Japanese legal form settles it.
  if (HAN.test(name) && JAPANESE_LEGAL_FORMS.test(name)) return { strength: 'strong', why: 'a Japanese legal form in the name', parent: null };
  if (/\b(?:japan|nippon)\b/i.test(name.replace(/[-_.]/g, ' '))) return { strength: 'strong', why: 'the name says Japan', parent: null };
  const described = japanInDescription(claim.description);
  if (described) return { strength: 'strong', why: described.why, parent: null };
  const keys = [victimHost ? hostKey(victimHost) : latinKey(claim.victim), claim.domain ? hostKey(claim.domain) : null];
  const casebookName = keys.map((k) => (k ? known.get(k) : undefined)).find((n) => n);
  if (casebookName) return { strength: 'strong', why: `the name of ${casebookName} in romaji`, parent: null };
  if (HAN.test(name)) return { strength: 'weak', why: 'kanji in the name (could be Chinese)', parent: null };
  if (CO_LTD.test(name) && looksRomanisedJapanese(name)) {
    return { strength: 'weak', why: 'a company form beside a name that reads as Hepburn romaji', parent: null };
  }
  // A domain alone ("kohaku.co") whose description names the firm with a company form in Hepburn romaji.
  const ownKey = victimHost ? hostKey(victimHost) : null;
  if (ownKey && claim.description) {
    for (const m of claim.description.normalize('NFKC').matchAll(/\b([A-Za-z]+(?:[ -][A-Za-z]+)?)\s+(?:Co\.?,?\s*Ltd|Corporation|K\.K\.|Kabushiki Kaisha)/g)) {
      if (latinKey(m[1]!) === ownKey && looksRomanisedJapanese(m[1]!)) {
        return { strength: 'weak', why: 'the description names it with a company form in Hepburn romaji', parent: null };
      }
    }
  }
  return null;
}

/** Every distinctive word of at least four letters scans as Hepburn romaji ("Hikari Shobo", "Fujikura"). */
export function looksRomanisedJapanese(name: string): boolean {
  const words = name.toLowerCase().replace(/[^a-zāīūēō\s-]/g, ' ').split(/[\s-]+/)
    .filter((w) => w.length > 0 && !ENGLISH_WORDS.has(w));
  const distinctive = words.filter((w) => w.length >= 4);
  return distinctive.length > 0 && distinctive.every((w) => HEPBURN_WORD.test(w));
}
