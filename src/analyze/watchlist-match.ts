// Whether a watchlist entry (an organisation someone follows: its name, other names, domains) and an
// organisation named by a notice or a leak-site claim (its names, aliases, domains) are one
// organisation. Only evidence that names one organisation counts: equal organisation keys
// (org-name.ts), equal romaji/Latin keys (org-latin-key.ts), or one registrable domain. A key made of
// generic words (システム, "Example Group") or a domain everybody shares (a hosting platform, a
// prefecture's geographic domain) never matches; similarity never does.
import { hostOf } from '../core/host-name.ts';
import { isGenericName } from './generic-name.ts';
import { hostKey, latinKey, organisationLatinKey, registrableDomain } from './org-latin-key.ts';
import { orgKey } from './org-name.ts';

/** An organisation a watchlist follows. */
export interface WatchEntry {
  name: string;
  aliases: readonly string[];
  /** Host names or URLs ('example.co.jp', 'https://www.example.co.jp/'). */
  domains: readonly string[];
}

/**
 * What a notice, a claim or (later) the organisation table knows of an organisation: the names it is
 * written with, other names it goes by, and its domains (host names or URLs).
 */
export interface OrgIdentities {
  names: readonly string[];
  aliases?: readonly string[];
  domains: readonly string[];
}

export type WatchMatchHow = 'domain' | 'name' | 'romaji' | 'domain_name';

export interface WatchMatch {
  how: WatchMatchHow;
  /** The entry's name, alias or domain that matched. */
  entryValue: string;
  /** The organisation's name, alias or domain it matched. */
  orgValue: string;
}

/** The comparable keys of one side, each with the value it came from. */
export interface IdentityKeys {
  /** orgKey of names in Japanese script → the name. */
  orgKeys: Map<string, string>;
  /** Latin keys of names (as written in Latin letters, or read as romaji) → the name. */
  latinKeys: Map<string, string>;
  /** Comparable domains (registrable, or whole host where the registrable part is shared) → as given. */
  domains: Map<string, string>;
  /** The Latin keys of the domains' registrant labels → the domain ('fujikura' of fujikura.co.jp). */
  labelKeys: Map<string, string>;
}

/**
 * Registrable domains many unrelated sites live under (hosting platforms, blogs, press-release and
 * cloud services): two hosts under one of them are two sites; only the whole host compares.
 */
export const SHARED_DOMAINS = new Set([
  'github.io', 'gitlab.io', 'blogspot.com', 'wordpress.com', 'wixsite.com', 'weebly.com', 'jimdofree.com', 'jimdo.com',
  'note.com', 'note.jp', 'hatenablog.com', 'hatenablog.jp', 'hateblo.jp', 'ameblo.jp', 'fc2.com', 'livedoor.jp', 'seesaa.net',
  'prtimes.jp', 'atpress.ne.jp', 'value-press.com', 'sakura.ne.jp', 'xsrv.jp', 'lolipop.jp', 'heteml.jp', 'coreserver.jp',
  'amazonaws.com', 'cloudfront.net', 'azurewebsites.net', 'windows.net', 'herokuapp.com', 'netlify.app', 'vercel.app',
  'web.app', 'firebaseapp.com', 'appspot.com', 'googleusercontent.com', 'google.com', 'sharepoint.com', 'microsoft.com',
  'dropbox.com', 'box.com', 'studio.site', 'peraichi.com', 'shopify.com', 'myshopify.com', 'base.shop', 'stores.jp',
]);

/** Japan's geographic second-level domains (city.minato.tokyo.jp): the registrable part is a prefecture, shared. */
const PREFECTURES = new Set([
  'hokkaido', 'aomori', 'iwate', 'miyagi', 'akita', 'yamagata', 'fukushima', 'ibaraki', 'tochigi', 'gunma', 'saitama', 'chiba',
  'tokyo', 'kanagawa', 'niigata', 'toyama', 'ishikawa', 'fukui', 'yamanashi', 'nagano', 'gifu', 'shizuoka', 'aichi', 'mie',
  'shiga', 'kyoto', 'osaka', 'hyogo', 'nara', 'wakayama', 'tottori', 'shimane', 'okayama', 'hiroshima', 'yamaguchi',
  'tokushima', 'kagawa', 'ehime', 'kochi', 'fukuoka', 'saga', 'nagasaki', 'kumamoto', 'oita', 'miyazaki', 'kagoshima', 'okinawa',
]);

/**
 * The form two domains compare in: the registrable domain ('shop.example.co.jp' → 'example.co.jp'),
 * or the whole host without www. when the registrable part is shared (a platform, a prefecture's
 * geographic domain); null when the value is no host name.
 */
export function comparableDomain(value: string): string | null {
  const host = hostOf(value);
  if (!host) return null;
  const registrable = registrableDomain(host);
  const [label, tld] = registrable.split('.');
  if (SHARED_DOMAINS.has(registrable) || (tld === 'jp' && label !== undefined && PREFECTURES.has(label))) return host;
  return registrable;
}

/** The Latin key of a domain's registrant label, unless the label is generic or the domain shared. */
function domainLabelKey(value: string): string | null {
  const host = hostOf(value);
  if (!host) return null;
  const comparable = comparableDomain(host);
  if (comparable !== registrableDomain(host)) return null;
  return hostKey(host);
}

/** The keys of a set of names and domains: what `matchIdentityKeys` compares. */
export function identityKeys(names: readonly string[], domains: readonly string[]): IdentityKeys {
  const keys: IdentityKeys = { orgKeys: new Map(), latinKeys: new Map(), domains: new Map(), labelKeys: new Map() };
  const put = (map: Map<string, string>, key: string | null, from: string) => {
    if (key && !map.has(key)) map.set(key, from);
  };
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    if (hostOf(name) && !/\s/.test(name)) {
      // A claim's victim is often its domain ('example.co.jp'): compared as a domain.
      put(keys.domains, comparableDomain(name), name);
      put(keys.labelKeys, domainLabelKey(name), name);
      continue;
    }
    const key = orgKey(name);
    // A generic name (情報システム株式会社) names nothing in particular, in kanji or read as romaji.
    if (key && isGenericName(key)) continue;
    if (key && /[^\x00-\x7f]/.test(key)) {
      put(keys.orgKeys, key, name);
      put(keys.latinKeys, organisationLatinKey(name), name);
    } else put(keys.latinKeys, latinKey(name), name);
  }
  for (const domain of domains) {
    put(keys.domains, comparableDomain(domain), domain);
    put(keys.labelKeys, domainLabelKey(domain), domain);
  }
  return keys;
}

export const entryKeys = (entry: WatchEntry): IdentityKeys => identityKeys([entry.name, ...entry.aliases], entry.domains);
export const orgIdentityKeys = (org: OrgIdentities): IdentityKeys => identityKeys([...org.names, ...(org.aliases ?? [])], org.domains);

/** Whether an entry's keys can match anything at all (an entry of generic words only cannot). */
export function hasKeys(keys: IdentityKeys): boolean {
  return keys.orgKeys.size + keys.latinKeys.size + keys.domains.size + keys.labelKeys.size > 0;
}

/**
 * The first evidence that two sides name one organisation, strongest first: one domain, equal names,
 * equal romaji, a domain's label equal to a name's Latin key; null when there is none.
 */
export function matchIdentityKeys(entry: IdentityKeys, org: IdentityKeys): WatchMatch | null {
  for (const [key, entryValue] of entry.domains) {
    const orgValue = org.domains.get(key);
    if (orgValue !== undefined) return { how: 'domain', entryValue, orgValue };
  }
  for (const [key, entryValue] of entry.orgKeys) {
    const orgValue = org.orgKeys.get(key);
    if (orgValue !== undefined) return { how: 'name', entryValue, orgValue };
  }
  for (const [key, entryValue] of entry.latinKeys) {
    const orgValue = org.latinKeys.get(key);
    if (orgValue !== undefined) return { how: 'romaji', entryValue, orgValue };
  }
  // A domain's label against the other side's names (fujikura.co.jp and "Fujikura Ltd."), never
  // label against label: abc.co.jp and abc.com may be two organisations.
  for (const [key, entryValue] of entry.labelKeys) {
    const orgValue = org.latinKeys.get(key);
    if (orgValue !== undefined) return { how: 'domain_name', entryValue, orgValue };
  }
  for (const [key, orgValue] of org.labelKeys) {
    const entryValue = entry.latinKeys.get(key);
    if (entryValue !== undefined) return { how: 'domain_name', entryValue, orgValue };
  }
  return null;
}

/** Whether the organisation is the entry's, and by what evidence. */
export function matchWatchEntry(entry: WatchEntry, org: OrgIdentities): WatchMatch | null {
  return matchIdentityKeys(entryKeys(entry), orgIdentityKeys(org));
}
