import { describe, expect, it } from 'vitest';
import { makeJapanesePdf } from '../../scripts/make-pdf.ts';
import { JikenboError } from '../../src/core/errors.ts';
import { pdfToText } from '../../src/sources/pdf-to-text.ts';

const LINES = [
  '不正アクセスによる個人情報漏えいに関するお詫びとお知らせ',
  '2024年7月12日　株式会社みなと架空商事',
  '対象：①会員情報 ㈱みなと架空物流 髙橋様ほか 最大3,579名',
  'Email: info@example.jp',
];

async function failure(bytes: Uint8Array, options: { source?: string; maxPages?: number } = {}): Promise<JikenboError> {
  const err = await pdfToText(bytes, { source: 'notice.pdf', ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(JikenboError);
  expect((err as JikenboError).code).toBe('bad_input');
  expect((err as JikenboError).subject).toBe('notice.pdf');
  return err as JikenboError;
}

describe('makeJapanesePdf', () => {
  it('writes a cross-reference table whose offsets point at their objects', () => {
    const pdf = Buffer.from(makeJapanesePdf(LINES)).toString('latin1');
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.startsWith('xref\n', startxref)).toBe(true);
    const entries = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries.length).toBe(7); // catalog, pages, font, CID font, descriptor, page, contents
    entries.forEach((offset, i) => expect(pdf.startsWith(`${i + 1} 0 obj\n`, offset)).toBe(true));
    expect(pdf).toContain('/BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UTF16-H');
    expect(pdf).not.toContain('/FontFile');
  });
});

describe('pdfToText', () => {
  it('reads Japanese set in a non-embedded CID font (needs the bundled CMaps)', async () => {
    expect(await pdfToText(makeJapanesePdf(LINES))).toBe(LINES.join('\n').replace('　', ' '));
  });

  it('reads a long line the PDF wrapped at the page edge as two lines, nothing lost', async () => {
    const long = '本件につきましては、外部の専門調査機関による調査を実施し、漏えいの範囲および原因を特定いたしました。今後は再発防止に努めてまいります。';
    const text = await pdfToText(makeJapanesePdf([long]));
    expect(text.split('\n')).toHaveLength(2);
    expect(text.replace('\n', '')).toBe(long);
  });

  it('puts a blank line between pages', async () => {
    const lines = Array.from({ length: 5 }, (_, i) => `第${i + 1}項　紛失した書類`);
    const text = await pdfToText(makeJapanesePdf(lines, { linesPerPage: 2 }));
    expect(text).toBe('第1項 紛失した書類\n第2項 紛失した書類\n\n第3項 紛失した書類\n第4項 紛失した書類\n\n第5項 紛失した書類');
  });

  it('refuses a truncated PDF', async () => {
    const pdf = makeJapanesePdf(LINES);
    const err = await failure(pdf.subarray(0, Math.floor(pdf.length * 0.7)));
    expect(err.message).toBe('notice.pdf: truncated PDF (no %%EOF at the end)');
  });

  it('refuses garbage that starts like a PDF', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7\nこれはPDFではありません\n%%EOF\n');
    expect((await failure(junk)).message).toMatch(/^notice\.pdf: (not a valid PDF|cannot read the PDF)/);
  });

  it('refuses a password-protected PDF', async () => {
    const pdf = Buffer.from(makeJapanesePdf(LINES)).toString('latin1');
    const hex = (n: number) => '<' + 'ab'.repeat(n) + '>';
    const encrypted = pdf.replace(
      '/Root 1 0 R >>',
      `/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -4 >> /ID [${hex(16)} ${hex(16)}] >>`,
    );
    const err = await failure(new Uint8Array(Buffer.from(encrypted, 'latin1')));
    expect(err.message).toBe('notice.pdf: the PDF is encrypted with a password');
  });

  it('says a PDF without a text layer may be a scan', async () => {
    expect((await failure(makeJapanesePdf([]))).message).toBe('notice.pdf: no text layer (scanned PDF?)');
  });

  it('refuses more pages than the limit', async () => {
    const pdf = makeJapanesePdf(['一', '二', '三'], { linesPerPage: 1 });
    expect((await failure(pdf, { maxPages: 2 })).message).toBe('notice.pdf: 3 pages, more than the limit of 2');
  });
});
