// recentMatches: a search's matches kept for the last few queries until the casebook changes.
import { describe, expect, it } from 'vitest';
import { RECENT_SEARCHES, recentMatches } from '../../src/app/recent-matches.ts';

function fakeStore() {
  let token = 't1';
  const asked: string[] = [];
  const store = {
    async changeToken() { return token; },
    async searchNoticeIds(query: string) { asked.push(query); return [query.length, asked.length]; },
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

  it('keeps the most recently used queries, and each store its own', async () => {
    const s = fakeStore();
    for (let i = 0; i <= RECENT_SEARCHES; i++) await recentMatches(s.store, `q${i}`);
    // q0 was pushed out by the last one; q1 is still there.
    await recentMatches(s.store, 'q1');
    await recentMatches(s.store, 'q0');
    expect(s.asked.slice(RECENT_SEARCHES + 1)).toEqual(['q0']);
    const other = fakeStore();
    await recentMatches(other.store, 'q1');
    expect(other.asked).toEqual(['q1']);
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
