// Incidents worth looking at beside one: the same organisation (by name, loosely), or the same number.
import type { IncidentFacts } from '../app/incident-facts.ts';

export interface RelatedIncident {
  facts: IncidentFacts;
  reason: 'same_org' | 'clash';
}

/** Company-form words and spacing do not tell organisations apart. */
function orgKey(name: string): string {
  return name.normalize('NFKC').replace(/株式会社|有限会社|合同会社|\(株\)|（株）|一般社団法人|公益財団法人|一般財団法人|医療法人社団|医療法人|学校法人|社会福祉法人|\s/g, '');
}

// Keys of every incident's organisations, built once per facts list (the facts are cached per change).
const orgIndexes = new WeakMap<readonly IncidentFacts[], Map<string, IncidentFacts[]>>();

function orgIndex(facts: readonly IncidentFacts[]): Map<string, IncidentFacts[]> {
  let index = orgIndexes.get(facts);
  if (index) return index;
  index = new Map();
  for (const f of facts) {
    for (const key of new Set(f.organizations.map(orgKey).filter((k) => k.length >= 2))) {
      const list = index.get(key);
      if (list) list.push(f);
      else index.set(key, [f]);
    }
  }
  orgIndexes.set(facts, index);
  return index;
}

export function relatedIncidents(facts: readonly IncidentFacts[], id: number, max = 20): RelatedIncident[] {
  const self = facts.find((f) => f.id === id);
  if (!self) return [];
  const out: RelatedIncident[] = [];
  const seen = new Set<number>([id]);
  if (self.numberClash && self.number) {
    for (const f of facts) {
      if (f.number === self.number && !seen.has(f.id)) {
        seen.add(f.id);
        out.push({ facts: f, reason: 'clash' });
      }
    }
  }
  const index = orgIndex(facts);
  for (const key of new Set(self.organizations.map(orgKey))) {
    for (const f of index.get(key) ?? []) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({ facts: f, reason: 'same_org' });
    }
  }
  return out.slice(0, max);
}
