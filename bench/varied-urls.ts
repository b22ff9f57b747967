// The varied-URL mode of the load bench: every request asks for another search word (drawn from words
// that occur in the casebook's notices), another page, another incident or another dashboard filter, so
// each request is a cache miss, as users' requests are.
import Database from 'better-sqlite3';
import { DATA_TYPES, INCIDENT_TYPES, SECTORS } from '../src/core/record.ts';

export interface VariedRoute {
  /** How the route is named in the report ('/?q=', '/incidents/:id', …). */
  name: string;
  /** The next path to ask for; deterministic for a seed. */
  next: () => string;
}

/** A small deterministic generator (mulberry32): the same casebook and seed give the same URLs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Runs of kanji (2–4) and of katakana (3–8): the words people type into the box.
const WORD = /[\u4e00-\u9fff]{2,4}|[\u30a0-\u30ff]{3,8}/g;

/** Words of the casebook's notices, incident ids and the numbers of pages, read from a SQLite casebook. */
export function casebookSample(db: string, seed = 1, notices = 3000): { words: string[]; incidents: number[]; years: string[] } {
  const conn = new Database(db, { readonly: true });
  try {
    const rand = random(seed);
    const maxId = (conn.prepare('SELECT coalesce(max(id), 0) AS n FROM notices').get() as { n: number }).n;
    const text = conn.prepare<[number], { text: string }>('SELECT text FROM notices WHERE id >= ? ORDER BY id LIMIT 1');
    const words = new Set<string>();
    for (let i = 0; i < notices && maxId > 0; i++) {
      const row = text.get(1 + Math.floor(rand() * maxId));
      // A few words of each notice, from anywhere in it.
      const found = row?.text.slice(0, 4000).match(WORD) ?? [];
      for (let k = 0; k < 3 && found.length > 0; k++) words.add(found[Math.floor(rand() * found.length)]!);
    }
    const incidents = (conn.prepare('SELECT id FROM incidents ORDER BY id').pluck().all() as number[]);
    const years = (conn.prepare("SELECT DISTINCT substr(first_disclosure, 1, 4) FROM incidents WHERE first_disclosure IS NOT NULL ORDER BY 1").pluck().all() as string[]);
    return { words: [...words].sort(), incidents, years };
  } finally {
    conn.close();
  }
}

/** The routes of the varied mode, each drawing its next URL from the sample. */
export function variedRoutes(sample: { words: string[]; incidents: number[]; years: string[] }, seed = 1): VariedRoute[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const word = () => encodeURIComponent(pick(sample.words));
  const pages = Math.max(1, Math.ceil(sample.incidents.length / 50));
  const filter = () => {
    // One to three facets, each another value every time.
    const parts = [`type=${pick(INCIDENT_TYPES)}`, `year=${pick(sample.years)}`, `sector=${pick(SECTORS)}`, `data=${pick(DATA_TYPES)}`, `ppc=${pick(['yes', 'no'])}`];
    const n = 1 + Math.floor(rand() * 3);
    const chosen: string[] = [];
    while (chosen.length < n) {
      const p = pick(parts);
      if (!chosen.includes(p)) chosen.push(p);
    }
    return chosen.join('&');
  };
  return [
    { name: '/ (another page and filter)', next: () => (rand() < 0.5 ? `/?page=${1 + Math.floor(rand() * Math.min(pages, 200))}` : `/?${filter()}`) },
    { name: '/?q= (another word, page 1–3)', next: () => `/?q=${word()}${rand() < 0.3 ? `&page=${2 + Math.floor(rand() * 2)}` : ''}` },
    { name: '/incidents/:id (another incident)', next: () => `/incidents/${pick(sample.incidents)}` },
    { name: '/dashboard? (another filter)', next: () => `/dashboard?${filter()}` },
    { name: '/api/v1/search?q= (another word)', next: () => `/api/v1/search?q=${word()}` },
  ];
}
