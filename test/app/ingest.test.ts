import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';

const sjis = (s: string) => Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to: 'SJIS', from: 'UNICODE' }));

describe('ingest use case', () => {
  const dir = tempDir();
  const inbox = join(dir, 'inbox');
  let casebook: Casebook;

  beforeAll(async () => {
    mkdirSync(join(inbox, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(inbox, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(inbox, 'nested', 'bcc-sjis.txt'), sjis(BCC_NOTICE));
    writeFileSync(join(inbox, 'nested', 'deeper', 'ransom.html'),
      `<!doctype html><html><head><meta charset="utf-8"><title>お知らせ</title><script>var tracker = "should not be read";</script></head>` +
      `<body><nav>会社概要 製品情報</nav><main><article>${RANSOM_NOTICE.split('\n').map((l) => `<p>${l}</p>`).join('')}</article></main><footer>Copyright みなと精機</footer></body></html>`);
    // Binary junk under a notice's extension: must fail alone, with its name and a reason.
    writeFileSync(join(inbox, 'junk.txt'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    casebook = await openCasebook(join(dir, 'case.db'));
  });
  afterAll(async () => casebook.close());

  it('stores every good file and reports the bad one without stopping the batch', async () => {
    const report = await ingestPaths([inbox], casebook);
    expect(report.files).toBe(4);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]!.path).toBe(join(inbox, 'junk.txt'));
    expect(report.failures[0]!.reason).toMatch(/junk\.txt/);
    expect(report.newRecords).toBe(3);
    expect(report.duplicates).toBe(0);
    expect(await casebook.store.countNotices()).toBe(3);
  });

  it('adds nothing when the same bytes come again, and says they were duplicates', async () => {
    const again = await ingestPaths([inbox], casebook);
    expect(again.duplicates).toBe(3);
    expect(again.newRecords).toBe(0);
    expect(await casebook.store.countNotices()).toBe(3);
  });

  it('archives each original byte for byte under its SHA-256', async () => {
    const [hit] = await casebook.store.search('遺失届');
    expect(hit).toBeDefined();
    const notice = await casebook.store.getNotice(hit!.id);
    const original = await casebook.archive.get(notice!.document.sha256);
    expect(Buffer.from(original!).equals(readFileSync(join(inbox, 'usb.txt')))).toBe(true);
  });

  it('decodes Shift_JIS and reads HTML without its scripts and navigation', async () => {
    const bcc = await casebook.store.search('宛先');
    expect(bcc).toHaveLength(1);
    const detail = await casebook.store.getNotice(bcc[0]!.id);
    expect(detail!.document.encoding).toMatch(/shift_jis/i);
    expect(detail!.text).toContain('メールアドレス計312件');

    const html = await casebook.store.search('暗号化');
    expect(html).toHaveLength(1);
    const page = await casebook.store.getNotice(html[0]!.id);
    expect(page!.document.mediaType).toBe('text/html');
    expect(page!.text).not.toContain('should not be read');
    expect(page!.text).not.toContain('製品情報');
  });

  it('finds two-character words and only the notices that contain them', async () => {
    const lost = await casebook.store.search('紛失');
    expect(lost.map((h) => h.header)).toEqual([expect.stringContaining('USBメモリの紛失')]);
    const outsourced = await casebook.store.search('委託');
    expect(outsourced).toHaveLength(1);
    expect(outsourced[0]!.snippet).toContain('\u0001委託\u0002');
  });
});
