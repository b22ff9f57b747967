// organisationIdsHolding: the organisations whose search text holds a term, from memory, in the list's order.
import { describe, expect, it } from 'vitest';
import { organisationIdsHolding } from '../../src/app/organisation-search.ts';
import type { OrganisationStore, Store } from '../../src/store/ports.ts';

function fakeStore(rows: Array<{ id: number; text: string }>) {
  let token = 't1';
  let reads = 0;
  const store = {
    async changeToken() { return token; },
    async organisationSearchTexts() { reads++; return rows.map((r) => ({ ...r })); },
  } as unknown as OrganisationStore & Pick<Store, 'changeToken'>;
  return { store, reads: () => reads, change: (t: string) => { token = t; } };
}

describe('organisationIdsHolding', () => {
  const rows = [
    { id: 7, text: 'フジクラ\nfujikura\nfujikura.co.jp' },
    { id: 3, text: 'みかづき商店\nmikazuki' },
    { id: 9, text: 'フジクラ電装\nfujikura densou' },
    { id: 1, text: 'ほしぞら病院' },
  ];

  it('finds any term, in the store order, counting all and returning the window', async () => {
    const { store } = fakeStore(rows);
    expect(await organisationIdsHolding(store, ['フジクラ'], { offset: 0, limit: 10 })).toEqual({ total: 2, ids: [7, 9] });
    expect(await organisationIdsHolding(store, ['フジクラ', '病院'], { offset: 1, limit: 1 })).toEqual({ total: 3, ids: [9] });
    expect(await organisationIdsHolding(store, ['FUJIKURA'], { offset: 0, limit: 10 })).toEqual({ total: 2, ids: [7, 9] });
    expect(await organisationIdsHolding(store, ['存在しない'], { offset: 0, limit: 10 })).toEqual({ total: 0, ids: [] });
    expect(await organisationIdsHolding(store, [''], { offset: 0, limit: 10 })).toEqual({ total: 0, ids: [] });
  });

  it('never matches across two texts, counts a text once however often it holds a term, and takes a NUL as text', async () => {
    const { store } = fakeStore([...rows, { id: 5, text: 'a\u0000b 病院 病院' }]);
    // 'mikazuki' ends one text and 'フジクラ電装' starts the next.
    expect(await organisationIdsHolding(store, ['kiフジ', 'ukiフ'], { offset: 0, limit: 10 })).toEqual({ total: 0, ids: [] });
    expect(await organisationIdsHolding(store, ['病院', 'ほしぞら'], { offset: 0, limit: 10 })).toEqual({ total: 2, ids: [1, 5] });
    expect(await organisationIdsHolding(store, ['a\u0000b'], { offset: 0, limit: 10 })).toEqual({ total: 0, ids: [] });
    expect(await organisationIdsHolding(store, ['a b'], { offset: 0, limit: 10 })).toEqual({ total: 1, ids: [5] });
  });

  it('finds what includes on each text finds, on many random texts', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const letters = 'アイウ病院ab';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
    const many = Array.from({ length: 300 }, (_, i) => ({ id: 1000 - i, text: word(Math.floor(rand() * 6)) }));
    const { store } = fakeStore(many);
    for (let k = 0; k < 60; k++) {
      const terms = [word(1 + Math.floor(rand() * 3)), word(1 + Math.floor(rand() * 3))];
      const expected = many.filter((r) => terms.some((t) => r.text.includes(t))).map((r) => r.id);
      expect(await organisationIdsHolding(store, terms, { offset: 3, limit: 20 })).toEqual({ total: expected.length, ids: expected.slice(3, 23) });
    }
  });

  it('finds what includes finds when the terms are looked up by their rarest pair of characters', async () => {
    // Many letters, so most pairs are in few texts and the pairs' lists (not the whole-text scan) answer.
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const letters = [...'アイウエオカキクケコ病院商店電装株式会社abcdefgh𠮷'];
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
    const many = Array.from({ length: 800 }, (_, i) => ({ id: 5000 - i, text: `${word(2 + Math.floor(rand() * 8))}\n${word(Math.floor(rand() * 4))}` }));
    const { store } = fakeStore(many);
    let found = 0;
    for (let k = 0; k < 200; k++) {
      // A term cut from a text (so it is found) or made up (mostly not).
      const from = many[Math.floor(rand() * many.length)]!.text;
      const at = Math.floor(rand() * from.length);
      const term = k % 2 === 0 ? from.slice(at, at + 2 + Math.floor(rand() * 3)) : word(2 + Math.floor(rand() * 2));
      const expected = many.filter((r) => r.text.toLowerCase().includes(term.toLowerCase())).map((r) => r.id);
      found += expected.length;
      expect(await organisationIdsHolding(store, [term], { offset: 0, limit: 1000 })).toEqual({ total: expected.length, ids: expected });
    }
    expect(found).toBeGreaterThan(200);
  });

  it('reads the texts once per change of the casebook', async () => {
    const s = fakeStore(rows);
    await organisationIdsHolding(s.store, ['病院'], { offset: 0, limit: 5 });
    await Promise.all([1, 2, 3].map(() => organisationIdsHolding(s.store, ['みかづき'], { offset: 0, limit: 5 })));
    expect(s.reads()).toBe(1);
    s.change('t2');
    await organisationIdsHolding(s.store, ['病院'], { offset: 0, limit: 5 });
    expect(s.reads()).toBe(2);
  });
});
