// What a reader sends its parent: each post's text, a slice of its document's, left out and cut again.
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { packResult, unpackResult } from '../../src/app/decode-job.ts';
import { readBytesForIngest } from '../../src/app/ingest-read.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';

describe('packResult / unpackResult', () => {
  it('leaves each post text out on the way and gives back the same result', async () => {
    // A casebook-like page of three posts, and a lone notice.
    const page = [USB_NOTICE, BCC_NOTICE, RANSOM_NOTICE].join('\n\n――――――――――\n\n');
    for (const text of [page, USB_NOTICE]) {
      const read = await readBytesForIngest('page.txt', new TextEncoder().encode(text));
      if (!read.ok) throw new Error(read.reason);
      expect(read.notices.length).toBeGreaterThan(0);
      const packed = packResult(read);
      if (!packed.ok || !('doc' in packed)) throw new Error('not a document');
      expect(packed.notices.every((n) => n.text === undefined)).toBe(true);
      expect(serialize(packed).length).toBeLessThan(serialize(read).length);
      expect(unpackResult(structuredClone(packed))).toEqual(read);
    }
  });

  it('keeps a post text that is not its document\'s from start to end, and passes other results as they are', () => {
    const doc = { sha256: 'x', source: 'a.txt', mediaType: 'text/plain', encoding: 'utf-8', byteLength: 9, text: '本文の全体です。' };
    const record = {} as never;
    const read = { ok: true as const, doc, notices: [{ ordinal: 0, start: 0, end: 3, text: '別の文', record, extractorVersion: 'v' }] };
    expect(packResult(read)).toEqual(read);
    expect(unpackResult(packResult(read))).toEqual(read);
    const failed = { ok: false as const, reason: 'a.txt: not a notice' };
    expect(packResult(failed)).toBe(failed);
    expect(unpackResult(failed)).toBe(failed);
  });
});
