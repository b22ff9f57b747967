// Which organisations hold a search term, answered from memory: every listed organisation's search text
// (names, romaji, domains) read once per change of the casebook, joined, and looked up by the pairs of
// characters each text holds (core/text-bigrams.ts); a term too short for a pair, or whose rarest pair is
// in many texts, is searched for with indexOf over the whole. In SQL the same question is a LIKE
// '%term%' over every row, which no index answers: 40–160 ms of CPU a search at 56,000 organisations
// (100,000 posts), paid by every search page for its organisation hits.
import { bigramPostings, textsWithPairsOf, type BigramPostings } from '../core/text-bigrams.ts';
import type { OrganisationStore, Store } from '../store/ports.ts';

interface Texts {
  token: string;
  ids: Int32Array;
  /**
   * Every search text, ASCII lower-cased as SQLite's LIKE compares, joined by SEPARATOR: one indexOf
   * over the whole string costs a quarter of an includes per organisation (0.3 against 1.25 ms a term at
   * 56,000 organisations).
   */
  joined: string;
  /** Where each text starts in `joined`, and one past the end of the last. */
  starts: Int32Array;
  /**
   * The texts holding each pair of characters: a term's candidates are read in 0.03 ms against 0.25 ms
   * for indexOf over the whole (56,000 organisations; 26 ms to make, 3.2 MB kept).
   */
  pairs: BigramPostings;
}

/**
 * Past this share of all texts, a term's candidates are not read one by one: indexOf over the whole,
 * which skips from a hit to the next text, costs less than a slice and a search of each.
 */
const SCAN_SHARE = 1 / 8;

/** Between two texts; a text holding it has it replaced, and a term holding it matches nothing. */
const SEPARATOR = '\u0000';

const cached = new WeakMap<object, Texts>();
const loading = new WeakMap<object, Promise<Texts>>();

const fold = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

function joinTexts(token: string, rows: ReadonlyArray<{ id: number; text: string }>): Texts {
  const starts = new Int32Array(rows.length + 1);
  const parts: string[] = [];
  let at = 0;
  rows.forEach((r, i) => {
    const text = fold(r.text).replaceAll(SEPARATOR, ' ');
    starts[i] = at;
    parts.push(text);
    at += text.length + SEPARATOR.length;
  });
  starts[rows.length] = at;
  const joined = parts.join(SEPARATOR);
  return { token, ids: Int32Array.from(rows, (r) => r.id), joined, starts, pairs: bigramPostings(joined, starts) };
}

async function textsOf(store: OrganisationStore & Pick<Store, 'changeToken'>): Promise<Texts> {
  const token = await store.changeToken();
  const have = cached.get(store);
  if (have && have.token === token) return have;
  const running = loading.get(store);
  if (running) return running;
  const load = store.organisationSearchTexts().then((rows) => {
    const texts = joinTexts(token, rows);
    cached.set(store, texts);
    return texts;
  }).finally(() => loading.delete(store));
  loading.set(store, load);
  return load;
}

/** The index of the text holding position `at` of `joined`. */
function textAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The ids of the listed organisations whose search text holds any of the terms, in the list's order
 * (latest notice first): all of them counted, the ids of `window` returned.
 */
export async function organisationIdsHolding(
  store: OrganisationStore & Pick<Store, 'changeToken'>, terms: readonly string[], window: { offset: number; limit: number },
): Promise<{ total: number; ids: number[] }> {
  const { ids, joined, starts, pairs } = await textsOf(store);
  const wanted = terms.filter((t) => t.length > 0 && !t.includes(SEPARATOR)).map(fold);
  const holding = new Uint8Array(ids.length);
  for (const term of wanted) {
    const candidates = textsWithPairsOf(pairs, term);
    if (candidates !== null && candidates.length <= ids.length * SCAN_SHARE) {
      for (const i of candidates) if (holding[i] === 0 && joined.slice(starts[i]!, starts[i + 1]! - 1).includes(term)) holding[i] = 1;
      continue;
    }
    for (let from = 0; ;) {
      const at = joined.indexOf(term, from);
      if (at < 0) break;
      const i = textAt(starts, at);
      holding[i] = 1;
      // One hit is enough: the rest of this text is skipped.
      from = starts[i + 1]!;
    }
  }
  const out: number[] = [];
  let total = 0;
  for (let i = 0; i < holding.length; i++) {
    if (holding[i] === 0) continue;
    if (total >= window.offset && out.length < window.limit) out.push(ids[i]!);
    total++;
  }
  return { total, ids: out };
}
