// An incident by its number, of either form: a casebook header's 2024-078 or jikenbo's own J2024-0078.
// A number an incident took over in a merge still finds it; a header number two incidents share is a conflict.
import { incidentNumberOf } from '../analyze/casebook-number.ts';
import { JikenboError } from '../core/errors.ts';
import type { IncidentStore } from '../store/ports.ts';
import { publicIncidentId } from '../core/public-id.ts';

/** The one incident `number` finds: not_found for none, conflict when two incidents have it (a clash a person decides). */
export async function incidentByNumber(store: IncidentStore, number: string): Promise<number> {
  const n = incidentNumberOf(number);
  if (n === null) {
    throw new JikenboError('bad_input', `"${number.slice(0, 40)}" is not a number like 2024-078 or J2024-0078`, { subject: 'number' });
  }
  const ids = await store.findIncidentsByNumber(n);
  if (ids.length === 0) throw new JikenboError('not_found', `no incident numbered #${n}`, { subject: 'number' });
  if (ids.length > 1) throw new JikenboError('conflict', `#${n} is the number of incidents ${ids.join(', ')}: give one of their ids`, { subject: 'number' });
  return ids[0]!;
}

/**
 * An incident as a person or a URL names it: a number of either form (2024-504, J2024-0078, '#' allowed),
 * or an internal id (53), which keeps working though nothing shows it any more.
 */
export async function resolveIncidentRef(store: IncidentStore, ref: string): Promise<number> {
  const text = ref.trim().replace(/^#/, '');
  if (/^[1-9][0-9]{0,15}$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  if (incidentNumberOf(text) !== null) return incidentByNumber(store, text);
  throw new JikenboError('bad_input', `"${ref.slice(0, 40)}" is not an incident: give its number, such as 2024-504 or J2024-0078`, { subject: 'incident', key: 'error.not_an_incident_ref', params: { raw: ref.slice(0, 40) } });
}

/** The incident's public identifier (core/public-id.ts), read from the store; the id itself when it is gone. */
export async function publicIdOfIncident(store: IncidentStore, id: number): Promise<string> {
  const incident = await store.getIncident(id);
  return incident ? publicIncidentId(incident) : String(id);
}
