// Search folds the field's spelling variants on both engines: 漏洩 finds 漏えい and ろうえい, ランサムウエア
// finds ランサムウェア, 紛失 finds 亡失; 個人情報 and 個人データ only when asked; a user's own group works the
// same; with ranking words and with words common enough only to narrow (a small rank limit).
import { afterEach, describe, expect, it } from 'vitest';
import { queryPhrases } from '../../src/core/bigram.ts';
import { expandSpellings, variantGroups } from '../../src/core/spelling-variants.ts';
import { ftsMatchExpression } from '../../src/store/sqlite/fts-query.ts';
import { tsqueryText, tsqueryTokensText } from '../../src/store/postgres/pg-text-search.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

const TEXTS = [
  '顧客情報の漏洩に関するお詫び。個人情報が含まれていました。',
  '個人情報の漏えいに関するお知らせ。',
  'ろうえい の おそれ が ある ファイル。',
  'ランサムウェア被害のお知らせ。',
  'ランサムウエアによる暗号化について。',
  '書類の紛失について。',
  '書類の亡失について。',
  '個人データの取扱いについて。',
  '身代金ウイルスによる被害。',
];

describe('expanding a query into its spellings', () => {
  it('adds the other spellings of a word, inside longer words too, and says which it added', () => {
    expect(expandSpellings('漏洩', variantGroups())).toEqual({ query: '漏洩|漏えい|ろうえい', added: ['漏えい', 'ろうえい'] });
    expect(expandSpellings('情報漏えい 病院', variantGroups()).query).toBe('情報漏えい|情報漏洩|情報ろうえい 病院');
    expect(expandSpellings('ランサムウエア', variantGroups()).added).toEqual(['ランサムウェア']);
    expect(expandSpellings('ﾗﾝｻﾑｳｪｱ', variantGroups()).query).toBe('ランサムウェア|ランサムウエア');
    expect(expandSpellings('紛失', variantGroups()).added).toEqual(['亡失']);
  });

  it('folds 個人情報 and 個人データ only when asked, and takes a user\'s own groups', () => {
    expect(expandSpellings('個人情報', variantGroups()).added).toEqual([]);
    expect(expandSpellings('個人情報', variantGroups([], true)).added).toEqual(['個人データ']);
    expect(new Set(expandSpellings('ランサムウェア', variantGroups([{ spellings: ['ランサムウェア', '身代金ウイルス'] }])).added)).toEqual(new Set(['ランサムウエア', '身代金ウイルス']));
  });

  it('keeps a word the person wrote with | as written', () => {
    expect(expandSpellings('漏洩|流出', variantGroups())).toEqual({ query: '漏洩|流出', added: [] });
  });

  it('writes a word\'s spellings as one OR group for FTS5 and for tsquery, every token still quoted', () => {
    const phrases = queryPhrases('漏洩|漏えい 病院');
    expect(ftsMatchExpression(phrases)).toBe('("漏洩" OR "漏え えい") AND "病院"');
    expect(tsqueryText(phrases)).toBe("(('漏洩') | ('漏え' <-> 'えい')) & ('病院')");
    expect(tsqueryTokensText(phrases[0]!)).toBe("('漏洩') | ('漏え' & 'えい')");
    expect(ftsMatchExpression(queryPhrases('"a|b" *'))).toBe('("a" OR "b")');
  });
});

describe.each(ENGINES)('searching spelling variants on $name', (engine) => {
  let opened: OpenedStore | null = null;
  afterEach(async () => { await opened?.dispose(); opened = null; });

  async function casebook(searchRankLimit?: number): Promise<{ store: Store; ids: number[] }> {
    opened = await engine.open(searchRankLimit ? { searchRankLimit } : {});
    const ids: number[] = [];
    for (const [i, text] of TEXTS.entries()) {
      ids.push((await opened.store.ingestDocument(makeDocument(text, `v${i}.txt`), [makeNotice(text, makeRecord())])).noticeIds[0]!);
    }
    return { store: opened.store, ids };
  }

  const found = async (store: Store, query: string, extra = variantGroups()) =>
    new Set((await store.search(expandSpellings(query, extra).query, { limit: 50 })).map((h) => h.id));

  for (const rankLimit of [undefined, 1]) {
    it(`finds every spelling of a word${rankLimit ? ' when every word is common' : ''}`, async () => {
      const { store, ids } = await casebook(rankLimit);
      // Without folding, each spelling finds only itself.
      expect(new Set((await store.search('漏洩')).map((h) => h.id))).toEqual(new Set([ids[0]]));
      expect(await found(store, '漏洩')).toEqual(new Set([ids[0], ids[1], ids[2]]));
      expect(await found(store, '漏えい')).toEqual(new Set([ids[0], ids[1], ids[2]]));
      expect(await found(store, 'ランサムウエア')).toEqual(new Set([ids[3], ids[4]]));
      expect(await found(store, '紛失')).toEqual(new Set([ids[5], ids[6]]));
      expect(await found(store, '個人情報')).toEqual(new Set([ids[0], ids[1]]));
      expect(await found(store, '個人情報', variantGroups([], true))).toEqual(new Set([ids[0], ids[1], ids[7]]));
      expect(await found(store, 'ランサムウェア', variantGroups([{ spellings: ['ランサムウェア', '身代金ウイルス'] }]))).toEqual(new Set([ids[3], ids[4], ids[8]]));
      // Words still combine with AND: 漏えい and 個人情報 together.
      expect(await found(store, '漏洩 個人情報')).toEqual(new Set([ids[0], ids[1]]));
      expect(new Set(await store.searchNoticeIds(expandSpellings('ランサムウェア', variantGroups()).query))).toEqual(new Set([ids[3], ids[4]]));
    });
  }

  it('marks the spelling the notice uses in its snippet', async () => {
    const { store } = await casebook();
    const [hit] = await store.search(expandSpellings('ランサムウェア', variantGroups()).query + ' 暗号化');
    expect(hit!.snippet).toContain('\u0001ランサムウエア\u0002');
  });
});
