// recentMatches: a search's matches kept for the last few queries until the casebook changes.
import { describe, expect, it } from 'vitest';
import { PACKED_BYTES, RECENT_SEARCHES, recentMatches } from '../../src/app/recent-matches.ts';

function fakeStore(answer?: (query: string) => number[]) {
  let token = 't1';
  const asked: string[] = [];
  const store = {
    async changeToken() { return token; },
    async searchNoticeIds(query: string) { asked.push(query); return answer ? answer(query) : [query.length, asked.length]; },
  };
  return { store, asked, change: (t: string) => { token = t; } };
}

describe('recentMatches', () => {
  it('answers a query asked again from memory, with the same list, until the casebook changes', async () => {
    const s = fakeStore();
    const first = await recentMatches(s.store, '漏洩');
    expect(await recentMatches(s.store, '漏洩')).toBe(first);
    expect(await recentMatches(s.store, '紛失')).toEqual([2, 2]);
    expect(s.asked).toEqual(['漏洩', '紛失']);
    s.change('t2');
    const after = await recentMatches(s.store, '漏洩');
    expect(after).not.toBe(first);
    expect(s.asked).toEqual(['漏洩', '紛失', '漏洩']);
  });

  it('keeps the most recently used lists as given, and each store its own', async () => {
    const s = fakeStore();
    const first = await recentMatches(s.store, 'q0');
    for (let i = 1; i <= RECENT_SEARCHES; i++) await recentMatches(s.store, `q${i}`);
    // q0 was pushed out of the lists kept as given by the last one: it comes back unpacked, equal but
    // not the same array; q1 is still the very list.
    const q1 = await recentMatches(s.store, 'q1');
    expect(await recentMatches(s.store, 'q1')).toBe(q1);
    const again = await recentMatches(s.store, 'q0');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    expect(s.asked).toHaveLength(RECENT_SEARCHES + 1);
    const other = fakeStore();
    await recentMatches(other.store, 'q1');
    expect(other.asked).toEqual(['q1']);
  });

  it('keeps many more lists packed, within its bytes, the least recently used dropped first', async () => {
    // A common word's 50,000 matches newest first (a bitset of 12.5 KB), and a ranked list of 1,000 (4 KB).
    const answer = (query: string) => query.startsWith('common')
      ? Array.from({ length: 50_000 }, (_, i) => 200_000 - 2 * i - query.length)
      : Array.from({ length: 1000 }, (_, i) => (i * 7919) % 100_003);
    const s = fakeStore(answer);
    const queries = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? `common${i}` : `rare${i}`));
    for (const q of queries) await recentMatches(s.store, q);
    expect(s.asked).toEqual(queries);
    // 200 lists of 8 KB on average fit in two megabytes: every one comes back without a search.
    for (const q of queries) expect(await recentMatches(s.store, q, { packedBytes: 2 * 1024 * 1024 })).toEqual(answer(q));
    expect(s.asked).toEqual(queries);

    // With room for about fifty, the oldest are searched again; the 30th from the end, no longer among the
    // lists kept as given, comes back packed.
    const small = fakeStore(answer);
    const budget = { packedBytes: 400 * 1024 };
    for (const q of queries) await recentMatches(small.store, q, budget);
    expect(await recentMatches(small.store, queries.at(-30)!, budget)).toEqual(answer(queries.at(-30)!));
    await recentMatches(small.store, queries[0]!, budget);
    expect(small.asked.slice(queries.length)).toEqual([queries[0]]);
    expect(PACKED_BYTES).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('counts each kept list whatever its size, so that many queries matching nothing stay bounded too', async () => {
    const s = fakeStore(() => []);
    const budget = { packedBytes: 16 * 1024 };
    for (let i = 0; i < 1000; i++) await recentMatches(s.store, `none${i}`, budget);
    // 1,000 empty lists do not fit in 16 KB: the first were dropped and are searched again; the last were kept.
    await recentMatches(s.store, 'none0', budget);
    await recentMatches(s.store, 'none990', budget);
    expect(s.asked.slice(1000)).toEqual(['none0']);
  });

  it('does not keep what a search found while the casebook changed under it', async () => {
    const s = fakeStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const slow = {
      changeToken: s.store.changeToken,
      async searchNoticeIds(query: string) {
        if (query === '漏洩') await gate;
        return s.store.searchNoticeIds(query);
      },
    };
    const pending = recentMatches(slow, '漏洩');
    await new Promise((r) => setTimeout(r, 0));
    s.change('t2');
    await recentMatches(slow, '別');
    release();
    await pending;
    await recentMatches(slow, '漏洩');
    expect(s.asked).toEqual(['別', '漏洩', '漏洩']);
  });
});
