// Incidents worth looking at beside one: those sharing its casebook number when two incidents have
// it, then those with a notice of one of its organisations (by the organisation key grouping uses:
// analyze/org-name.ts). Found by index in the store, so a page costs the same in any casebook.
import type { Store } from '../store/ports.ts';
import { refreshIncidentFacts } from './incident-facts.ts';

export interface RelatedIncident {
  facts: { id: number; number: string | null; title: string | null; organization: string | null; disclosureDate: string | null };
  reason: 'same_org' | 'clash';
}

export async function relatedIncidentsOf(store: Store, id: number, max = 20): Promise<RelatedIncident[]> {
  const related = await store.relatedIncidentIds(id, max);
  if (related.length === 0) return [];
  // What the list shows is in each incident's facts (merged and corrected): one read for all of them,
  // not a merge of every member's record per incident.
  await refreshIncidentFacts(store);
  const facts = new Map((await store.incidentFactsByIds(related.map((r) => r.id))).map((f) => [f.id, f]));
  return related.flatMap(({ id: other, reason }) => {
    const f = facts.get(other);
    return f ? [{ facts: { id: other, number: f.number, title: f.title, organization: f.organization, disclosureDate: f.disclosureDate }, reason }] : [];
  });
}
