import { describe, expect, it } from 'vitest';
import { ViewCache } from '../../src/server/view-cache.ts';

describe('view cache', () => {
  it('computes once per token and key, again when the casebook changed', async () => {
    const cache = new ViewCache<number>();
    let computed = 0;
    const compute = () => ++computed;
    expect(await cache.get('t1', 'ja|{}', compute)).toBe(1);
    expect(await cache.get('t1', 'ja|{}', compute)).toBe(1);
    expect(await cache.get('t1', 'en|{}', compute)).toBe(2);
    expect(await cache.get('t2', 'ja|{}', compute)).toBe(3);
  });

  it('drops the least recently used entry beyond its capacity', async () => {
    const cache = new ViewCache<string>(2);
    await cache.get('t', 'a', () => 'A');
    await cache.get('t', 'b', () => 'B');
    await cache.get('t', 'a', () => 'A2'); // a is now the most recent
    await cache.get('t', 'c', () => 'C'); // evicts b
    expect(await cache.get('t', 'a', () => 'A3')).toBe('A');
    expect(await cache.get('t', 'b', () => 'B2')).toBe('B2');
  });
});
