// The notices a search matched, kept until the casebook changes. Paging through a search, sorting it
// another way or narrowing it by a facet asks the same query again, and so do the many readers who
// search the same common words: the full-text index is not walked again (2–35 ms for a common word at
// 100,000 posts, against under a millisecond to unpack a kept list).
//
// Two tiers. The last few lists are kept as they were given, so the very array comes back and the facts
// index's work on it, which it keeps by the list itself, is reused too. Many more are kept packed
// (core/packed-ids.ts: a common word's list as a bitset of 12.5 KB at 100,000 notices) within a budget
// of bytes, least recently used dropped first.
import { packIds, packedBytes, unpackIds, type PackedIds } from '../core/packed-ids.ts';
import type { Store } from '../store/ports.ts';

/**
 * Lists kept as given, per store: a few readers paging through their searches. A list may hold 100,000
 * ids (760 KB, and as much again of the facts index's work on it). Under 50 clients, keeping 16 gave
 * serve peaks of 315-421 MB against 299-305 with 4, and no more requests a second (BENCHMARKS.md).
 */
export const RECENT_SEARCHES = 4;
/** Bytes of packed lists kept per store. */
export const PACKED_BYTES = 8 * 1024 * 1024;
/**
 * What an entry costs beside its ids (the map's slot, the objects, the query): counted so that a flood
 * of different queries matching nothing, whose lists hold no bytes, is bounded too.
 */
const ENTRY_BYTES = 160;

const bytesOf = (query: string, packed: PackedIds) => ENTRY_BYTES + 2 * query.length + packedBytes(packed);

interface Kept {
  token: string;
  lists: Map<string, number[]>;
  packed: Map<string, PackedIds>;
  packedBytes: number;
}

const kept = new WeakMap<object, Kept>();

/** Most recently used last. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}

function keepPacked(mine: Kept, query: string, ids: readonly number[], budget: number): void {
  const packed = packIds(ids);
  if (!packed) return;
  const bytes = bytesOf(query, packed);
  if (bytes > budget) return;
  const old = mine.packed.get(query);
  if (old) mine.packedBytes -= bytesOf(query, old);
  touch(mine.packed, query, packed);
  mine.packedBytes += bytes;
  while (mine.packedBytes > budget) {
    const [oldest, list] = mine.packed.entries().next().value!;
    mine.packed.delete(oldest);
    mine.packedBytes -= bytesOf(oldest, list);
  }
}

/** store.searchNoticeIds(query), from memory when the same query was asked since the last change. */
export async function recentMatches(
  store: Pick<Store, 'changeToken' | 'searchNoticeIds'>, query: string, options: { packedBytes?: number } = {},
): Promise<readonly number[]> {
  const token = await store.changeToken();
  let mine = kept.get(store);
  if (!mine || mine.token !== token) kept.set(store, (mine = { token, lists: new Map(), packed: new Map(), packedBytes: 0 }));
  const known = mine.lists.get(query);
  if (known) {
    touch(mine.lists, query, known);
    return known;
  }
  const packed = mine.packed.get(query);
  let ids: number[];
  if (packed) {
    touch(mine.packed, query, packed);
    ids = unpackIds(packed);
  } else {
    ids = await store.searchNoticeIds(query);
    // Kept under the token read before the search: after a change meanwhile, the next request reads a new
    // token, starts anew and searches again.
    keepPacked(mine, query, ids, options.packedBytes ?? PACKED_BYTES);
  }
  mine.lists.set(query, ids);
  while (mine.lists.size > RECENT_SEARCHES) mine.lists.delete(mine.lists.keys().next().value!);
  return ids;
}
