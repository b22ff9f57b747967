// Deterministic UUIDs (version 5) for exported objects: exporting twice gives the same ids.
import { v5 as uuidv5 } from 'uuid';

/** jikenbo's own UUIDv5 namespace, itself derived from the URL namespace so that it never changes. */
export const JIKENBO_NAMESPACE = uuidv5('urn:jikenbo:casebook', uuidv5.URL);

/** A UUIDv5 of `kind:key` in jikenbo's namespace (`stableUuid('incident', '2023-042')`). */
export function stableUuid(kind: string, key: string): string {
  return uuidv5(`${kind}:${key}`, JIKENBO_NAMESPACE);
}

/**
 * The key an incident is exported under: its stored export key, fixed when the incident was first
 * stored (a random UUID; for incidents stored before export keys, the key their exports were derived
 * from then: `casebook:2023-042`, `local:12`). Regroups, merges, numbers and re-extraction never change it.
 */
export function incidentKey(row: { exportKey: string }): string {
  return row.exportKey;
}

/** The VERIS incident_id of an export key. */
export function verisIncidentId(exportKey: string): string {
  return stableUuid('incident', exportKey);
}

/** The STIX incident id of an export key. */
export function stixIncidentId(exportKey: string): string {
  return `incident--${stableUuid('stix-incident', exportKey)}`;
}
