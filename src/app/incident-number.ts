// An incident by its number, of either form: a casebook header's 2024-078 or jikenbo's own J2024-0078.
// A number an incident took over in a merge still finds it; a header number two incidents share is a conflict.
import { incidentNumberOf } from '../analyze/casebook-number.ts';
import { JikenboError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';

/** The one incident `number` finds: not_found for none, conflict when two incidents have it (a clash a person decides). */
export async function incidentByNumber(store: Store, number: string): Promise<number> {
  const n = incidentNumberOf(number);
  if (n === null) {
    throw new JikenboError('bad_input', `"${number.slice(0, 40)}" is not a number like 2024-078 or J2024-0078`, { subject: 'number' });
  }
  const ids = await store.findIncidentsByNumber(n);
  if (ids.length === 0) throw new JikenboError('not_found', `no incident numbered #${n}`, { subject: 'number' });
  if (ids.length > 1) throw new JikenboError('conflict', `#${n} is the number of incidents ${ids.join(', ')}: give one of their ids`, { subject: 'number' });
  return ids[0]!;
}
