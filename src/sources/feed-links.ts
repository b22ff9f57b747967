// Reads the links a watched source lists: items of an RSS 2.0, RSS 1.0 (RDF, common on Japanese sites)
// or Atom feed, or the anchors of an HTML news page, each with its title and an absolute URL.
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { JikenboError } from '../core/errors.ts';
import { decodeText } from './decode-text.ts';
import { htmlCharset } from './html-charset.ts';
import { checkHtmlShape } from './html-to-text.ts';

export interface ListedLink {
  url: string;
  title: string;
  /** The item's date as the feed gives it, when it does. */
  date: string | null;
}

export interface SourceListing {
  kind: 'rss' | 'atom' | 'rdf' | 'html';
  links: ListedLink[];
}

const MAX_LINKS = 2000;

export interface ListOptions {
  /** The charset the HTTP header declared, if any. */
  charset?: string | null;
  /** Refuse a page or feed nested deeper than this (decode-limits.ts, as for ingested pages). */
  maxDepth?: number;
  /** Refuse a page or feed with more elements than this. */
  maxElements?: number;
}

/** The links of a feed or page. */
export function listLinks(bytes: Uint8Array, baseUrl: string, options: ListOptions = {}): SourceListing {
  const { charset } = options;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('latin1');
  const declared = charset ?? /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? htmlCharset(bytes) ?? undefined;
  const { text } = decodeText(bytes, { source: baseUrl, ...(declared ? { charset: declared } : {}) });
  // A watched page is parsed like an ingested one, and a deep or enormous one would stall it as long.
  checkHtmlShape(text, {
    source: baseUrl,
    ...(options.maxDepth ? { maxDepth: options.maxDepth } : {}),
    ...(options.maxElements ? { maxElements: options.maxElements } : {}),
  });
  const start = text.replace(/^\ufeff/, '').replace(/<\?xml[^>]*>|<!--[\s\S]*?-->/g, '').trimStart().slice(0, 400).toLowerCase();
  const isFeed = /^<(rss|feed|rdf:rdf|rdf)\b/.test(start) || (/^<\?xml/.test(text.trimStart()) && /<(rss|feed|rdf:rdf)\b/i.test(text.slice(0, 2000)));
  const listing = isFeed ? feedLinks(text, baseUrl) : { kind: 'html' as const, links: htmlLinks(text, baseUrl) };
  return { kind: listing.kind, links: dedupe(listing.links).slice(0, MAX_LINKS) };
}

type Node = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** Text of an element that may carry attributes (`{'#text': …}`) or be a plain value. */
function textOf(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  if (v && typeof v === 'object') return textOf((v as Node)['#text']);
  return '';
}

function feedLinks(xml: string, baseUrl: string): { kind: 'rss' | 'atom' | 'rdf'; links: ListedLink[] } {
  let doc: Node;
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, processEntities: true }).parse(xml) as Node;
  } catch (err) {
    throw new JikenboError('bad_input', `${baseUrl}: not a readable feed: ${(err as Error).message}`, { subject: baseUrl, cause: err });
  }
  const rss = doc.rss as Node | undefined;
  if (rss) {
    const channel = asArray(rss.channel)[0] as Node | undefined;
    return { kind: 'rss', links: asArray(channel?.item).flatMap((i) => item(i as Node, baseUrl)) };
  }
  const rdf = doc.RDF as Node | undefined;
  if (rdf) return { kind: 'rdf', links: asArray(rdf.item).flatMap((i) => item(i as Node, baseUrl)) };
  const feed = doc.feed as Node | undefined;
  if (feed) {
    return {
      kind: 'atom',
      links: asArray(feed.entry).flatMap((raw) => {
        const entry = raw as Node;
        const links = asArray(entry.link) as Node[];
        const link = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
        const href = absolute(typeof link?.['@_href'] === 'string' ? link['@_href'] : '', baseUrl);
        return href ? [{ url: href, title: textOf(entry.title), date: textOf(entry.updated) || textOf(entry.published) || null }] : [];
      }),
    };
  }
  throw new JikenboError('bad_input', `${baseUrl}: XML, but neither RSS nor Atom`, { subject: baseUrl });
}

function item(node: Node, baseUrl: string): ListedLink[] {
  const href = absolute(textOf(node.link) || (typeof node['@_about'] === 'string' ? node['@_about'] : '') || textOf(node.guid), baseUrl);
  if (!href) return [];
  return [{ url: href, title: textOf(node.title), date: textOf(node.pubDate) || textOf(node.date) || null }];
}

function htmlLinks(html: string, baseUrl: string): ListedLink[] {
  const { document } = parseHTML(html);
  const links: ListedLink[] = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const href = absolute(a.getAttribute('href') ?? '', baseUrl);
    const title = (a.textContent ?? '').replace(/\s+/g, ' ').trim() || (a.getAttribute('title') ?? '').trim();
    if (href && title) links.push({ url: href, title, date: null });
  }
  return links;
}

/** An absolute http(s) URL without its fragment, or null (mailto:, javascript:, same-page anchors). */
function absolute(href: string, baseUrl: string): string | null {
  if (!href.trim()) return null;
  try {
    const url = new URL(href.trim(), baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href === new URL(baseUrl).href ? null : url.href;
  } catch {
    return null;
  }
}

function dedupe(links: ListedLink[]): ListedLink[] {
  const seen = new Set<string>();
  return links.filter((l) => (seen.has(l.url) ? false : (seen.add(l.url), true)));
}
