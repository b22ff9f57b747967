// valueText: a record value in words; an attacker shows the alias table's group where its spelling differs.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages.ts';
import { valueText } from '../../src/server/pages/labels.ts';

describe('valueText for an attacker', () => {
  it('adds the canonical group to a spelling the alias table knows, and leaves other names as written', () => {
    expect(valueText(translator('ja'), 'attacker', 'LOCKBIT2.0', 'ja')).toBe('LOCKBIT2.0（LockBit）');
    expect(valueText(translator('en'), 'attacker', 'lockbit3', 'en')).toBe('lockbit3 (LockBit)');
    expect(valueText(translator('en'), 'attacker', 'LockBit', 'en')).toBe('LockBit');
    expect(valueText(translator('ja'), 'attacker', 'GreyOwl', 'ja')).toBe('GreyOwl');
  });
});
