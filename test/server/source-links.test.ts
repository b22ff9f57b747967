// Where a notice came from: the fetched URL and the final URL after redirects on the notice and incident
// pages, as escaped links that pass no referrer and never run (no javascript:); originals downloaded under
// the original file's or URL's name, Japanese names in RFC 5987 filename*, nothing able to break the header.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { storeFetchedPage } from '../../src/app/ingest-url.ts';
import { attachmentDisposition, originalName } from '../../src/server/content-disposition.ts';
import { createApp } from '../../src/server/app.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { ORIGIN } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const page = (requestedUrl: string, url: string, text: string) => ({
  requestedUrl, url, status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, bytes: new TextEncoder().encode(text),
  fetchedAt: '2024-09-12T01:02:03.000Z', redirects: url === requestedUrl ? [] : [url],
});

describe('the name a download is given', () => {
  it('takes the last part of a URL or path, decoded, and keeps control characters, quotes and slashes out', () => {
    expect(originalName('https://example.jp/news/%E3%81%8A%E8%A9%AB%E3%81%B3.pdf?x=1')).toBe('お詫び.pdf');
    expect(originalName('/data/notices/個人情報漏えいのお詫び.txt')).toBe('個人情報漏えいのお詫び.txt');
    expect(originalName('https://example.jp/')).toBe('example.jp');
    expect(originalName('a"b\r\nSet-Cookie: x=1.txt')).toBe('abSet-Cookie: x=1.txt');
    expect(originalName('C:\\notices\\a.txt')).toBe('a.txt');
    const header = attachmentDisposition('/n/お詫び"\r\nX-Evil: 1.txt', 'txt', 'abc');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(`attachment; filename="___X-Evil: 1.txt"; filename*=UTF-8''${encodeURIComponent('お詫びX-Evil: 1.txt')}`);
    expect(attachmentDisposition('/n/お詫び.txt', 'txt', 'abc')).toBe(`attachment; filename="abc.txt"; filename*=UTF-8''${encodeURIComponent('お詫び.txt')}`);
    expect(attachmentDisposition('https://example.jp/news/oshirase', 'html', 'abc')).toBe(`attachment; filename="oshirase.html"; filename*=UTF-8''oshirase.html`);
    expect(attachmentDisposition("/n/it's (1)*.txt", 'txt', 'abc')).toContain("filename*=UTF-8''it%27s%20%281%29%2A.txt");
  });
});

describe.each(CASEBOOK_ENGINES)('source links and download names on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let fetched = 0;
  let hostile = 0;
  let file = 0;

  beforeAll(async () => {
    casebook = await engine.open(dir, 'sources');
    const fromUrl = await storeFetchedPage(page('http://example.jp/news/oshirase', 'https://example.jp/news/2024/%E3%81%8A%E8%A9%AB%E3%81%B3.txt', RANSOM_NOTICE), casebook);
    fetched = fromUrl.documentId!;
    hostile = (await storeFetchedPage(page('javascript:alert(1)//', 'javascript:alert(2)//', BCC_NOTICE), casebook)).documentId!;
    writeFileSync(join(dir, '個人情報を含むUSBメモリの紛失.txt'), USB_NOTICE);
    await ingestPaths([join(dir, '個人情報を含むUSBメモリの紛失.txt')], casebook);
    file = (await casebook.store.getNotice((await casebook.store.search('遺失届'))[0]!.id))!.documentId;
    app = createApp(casebook, { publicRead: true });
  }, 60_000);
  afterAll(async () => casebook.close());

  const noticeOf = async (documentId: number) => (await casebook.store.listNotices({ limit: 10 })).find((n) => n.documentId === documentId)!.id;

  it('shows the fetched URL and the final URL on the notice and incident pages, as links with no referrer', async () => {
    const notice = await noticeOf(fetched);
    const incident = (await casebook.store.incidentOfNotice(notice))!;
    for (const path of [`/notices/${notice}`, `/incidents/${incident}`]) {
      const body = await (await app.request(`${ORIGIN}${path}`)).text();
      expect(body, path).toContain('<a href="http://example.jp/news/oshirase" rel="noopener noreferrer nofollow" class="source-url">http://example.jp/news/oshirase</a>');
      expect(body, path).toContain('転送先: <a href="https://example.jp/news/2024/%E3%81%8A%E8%A9%AB%E3%81%B3.txt" rel="noopener noreferrer nofollow"');
      expect(body, path).toContain('2024-09-12 10:02:03 JST に取得');
    }
  });

  it('never makes a javascript: source a link, and shows no source for a file read from disk', async () => {
    const body = await (await app.request(`${ORIGIN}/notices/${await noticeOf(hostile)}`)).text();
    expect(body).toContain('<span class="source-url">javascript:alert(1)//</span>');
    expect(body).not.toMatch(/href="javascript:/i);
    const local = await (await app.request(`${ORIGIN}/notices/${await noticeOf(file)}`)).text();
    expect(local).not.toContain('class="meta source"');
    expect(local).not.toContain(dir);
  });

  it('names a downloaded original after its URL or file, Japanese names in filename*', async () => {
    const url = await app.request(`${ORIGIN}/documents/${fetched}/original`);
    expect(url.status).toBe(200);
    expect(url.headers.get('content-disposition')).toBe(`attachment; filename="oshirase.txt"; filename*=UTF-8''oshirase.txt`);
    const local = await app.request(`${ORIGIN}/documents/${file}/original`);
    expect(local.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('個人情報を含むUSBメモリの紛失.txt')}`);
    expect(local.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
    expect(new Uint8Array(await local.arrayBuffer())).toEqual(new TextEncoder().encode(USB_NOTICE));
  });
});
