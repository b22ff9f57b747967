// Incidents as MISP events (MISP's JSON event format, one event per incident), for MISP and OpenCTI's
// MISP import. Tags come from MISP taxonomies: `tlp` for the TLP 2.0 level, `rsit` (the Reference
// Security Incident Taxonomy, MISP/misp-taxonomies rsit/machinetag.json) for the incident type, and the
// `misp-galaxy:ransomware` cluster for a ransomware group of the alias table. Uuids are UUIDv5 of the
// incident's export key and timestamps come from the casebook, so the same casebook gives the same events.
import { findGroup } from '../analyze/ransomware-groups.ts';
import type { IncidentType } from '../core/record.ts';
import { hostOf } from '../core/host-name.ts';
import type { IncidentRow } from './incident-row.ts';
import { incidentKey, stableUuid } from './stable-id.ts';
import { DEFAULT_TLP, type Tlp } from './tlp.ts';

/**
 * The MISP attribute types jikenbo writes, each with the categories MISP allows it in (its first the
 * one used): from MISP's describeTypes.json (MISP/PyMISP pymisp/data/describeTypes.json,
 * category_type_mappings), which MISP checks an attribute against on import.
 */
export const MISP_ATTRIBUTE_TYPES = {
  link: ['External analysis', 'Antivirus detection', 'Internal reference', 'Payload delivery', 'Support Tool'],
  text: ['Other', 'Antivirus detection', 'Artifacts dropped', 'Attribution', 'External analysis', 'Financial fraud', 'Internal reference',
    'Network activity', 'Payload delivery', 'Payload installation', 'Payload type', 'Persistence mechanism', 'Person', 'Social network', 'Support Tool'],
  domain: ['Network activity', 'External analysis', 'Payload delivery'],
  'target-org': ['Targeting data'],
  'target-location': ['Targeting data'],
  'threat-actor': ['Attribution'],
} as const satisfies Record<string, readonly string[]>;
export type MispAttributeType = keyof typeof MISP_ATTRIBUTE_TYPES;

/** MISP's distribution levels (0 your organisation … 3 all communities) for each TLP level. */
const DISTRIBUTION: Readonly<Record<Tlp, string>> = { red: '0', amber: '1', green: '2', clear: '3' };

/** jikenbo's incident types as RSIT tags (namespace:predicate="value"; every value is one of the taxonomy's). */
export const RSIT_TAG: Readonly<Record<IncidentType, readonly string[]>> = {
  ransomware: ['rsit:malicious-code="infected-system"', 'rsit:information-content-security="unauthorised-information-modification"'],
  unauthorized_access: ['rsit:information-content-security="unauthorised-information-access"'],
  web_skimming: ['rsit:intrusions="application-compromise"'],
  sql_injection: ['rsit:intrusions="application-compromise"'],
  credential_stuffing: ['rsit:intrusion-attempts="brute-force"'],
  account_takeover: ['rsit:intrusions="unprivileged-account-compromise"'],
  phishing: ['rsit:fraud="phishing"'],
  malware: ['rsit:malicious-code="infected-system"'],
  support_scam: ['rsit:fraud="masquerade"'],
  misconfiguration: ['rsit:vulnerable="information-disclosure"'],
  misdelivery: ['rsit:information-content-security="unauthorised-information-access"'],
  loss: ['rsit:information-content-security="data-loss"'],
  theft: ['rsit:information-content-security="data-loss"'],
  insider: ['rsit:information-content-security="unauthorised-information-access"'],
  ddos: ['rsit:availability="ddos"'],
  outage: ['rsit:availability="outage"'],
  other: ['rsit:other="other"'],
};

export interface MispNotice {
  /** Where the notice was published (a URL) or the path it was read from. */
  source: string;
  disclosureDate: string | null;
  /** When the casebook stored it (ISO 8601). */
  ingestedAt: string;
}

export interface MispIncident {
  row: IncidentRow;
  notices: readonly MispNotice[];
  /** Confirmed leak-site claims: their group and the victim domain they give. */
  claims?: readonly { group: string; domain: string | null }[];
}

export interface MispAttribute {
  uuid: string;
  type: MispAttributeType;
  category: string;
  value: string;
  to_ids: boolean;
  distribution: string;
  timestamp: string;
  comment: string;
}

export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    date: string;
    threat_level_id: string;
    analysis: string;
    distribution: string;
    published: boolean;
    timestamp: string;
    Orgc: { name: string; uuid: string };
    Tag: { name: string }[];
    Attribute: MispAttribute[];
  };
}

export const MISP_ORG_UUID = stableUuid('misp-org', 'jikenbo');
/** Before any incident could be stored: the timestamp when nothing better is known. */
const EPOCH = '2000-01-01T00:00:00.000Z';

function unix(iso: string): string {
  const t = new Date(iso).getTime();
  return String(Math.floor((Number.isNaN(t) ? new Date(EPOCH).getTime() : t) / 1000));
}

/** The event of one incident. */
export function toMispEvent(incident: MispIncident, options: { tlp?: Tlp } = {}): MispEvent {
  const { row, notices, claims = [] } = incident;
  const tlp = options.tlp ?? DEFAULT_TLP;
  const uuid = stableUuid('misp-event', incidentKey(row));
  const ingested = notices.map((n) => n.ingestedAt).filter((t) => !Number.isNaN(new Date(t).getTime())).sort();
  const lastChange = ingested.at(-1) ?? EPOCH;
  const timestamp = unix(lastChange);
  const date = [row.disclosureDate, ...notices.map((n) => n.disclosureDate)].find((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d))
    ?? (ingested[0] ?? EPOCH).slice(0, 10);
  const info = [row.number ? `#${row.number}` : null, row.organization, row.title].filter(Boolean).join(' ') || `incident ${row.id}`;

  const attributes: MispAttribute[] = [];
  const add = (type: MispAttributeType, value: string, comment: string) => {
    const v = value.trim();
    if (!v || attributes.some((a) => a.type === type && a.value === v)) return;
    attributes.push({
      uuid: stableUuid('misp-attribute', `${uuid}|${type}|${v}`), type, category: MISP_ATTRIBUTE_TYPES[type][0], value: v,
      // Nothing here is an indicator to block: the victim's own domain least of all.
      to_ids: false, distribution: '5', timestamp, comment,
    });
  };
  if (row.organization) add('target-org', row.organization, 'victim organisation');
  add('target-location', 'Japan', 'victim country (JP)');
  for (const n of notices) if (/^https?:\/\//.test(n.source)) add('link', n.source, 'the incident notice');
  if (row.title) add('text', row.title, 'notice title');
  for (const c of claims) if (c.domain && hostOf(c.domain)) add('domain', hostOf(c.domain)!, 'victim domain named by a leak-site claim');

  const tags = new Set<string>([`tlp:${tlp}`]);
  for (const t of row.incidentTypes) for (const tag of RSIT_TAG[t]) tags.add(tag);
  for (const name of [row.attacker, ...claims.map((c) => c.group)]) {
    if (!name) continue;
    const group = findGroup(name);
    if (group) tags.add(`misp-galaxy:ransomware="${group.name}"`);
    add('threat-actor', group?.name ?? name, group ? 'ransomware group (jikenbo alias table)' : 'attacker as named');
  }

  return {
    Event: {
      uuid, info, date,
      // 4 = undefined: jikenbo records what was disclosed, it does not rate the threat.
      threat_level_id: '4',
      // 2 = completed when a person reviewed the record, 1 = ongoing otherwise.
      analysis: row.reviewState === 'reviewed' ? '2' : '1',
      distribution: DISTRIBUTION[tlp], published: false, timestamp,
      Orgc: { name: 'jikenbo', uuid: MISP_ORG_UUID },
      Tag: [...tags].map((name) => ({ name })),
      Attribute: attributes,
    },
  };
}

/** A MISP feed's manifest.json: each event's uuid → its summary (what MISP reads before fetching it). */
export function mispManifest(events: readonly MispEvent[]): Record<string, unknown> {
  return Object.fromEntries(events.map(({ Event: e }) => [e.uuid, {
    info: e.info, date: e.date, threat_level_id: e.threat_level_id, analysis: e.analysis, timestamp: e.timestamp, Orgc: e.Orgc, Tag: e.Tag,
  }]));
}
