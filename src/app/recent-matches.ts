// The notices a search matched, kept for the last few queries until the casebook changes. Paging
// through a search, sorting it another way or narrowing it by a facet asks the same query again: the
// same list comes back (the very array, so the facts index's work on it, kept by the list itself, is
// reused too), and the full-text index is not walked again (2–3 ms for a common word at 100,000 posts).
import type { Store } from '../store/ports.ts';

/** Queries kept per store: a list holds at most 100,000 ids, and most hold a few thousand. */
export const RECENT_SEARCHES = 16;

interface Kept {
  token: string;
  lists: Map<string, number[]>;
}

const kept = new WeakMap<object, Kept>();

/** store.searchNoticeIds(query), from memory when the same query was asked since the last change. */
export async function recentMatches(store: Pick<Store, 'changeToken' | 'searchNoticeIds'>, query: string): Promise<readonly number[]> {
  const token = await store.changeToken();
  let mine = kept.get(store);
  if (!mine || mine.token !== token) kept.set(store, (mine = { token, lists: new Map() }));
  const known = mine.lists.get(query);
  if (known) {
    // Most recently used last.
    mine.lists.delete(query);
    mine.lists.set(query, known);
    return known;
  }
  const ids = await store.searchNoticeIds(query);
  // Kept under the token read before the search: after a change meanwhile, the next request reads a new
  // token, starts a new list and searches again.
  mine.lists.set(query, ids);
  while (mine.lists.size > RECENT_SEARCHES) mine.lists.delete(mine.lists.keys().next().value!);
  return ids;
}
