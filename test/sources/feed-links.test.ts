// A watched page is held to the HTML limits of an ingested one before it is parsed.
import { describe, expect, it } from 'vitest';
import { listLinks } from '../../src/sources/feed-links.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const LINK = '<a href="/news/1">個人情報漏えいのお詫び</a>';

describe('listLinks limits', () => {
  it('lists the links of an ordinary page', () => {
    const listing = listLinks(utf8(`<html><body><ul><li>${LINK}</li></ul></body></html>`), 'https://example.test/news/');
    expect(listing.links).toEqual([{ url: 'https://example.test/news/1', title: '個人情報漏えいのお詫び', date: null }]);
  });

  it('refuses a page nested past the depth limit, naming it, before parsing', () => {
    const deep = `<html><body>${LINK}${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</body></html>`;
    expect(() => listLinks(utf8(deep), 'https://example.test/deep')).toThrow(
      'https://example.test/deep: HTML nested 5000 levels deep, more than the limit of 1000',
    );
    expect(() => listLinks(utf8(`<html><body>${'<div>'.repeat(20)}</body></html>`), 'https://example.test/x', { maxDepth: 10 }))
      .toThrow(/more than the limit of 10$/);
  });

  it('refuses a page or feed with more elements than the limit', () => {
    const wide = `<html><body>${'<span>a</span>'.repeat(60_000)}</body></html>`;
    expect(() => listLinks(utf8(wide), 'https://example.test/wide')).toThrow(/HTML 60002 elements, more than the limit of 50000$/);
    const feed = `<?xml version="1.0"?><rss><channel>${'<item><title>t</title><link>https://example.test/a</link></item>'.repeat(30)}</channel></rss>`;
    expect(() => listLinks(utf8(feed), 'https://example.test/feed.xml', { maxElements: 50 })).toThrow(/elements, more than the limit of 50$/);
  });
});
