// An incident's own record, merged from its notices by one stated rule per field, each value with
// the notice it came from.

import type { Correction } from '../core/corrections.ts';
import type { DataType, Discovery, IncidentRecord, IncidentType, Sector } from '../core/record.ts';
import type { NoticeLink } from './grouping-types.ts';

export type MergeRule =
  | 'client_else_earliest' | 'earliest' | 'earliest_date' | 'latest_stated' | 'union' | 'any_true'
  | 'first_stated' | 'most_common_then_earliest'
  /** A person's correction of the incident, in force over every rule above. */
  | 'person';

/**
 * The rule of each field. "Earliest" and "latest" order notices by disclosure date, undated notices
 * after dated ones, then by ingest order.
 *
 * | field               | rule                      | why                                                   |
 * |---------------------|---------------------------|-------------------------------------------------------|
 * | organization        | client_else_earliest      | the client's notice where a contractor link says who it is, else the first notice's |
 * | title               | earliest                  | the first notice names the incident                   |
 * | disclosure_date     | earliest_date             | first disclosure                                      |
 * | occurred_date       | earliest_date             | the event began at its earliest stated day            |
 * | discovered_date     | earliest_date             | first awareness, whoever had it                       |
 * | affected_count      | latest_stated             | follow-ups correct the count; the newest stated wins  |
 * | incident_types      | union                     | each notice may add what it learned                   |
 * | data_types          | union                     |                                                       |
 * | reported_to_ppc     | any_true                  | one notice saying so is enough                        |
 * | reported_to_police  | any_true                  |                                                       |
 * | contractor_involved | any_true                  |                                                       |
 * | attacker            | first_stated              | first non-null in notice order                        |
 * | discovery           | first_stated              |                                                       |
 * | sector              | most_common_then_earliest | notices of one incident may read the field differently |
 */
export const MERGE_RULES = {
  organization: 'client_else_earliest',
  title: 'earliest',
  disclosure_date: 'earliest_date',
  occurred_date: 'earliest_date',
  discovered_date: 'earliest_date',
  affected_count: 'latest_stated',
  incident_types: 'union',
  data_types: 'union',
  reported_to_ppc: 'any_true',
  reported_to_police: 'any_true',
  contractor_involved: 'any_true',
  attacker: 'first_stated',
  discovery: 'first_stated',
  sector: 'most_common_then_earliest',
} as const satisfies Record<string, MergeRule>;

export interface Provenance<T> {
  value: T;
  rule: MergeRule;
  /** The notice the value came from; null when no notice states it. */
  noticeId: number | null;
  /** For union and any_true: every notice that contributed. */
  noticeIds: number[];
  /** Set when the value is a person's correction (rule 'person'). */
  correction?: Correction;
}

export interface MergedRecord {
  organization: Provenance<string | null>;
  title: Provenance<string | null>;
  disclosure_date: Provenance<string | null>;
  occurred_date: Provenance<string | null>;
  discovered_date: Provenance<string | null>;
  affected_count: Provenance<number | null>;
  incident_types: Provenance<IncidentType[]>;
  data_types: Provenance<DataType[]>;
  reported_to_ppc: Provenance<boolean>;
  reported_to_police: Provenance<boolean>;
  contractor_involved: Provenance<boolean>;
  attacker: Provenance<string | null>;
  discovery: Provenance<Discovery | null>;
  sector: Provenance<Sector | null>;
  /** Every organisation named by its notices, in notice order. */
  organizations: string[];
}

export interface MergeInput {
  noticeId: number;
  record: IncidentRecord;
  links: readonly NoticeLink[];
}

/** Notice order of the merge rules: by disclosure date, undated after dated, then by notice id. */
export function mergeOrder(a: MergeInput, b: MergeInput): number {
  const [da, db] = [a.record.disclosure_date ?? '9999', b.record.disclosure_date ?? '9999'];
  return da < db ? -1 : da > db ? 1 : a.noticeId - b.noticeId;
}

function pick<T>(rule: MergeRule, from: MergeInput | undefined, value: (r: IncidentRecord) => T, fallback: T): Provenance<T> {
  return from ? { value: value(from.record), rule, noticeId: from.noticeId, noticeIds: [from.noticeId] }
    : { value: fallback, rule, noticeId: null, noticeIds: [] };
}

function firstStated<K extends 'attacker' | 'discovery' | 'organization'>(
  ordered: MergeInput[], key: K, rule: MergeRule,
): Provenance<IncidentRecord[K] | null> {
  return pick<IncidentRecord[K] | null>(rule, ordered.find((m) => m.record[key] !== null), (r) => r[key], null);
}

function earliestDate(ordered: MergeInput[], key: 'disclosure_date' | 'occurred_date' | 'discovered_date') {
  const dated = ordered.filter((m) => m.record[key] !== null).sort((a, b) => a.record[key]!.localeCompare(b.record[key]!) || mergeOrder(a, b));
  return pick('earliest_date', dated[0], (r) => r[key], null);
}

function union<T extends IncidentType | DataType>(ordered: MergeInput[], values: (r: IncidentRecord) => T[]): Provenance<T[]> {
  const seen: T[] = [];
  const contributors: number[] = [];
  for (const m of ordered) {
    const added = values(m.record).filter((v) => !seen.includes(v));
    if (added.length) contributors.push(m.noticeId);
    seen.push(...added);
  }
  return { value: seen, rule: 'union', noticeId: contributors[0] ?? null, noticeIds: contributors };
}

function anyTrue(ordered: MergeInput[], key: 'reported_to_ppc' | 'reported_to_police' | 'contractor_involved'): Provenance<boolean> {
  const yes = ordered.filter((m) => m.record[key]).map((m) => m.noticeId);
  return { value: yes.length > 0, rule: 'any_true', noticeId: yes[0] ?? null, noticeIds: yes };
}

function mostCommonSector(ordered: MergeInput[]): Provenance<Sector | null> {
  const counts = new Map<Sector, number>();
  for (const m of ordered) if (m.record.sector) counts.set(m.record.sector, (counts.get(m.record.sector) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  // Ties go to the earliest notice's sector: ordered.find keeps notice order.
  const from = ordered.find((m) => m.record.sector !== null && counts.get(m.record.sector) === top);
  const agreeing = from ? ordered.filter((m) => m.record.sector === from.record.sector).map((m) => m.noticeId) : [];
  return { ...pick('most_common_then_earliest', from, (r) => r.sector, null), noticeIds: agreeing };
}

/** The client's notice, where a client_contractor link inside the incident names it. */
function clientOf(ordered: MergeInput[]): MergeInput | undefined {
  const ids = new Set(ordered.map((m) => m.noticeId));
  for (const m of ordered) {
    for (const link of m.links) {
      if (link.rule === 'client_contractor' && link.client !== undefined && ids.has(link.client)) {
        const client = ordered.find((c) => c.noticeId === link.client);
        if (client?.record.organization) return client;
      }
    }
  }
  return undefined;
}

export function mergeIncident(members: readonly MergeInput[]): MergedRecord {
  const ordered = [...members].sort(mergeOrder);
  const client = clientOf(ordered);
  const stated = [...ordered].reverse().find((m) => m.record.affected_count !== null);
  return {
    organization: client
      ? pick('client_else_earliest', client, (r) => r.organization, null)
      : firstStated(ordered, 'organization', 'client_else_earliest'),
    title: pick('earliest', ordered[0], (r) => r.title, null),
    disclosure_date: earliestDate(ordered, 'disclosure_date'),
    occurred_date: earliestDate(ordered, 'occurred_date'),
    discovered_date: earliestDate(ordered, 'discovered_date'),
    affected_count: pick('latest_stated', stated, (r) => r.affected_count, null),
    incident_types: union(ordered, (r) => r.incident_types),
    data_types: union(ordered, (r) => r.data_types),
    reported_to_ppc: anyTrue(ordered, 'reported_to_ppc'),
    reported_to_police: anyTrue(ordered, 'reported_to_police'),
    contractor_involved: anyTrue(ordered, 'contractor_involved'),
    attacker: firstStated(ordered, 'attacker', 'first_stated'),
    discovery: firstStated(ordered, 'discovery', 'first_stated'),
    sector: mostCommonSector(ordered),
    organizations: [...new Set(ordered.flatMap((m) => (m.record.organization ? [m.record.organization] : [])))],
  };
}

export type MergedField = keyof typeof MERGE_RULES;

export function isMergedField(field: string): field is MergedField {
  return Object.hasOwn(MERGE_RULES, field);
}

/** People's live corrections of the incident laid over the merged values; the latest of a field wins. */
export function overlayCorrections(merged: MergedRecord, corrections: readonly Correction[]): MergedRecord {
  const out: MergedRecord = { ...merged };
  const live = corrections.filter((c) => c.revertedAt === null && isMergedField(c.field))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  for (const c of live) {
    (out as unknown as Record<MergedField, Provenance<unknown>>)[c.field as MergedField] =
      { value: c.newValue, rule: 'person', noticeId: null, noticeIds: [], correction: c };
  }
  return out;
}
