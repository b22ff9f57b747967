// Contractor mentions ask the store for the organisation keys beginning with a few characters
// (store.orgKeysByPrefix): one range of the block index each, in code point order on both engines.
// Every organisation here is invented.
import { describe, expect, it } from 'vitest';
import { drainGrouping } from '../../src/app/regroup.ts';
import { prefixEnd } from '../../src/store/queries/grouping-queries.ts';
import { ENGINES } from './engines.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

describe('prefixEnd', () => {
  it('is the first string after every string beginning with the prefix, in code point order', () => {
    expect(prefixEnd('org:あさひ')).toBe('org:あさび');
    expect(prefixEnd('org:ab')).toBe('org:ac');
    // Past the surrogates, which no stored text holds; an astral character stays whole.
    expect(prefixEnd('org:\ud7ff')).toBe('org:\ue000');
    expect(prefixEnd('org:𠮷')).toBe('org:𠮸');
    expect(prefixEnd(`org:x${String.fromCodePoint(0x10ffff)}`)).toBe('org:y');
    expect(prefixEnd(String.fromCodePoint(0x10ffff))).toBeNull();
  });
});

for (const engine of ENGINES) {
  describe(`orgKeysByPrefix on ${engine.name}`, () => {
    it('gives each prefix the keys beginning with it, once each, and no other', async () => {
      const { store, dispose } = await engine.open();
      try {
        const names = ['あさひ工務店', 'あさひ印刷', 'あさぴ商会', 'あさ', '𠮷野データ', '𠮷野家具', 'ミドリ物流', 'ミドリ物流'];
        for (const [k, name] of names.entries()) {
          const text = `お知らせ\n2025年6月${k + 1}日\n株式会社${name}\n書類${k}件を紛失しました。`;
          await store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord({ organization: `株式会社${name}` }))]);
        }
        await drainGrouping(store, { untilStage: 1 });
        const found = await store.orgKeysByPrefix(['あさひ', '𠮷野', 'ミドリ', 'かもめ', 'あさ']);
        const sorted = new Map([...found].map(([p, keys]) => [p, [...keys].sort()]));
        expect(sorted.get('あさひ')).toEqual(['あさひ印刷', 'あさひ工務店'].sort());
        expect(sorted.get('𠮷野')).toEqual(['𠮷野データ', '𠮷野家具'].sort());
        // Two notices of one organisation: its key once.
        expect(sorted.get('ミドリ')).toEqual(['ミドリ物流']);
        expect(sorted.has('かもめ')).toBe(false);
        expect(sorted.get('あさ')).toEqual(['あさ', 'あさひ印刷', 'あさひ工務店', 'あさぴ商会'].sort());
        expect(await store.orgKeysByPrefix([])).toEqual(new Map());
      } finally {
        await dispose();
      }
    });
  });
}
