// The watchlist matcher: an entry meets a notice's or a claim's organisation only by evidence that
// names one organisation (equal keys, one registrable domain), never by a generic word or a domain
// many sites share. Invented names throughout.
import { describe, expect, it } from 'vitest';
import { comparableDomain, entryKeys, hasKeys, matchWatchEntry, type WatchEntry } from '../../src/analyze/watchlist-match.ts';

const entry = (name: string, domains: string[] = [], aliases: string[] = []): WatchEntry => ({ name, domains, aliases });

describe('matchWatchEntry', () => {
  it('matches the organisation key whatever the legal form and spacing', () => {
    expect(matchWatchEntry(entry('株式会社ひかり書房'), { names: ['ひかり書房（株）'], domains: [] }))
      .toEqual({ how: 'name', entryValue: '株式会社ひかり書房', orgValue: 'ひかり書房（株）' });
    expect(matchWatchEntry(entry('株式会社ひかり書房'), { names: ['株式会社ひかり商店'], domains: [] })).toBeNull();
  });

  it('matches a claim in Latin letters by the romaji of the entry', () => {
    expect(matchWatchEntry(entry('株式会社みなと精機'), { names: ['Minato Seiki Co., Ltd.'], domains: [] }))
      .toMatchObject({ how: 'romaji', orgValue: 'Minato Seiki Co., Ltd.' });
  });

  it('matches by an alias of the entry, and by an alias the organisation side carries', () => {
    const withAlias = entry('株式会社コハクテック', [], ['コハク電算']);
    expect(matchWatchEntry(withAlias, { names: ['コハク電算株式会社'], domains: [] })).toMatchObject({ how: 'name', entryValue: 'コハク電算' });
    // The organisation table (aliases) plugs in on the other side.
    expect(matchWatchEntry(entry('株式会社あおば企画'), { names: ['AOBA PLANNING'], aliases: ['あおば企画'], domains: [] }))
      .toMatchObject({ how: 'name', orgValue: 'あおば企画' });
  });

  it('matches one registrable domain, from a URL, a host or a claim victim given as a domain', () => {
    const e = entry('株式会社エグザム', ['exam-k.co.jp']);
    expect(matchWatchEntry(e, { names: [], domains: ['https://www.exam-k.co.jp/news/2024/0901.html'] })).toMatchObject({ how: 'domain' });
    expect(matchWatchEntry(e, { names: ['shop.exam-k.co.jp'], domains: [] })).toMatchObject({ how: 'domain', orgValue: 'shop.exam-k.co.jp' });
    expect(matchWatchEntry(e, { names: [], domains: ['exam-k.com'] })).toBeNull();
  });

  it('matches a domain label against a name in Latin letters, never label against label', () => {
    expect(matchWatchEntry(entry('株式会社フジクロ', ['fujikuro.co.jp']), { names: ['Fujikuro Ltd.'], domains: [] }))
      .toMatchObject({ how: 'romaji' });
    expect(matchWatchEntry(entry('Zentrix', ['zentrix.co.jp']), { names: ['ZENTRIX Inc.'], domains: [] })).toMatchObject({ how: 'romaji' });
    // Equal keys only: "Zentrix Holdings" may be another company than Zentrix.
    expect(matchWatchEntry(entry('Zentrix'), { names: ['Zentrix Holdings'], domains: [] })).toBeNull();
    expect(matchWatchEntry(entry('株式会社南海電算', ['nankaid.co.jp']), { names: ['NANKAID'], domains: [] }))
      .toMatchObject({ how: 'domain_name', entryValue: 'nankaid.co.jp' });
    // Two organisations may hold abc.co.jp and abc.com.
    expect(matchWatchEntry(entry('株式会社南海電算', ['nankaid.co.jp']), { names: [], domains: ['nankaid.com'] })).toBeNull();
  });

  it('never matches on generic words, in kanji, in romaji or in Latin letters', () => {
    expect(matchWatchEntry(entry('情報システム株式会社'), { names: ['株式会社情報システム'], domains: [] })).toBeNull();
    expect(matchWatchEntry(entry('システム株式会社'), { names: ['Shisutemu Co., Ltd.'], domains: [] })).toBeNull();
    expect(matchWatchEntry(entry('Example Holdings Group'), { names: ['Example Holdings Group'], domains: [] })).toBeNull();
    expect(hasKeys(entryKeys(entry('日本データセンター株式会社')))).toBe(false);
    expect(hasKeys(entryKeys(entry('Global Services Inc.')))).toBe(false);
  });

  it('never matches on a shared generic domain label or a shared platform', () => {
    // example.com and example.co.jp: the label "example" is generic, and the registrable domains differ.
    expect(matchWatchEntry(entry('株式会社ミナミ', ['example.com']), { names: ['Example Corp'], domains: ['example.co.jp'] })).toBeNull();
    // Two sites on one hosting platform are two sites.
    expect(matchWatchEntry(entry('株式会社ミナミ', ['minami.github.io']), { names: [], domains: ['kita.github.io'] })).toBeNull();
    expect(matchWatchEntry(entry('株式会社ミナミ', ['minami.github.io']), { names: [], domains: ['https://minami.github.io/x'] })).toMatchObject({ how: 'domain' });
    // Two cities under tokyo.jp are two cities.
    expect(comparableDomain('www.city.minato.tokyo.jp')).toBe('city.minato.tokyo.jp');
    expect(matchWatchEntry(entry('港区', ['city.minato.tokyo.jp']), { names: [], domains: ['city.chuo.tokyo.jp'] })).toBeNull();
  });
});
