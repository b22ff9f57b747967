import { describe, expect, it } from 'vitest';
import { queryPhrases } from '../../src/core/bigram.ts';
import { ftsMatchExpression } from '../../src/store/sqlite/fts-query.ts';

describe('ftsMatchExpression', () => {
  it('quotes each phrase and joins the phrases with AND', () => {
    expect(ftsMatchExpression(queryPhrases('情報漏洩 病院'))).toBe('"情報 報漏 漏洩" AND "病院"');
  });

  it('adds a prefix star after a phrase ending in a lone CJK character', () => {
    expect(ftsMatchExpression(queryPhrases('A社'))).toBe('"a 社" *');
  });

  it('doubles quotes inside tokens, so no token can end its string', () => {
    expect(ftsMatchExpression([{ tokens: ['a"b', ')'], prefix: false }])).toBe('"a""b )"');
  });

  it('is null when no word has a token', () => {
    expect(ftsMatchExpression(queryPhrases('" * )'))).toBeNull();
    expect(ftsMatchExpression([])).toBeNull();
  });
});
