// The inflated size of a PDF's Flate streams, counted before pdf.js reads them, within a budget.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serializePdf } from '../../scripts/make-pdf.ts';
import { inflatedSize } from '../../src/sources/pdf-streams.ts';

const stream = (dict: string, data: Buffer) => `${dict.replace('LEN', String(data.length))}\nstream\n${data.toString('latin1')}\nendstream`;

describe('inflatedSize', () => {
  const a = Buffer.alloc(10_000, 0x41);
  const b = Buffer.alloc(30_000, 0x42);
  const pdf = serializePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    stream('<< /Length LEN /Filter /FlateDecode >>', deflateSync(a)),
    stream('<< /Length LEN /Filter [/FlateDecode /FlateDecode] >>', deflateSync(deflateSync(b))),
    stream('<< /Length LEN >>', Buffer.from('BT (plain) Tj ET')), // not compressed: not counted
    stream('<< /Length LEN /Filter /DCTDecode >>', Buffer.from([0xff, 0xd8, 0xff, 0xe0])), // another filter: left to the reader's memory limit
  ]);

  it('counts every FlateDecode stream, through each layer of a chain', async () => {
    expect(await inflatedSize(pdf, 1_000_000)).toBe(40_000);
  });

  it('stops as soon as the total passes the budget', async () => {
    expect(await inflatedSize(pdf, 39_999)).toBeNull();
    expect(await inflatedSize(pdf, 40_000)).toBe(40_000);
  });

  it('counts what inflates of a damaged stream, as pdf.js would read it', async () => {
    const cut = deflateSync(Buffer.alloc(100_000, 0x43)).subarray(0, 60);
    const damaged = serializePdf(['<< /Type /Catalog >>', stream('<< /Length LEN /Filter /FlateDecode >>', cut)]);
    const size = await inflatedSize(damaged, 1_000_000);
    expect(size).not.toBeNull();
    expect(size!).toBeLessThan(100_000);
  });
});
