// Which organisations hold a search term, answered from memory: every listed organisation's search text
// (names, romaji, domains) read once per change of the casebook, then scanned with includes. In SQL the
// same question is a LIKE '%term%' over every row, which no index answers: 40–160 ms of CPU a search
// at 56,000 organisations (100,000 posts), paid by every search page for its organisation hits.
import type { OrganisationStore, Store } from '../store/ports.ts';

interface Texts {
  token: string;
  ids: Int32Array;
  /** ASCII lower-cased, as SQLite's LIKE compares. */
  texts: string[];
}

const cached = new WeakMap<object, Texts>();
const loading = new WeakMap<object, Promise<Texts>>();

const fold = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

async function textsOf(store: OrganisationStore & Pick<Store, 'changeToken'>): Promise<Texts> {
  const token = await store.changeToken();
  const have = cached.get(store);
  if (have && have.token === token) return have;
  const running = loading.get(store);
  if (running) return running;
  const load = store.organisationSearchTexts().then((rows) => {
    const texts: Texts = { token, ids: Int32Array.from(rows, (r) => r.id), texts: rows.map((r) => fold(r.text)) };
    cached.set(store, texts);
    return texts;
  }).finally(() => loading.delete(store));
  loading.set(store, load);
  return load;
}

/**
 * The ids of the listed organisations whose search text holds any of the terms, in the list's order
 * (latest notice first): all of them counted, the ids of `window` returned.
 */
export async function organisationIdsHolding(
  store: OrganisationStore & Pick<Store, 'changeToken'>, terms: readonly string[], window: { offset: number; limit: number },
): Promise<{ total: number; ids: number[] }> {
  const { ids, texts } = await textsOf(store);
  const wanted = terms.filter((t) => t.length > 0).map(fold);
  const out: number[] = [];
  let total = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    let hit = false;
    for (const t of wanted) if (text.includes(t)) { hit = true; break; }
    if (!hit) continue;
    if (total >= window.offset && out.length < window.limit) out.push(ids[i]!);
    total++;
  }
  return { total, ids: out };
}
