// Incidents as an Atom 1.0 feed (RFC 4287): every text escaped, ids as tag: URIs that never change,
// `updated` from the incidents' own dates so the same casebook always gives the same feed. An incident
// merged into another is a deleted entry (RFC 6721) of its old id, pointing at the one that absorbed it.
import type { IncidentRow, ReplacedIncident } from './incident-row.ts';
import { incidentKey } from './stable-id.ts';
import type { WatchlistHit } from '../store/watchlist-types.ts';

export interface FeedOptions {
  /** The absolute URL of the feed itself (rel="self"). */
  selfUrl: string;
  /** The absolute URL of the page the feed mirrors (rel="alternate"). */
  alternateUrl: string;
  /** Absolute URL of an incident's page. */
  incidentUrl: (row: IncidentRow) => string;
  title?: string;
  /** Used for `updated` when no incident has a date (an empty feed must still say when). */
  fallbackUpdated: string;
}

/** The tag: URI authority; a date the name was first used, as RFC 4151 asks. */
const TAG_AUTHORITY = 'jikenbo.invalid,2024';

/** Escapes text for element content and attribute values alike; drops characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An incident's entry id, from its export key. */
export function entryId(exportKey: string): string {
  return `tag:${TAG_AUTHORITY}:incident:${escapeXml(exportKey)}`;
}

function stamp(date: string | null): string | null {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : null;
}

export function incidentsToAtom(rows: readonly IncidentRow[], options: FeedOptions): string {
  const dated = rows.map((r) => stamp(r.disclosureDate)).filter((d): d is string => d !== null).sort();
  const feedUpdated = dated[dated.length - 1] ?? options.fallbackUpdated;
  const entries = rows.map((r) => entry(r, options, feedUpdated)).join('');
  const tombstones = rows.flatMap((r) => (r.replaces ?? []).map((old) => tombstone(r, old, options))).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:at="http://purl.org/atompub/tombstones/1.0" xml:lang="ja">
  <id>tag:${TAG_AUTHORITY}:feed</id>
  <title>${escapeXml(options.title ?? 'jikenbo 事件簿')}</title>
  <updated>${feedUpdated}</updated>
  <author><name>jikenbo</name></author>
  <generator>jikenbo</generator>
  <link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(options.alternateUrl)}"/>
${entries}${tombstones}</feed>
`;
}

function tombstone(survivor: IncidentRow, old: ReplacedIncident, options: FeedOptions): string {
  const when = Number.isNaN(Date.parse(old.at)) ? options.fallbackUpdated : new Date(old.at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const into = survivor.number ? `#${survivor.number}` : `incident ${survivor.id}`;
  return `  <at:deleted-entry ref="${entryId(old.exportKey)}" when="${when}">
    <at:comment>merged into ${escapeXml(into)} (${entryId(incidentKey(survivor))})</at:comment>
    <link rel="alternate" type="text/html" href="${escapeXml(options.incidentUrl(survivor))}"/>
  </at:deleted-entry>
`;
}

function entry(r: IncidentRow, options: FeedOptions, feedUpdated: string): string {
  const updated = stamp(r.disclosureDate) ?? feedUpdated;
  const title = [r.number ? `#${r.number}` : null, r.organization, r.title].filter(Boolean).join(' ') || `incident ${r.id}`;
  const summary = [
    r.incidentTypes.length ? `種類 types: ${r.incidentTypes.join(', ')}` : null,
    r.affectedCount !== null ? `影響 affected: ${r.affectedCount}` : null,
    r.dataTypes.length ? `項目 data: ${r.dataTypes.join(', ')}` : null,
    r.sector ? `業種 sector: ${r.sector}` : null,
    r.attacker ? `攻撃者 attacker: ${r.attacker}` : null,
  ].filter(Boolean).join(' / ');
  const categories = r.incidentTypes.map((t) => `    <category term="${escapeXml(t)}"/>\n`).join('');
  return `  <entry>
    <id>${entryId(incidentKey(r))}</id>
    <title type="text">${escapeXml(title)}</title>
    <updated>${updated}</updated>
${stamp(r.disclosureDate) ? `    <published>${updated}</published>\n` : ''}    <link rel="alternate" type="text/html" href="${escapeXml(options.incidentUrl(r))}"/>
${categories}    <summary type="text">${escapeXml(summary || title)}</summary>
  </entry>
`;
}

export interface HitFeedOptions {
  selfUrl: string;
  alternateUrl: string;
  /** Absolute URL of the page a hit points at (its incident, notice or the claims page). */
  hitUrl: (hit: WatchlistHit) => string;
  title: string;
  /** The watchlist's id, part of the feed's id. */
  watchlistId: number;
  /** `updated` of a feed without hits: when the list was made. */
  fallbackUpdated: string;
}

const isoSeconds = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z'));

/**
 * A watchlist's hits as an Atom feed, newest first: one entry per hit (a notice or a leak-site claim
 * naming one of the list's organisations), its id fixed by the hit's, `updated` when it was found.
 */
export function watchlistHitsToAtom(hits: readonly WatchlistHit[], options: HitFeedOptions): string {
  const updated = hits.length > 0 ? isoSeconds(hits.map((h) => h.foundAt).sort().at(-1)!) : isoSeconds(options.fallbackUpdated);
  const entries = hits.map((h) => {
    const what = h.subject === 'notice' ? h.title : `${h.title ?? ''} leak-site claim 犯行声明`;
    const title = [`[${h.entryName}]`, h.organization, what].filter(Boolean).join(' ');
    const summary = [
      h.date ? `${h.subject === 'notice' ? '公表日 disclosed' : '発見日 discovered'}: ${h.date}` : null,
      h.domain ? `domain: ${h.domain}` : null,
      `一致 match: ${h.evidence}`,
    ].filter(Boolean).join(' / ');
    return `  <entry>
    <id>tag:${TAG_AUTHORITY}:watchlist:${options.watchlistId}:hit:${h.id}</id>
    <title type="text">${escapeXml(title)}</title>
    <updated>${isoSeconds(h.foundAt)}</updated>
    <link rel="alternate" type="text/html" href="${escapeXml(options.hitUrl(h))}"/>
    <category term="${escapeXml(h.subject)}"/>
    <summary type="text">${escapeXml(summary)}</summary>
  </entry>
`;
  }).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">
  <id>tag:${TAG_AUTHORITY}:watchlist:${options.watchlistId}</id>
  <title>${escapeXml(options.title)}</title>
  <updated>${updated}</updated>
  <author><name>jikenbo</name></author>
  <generator>jikenbo</generator>
  <link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(options.alternateUrl)}"/>
${entries}</feed>
`;
}
