// How a notice's organisation is read for the organisation table, and which folded forms a query finds it by.
import { describe, expect, it } from 'vitest';
import { foldAddedName, organisationSearchTerms, readOrganisation, sourceDomain } from '../../src/analyze/org-search.ts';

describe('readOrganisation', () => {
  it('keys a name by org-name.ts, folds it, reads its romaji and the host its notice came from', () => {
    expect(readOrganisation('株式会社 フジクラ', 'https://www.fujikura.example.co.jp/news/1.html')).toEqual({
      key: 'フジクラ', nameFold: '株式会社フジクラ', latinKey: 'fujikura', domain: 'fujikura.example.co.jp',
    });
    expect(readOrganisation('フジクラ(株)', 'notices/a.txt')).toMatchObject({ key: 'フジクラ', domain: null });
    // A name with nothing distinctive left belongs to no organisation.
    expect(readOrganisation('株式会社', 'a.txt').key).toBeNull();
    expect(readOrganisation(null, 'a.txt').key).toBeNull();
  });

  it('takes a domain only from a web address', () => {
    expect(sourceDomain('HTTPS://Example.CO.JP/x')).toBe('example.co.jp');
    expect(sourceDomain('/home/user/example.co.jp.txt')).toBeNull();
    expect(sourceDomain('ftp://example.co.jp/')).toBeNull();
  });
});

describe('organisationSearchTerms', () => {
  it('finds a name as written, by its key, by a domain\'s label and by romaji', () => {
    expect(organisationSearchTerms('株式会社フジクラ')).toEqual(['株式会社フジクラ', 'フジクラ']);
    expect(organisationSearchTerms('https://www.fujikura.co.jp/')).toEqual(expect.arrayContaining(['fujikura.co.jp', 'fujikura']));
    expect(organisationSearchTerms('Fujikura Ltd.')).toEqual(expect.arrayContaining(['fujikuraltd.', 'fujikura']));
    expect(organisationSearchTerms('   ')).toEqual([]);
  });
});

describe('foldAddedName', () => {
  it('folds a name for search and a domain to its host, refusing what is neither', () => {
    expect(foldAddedName('alias', ' Hikari  Books ')).toBe('hikaribooks');
    expect(foldAddedName('domain', 'https://www.hikari.example.jp/shop')).toBe('hikari.example.jp');
    expect(foldAddedName('domain', 'not a domain')).toBeNull();
    expect(foldAddedName('former', ' \u3000 ')).toBeNull();
  });
});
