// The Japanese-victim rules, each with its invented examples (as eslint's rule tester runs valid and
// invalid cases): what a claim's name, domain and description say of where the victim is.
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_RULES, NOT_IN_JAPAN_EXAMPLES, japanInDescription } from '../../src/analyze/japan-in-description.ts';
import { japaneseVerdict } from '../../src/analyze/japanese-victim.ts';
import { translator } from '../../src/i18n/messages.ts';
import { claimWhyText } from '../../src/server/pages/claim-reason-text.ts';

describe.each(DESCRIPTION_RULES)('description rule $id', (rule) => {
  it.each(rule.examples)('finds: %s', (example) => {
    expect(rule.pattern.test(example)).toBe(true);
    expect(japanInDescription(example)).not.toBeNull();
  });
  it('is said in Japanese on the pages', () => {
    const said = claimWhyText(translator('ja'), rule.why);
    expect(said).not.toBe(rule.why);
    expect(said).toMatch(/[\u3040-\u30ff]/u);
  });
});

describe('mentions of Japan that do not place the victim there', () => {
  it.each(NOT_IN_JAPAN_EXAMPLES)('no rule finds: %s', (example) => {
    expect(japanInDescription(example)).toBeNull();
  });
});

describe('japaneseVerdict from name, domain and description', () => {
  const v = (victim: string, extra: { domain?: string | null; description?: string | null } = {}, known = new Map<string, string>()) =>
    japaneseVerdict({ victim, domain: extra.domain ?? null, country: null, description: extra.description ?? null }, [], known);

  it('reads the name: Japan as a word, a .jp host named as the victim even when the website is elsewhere', () => {
    expect(v('Hoshizora Japan Holdings')?.why).toBe('the name says Japan');
    expect(v('kohaku-japan.com', { domain: 'kohaku-japan.com' })?.why).toBe('the name says Japan');
    expect(v('Japanese Garden Supply')).toBeNull(); // an adjective in a name is no address
    expect(v('kohaku.co.jp', { domain: 'kohaku-global.example' })?.why).toBe('.jp domain (kohaku.co.jp)');
  });

  it('reads the description, and a casebook organisation in romaji', () => {
    expect(v('kohaku-audio.com', { description: 'Kohaku Audio was founded in Japan in 1960.' })).toMatchObject({ strength: 'strong', why: 'the description says it was founded in Japan' });
    expect(v('Riverside Hotel', { description: 'The hotel serves Cantonese, Japanese and Thai food.' })).toBeNull();
    const known = new Map([['kohakutekku', '株式会社コハクテック']]);
    expect(v('kohaku-tekku.com', { domain: 'kohaku-tekku.com' }, known)?.why).toBe('the name of 株式会社コハクテック in romaji');
    expect(v('kohaku-tekku.com', { domain: 'kohaku-tekku.com' })).toBeNull();
  });

  it('takes a bare domain whose description names the firm with a company form in romaji as a weak sign', () => {
    expect(v('hoshizora.co', { description: 'We rent scaffolding. Hoshizora Co., Ltd creates products of value.' }))
      .toEqual({ strength: 'weak', why: 'the description names it with a company form in Hepburn romaji', parent: null });
    expect(v('brightwell.co', { description: 'Brightwell Co., Ltd makes pumps.' })).toBeNull(); // not Hepburn
    expect(v('hoshizora.co', { description: 'Kohaku Co., Ltd is a client of ours.' })).toBeNull(); // another firm's name
  });
});
