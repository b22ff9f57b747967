// Reads leak-site claims: the ransomwatch posts.json form ({post_title, group_name, discovered}) and the
// ransomware.live forms (v1 {post_title, group_name, discovered, published, post_url, website,
// description}, v2 {victim, group, discovered, attackdate, domain, country, description, activity,
// claim_url, url, screenshot, press, infostealer, extrainfos, duplicates}). Each record is validated; a
// bad one is a line in the report, never the end of the file. Keys not read here are let through.
import { z } from 'zod';
import { hostOf } from '../core/host-name.ts';
import type { ClaimFormat, ClaimInput } from '../store/source-types.ts';
import { describeIssues } from '../core/invalid-input.ts';

export interface ClaimProblem {
  /** Position of the record in the file, from 0. */
  index: number;
  reason: string;
}

export interface ParsedClaims {
  claims: ClaimInput[];
  problems: ClaimProblem[];
}

const text = z.string().trim().max(500);

const record = z.looseObject({
  post_title: text.optional(),
  victim: text.optional(),
  group_name: text.optional(),
  group: text.optional(),
  discovered: text.optional(),
  attackdate: text.optional(),
  published: text.optional(),
  website: text.nullish(),
  domain: text.nullish(),
  country: text.nullish(),
  // The victim's own "about us" more often than not: long, and read only for what it says of the victim.
  description: z.string().nullish(),
});

type Raw = z.infer<typeof record>;

/** What the store keeps of a description (its schema's limit). */
export const MAX_DESCRIPTION = 2000;

/**
 * Parses a whole file; `fileName` goes into each claim's source. A file that is not JSON at all is one
 * problem. `layout` (a watched tracker's --format) holds every record to one site's keys; 'auto' tells
 * each record's layout from its keys.
 */
export function parseClaims(json: string, fileName: string, layout: ClaimFormat = 'auto'): ParsedClaims {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\ufeff/, ''));
  } catch (err) {
    return { claims: [], problems: [{ index: -1, reason: `not JSON: ${(err as Error).message}` }] };
  }
  const list = Array.isArray(data) ? data : listInside(data);
  if (!list) return { claims: [], problems: [{ index: -1, reason: 'expected a JSON array of claims (or an object holding one under victims, data or posts)' }] };

  const result: ParsedClaims = { claims: [], problems: [] };
  list.forEach((item, index) => {
    const parsed = record.safeParse(item);
    if (!parsed.success) {
      result.problems.push({ index, reason: describeIssues(parsed.error, 'record') });
      return;
    }
    const claim = toClaim(parsed.data, fileName, layout);
    if (typeof claim === 'string') result.problems.push({ index, reason: claim });
    else result.claims.push(claim);
  });
  return result;
}

function listInside(data: unknown): unknown[] | null {
  if (!data || typeof data !== 'object') return null;
  for (const key of ['victims', 'data', 'posts']) {
    const value = (data as Record<string, unknown>)[key];
    if (Array.isArray(value)) return value;
  }
  return null;
}

/** A claim, or why the record cannot be one. */
function toClaim(raw: Raw, fileName: string, layout: ClaimFormat): ClaimInput | string {
  // ransomwatch's posts have three keys; the v2 names are ransomware.live's alone.
  const only = layout === 'ransomwatch';
  const victim = raw.post_title || (only ? undefined : raw.victim);
  const group = raw.group_name || (only ? undefined : raw.group);
  if (!victim) return only ? 'no victim (post_title, as ransomwatch names it)' : 'no victim (post_title or victim)';
  if (!group) return only ? 'no group (group_name, as ransomwatch names it)' : 'no group (group_name or group)';
  const when = raw.discovered || (only ? undefined : raw.attackdate || raw.published);
  if (!when) return only ? 'no date (discovered, as ransomwatch names it)' : 'no date (discovered, attackdate or published)';
  const discovered = isoTime(when);
  if (!discovered) return `not a date: "${when.slice(0, 40)}"`;
  const domain = hostOf(raw.website || raw.domain || '') ?? hostOf(victim);
  const country = raw.country && /^[a-z]{2}$/i.test(raw.country) ? raw.country.toUpperCase() : null;
  const v2 = raw.victim !== undefined || raw.group !== undefined || raw.attackdate !== undefined;
  const form = only ? 'ransomwatch' : v2 ? 'ransomware.live v2'
    : layout === 'ransomware-live' || raw.website !== undefined || raw.country !== undefined || raw.published !== undefined ? 'ransomware.live' : 'ransomwatch';
  const description = raw.description?.trim() && !/^(?:n\/a|none|null|-)$/i.test(raw.description.trim()) ? raw.description.trim().slice(0, MAX_DESCRIPTION) : null;
  return { group: group.toLowerCase(), victim, domain, country, discovered, discoveredDate: discovered.slice(0, 10), source: `${form}: ${fileName}`, description };
}

/** '2023-01-15 10:22:33.123456', '2023-01-15T10:22:33Z', '2023-01-15' → '2023-01-15T10:22:33' (seconds, as given). */
export function isoTime(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}
