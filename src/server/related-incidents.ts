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

export function relatedIncidents(facts: readonly IncidentFacts[], id: number, max = 20): RelatedIncident[] {
  const self = facts.find((f) => f.id === id);
  if (!self) return [];
  const orgs = new Set(self.organizations.map(orgKey).filter((k) => k.length >= 2));
  const out: RelatedIncident[] = [];
  for (const f of facts) {
    if (f.id === id) continue;
    if (self.number && f.number === self.number) out.push({ facts: f, reason: 'clash' });
    else if (orgs.size && f.organizations.some((o) => orgs.has(orgKey(o)))) out.push({ facts: f, reason: 'same_org' });
    if (out.length >= max) break;
  }
  return out;
}
