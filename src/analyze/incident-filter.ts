// The one filter over incident facts that the incidents page, the dashboard and the exports share:
// values within a facet are alternatives (OR), facets combine (AND). Pure: rows in, rows out.
//
//   import { filterIncidents, type IncidentFilter } from '../analyze/incident-filter.ts';
//   filterIncidents(await loadIncidentFacts(store), { types: ['loss'], years: ['2024'], ppc: true });
//
// Full-text search is not here (it needs the store): resolve the query to incident ids first
// (src/app/incident-search.ts) and pass them as `ids`.
import { inDatasetChoice, type DatasetChoice } from '../core/dataset.ts';
import type { DataType, IncidentType, Sector } from '../core/record.ts';

/** The fields of an incident-facts row that the filter reads (IncidentFacts of src/app/incident-facts.ts has them all). */
export interface FilterableIncident {
  id: number;
  incidentTypes: readonly IncidentType[];
  sector: Sector | null;
  dataTypes: readonly DataType[];
  /** YYYY-MM-DD */
  disclosureDate: string | null;
  contractorInvolved: boolean;
  reportedToPpc: boolean;
  attacker: string | null;
  reviewState: 'unreviewed' | 'reviewed';
  /** core/dataset.ts: absent or 'jp-notices' for the incidents of the notices jikenbo reads. */
  dataset?: string;
}

export interface IncidentFilter {
  /** Any of these incident types. */
  types?: readonly IncidentType[];
  /** Any of these sectors. */
  sectors?: readonly Sector[];
  /** Any of these data types. */
  dataTypes?: readonly DataType[];
  /** Disclosed in any of these years ('2024'); 'none' for undated incidents. */
  years?: readonly string[];
  /** Disclosed in any of these months ('2024-05'). */
  months?: readonly string[];
  /** Disclosure date range, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  contractor?: boolean;
  ppc?: boolean;
  /** true: the notices name an attacker (a group, a person); false: they do not. */
  attacker?: boolean;
  review?: 'unreviewed' | 'reviewed';
  /** Only these incidents (the hits of a full-text search). */
  ids?: ReadonlySet<number>;
  /** The Japanese notices' incidents, the imported ones, or all (core/dataset.ts); all when absent. */
  dataset?: DatasetChoice;
}

/** The facets a filter has, in the order pages show them. */
export const FACETS = ['types', 'sectors', 'dataTypes', 'years', 'months', 'contractor', 'ppc', 'attacker', 'review'] as const;
export type Facet = (typeof FACETS)[number];

const anyOf = <T>(wanted: readonly T[] | undefined, has: (v: T) => boolean) => !wanted || wanted.length === 0 || wanted.some(has);

/** Whether one row passes one facet of the filter (true when the filter leaves the facet open). */
export function passesFacet(row: FilterableIncident, filter: IncidentFilter, facet: Facet): boolean {
  switch (facet) {
    case 'types': return anyOf(filter.types, (t) => row.incidentTypes.includes(t));
    case 'sectors': return anyOf(filter.sectors, (s) => row.sector === s);
    case 'dataTypes': return anyOf(filter.dataTypes, (d) => row.dataTypes.includes(d));
    case 'years': return anyOf(filter.years, (y) => (y === 'none' ? row.disclosureDate === null : row.disclosureDate?.startsWith(`${y}-`) === true));
    case 'months': return anyOf(filter.months, (m) => row.disclosureDate?.startsWith(`${m}-`) === true);
    case 'contractor': return filter.contractor === undefined || row.contractorInvolved === filter.contractor;
    case 'ppc': return filter.ppc === undefined || row.reportedToPpc === filter.ppc;
    case 'attacker': return filter.attacker === undefined || (row.attacker !== null) === filter.attacker;
    case 'review': return filter.review === undefined || row.reviewState === filter.review;
  }
}

/** What every facet shares: the search hits and the date range. */
export function passesScope(row: FilterableIncident, filter: IncidentFilter): boolean {
  if (filter.ids && !filter.ids.has(row.id)) return false;
  if (!inDatasetChoice(row.dataset, filter.dataset)) return false;
  if (filter.from && (row.disclosureDate === null || row.disclosureDate < filter.from)) return false;
  if (filter.to && (row.disclosureDate === null || row.disclosureDate > filter.to)) return false;
  return true;
}

/** The rows that pass the whole filter, in their given order. */
export function filterIncidents<T extends FilterableIncident>(rows: readonly T[], filter: IncidentFilter): T[] {
  return rows.filter((row) => passesScope(row, filter) && FACETS.every((f) => passesFacet(row, filter, f)));
}

/** True when the filter narrows nothing. */
export function isEmptyFilter(filter: IncidentFilter): boolean {
  return !filter.ids && !filter.from && !filter.to && (filter.dataset === undefined || filter.dataset === 'all') && FACETS.every((f) => {
    const v = filter[f];
    return v === undefined || (Array.isArray(v) && v.length === 0);
  });
}
