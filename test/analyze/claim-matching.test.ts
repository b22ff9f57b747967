// The matcher proposes an incident only when claim and incident name the same organisation; invented
// names, each case one way two organisations can look alike without being one.
import { describe, expect, it } from 'vitest';
import { proposeClaimMatches, type MatchableIncident } from '../../src/analyze/claim-matching.ts';
import { latinKey, organisationLatinKey, registrableDomain } from '../../src/analyze/org-latin-key.ts';

const incident = (id: number, organizations: string[], text = '', dates = ['2024-09-03']): MatchableIncident =>
  ({ id, number: `2024-00${id}`, organizations, dates, ransomware: false, text });
const claim = (victim: string, domain: string | null = null, parent: string | null = null) =>
  ({ id: 1, victim, domain, discoveredDate: '2024-09-10', parent });
const best = (c: ReturnType<typeof claim>, incidents: MatchableIncident[]) => proposeClaimMatches([c], incidents).map((p) => p.incidentId);

describe('latin keys', () => {
  it('reads a casebook name as romaji only where every kanji word has a known reading', () => {
    expect(organisationLatinKey('株式会社コハクテック')).toBe('kohakutekku');
    expect(organisationLatinKey('株式会社みなと精機')).toBe('minatoseiki');
    expect(organisationLatinKey('株式会社ZYX')).toBe('zyx');
    expect(organisationLatinKey('南海精機株式会社')).toBeNull(); // 南海 has no reading here
    expect(latinKey('Minato Seiki Co., Ltd.')).toBe('minatoseiki');
    expect(latinKey('Example Holdings Group')).toBeNull();
    expect(latinKey('JP')).toBeNull();
    expect(registrableDomain('mail.aozora-kikaku.co.jp')).toBe('aozora-kikaku.co.jp');
    expect(registrableDomain('shop.example.com')).toBe('example.com');
  });
});

describe('proposeClaimMatches', () => {
  const zyx = incident(1, ['株式会社ZYX']);
  const minato = incident(2, ['株式会社みなと精機'], '当社サイト https://www.minato-seiki.co.jp/ をご覧ください');
  const example = incident(3, ['株式会社エグザンプル'], 'お問い合わせ: info@example.co.jp');
  const nankai = incident(4, ['南海精機株式会社']);
  const all = [zyx, minato, example, nankai];

  it('proposes on one organisation: the same name, read as romaji or as written', () => {
    expect(best(claim('Minato Seiki Co., Ltd.'), all)).toEqual([2]);
    expect(best(claim('minato-seiki.com'), all)).toEqual([2]); // the registrant's label, read as the name
    expect(best(claim('南海精機'), all)).toEqual([4]);
    expect(best(claim('zyx.de'), all)).toEqual([1]);
  });

  it('proposes on a mapped domain and on the domain the notices give', () => {
    expect(best(claim('Minato Thai', 'minato-th.example.net', '株式会社みなと精機'), all)).toEqual([2]);
    const byDomain = proposeClaimMatches([claim('Some Name', 'mail.minato-seiki.co.jp')], all);
    expect(byDomain.map((p) => p.incidentId)).toEqual([2]);
    expect(byDomain[0]!.reasons).toContain('the notice text gives the domain minato-seiki.co.jp');
  });

  it('never proposes on a similar name, a part of a name or a shared generic label', () => {
    expect(best(claim('xyzx.gr'), all)).toEqual([]); // holds "yzx" … not the name ZYX
    expect(best(claim('zyxel.com'), all)).toEqual([]); // begins with it
    expect(best(claim('Minato Seiko Co., Ltd.'), all)).toEqual([]); // one letter apart
    expect(best(claim('example.com', 'example.com'), all)).toEqual([]); // example.co.jp in the text is someone else's
    expect(best(claim('Acme Group'), [incident(5, ['Zenith Group'])])).toEqual([]);
    expect(best(claim('Japan Holdings Co., Ltd.'), [incident(6, ['Japan Holdings'])])).toEqual([]); // generic words only
    expect(best(claim('byte.gr'), [incident(7, ['株式会社YTE'], 'see https://xbyte.gr/')])).toEqual([]);
  });

  it('weighs dates: close ones raise the score, far ones lower it; a far one still needs the same organisation', () => {
    const [near] = proposeClaimMatches([claim('Minato Seiki')], [minato]);
    const [far] = proposeClaimMatches([{ ...claim('Minato Seiki'), discoveredDate: '2026-01-01' }], [minato]);
    expect(near!.score).toBe(0.95);
    expect(far!.score).toBe(0.51);
    expect(far!.reasons.join('; ')).toMatch(/outside 90/);
  });
});
