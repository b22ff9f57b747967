// Every rule of analyze/duty-signs.ts on its own invented examples: each match is a sign, no noMatch is.
import { describe, expect, it } from 'vitest';
import { LEAK_STATED, SIGN_RULES, leakStatedIn, ruleMatches } from '../../src/analyze/duty-signs.ts';

describe.each(SIGN_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has examples both ways and a reason', () => {
    expect(rule.examples.match.length).toBeGreaterThan(0);
    expect(rule.examples.noMatch.length).toBeGreaterThan(0);
    expect(rule.why.length).toBeGreaterThan(20);
  });
  it.each(rule.examples.match)('reads 「%s」', (text) => expect(ruleMatches(rule, text)).toBe(true));
  it.each(rule.examples.noMatch)('leaves 「%s」', (text) => expect(ruleMatches(rule, text)).toBe(false));
});

describe(LEAK_STATED.id, () => {
  it.each(LEAK_STATED.examples.match)('reads 「%s」', (text) => expect(leakStatedIn([text])).toBe(text));
  it.each(LEAK_STATED.examples.noMatch)('leaves 「%s」', (text) => expect(leakStatedIn([text])).toBeNull());
});
