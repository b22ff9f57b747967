// Incidents as a STIX 2.1 bundle (for OpenCTI, MISP): an incident per incident, the victim as an
// identity with its sector, located in Japan, a report per notice, a ransomware group (the notice's
// attacker or a confirmed claim's) as an intrusion-set with its aliases, another named attacker as a
// threat-actor, relationships between them, the record's own fields in a property extension, and the
// TLP 2.0 marking on every object. Ids are UUIDv5 and timestamps come from the
// casebook (dates, ingest times), so the same casebook always gives the same bundle.
import { findGroup, groupKey } from '../analyze/ransomware-groups.ts';
import type { Sector } from '../core/record.ts';
import type { IncidentRow } from './incident-row.ts';
import { incidentKey, stableUuid, stixIncidentId } from './stable-id.ts';
import { DEFAULT_TLP, tlpMarkingDefinition, type Tlp } from './tlp.ts';

export type StixObject = { type: string; id: string; [key: string]: unknown };
export interface StixBundle { type: 'bundle'; id: string; objects: StixObject[] }

/** One notice of an incident, as the bundle's report of it. */
export interface StixNotice {
  /** The notice's title or header line. */
  name: string;
  disclosureDate: string | null;
  /** When the casebook stored it (ISO 8601). */
  ingestedAt: string;
  /** The archived original's SHA-256 and the post's position in it: stable across casebooks. */
  sha256: string;
  ordinal: number;
  /** Where the original came from (a URL or a path). */
  source: string;
}

export interface StixIncident {
  row: IncidentRow;
  notices: StixNotice[];
  /** The groups of the leak-site claims a person confirmed for the incident, as the claims name them. */
  claimGroups?: readonly string[];
}

export interface StixOptions {
  /** The TLP 2.0 level marked on every object (default clear: the notices are public). */
  tlp?: Tlp;
}

const SPEC_VERSION = '2.1';
/** The extension's definition never changes once published: its timestamps are fixed. */
const EXTENSION_CREATED = '2025-01-01T00:00:00.000Z';
export const EXTENSION_ID = `extension-definition--${stableUuid('stix-extension', 'jikenbo-record/1')}`;
export const PRODUCER_ID = `identity--${stableUuid('stix-identity', 'producer:jikenbo')}`;
/** Every victim in the casebook is in Japan (it keeps Japanese organisations' notices). */
export const JAPAN_LOCATION_ID = `location--${stableUuid('stix-location', 'country:JP')}`;

/** Sectors → STIX industry-sector-ov; 'services' and 'other' have no counterpart and stay in the extension. */
const STIX_SECTOR: Partial<Record<Sector, string>> = {
  healthcare: 'healthcare', government: 'government', education: 'education', ecommerce: 'retail', retail: 'retail',
  manufacturing: 'manufacturing', finance: 'financial-services', it: 'technology', media: 'entertainment',
  real_estate: 'construction', nonprofit: 'non-profit',
};

function producer(): StixObject {
  return {
    type: 'identity', spec_version: SPEC_VERSION, id: PRODUCER_ID, created: EXTENSION_CREATED, modified: EXTENSION_CREATED,
    name: 'jikenbo', identity_class: 'system', description: 'jikenbo 事件簿: a casebook of Japanese security-incident notices',
  };
}

function extensionDefinition(): StixObject {
  return {
    type: 'extension-definition', spec_version: SPEC_VERSION, id: EXTENSION_ID, created_by_ref: PRODUCER_ID,
    created: EXTENSION_CREATED, modified: EXTENSION_CREATED,
    name: 'jikenbo incident record',
    description: 'The fields of a jikenbo incident record (SPEC.md keys) that STIX has no property for: casebook number, ' +
      'incident and data types, affected count, dates, reporting to the PPC and police, contractor involvement, discovery.',
    schema: 'Plain-text definition. Properties (each omitted when unknown): casebook_number (string YYYY-NNN), organization, ' +
      'sector, incident_types (list), data_types (list), affected_count (integer), disclosure_date, occurred_date, ' +
      'discovered_date (YYYY-MM-DD), reported_to_ppc, reported_to_police, contractor_involved (booleans), attacker, discovery, ' +
      'review_state; values as in jikenbo SPEC.md.',
    version: '1.0.0',
    extension_types: ['property-extension'],
  };
}

/** Notice timestamps: the ingest time, normalised to STIX's UTC form. */
function ts(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? EXTENSION_CREATED : d.toISOString();
}

function dayStamp(date: string | null): string | null {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : null;
}

/** The record's fields, as custom properties: no nulls and no empty lists (STIX forbids both). */
function recordExtension(row: IncidentRow): Record<string, unknown> {
  const props: Record<string, unknown> = {
    extension_type: 'property-extension',
    // The definition says YYYY-NNN: a casebook header's number. jikenbo's own (JYYYY-NNNN) is in external_references.
    casebook_number: row.number !== null && /^\d{4}-\d{3,}$/.test(row.number) ? row.number : null,
    organization: row.organization, sector: row.sector,
    incident_types: row.incidentTypes, data_types: row.dataTypes, affected_count: row.affectedCount,
    disclosure_date: row.disclosureDate, occurred_date: row.occurredDate, discovered_date: row.discoveredDate,
    reported_to_ppc: row.reportedToPpc, reported_to_police: row.reportedToPolice, contractor_involved: row.contractorInvolved,
    attacker: row.attacker, discovery: row.discovery, review_state: row.reviewState,
  };
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
}

function japan(): StixObject {
  return {
    type: 'location', spec_version: SPEC_VERSION, id: JAPAN_LOCATION_ID, created_by_ref: PRODUCER_ID,
    created: EXTENSION_CREATED, modified: EXTENSION_CREATED, name: 'Japan', region: 'eastern-asia', country: 'JP',
  };
}

/** The id of a ransomware group's intrusion-set: one per group of the alias table, whatever the spelling. */
export function intrusionSetId(canonicalName: string): string {
  return `intrusion-set--${stableUuid('stix-intrusion-set', groupKey(canonicalName))}`;
}

function relationship(type: string, source: StixObject, target: StixObject, created: string): StixObject {
  return {
    type: 'relationship', spec_version: SPEC_VERSION,
    id: `relationship--${stableUuid('stix-relationship', `${type}|${source.id}|${target.id}`)}`,
    created_by_ref: PRODUCER_ID, created, modified: created,
    relationship_type: type, source_ref: source.id, target_ref: target.id,
  };
}

/** The bundle. Objects shared by several incidents (a victim, an attacker) appear once. */
export function toStixBundle(incidents: readonly StixIncident[], options: StixOptions = {}): StixBundle {
  const objects = new Map<string, StixObject>();
  const put = (o: StixObject) => {
    const old = objects.get(o.id);
    // A shared object keeps its earliest creation and latest modification, whatever the input order.
    if (old) {
      if (String(o.created) < String(old.created)) old.created = o.created;
      if (String(o.modified) > String(old.modified)) old.modified = o.modified;
      return old;
    }
    objects.set(o.id, o);
    return o;
  };
  const marking = put(tlpMarkingDefinition(options.tlp ?? DEFAULT_TLP));
  put(producer());
  put(extensionDefinition());

  for (const { row, notices, claimGroups } of incidents) {
    const times = notices.map((n) => ts(n.ingestedAt)).sort();
    const created = dayStamp(row.disclosureDate) ?? times[0] ?? EXTENSION_CREATED;
    const modified = [created, ...times].sort().at(-1)!;
    const name = [row.number ? `#${row.number}` : null, row.organization, row.title].filter(Boolean).join(' ') || `incident ${row.id}`;
    const incident = put({
      type: 'incident', spec_version: SPEC_VERSION, id: stixIncidentId(incidentKey(row)),
      created_by_ref: PRODUCER_ID, created, modified, name,
      ...(row.title ? { description: row.title } : {}),
      ...(row.incidentTypes.length ? { labels: [...row.incidentTypes] } : {}),
      lang: 'ja',
      ...(row.number ? { external_references: [{ source_name: 'jikenbo', external_id: row.number }] } : {}),
      extensions: { [EXTENSION_ID]: recordExtension(row) },
    });

    // An incident merged into this one: its old id, revoked, and a duplicate-of to this one, so a
    // consumer that holds it learns where it went instead of keeping two incidents.
    for (const old of row.replaces ?? []) {
      const when = ts(old.at);
      const stub = put({
        type: 'incident', spec_version: SPEC_VERSION, id: stixIncidentId(old.exportKey), created_by_ref: PRODUCER_ID,
        created: [created, when].sort()[0]!, modified: when, name: `merged into ${name}`, revoked: true,
      });
      put({ ...relationship('duplicate-of', stub, incident, stub.created as string), modified: when });
    }

    const refs = [incident.id];
    let victim: StixObject | undefined;
    if (row.organization) {
      const sector = row.sector ? STIX_SECTOR[row.sector] : undefined;
      victim = put({
        type: 'identity', spec_version: SPEC_VERSION, id: `identity--${stableUuid('stix-identity', `organization:${row.organization.normalize('NFKC')}`)}`,
        created_by_ref: PRODUCER_ID, created, modified, name: row.organization, identity_class: 'organization',
        ...(sector ? { sectors: [sector] } : {}),
      });
      refs.push(victim.id);
      put(relationship('targets', incident, victim, created));
      const location = put(japan());
      put(relationship('located-at', victim, location, EXTENSION_CREATED));
    }
    // Ransomware groups (the alias table's, from the notice's attacker or a confirmed claim) are
    // intrusion-sets with their aliases; an attacker the table does not know stays a threat-actor.
    const groups = new Map<string, { name: string; aliases: readonly string[] }>();
    for (const name of [row.attacker, ...(claimGroups ?? [])]) {
      const group = name ? findGroup(name) : null;
      if (group) groups.set(group.name, group);
      else if (name && name !== row.attacker) groups.set(name.trim(), { name: name.trim(), aliases: [] });
    }
    const actors: StixObject[] = [];
    for (const group of groups.values()) {
      actors.push(put({
        type: 'intrusion-set', spec_version: SPEC_VERSION, id: intrusionSetId(group.name), created_by_ref: PRODUCER_ID,
        created, modified, name: group.name, ...(group.aliases.length ? { aliases: [...group.aliases] } : {}),
        goals: ['financial gain through ransomware and data-leak extortion'], primary_motivation: 'personal-gain',
      }));
    }
    if (row.attacker && !findGroup(row.attacker)) {
      actors.push(put({
        type: 'threat-actor', spec_version: SPEC_VERSION, id: `threat-actor--${stableUuid('stix-threat-actor', row.attacker.normalize('NFKC').toLowerCase())}`,
        created_by_ref: PRODUCER_ID, created, modified, name: row.attacker,
        threat_actor_types: [row.incidentTypes.includes('ransomware') ? 'crime-syndicate' : 'unknown'],
      }));
    }
    for (const actor of actors) {
      refs.push(actor.id);
      put(relationship('attributed-to', incident, actor, created));
      if (victim) put(relationship('targets', actor, victim, created));
    }
    for (const n of notices) {
      const published = dayStamp(n.disclosureDate) ?? ts(n.ingestedAt);
      const reportCreated = ts(n.ingestedAt);
      put({
        type: 'report', spec_version: SPEC_VERSION, id: `report--${stableUuid('stix-report', `${n.sha256}:${n.ordinal}`)}`,
        created_by_ref: PRODUCER_ID, created: reportCreated, modified: reportCreated,
        name: n.name || name, published, report_types: ['threat-report'], lang: 'ja',
        object_refs: [...refs],
        external_references: [{
          source_name: 'jikenbo-archive', description: `original notice (post ${n.ordinal + 1})`, hashes: { 'SHA-256': n.sha256 },
          ...(/^https?:\/\//.test(n.source) ? { url: n.source } : {}),
        }],
      });
    }
  }
  // The level applies to every object but the marking itself.
  const list = [...objects.values()].map((o) => (o === marking ? o : { ...o, object_marking_refs: [marking.id] }));
  const bundleKey = list.map((o) => o.id).sort().join(',');
  return { type: 'bundle', id: `bundle--${stableUuid('stix-bundle', bundleKey)}`, objects: list };
}
