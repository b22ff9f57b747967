import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import { decodeText } from '../../src/sources/decode-text.ts';

const NOTICE = [
  '個人情報漏えいに関するお詫びとお知らせ',
  '株式会社みなと架空商事',
  'このたび、当社の通販サイトが第三者による不正アクセスを受け、お客様1,234名の氏名・住所・電話番号が漏えいした可能性があることが判明いたしました。',
  'ご迷惑とご心配をおかけしましたことを、深くお詫び申し上げます。',
  '',
].join('\n');

function encode(text: string, to: 'SJIS' | 'EUCJP' | 'JIS'): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(NOTICE))).toEqual({ text: NOTICE, encoding: 'UTF-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(NOTICE)]);
    expect(decodeText(bytes)).toEqual({ text: NOTICE, encoding: 'UTF-8 (BOM)' });
  });

  it('reads UTF-16 with either byte order mark', () => {
    expect(decodeText(utf16(NOTICE, true))).toEqual({ text: NOTICE, encoding: 'UTF-16LE' });
    expect(decodeText(utf16(NOTICE, false))).toEqual({ text: NOTICE, encoding: 'UTF-16BE' });
  });

  it('reads Shift_JIS, EUC-JP and ISO-2022-JP exactly', () => {
    expect(decodeText(encode(NOTICE, 'SJIS'))).toEqual({ text: NOTICE, encoding: 'Shift_JIS' });
    expect(decodeText(encode(NOTICE, 'EUCJP'))).toEqual({ text: NOTICE, encoding: 'EUC-JP' });
    expect(decodeText(encode(NOTICE, 'JIS'))).toEqual({ text: NOTICE, encoding: 'ISO-2022-JP' });
  });

  it('tells short Shift_JIS from EUC-JP', () => {
    const title = 'お詫びとお知らせ';
    expect(decodeText(encode(title, 'SJIS'))).toEqual({ text: title, encoding: 'Shift_JIS' });
    expect(decodeText(encode(title, 'EUCJP'))).toEqual({ text: title, encoding: 'EUC-JP' });
  });

  it('reads the CP932 extensions (NEC specials, IBM kanji) in Shift_JIS', () => {
    // ① 87 40, ㈱ 87 8A, 髙 FB FC: not in JIS X 0208, so written as bytes here.
    const line = '対象：①顧客情報 ㈱みなと架空商事 髙橋';
    const bytes = Uint8Array.from([
      ...encode('対象：', 'SJIS'), 0x87, 0x40, ...encode('顧客情報 ', 'SJIS'), 0x87, 0x8a,
      ...encode('みなと架空商事 ', 'SJIS'), 0xfb, 0xfc, ...encode('橋', 'SJIS'),
    ]);
    expect(decodeText(bytes)).toEqual({ text: line, encoding: 'Shift_JIS' });
  });

  it('treats short ASCII as UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('OK'))).toEqual({ text: 'OK', encoding: 'UTF-8' });
  });

  it('turns CRLF and CR into LF', () => {
    const bytes = encode('一行目\r\n二行目\r三行目', 'SJIS');
    expect(decodeText(bytes).text).toBe('一行目\n二行目\n三行目');
  });

  it('follows a declared charset when the bytes are not UTF-8', () => {
    const bytes = encode(NOTICE, 'EUCJP');
    expect(decodeText(bytes, { charset: 'x-euc-jp' })).toEqual({ text: NOTICE, encoding: 'EUC-JP' });
  });

  it('prefers valid UTF-8 over a wrong declaration', () => {
    const bytes = new TextEncoder().encode(NOTICE);
    expect(decodeText(bytes, { charset: 'Shift_JIS' })).toEqual({ text: NOTICE, encoding: 'UTF-8' });
  });

  it('refuses binary bytes and names the file', () => {
    const junk = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256);
    expect(() => decodeText(junk, { source: 'notice.txt' })).toThrowError(/^notice\.txt: not text: contains NUL bytes/);
    try {
      decodeText(junk, { source: 'notice.txt' });
    } catch (err) {
      expect(err).toBeInstanceOf(JikenboError);
      expect((err as JikenboError).code).toBe('bad_input');
      expect((err as JikenboError).subject).toBe('notice.txt');
    }
  });

  it('refuses high bytes that decode in no Japanese encoding', () => {
    const junk = Uint8Array.from({ length: 1000 }, (_, i) => 0x80 + ((i * 37) % 0x7f) + 1);
    expect(() => decodeText(junk, { source: 'junk.txt' })).toThrowError(/^junk\.txt: not text: invalid byte sequences in UTF-8, Shift_JIS and EUC-JP alike \(\d+ of \d+ characters/);
  });
});
