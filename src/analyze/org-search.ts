// How a notice's organisation is read for the organisation table, and how a query is folded to find
// organisations: the key is org-name.ts's (the only one), the romaji key org-latin-key.ts's.
import { hostOf } from '../core/host-name.ts';
import { hostKey, latinKey, organisationLatinKey } from './org-latin-key.ts';
import { compactText, orgKey } from './org-name.ts';

export interface OrganisationReading {
  /** null: the notice names no organisation (or nothing distinctive): it belongs to none. */
  key: string | null;
  /** The name folded for search: NFKC, lower case, no spaces or middle dots. */
  nameFold: string;
  latinKey: string | null;
  /** The host its document was fetched from, when it came from a web address. */
  domain: string | null;
}

/** 'https://www.example.co.jp/news/1.html' → 'example.co.jp'; a file path → null. */
export function sourceDomain(source: string): string | null {
  return /^https?:\/\//i.test(source.trim()) ? hostOf(source) : null;
}

/** A notice's organisation as the table keeps it. */
export function readOrganisation(organization: string | null, source: string): OrganisationReading {
  const key = orgKey(organization);
  if (key === null || organization === null) return { key: null, nameFold: '', latinKey: null, domain: null };
  return { key, nameFold: compactText(organization), latinKey: organisationLatinKey(organization), domain: sourceDomain(source) };
}

/** A name a person adds, folded as names are for search; a domain as its host name (null when it is none). */
export function foldAddedName(kind: 'alias' | 'former' | 'domain', value: string): string | null {
  if (kind === 'domain') return hostOf(value);
  const fold = compactText(value);
  return fold.length > 0 ? fold : null;
}

/**
 * The folded forms a query may match an organisation's search text by (any of them): as written, its
 * key without legal forms, a domain's host and registrant label, the romaji key of Latin letters.
 * `株式会社フジクラ`, `フジクラ`, `fujikura.co.jp` and `Fujikura Ltd.` all find 株式会社フジクラ.
 */
export function organisationSearchTerms(query: string): string[] {
  const q = query.trim();
  if (!q) return [];
  const terms = [compactText(q), orgKey(q)];
  // A web address or host name: printable ASCII with a dot, no spaces ('Fujikura Ltd.' is a name).
  const host = /^[\x21-\x7e]+$/.test(q) && q.includes('.') ? hostOf(q) : null;
  if (host) terms.push(host, hostKey(host));
  else if (/[a-z]/i.test(q)) terms.push(latinKey(q));
  return [...new Set(terms.filter((t): t is string => t !== null && t.length > 0))];
}
