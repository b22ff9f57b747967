// Deterministic UUIDs (version 5) for exported objects: exporting twice gives the same ids.
import { v5 as uuidv5 } from 'uuid';

/** jikenbo's own UUIDv5 namespace, itself derived from the URL namespace so that it never changes. */
export const JIKENBO_NAMESPACE = uuidv5('urn:jikenbo:casebook', uuidv5.URL);

/** A UUIDv5 of `kind:key` in jikenbo's namespace (`stableUuid('incident', '2023-042')`). */
export function stableUuid(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, JIKENBO_NAMESPACE);
}

/** The key an incident is known by outside: its casebook number, else its local id. */
export function incidentKey(row: { id: number; number: string | null; numberClash?: boolean }): string {
  if (!row.number) return `local:${row.id}`;
  return row.numberClash ? `casebook:${row.number}/local:${row.id}` : `casebook:${row.number}`;
}
