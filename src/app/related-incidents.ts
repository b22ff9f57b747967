// Incidents worth looking at beside one: those sharing its casebook number when two incidents have
// it, then those with a notice of one of its organisations (by the organisation key grouping uses:
// analyze/org-name.ts). Found by index in the store, so a page costs the same in any casebook.
import type { Store } from '../store/store.ts';
import { getMergedIncident } from './incidents.ts';

export interface RelatedIncident {
  facts: { id: number; number: string | null; title: string | null; organization: string | null; disclosureDate: string | null };
  reason: 'same_org' | 'clash';
}

export async function relatedIncidentsOf(store: Store, id: number, max = 20): Promise<RelatedIncident[]> {
  const out: RelatedIncident[] = [];
  // One after another: each reads one incident, and a pool of two connections serves many pages at once.
  for (const { id: other, reason } of await store.relatedIncidentIds(id, max)) {
    const incident = await getMergedIncident(store, other);
    if (!incident) continue;
    const m = incident.merged;
    out.push({
      facts: { id: other, number: incident.number, title: m.title.value, organization: m.organization.value, disclosureDate: m.disclosure_date.value },
      reason,
    });
  }
  return out;
}
