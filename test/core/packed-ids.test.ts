// packIds / unpackIds: a search's matches kept small, and given back exactly, in their order.
import { describe, expect, it } from 'vitest';
import { packIds, packedBytes, unpackIds } from '../../src/core/packed-ids.ts';

describe('packIds', () => {
  it('keeps a long falling list (a common word, newest first) as a bitset, and gives it back as it was', () => {
    const ids = Array.from({ length: 60_000 }, (_, i) => 100_000 - i).filter((id) => id % 7 !== 0);
    const packed = packIds(ids)!;
    expect(packed.kind).toBe('falling');
    // About 51,000 ids over a range of 60,000: 7.5 KB, against 206 KB as 32-bit integers.
    expect(packedBytes(packed)).toBeLessThan(8 * 1024);
    expect(unpackIds(packed)).toEqual(ids);
  });

  it('keeps a list in another order (ranked by relevance) as it is', () => {
    const ids = [42, 7, 1_000_000, 3, 99];
    const packed = packIds(ids)!;
    expect(packed.kind).toBe('list');
    expect(unpackIds(packed)).toEqual(ids);
    expect(packedBytes(packed)).toBe(20);
  });

  it('keeps a few falling ids far apart as a list, where the bitset would be larger', () => {
    const ids = [2_000_000_000, 1_000_000, 5];
    const packed = packIds(ids)!;
    expect(packed.kind).toBe('list');
    expect(unpackIds(packed)).toEqual(ids);
  });

  it('gives back ids on every bit of a word, the 32nd included, and an empty list', () => {
    const ids = Array.from({ length: 96 }, (_, i) => 131 - i);
    const packed = packIds(ids)!;
    expect(packed.kind).toBe('falling');
    expect(unpackIds(packed)).toEqual(ids);
    expect(unpackIds(packIds([])!)).toEqual([]);
  });

  it('matches a plain array on random falling and unordered lists', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 50; trial++) {
      const set = new Set<number>();
      const n = Math.floor(rand() * 3000);
      const span = 1 + Math.floor(rand() * 200_000);
      for (let i = 0; i < n; i++) set.add(Math.floor(rand() * span));
      const falling = [...set].sort((a, b) => b - a);
      expect(unpackIds(packIds(falling)!)).toEqual(falling);
      const unordered = [...set];
      expect(unpackIds(packIds(unordered)!)).toEqual(unordered);
    }
  });

  it('refuses what is not a row id, rather than keeping it wrong', () => {
    expect(packIds([3, -1])).toBeNull();
    expect(packIds([1.5])).toBeNull();
    expect(packIds([2 ** 31])).toBeNull();
  });
});
