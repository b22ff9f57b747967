import { createHash } from 'node:crypto';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { makeJapanesePdf } from '../../scripts/make-pdf.ts';
import { JikenboError } from '../../src/core/errors.ts';
import { loadDocument } from '../../src/sources/load-document.ts';

const TITLE = 'メール誤送信による個人情報漏えいに関するお詫び';
const BODY = '2024年8月20日、当社従業員がお客様128名のメールアドレスを宛先に表示したままメールを送信しました。';
const sjis = (s: string) => Uint8Array.from(Encoding.convert(Encoding.stringToCode(s), { to: 'SJIS', from: 'UNICODE' }));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function failure(source: string, bytes: Uint8Array, options = {}): Promise<JikenboError> {
  const err = await loadDocument(source, bytes, options).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(JikenboError);
  expect((err as JikenboError).subject).toBe(source);
  return err as JikenboError;
}

describe('loadDocument', () => {
  it('reads a Shift_JIS text file and hashes the original bytes', async () => {
    const bytes = sjis(`${TITLE}\r\n${BODY}\r\n`);
    const doc = await loadDocument('notices/2024-08.txt', bytes);
    expect(doc).toEqual({
      source: 'notices/2024-08.txt',
      bytes,
      sha256: sha256(bytes),
      mediaType: 'text/plain',
      encoding: 'Shift_JIS',
      text: `${TITLE}\n${BODY}\n`,
    });
  });

  it('reads a Shift_JIS HTML page by its <meta charset>, whatever its name', async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">` +
      `<title>お知らせ</title><script>var s="広告";</script></head><body><nav>ホーム</nav>` +
      `<h1>${TITLE}</h1><p>${BODY}</p><footer>著作権表示</footer></body></html>`;
    const doc = await loadDocument('saved-page.txt', sjis(html));
    expect(doc.mediaType).toBe('text/html');
    expect(doc.encoding).toBe('Shift_JIS');
    expect(doc.text).toBe(`${TITLE}\n\n${BODY}`);
  });

  it('reads an HTML fragment by its .html name', async () => {
    const doc = await loadDocument('notice.html', new TextEncoder().encode(`<div><p>${TITLE}</p><p>${BODY}</p></div>`));
    expect(doc.mediaType).toBe('text/html');
    expect(doc.text).toBe(`${TITLE}\n\n${BODY}`);
  });

  it('reads a PDF by its content, even when named .txt', async () => {
    const bytes = makeJapanesePdf([TITLE, BODY]);
    const doc = await loadDocument('misnamed.txt', bytes);
    expect(doc.mediaType).toBe('application/pdf');
    expect(doc.encoding).toBeNull();
    expect(doc.text.split('\n')[0]).toBe(TITLE);
    expect(doc.text.replace(/\n/g, '')).toBe(TITLE + BODY); // the PDF wraps the body at the page edge
    expect(doc.sha256).toBe(sha256(bytes));
  });

  it('refuses binary junk named .txt, naming the file', async () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256);
    const err = await failure('notices/junk.txt', junk);
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(/^notices\/junk\.txt: not text: /);
  });

  it('refuses a ZIP archive named .txt as unsupported', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, ...new TextEncoder().encode('notice.txt')]);
    const err = await failure('notice.txt', zip);
    expect(err.code).toBe('unsupported');
    expect(err.message).toBe('notice.txt: a ZIP archive (or an Office document), not a notice');
  });

  it('refuses a PNG image', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await failure('scan.pdf', png)).message).toBe('scan.pdf: a PNG image, not a notice');
  });

  it('refuses a truncated PDF with a clear reason', async () => {
    const pdf = makeJapanesePdf([TITLE, BODY]);
    const err = await failure('cut.pdf', pdf.subarray(0, 600));
    expect(err.message).toBe('cut.pdf: truncated PDF (no %%EOF at the end)');
  });

  it('refuses a file named .pdf that is not one', async () => {
    expect((await failure('notice.pdf', new TextEncoder().encode(BODY))).message).toBe(
      'notice.pdf: named .pdf but does not start with %PDF-',
    );
  });

  it('refuses files over the size limit and empty files', async () => {
    const err = await failure('big.txt', new TextEncoder().encode(BODY.repeat(20)), { maxBytes: 1000 });
    expect(err.message).toMatch(/^big\.txt: \d+ bytes, larger than the limit of 1000 bytes$/);
    expect((await failure('empty.txt', new Uint8Array(0))).message).toBe('empty.txt: empty file');
  });
});
